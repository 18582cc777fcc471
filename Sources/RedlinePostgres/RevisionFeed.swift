#if Postgres
    import Foundation
    import Logging
    import PostgresNIO
    import RedlineStore

    /// A revision as committed to the store, with its place in the commit order.
    public struct CommittedRevision: Sendable {
        /// Its event number: revisions are numbered 1, 2, 3… store-wide in commit order
        /// (`follow --since N` resumes after event N).
        public let event: Int64
        /// The revision.
        public let revision: Revision
        /// When it was committed (the server's clock).
        public let committedAt: Date
    }

    extension PostgresStore {
        /// The newest event's number (0 when nothing was committed yet).
        public func latestEvent() throws(StoreError) -> Int64 {
            try transaction(writing: false) { rows in
                try rows.rows("SELECT COALESCE(MAX(id), 0) FROM redline.events").first?.decode(Int64.self) ?? 0
            }
        }

        /// Revisions committed after event `after`, in commit order (at most `limit`).
        public func committed(after event: Int64, limit: Int = 500) throws(StoreError) -> [CommittedRevision] {
            try transaction(writing: false) { rows in
                let events = try rows.rows(
                    """
                    SELECT e.id, a.key, e.seq, EXTRACT(EPOCH FROM e.committed_at)::DOUBLE PRECISION
                    FROM redline.events e JOIN redline.articles a ON a.id = e.article_id
                    WHERE e.id > \(event) ORDER BY e.id LIMIT \(limit)
                    """
                ).map { try $0.decode((Int64, String, Int, Double).self) }
                return try events.compactMap { id, key, number, committed in
                    guard let articleID = try rows.articleID(key), let head = try rows.head(articleID) else {
                        return nil
                    }
                    guard let row = try rows.row(articleID, number: number, head: head) else { return nil }
                    let metadata = try rows.metadata(articleID, number: number, head: head)
                    return CommittedRevision(
                        event: id, revision: row.revision(article: key, metadata: metadata),
                        committedAt: Date(timeIntervalSince1970: committed))
                }
            }
        }
    }

    /// Follows a store: every revision committed after a given event, in commit order, as it
    /// commits — announced by `NOTIFY` on a connection of its own, read with
    /// ``PostgresStore/committed(after:limit:)``. When the server goes away (a restart, a lost
    /// network) it logs it, reconnects with growing pauses (up to 10 s) and resumes after the last
    /// revision it delivered, so nothing is skipped or repeated.
    public struct RevisionFollower: Sendable {
        let store: PostgresStore
        let logger: Logger

        /// A follower of `store`, logging lost connections to `logger`.
        public init(store: PostgresStore, logger: Logger) {
            self.store = store
            self.logger = logger
        }

        /// Delivers every revision committed after event `since` to `deliver`, until `stop` says so
        /// (checked at least every `pollInterval` seconds) or `deliver` returns false.
        public func run(
            since: Int64, pollInterval: Double = 0.5, stop: @escaping @Sendable () -> Bool,
            deliver: @escaping @Sendable (CommittedRevision) async throws -> Bool
        ) async throws {
            var last = since
            var pause = 0.5
            var connectedBefore = false
            while !stop() {
                do {
                    let connection = try await store.address.connect(id: 2, logger: store.driverLogger)
                    defer { Task { try? await connection.close() } }
                    if connectedBefore {
                        logger.warning("reconnected to \(store.location); resuming after event \(last)")
                    }
                    connectedBefore = true
                    pause = 0.5
                    try await connection.listen(on: PostgresSchema.channel) { notifications in
                        // Listening first, then catching up: nothing committed in between is missed.
                        // A wake-up for each notification, and one every `pollInterval` to look at `stop`.
                        let signals = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
                        let reader = Task {
                            defer { signals.continuation.finish() }
                            for try await _ in notifications { signals.continuation.yield() }
                        }
                        let ticker = Task {
                            while !Task.isCancelled {
                                try? await Task.sleep(for: .seconds(pollInterval))
                                signals.continuation.yield()
                            }
                        }
                        defer {
                            reader.cancel()
                            ticker.cancel()
                        }
                        var wakeups = signals.stream.makeAsyncIterator()
                        while !stop() {
                            for committed in try store.committed(after: last) {
                                last = committed.event
                                guard try await deliver(committed) else { return }
                            }
                            guard await wakeups.next() != nil, !connection.isClosed else {
                                throw StoreError(.server("the connection was closed"))
                            }
                        }
                    }
                    if !stop() { return }  // `deliver` asked to stop
                } catch {
                    guard !stop() else { return }
                    logger.warning(
                        "lost the connection to \(store.location) (\(PostgresStore.reason(error))); reconnecting in \(String(format: "%.1f", pause)) s"
                    )
                    try? await Task.sleep(for: .seconds(pause))
                    pause = min(pause * 2, 10)
                }
            }
        }
    }
#endif
