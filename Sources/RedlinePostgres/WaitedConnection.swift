#if Postgres
    import Foundation
    import Logging
    import NIOCore
    import PostgresNIO

    /// A PostgresNIO connection whose queries are waited for from the calling thread — each until
    /// its result arrives or the connection closes, whichever comes first.
    ///
    /// PostgresNIO hands a query to its channel without a write promise: a query issued just as
    /// the server goes away (the channel closing, its handler already gone) is dropped without its
    /// result ever being completed, and a bare `.wait()` then blocks forever (seen with `pg_ctl -m
    /// immediate` during an import). Here the queries under way are registered, and the
    /// connection's close fails those still waiting, as a lost connection does.
    final class WaitedConnection: Sendable {
        let connection: PostgresConnection
        private let pending = PendingQueries()

        init(_ connection: PostgresConnection) {
            self.connection = connection
            connection.closeFuture.whenComplete { [pending] _ in pending.closed() }
        }

        /// Whether the connection is closed (or was lost).
        var isClosed: Bool { connection.isClosed }

        /// Runs `query` and returns its rows, waited for.
        func run(_ query: PostgresQuery, logger: Logger) throws -> PostgresQueryResult {
            let result = connection.eventLoop.makePromise(of: PostgresQueryResult.self)
            guard let ticket = pending.add(result) else {
                result.fail(ChannelError.ioOnClosedChannel)  // every promise must be completed
                throw ChannelError.ioOnClosedChannel
            }
            defer { pending.remove(ticket) }
            connection.query(query, logger: logger).cascade(to: result)
            return try result.futureResult.wait()
        }

        /// Queries registered and not yet answered (none between two calls: tests check that
        /// nothing accumulates over a long import).
        var queriesWaiting: Int { pending.count }

        /// Closes the connection, waited for (a lost connection's channel too).
        func close() {
            _ = try? connection.close().wait()
        }
    }

    /// The results still awaited on one connection, failed when it closes. (A promise completes
    /// once: failing one whose result already arrived does nothing.)
    private final class PendingQueries: @unchecked Sendable {
        // @unchecked: `waiting` and `isClosed` are only touched with `lock` held.
        private let lock = NSLock()
        private var waiting: [Int: EventLoopPromise<PostgresQueryResult>] = [:]
        private var nextTicket = 0
        private var isClosed = false

        /// Registers `promise`; nil when the connection has already closed.
        func add(_ promise: EventLoopPromise<PostgresQueryResult>) -> Int? {
            lock.withLock {
                guard !isClosed else { return nil }
                nextTicket += 1
                waiting[nextTicket] = promise
                return nextTicket
            }
        }

        var count: Int { lock.withLock { waiting.count } }

        func remove(_ ticket: Int) {
            _ = lock.withLock { waiting.removeValue(forKey: ticket) }
        }

        func closed() {
            let stranded = lock.withLock {
                isClosed = true
                defer { waiting.removeAll() }
                return Array(waiting.values)
            }
            for promise in stranded { promise.fail(ChannelError.ioOnClosedChannel) }
        }
    }
#endif
