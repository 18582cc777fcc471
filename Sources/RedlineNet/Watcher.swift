import Foundation
import Logging
import Redline
import RedlineFeeds
import RedlineFetch

/// `redline watch`: polls feeds, snapshots every article they link to, and re-checks tracked
/// articles on a schedule that slows as they settle (``RecheckSchedule``). Every new revision is
/// announced with what changed in it, and optionally POSTed to a webhook or piped to a command
/// as the JSON report.
public final class Watcher: Sendable {
    /// What to watch and what to do with new revisions.
    public struct Options: Sendable {
        /// The feeds polled on every pass.
        public var feeds: [URL]
        /// Seconds between two polls of the feeds.
        public var interval: TimeInterval
        /// One pass, then return.
        public var once: Bool
        /// When tracked articles are re-checked.
        public var schedule: RecheckSchedule
        /// Where each new revision's JSON report is POSTed.
        public var webhook: URL?
        /// A shell command run with each new revision's JSON report on standard input.
        public var exec: String?
        /// At most this many new articles are taken from one feed in one pass (a feed of 100,000
        /// items would otherwise mean 100,000 fetches); the rest wait for later passes.
        public var maxNewPerFeed: Int

        /// Options for `feeds`; the rest have the command's defaults.
        public init(
            feeds: [URL], interval: TimeInterval = 600, once: Bool = false, schedule: RecheckSchedule = .init(),
            webhook: URL? = nil, exec: String? = nil, maxNewPerFeed: Int = 200
        ) {
            self.maxNewPerFeed = maxNewPerFeed
            self.feeds = feeds
            self.interval = interval
            self.once = once
            self.schedule = schedule
            self.webhook = webhook
            self.exec = exec
        }
    }

    let store: any RevisionStore
    let fetcher: PageFetcher
    let options: Options
    /// Problems (a feed or a page that failed: warning), each pass's summary (info), each
    /// capture (debug).
    let logger: Logger
    /// One line per new revision, with what changed in it: the command's output.
    let say: @Sendable (String) -> Void

    /// A watcher over `store`, fetching with `fetcher`.
    /// - Parameters:
    ///   - store: Where revisions and fetch states are kept.
    ///   - fetcher: The HTTP client (its politeness settings apply to every pass).
    ///   - options: Feeds, interval, schedule and deliveries.
    ///   - logger: Warnings, per-pass summaries and (at debug level) every capture.
    ///   - say: Receives one line per new revision.
    public init(
        store: any RevisionStore, fetcher: PageFetcher, options: Options,
        logger: Logger = Logger(label: "redline.watch"),
        say: @escaping @Sendable (String) -> Void
    ) {
        self.store = store
        self.fetcher = fetcher
        self.options = options
        self.logger = logger
        self.say = say
    }

    /// What a run or a pass did.
    public struct Outcome: Sendable, Equatable {
        /// New revisions stored.
        public var added = 0
        /// Feeds read (a 304 counts as read).
        public var feedsRead = 0
        /// Feeds that could not be fetched or parsed.
        public var feedsFailed = 0
        /// Articles fetched (new links and due re-checks).
        public var checked = 0
        /// Article fetches that failed.
        public var failed = 0

        /// Adds another pass's counts.
        mutating func add(_ other: Outcome) {
            added += other.added
            feedsRead += other.feedsRead
            feedsFailed += other.feedsFailed
            checked += other.checked
            failed += other.failed
        }
    }

    /// Runs until `shouldStop` says so (checked between captures, so a capture in progress
    /// finishes) or, with `once`, after one pass.
    public func run(shouldStop: @Sendable () -> Bool) async -> Outcome {
        var outcome = Outcome()
        var lastPoll = Date.distantPast
        var passes = 0
        while !shouldStop() {
            if Date().timeIntervalSince(lastPoll) >= options.interval || options.once {
                lastPoll = Date()
                passes += 1
                let started = ContinuousClock.now
                let pass = await pass(shouldStop: shouldStop)
                outcome.add(pass)
                logger.info("\(Self.summary(of: pass, number: passes, took: ContinuousClock.now - started))")
            } else {
                var recheck = Outcome()
                await recheckDue(into: &recheck, shouldStop: shouldStop)
                outcome.add(recheck)
                if recheck.checked > 0 {
                    logger.debug("re-checked \(recheck.checked) articles: \(recheck.added) new revisions")
                }
            }
            if options.once { break }
            // Wake every few seconds to notice Ctrl-C, and at least every minute for due rechecks.
            let wake = Date().addingTimeInterval(min(60, options.interval))
            while !shouldStop(), Date() < wake { try? await Task.sleep(for: .milliseconds(200)) }
        }
        return outcome
    }

