import ArgumentParser
import Foundation
import Logging
import Redline
import RedlineFeeds
import RedlineFetch
import RedlineNet
import RedlineSystem

/// `redline watch FEED_URL... [--interval 10m] [--once] [--max-age 7d]`.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Poll RSS/Atom feeds, snapshot every article they link to, and re-check articles as they age.",
        discussion: """
            Articles are re-checked every 15 minutes within 3 hours of a change, hourly within a day, every 3 hours \
            within a week, twice a day after that, and not at all once older than --max-age. Each new revision \
            prints one line on standard output with what changed in it; each pass ends with a summary line on \
            standard error (hidden by --quiet; --verbose adds every request). Ctrl-C finishes the capture in \
            progress and exits (status 0); a second Ctrl-C exits at once. Exit status: 0, or 2 when --once read \
            no feed at all.
            """)

    @Argument(help: "Feed URLs (RSS 2.0 or Atom).")
    var feeds: [String] = []

    @Option(name: .customLong("feeds"), help: "A file of feed URLs: one per line, or OPML.", completion: .file())
    var feedList: String?

    @Option(name: .long, help: "Time between two polls of the feeds: 90s, 10m, 1h.")
    var interval: String = "10m"

    @Flag(name: .long, help: "One pass over the feeds and the due articles, then exit (for cron and CI).")
    var once = false

    @Option(name: .customLong("max-age"), help: "Stop re-checking articles first seen longer ago than this: 7d, 48h.")
    var maxAge: String = "7d"

    @Option(name: .long, help: "POST each new revision's JSON report to this URL.")
    var webhook: String?

    @Option(name: .long, help: "Run this shell command for each new revision, with its JSON report on standard input.")
    var exec: String?

    @Option(name: .customLong("max-new"), help: "At most this many new articles from one feed in one pass.")
    var maxNew: Int = 200

    @Option(name: .long, help: "Seconds to wait for a complete answer.")
    var timeout: Double = 30

    @Option(name: .customLong("per-host"), help: "At most this many requests at once to one host.")
    var perHost: Int = 2

    @Option(name: .customLong("host-delay"), help: "Seconds between the starts of two requests to one host.")
    var hostDelay: Double = 1

    @Flag(
        name: .customLong("allow-link-local"),
        help:
            "Follow links to link-local addresses too (169.254.0.0/16, fe80::/10, where cloud metadata services live).")
    var allowLinkLocal = false

    @Flag(name: .shortAndLong, help: "Log every request and its outcome on standard error.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Only warnings and errors on standard error (no per-pass summary).")
    var quiet = false

    @OptionGroup var store: StoreOption

    func run() async throws {
        try NetworkOptions.check("--timeout", timeout, in: 0.1...86_400)
        try NetworkOptions.check("--host-delay", hostDelay, in: 0...86_400)
        try NetworkOptions.check("--per-host", Double(perHost), in: 1...64)
        try NetworkOptions.check("--max-new", Double(maxNew), in: 1...100_000)
        if verbose, quiet { throw Terminal.trouble("--verbose and --quiet: choose one.") }
        guard let interval = Self.seconds(interval), interval.isFinite, interval >= 1, interval <= 31_536_000 else {
            throw Terminal.trouble(
                "--interval \(self.interval): give a duration from 1s to 365d, such as 90s, 10m or 1h.")
        }
        guard let maxAge = Self.seconds(maxAge), maxAge.isFinite, maxAge >= 1, maxAge <= 3_153_600_000 else {
            throw Terminal.trouble("--max-age \(self.maxAge): give a duration such as 48h or 7d (at most 100 years).")
        }
        var urls: [URL] = []
        for feed in feeds {
            guard let url = NetworkOptions.webURL(feed) else {
                throw Terminal.trouble("\(feed): not an http or https feed URL.")
            }
            urls.append(url)
        }
        if let feedList {
            guard let data = FileManager.default.contents(atPath: feedList) else {
                throw Terminal.trouble("\(feedList): cannot read the feed list.")
            }
            urls += FeedList.parse(data)
        }
        guard !urls.isEmpty else { throw Terminal.trouble("give at least one feed URL, or --feeds FILE.") }
        let webhookURL = try webhook.map { text in
            guard let url = NetworkOptions.webURL(text) else {
                throw Terminal.trouble("--webhook \(text): not an http or https URL.")
            }
            return url
        }
        let opened = try store.open(.readWrite)
        let level: Logger.Level = verbose ? .debug : quiet ? .warning : .info
        let logger = Logger(label: "redline.watch") { label in TerminalLogHandler(label: label, level: level) }
        let fetcher = PageFetcher(
            timeout: timeout, connectionsPerHost: perHost, hostDelay: hostDelay, allowLinkLocal: allowLinkLocal,
            logger: Logger(label: "redline.fetch") { label in TerminalLogHandler(label: label, level: level) })
        StopRequest.install()
        let watcher = Watcher(
            store: opened, fetcher: fetcher,
            options: .init(
                feeds: urls, interval: interval, once: once, schedule: RecheckSchedule(maxAge: maxAge),
                webhook: webhookURL, exec: exec, maxNewPerFeed: maxNew),
            logger: logger,
            say: { line in Terminal.line(line) })
        let outcome = await watcher.run { StopRequest.requested }
        await fetcher.shutdown()
        if once, outcome.feedsRead == 0, outcome.feedsFailed > 0 {
            throw Terminal.trouble(
                "every feed failed (\(outcome.feedsFailed)); nothing was read. Check the URLs and the network.")
        }
    }

    /// "90s", "10m", "2h", "7d", or seconds.
    static func seconds(_ text: String) -> TimeInterval? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        if let last = text.last, let unit = units[last], let value = Double(text.dropLast()) { return value * unit }
        return Double(text)
    }
}

/// What the network commands share: URLs and numeric options checked before anything starts.
enum NetworkOptions {
    /// The URL when `text` is an absolute http or https URL with a host.
    static func webURL(_ text: String) -> URL? {
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), let url = URL(string: text),
            let host = url.host, !host.isEmpty
        else { return nil }
        return url
    }

    /// Trouble unless `value` is a finite number within `range` (`--timeout nan`, `inf` and
    /// `1e300` would otherwise reach the HTTP client and trap there).
    static func check(_ option: String, _ value: Double, in range: ClosedRange<Double>) throws {
        guard value.isFinite, range.contains(value) else {
            throw Terminal.trouble("\(option) \(value): give a number from \(range.lowerBound) to \(range.upperBound).")
        }
    }
}

/// Ctrl-C (and SIGTERM): the first asks the watcher to stop after the capture in progress; the
/// second exits at once.
enum StopRequest {
    nonisolated(unsafe) static var requested = false

    static func install() {
        ProcessControl.onTerminationRequest { number in
            if StopRequest.requested { ProcessControl.exitNow(128 + number) }
            StopRequest.requested = true
        }
    }
}
