// `redline-net`: the commands that use the network (`redline snapshot URL`, later `redline watch`).
//
// They live in their own executable because URLSession needs libcurl, which cannot be linked
// statically: loading it and its 30 libraries costs 3.5 ms at every start, more than a whole
// `redline diff` of an article. `redline` stays one static file that starts in a millisecond and
// hands these commands to `redline-net` (exec, same arguments).
import ArgumentParser
import Foundation
import Redline
import RedlineFeeds
import RedlineFetch
import RedlineNet

#if canImport(Glibc)
    import Glibc
#endif

/// What the network commands share: opening the store for writing, and reporting trouble.
enum NetTerminal {
    /// Opens the store, or exits 2 saying where Redline looked.
    static func openStore(_ explicit: String?) throws -> SQLiteStore {
        do {
            return try SQLiteStore(path: StoreLocation.find(explicit: explicit), access: .readWrite)
        } catch {
            throw fail(error.description)
        }
    }

    /// Trouble unless `value` is a finite number within `range` (`--timeout nan`, `inf` and
    /// `1e300` would otherwise reach the HTTP client and trap there).
    static func check(_ option: String, _ value: Double, in range: ClosedRange<Double>) throws {
        guard value.isFinite, range.contains(value) else {
            throw fail("\(option) \(value): give a number from \(range.lowerBound) to \(range.upperBound).")
        }
    }

    /// Prints `redline: message` on standard error and returns the "trouble" exit code.
    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("redline: \(message)\n".utf8))
        return ExitCode(2)
    }
}

/// The network half of `redline`.
struct NetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redline",
        abstract: "Redline's network commands: snapshot a URL, watch feeds.",
        subcommands: [SnapshotURLCommand.self, WatchCommand.self])
}

/// `redline snapshot URL [--article ID] [--at TIME]`.
struct SnapshotURLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Fetch a page and add its article to the store; an unchanged page adds nothing.",
        discussion: """
            Redirects are followed (the final URL is recorded), the ETag and Last-Modified of each fetch are \
            kept so the next one is a conditional GET (a 304 adds nothing), gzip answers are decompressed, \
            non-HTML answers and 4xx/5xx statuses are reported without touching the store. Exit status: 0 \
            on success (added, unchanged or not modified), 2 on trouble.
            """)

    @Argument(help: "The page's URL (http or https).")
    var url: String

    @Option(name: .long, help: "The article's id (default: the URL, canonicalised).")
    var article: String?

    @Option(name: .long, help: "Seconds to wait for a complete answer.")
    var timeout: Double = 30

    @Option(name: .customLong("max-size"), help: "The largest answer accepted, in MiB.")
    var maxSize: Int = 16

    @Option(name: .long, help: "The store: a directory holding .redline, the .redline directory, or the database file.")
    var store: String?

    func run() async throws {
        try NetTerminal.check("--timeout", timeout, in: 0.1...86_400)
        try NetTerminal.check("--max-size", Double(maxSize), in: 1...1024)
        guard let target = URL(string: url), ["http", "https"].contains(target.scheme?.lowercased() ?? "") else {
            throw fail("\(url): not an http or https URL.")
        }
        if let article, ArticleKey(article).value.isEmpty {
            throw fail("--article '\(article)': an article id cannot be empty. Give a name or a URL.")
        }
        let opened = try NetTerminal.openStore(store)
        let fetcher = PageFetcher(timeout: timeout, sizeLimit: maxSize << 20)
        do {
            switch try await URLSnapshot.run(
                url: target, article: article.map(ArticleKey.init), store: opened, fetcher: fetcher)
            {
            case .added(let revision, let finalURL):
                let moved = finalURL.absoluteString == url ? "" : " (from \(finalURL.absoluteString))"
                print("\(revision.article)@\(revision.number): added, \(revision.rawSize) bytes\(moved)")
            case .unchanged(let revision, _):
                print("\(revision.article)@\(revision.number): unchanged, nothing added")
            case .notModified(let key):
                print("\(key.value): not modified (304), nothing added")
            }
        } catch {
            throw fail(error.description)
        }
    }

    func fail(_ message: String) -> ExitCode { NetTerminal.fail(message) }
}