    /// Reads every feed, snapshots the articles never seen, then re-checks the due ones.
    func pass(shouldStop: @Sendable () -> Bool) async -> Outcome {
        var outcome = Outcome()
        let known = Set(((try? store.fetchedArticles()) ?? []).map(\.article))
        var seen = Set<ArticleKey>()
        for feedURL in options.feeds {
            if shouldStop() { return outcome }
            let entries: [FeedEntry]
            do {
                guard case .page(let page) = try await fetcher.fetch(FetchRequest(url: feedURL, kind: .feed)) else {
                    outcome.feedsRead += 1
                    continue
                }
                entries = try Feed.parse(Data(page.body), baseURL: page.finalURL).entries
                outcome.feedsRead += 1
            } catch let error as FetchError {
                logger.warning("feed \(error.description)")
                outcome.feedsFailed += 1
                continue
            } catch {
                logger.warning("feed \(feedURL.absoluteString): \(error)")
                outcome.feedsFailed += 1
                continue
            }
            var taken = 0
            for entry in entries {
                if shouldStop() { return outcome }
                let key = ArticleKey(entry.link.absoluteString)
                guard !known.contains(key), seen.insert(key).inserted else { continue }
                guard taken < options.maxNewPerFeed else {
                    logger.warning(
                        "feed \(feedURL.absoluteString): more than \(options.maxNewPerFeed) new articles; the rest wait for the next pass (--max-new)"
                    )
                    break
                }
                taken += 1
                // Entries older than --max-age are history, not news to watch.
                if let date = entry.date, Date().timeIntervalSince(date) > options.schedule.maxAge { continue }
                await capture(entry.link, key: key, into: &outcome)
            }
        }
        await recheckDue(into: &outcome, shouldStop: shouldStop)
        return outcome
    }

    /// Re-checks every tracked article whose wait is over.
    func recheckDue(into outcome: inout Outcome, shouldStop: @Sendable () -> Bool) async {
        let now = Date()
        for tracked in (try? store.fetchedArticles()) ?? [] {
            if shouldStop() { break }
            let state = tracked.state
            guard
                options.schedule.isDue(
                    firstSeen: tracked.firstCaptured, lastChanged: state.changedAt ?? tracked.firstCaptured,
                    lastChecked: state.checkedAt, now: now)
            else { continue }
            guard let url = URL(string: tracked.article.value) ?? URL(string: state.url) else { continue }
            await capture(url, key: tracked.article, into: &outcome)
        }
    }

    /// Snapshots one article, counting it in `outcome`; a new revision is announced and delivered.
    func capture(_ url: URL, key: ArticleKey, into outcome: inout Outcome) async {
        outcome.checked += 1
        do {
            guard
                case .added(let revision, _) = try await URLSnapshot.run(
                    url: url, article: key, store: store, fetcher: fetcher)
            else { return }
            outcome.added += 1
            await announce(revision)
        } catch {
            outcome.failed += 1
            logger.warning("\(error.description)")
        }
    }

    /// The line that ends a pass: `pass 3: 2 feeds read, 1 failed; 14 articles checked, 2 new revisions, 1 failed (1.2 s)`.
    static func summary(of pass: Outcome, number: Int, took: Duration) -> String {
        let seconds = Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18
        var feeds = "\(pass.feedsRead) \(pass.feedsRead == 1 ? "feed" : "feeds") read"
        if pass.feedsFailed > 0 { feeds += ", \(pass.feedsFailed) failed" }
        var articles = "\(pass.checked) \(pass.checked == 1 ? "article" : "articles") checked, \(pass.added) new "
        articles += pass.added == 1 ? "revision" : "revisions"
        if pass.failed > 0 { articles += ", \(pass.failed) failed" }
        return "pass \(number): \(feeds); \(articles) (\(String(format: "%.1f", seconds)) s)"
    }

    /// The line, and the JSON report to the webhook and the command.
    func announce(_ revision: Revision) async {
        guard let change = try? RevisionChange(revision, in: store) else {
            say("\(revision.article)@\(revision.number): added")
            return
        }
        say("\(revision.article)@\(revision.number): \(change.summary)")
        guard options.webhook != nil || options.exec != nil else { return }
        let report = JSONReport().render(change.comparison)
        if let webhook = options.webhook {
            do {
                let status = try await fetcher.post(json: report, to: webhook)
                if !(200..<300).contains(status) {
                    logger.warning("webhook \(webhook.absoluteString) answered \(status)")
                }
            } catch {
                logger.warning("webhook: \(error.description)")
            }
        }
        if let command = options.exec { run(command, input: report) }
    }

    /// Runs `/bin/sh -c command` with `input` on its standard input, waiting for it.
    func run(_ command: String, input: [UInt8]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardInput = pipe
        do {
            try process.run()
            pipe.fileHandleForWriting.write(Data(input))
            try pipe.fileHandleForWriting.close()
            process.waitUntilExit()
            if process.terminationStatus != 0 {
                logger.warning("--exec \(command): exit status \(process.terminationStatus)")
            }
        } catch {
            logger.warning("--exec \(command): \(error)")
        }
    }
}
