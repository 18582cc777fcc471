import ArgumentParser
import Foundation
import Logging
import Redline

#if Postgres
    import RedlinePostgres
#endif

/// `redline follow [--since EVENT] [--format json] --store postgres://…`.
struct FollowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow",
        abstract: "Print each revision as it is committed to a PostgreSQL store, with what changed in it.",
        discussion: """
            For dashboards and alerting: every crawler writing to the store is followed at once. Revisions \
            are numbered store-wide in commit order (events); each prints one line, `event N: ARTICLE@REV \
            (captured …): what changed`, or one JSON object per line with --format json (Docs/JSON.md). \
            When the server goes away, follow says so on standard error, reconnects and resumes after the \
            last event it printed; --since N starts after event N (0: from the first). Ctrl-C exits \
            (status 0). Needs a build with the Postgres trait.
            """)

    @Option(name: .long, help: "Start after this event (default: only revisions committed from now on; 0: all).")
    var since: Int64?

    @Option(name: .long, help: "Exit after this many revisions (default: follow until Ctrl-C).")
    var count: Int?

    @Option(name: .long, help: "Output format: text or json (Docs/JSON.md).")
    var format: TextOrJSON = .text

    @OptionGroup var store: StoreOption

    func run() async throws {
        if let count, count < 1 { throw Terminal.trouble("--count \(count): give 1 or more.") }
        if let since, since < 0 { throw Terminal.trouble("--since \(since): give an event number, 0 or more.") }
        guard store.serverAddress != nil else {
            throw Terminal.trouble(
                "follow needs a PostgreSQL store (--store postgres://… or REDLINE_STORE); for a SQLite store, "
                    + "`redline log` lists the revisions and `redline watch` prints them as it captures them.")
        }
        #if Postgres
            guard let opened = try store.open() as? PostgresStore else { return }
            let logger = Logger(label: "redline.follow") { TerminalLogHandler(label: $0, level: .info) }
            let start = try since ?? withStore { () throws(StoreError) in try opened.latestEvent() }
            StopRequest.install()
            let format = self.format
            let limit = count ?? .max
            let printed = Counter()
            try await RevisionFollower(store: opened, logger: logger).run(
                since: start, stop: { StopRequest.requested }
            ) { committed in
                Self.print(committed, change: try? RevisionChange(committed.revision, in: opened), format: format)
                return printed.increment() < limit
            }
        #else
            throw Terminal.trouble(ServerStore.withoutPostgres)
        #endif
    }

    #if Postgres
        static func print(_ committed: CommittedRevision, change: RevisionChange?, format: TextOrJSON) {
            let revision = committed.revision
            let summary = change?.summary ?? "added"
            guard format == .json else {
                Terminal.line(
                    "event \(committed.event): \(revision.article)@\(revision.number) "
                        + "(captured \(revision.capturedAt.storeStamp)): \(summary)")
                return
            }
            let counts = change?.comparison.diff.counts
            let facts = change?.comparison.facts?.changes ?? []
            let entry = StoreJSON.Follow(
                event: committed.event, article: revision.article, revision: revision.number,
                capturedAt: StoreJSON.stamp(revision.capturedAt), committedAt: StoreJSON.stamp(committed.committedAt),
                rawSize: revision.rawSize, revertOf: revision.revertOf, summary: summary,
                deletedTokens: revision.number > 1 ? counts?.deletedTokens : nil,
                insertedTokens: revision.number > 1 ? counts?.insertedTokens : nil,
                facts: facts.map { .init(kind: $0.kind.rawValue, change: $0.change.rawValue, old: $0.old, new: $0.new) }
            )
            try? StoreJSON.print(entry)
        }
    #endif
}

/// A count shared with the follower's callback.
final class Counter: @unchecked Sendable {
    // @unchecked: only touched from the one follower task, in order.
    private var value = 0

    /// Adds one and returns the new count.
    func increment() -> Int {
        value += 1
        return value
    }
}