/// `redline watch FEED_URL... [--interval 10m] [--once] [--max-age 7d]`.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Poll RSS/Atom feeds, snapshot every article they link to, and re-check articles as they age.",
        discussion: """
            Articles are re-checked every 15 minutes within 3 hours of a change, hourly within a day, every 3 hours \
            within a week, twice a day after that, and not at all once older than --max-age. Each new revision \
            prints one line with what changed in it. Ctrl-C finishes the capture in progress and exits (status 0); \
            a second Ctrl-C exits at once.
            """)

    @Argument(help: "Feed URLs (RSS 2.0 or Atom).")
    var feeds: [String] = []

    @Option(name: .customLong("feeds"), help: "A file of feed URLs: one per line, or OPML.")
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

    @Option(name: .long, help: "Seconds to wait for a complete answer.")
    var timeout: Double = 30

    @Option(name: .customLong("per-host"), help: "At most this many requests at once to one host.")
    var perHost: Int = 2

    @Option(name: .customLong("host-delay"), help: "Seconds between the starts of two requests to one host.")
    var hostDelay: Double = 1

    @Option(name: .long, help: "The store: a directory holding .redline, the .redline directory, or the database file.")
    var store: String?

    func run() async throws {
        try NetTerminal.check("--timeout", timeout, in: 0.1...86_400)
        try NetTerminal.check("--host-delay", hostDelay, in: 0...86_400)
        try NetTerminal.check("--per-host", Double(perHost), in: 1...64)
        guard let interval = Self.seconds(interval), interval.isFinite, interval >= 1, interval <= 31_536_000 else {
            throw fail("--interval \(self.interval): give a duration from 1s to 365d, such as 90s, 10m or 1h.")
        }
        guard let maxAge = Self.seconds(maxAge), maxAge.isFinite, maxAge >= 1, maxAge <= 3_153_600_000 else {
            throw fail("--max-age \(self.maxAge): give a duration such as 48h or 7d (at most 100 years).")
        }
        var urls = feeds.compactMap(URL.init(string:))
        if let feedList {
            guard let data = FileManager.default.contents(atPath: feedList) else {
                throw fail("\(feedList): cannot read the feed list.")
            }
            urls += FeedList.parse(data)
        }
        guard !urls.isEmpty else { throw fail("give at least one feed URL, or --feeds FILE.") }
        let opened = try NetTerminal.openStore(store)
        let webhookURL = try webhook.map { text in
            guard let url = URL(string: text) else { throw fail("--webhook \(text): not a URL.") }
            return url
        }
        StopRequest.install()
        let watcher = Watcher(
            store: opened, fetcher: PageFetcher(timeout: timeout, connectionsPerHost: perHost, hostDelay: hostDelay),
            options: .init(
                feeds: urls, interval: interval, once: once, schedule: RecheckSchedule(maxAge: maxAge),
                webhook: webhookURL,
                exec: exec),
            say: { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) },
            warn: { line in FileHandle.standardError.write(Data("redline: \(line)\n".utf8)) })
        let outcome = await watcher.run { StopRequest.requested }
        if once, outcome.feedsRead == 0, outcome.feedsFailed > 0 {
            throw fail("every feed failed (\(outcome.feedsFailed)); nothing was read. Check the URLs and the network.")
        }
    }

    /// "90s", "10m", "2h", "7d", or seconds.
    static func seconds(_ text: String) -> TimeInterval? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        if let last = text.last, let unit = units[last], let value = Double(text.dropLast()) { return value * unit }
        return Double(text)
    }

    func fail(_ message: String) -> ExitCode { NetTerminal.fail(message) }
}

/// Ctrl-C (and SIGTERM): the first asks the watcher to stop after the capture in progress; the
/// second exits at once.
enum StopRequest {
    nonisolated(unsafe) static var requested = false

    static func install() {
        for signal in [SIGINT, SIGTERM] {
            Glibc.signal(signal) { number in
                if StopRequest.requested { Glibc._exit(128 + number) }
                StopRequest.requested = true
            }
        }
    }
}

@main
enum NetMain {
    static func main() async {
        do {
            var command = try NetCommand.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Glibc.exit(exit.rawValue)
        } catch {
            let code = NetCommand.exitCode(for: error)
            let message = NetCommand.fullMessage(for: error)
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Glibc.exit(code == .success ? 0 : code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
