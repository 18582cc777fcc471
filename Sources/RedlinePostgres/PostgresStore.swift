#if Postgres
    import Foundation
    import Logging
    import PostgresNIO
    import RedlineStore

    /// The revision store on a PostgreSQL server, for crawlers on many machines: the same rows,
    /// codecs, numbering, duplicate and revert rules as ``SQLiteStore`` (both run the rules of
    /// ``StoreRows``), behind one connection.
    ///
    /// - Every write is one transaction that first takes a transaction-level advisory lock per
    ///   article it touches (in key order, so two writers never deadlock): revision numbers stay
    ///   gapless and ordered under any concurrency, and two writers cannot both add the same
    ///   revision.
    /// - Each added revision gets an event, numbered in commit order (the event lock is taken just
    ///   before commit), and a `NOTIFY`, for `redline follow`.
    /// - A connection lost before `COMMIT` was sent leaves nothing: the transaction is run again
    ///   on a new connection (at most ``maxAttempts`` times, each retry logged). Lost after it was
    ///   sent, the store reconnects and looks: the write is reported as committed, or run again,
    ///   or — when the server cannot be reached — as ``StoreError/Reason/connectionLost(detail:committed:)``
    ///   with `committed: nil`.
    public final class PostgresStore: RevisionStore, @unchecked Sendable {
        // @unchecked: the connection is only touched with `lock` held.

        /// The address, without its password.
        public let location: String
        let address: PostgresAddress
        let readOnly: Bool
        let logger: Logger
        /// PostgresNIO's own logging, kept quiet.
        let driverLogger = Logger(label: "redline.postgres.driver") { _ in SwiftLogNoOpLogHandler() }
        private let lock = NSLock()
        private var connection: WaitedConnection?

        /// How many times a transaction is tried when the connection drops or the server asks for
        /// a retry (serialisation failure, deadlock).
        public static let maxAttempts = 4

        /// Opens the store at `address` (`postgres://user@host:port/database`); with `create`,
        /// creates its schema first (migrations recorded in `redline.migrations`).
        public init(
            address: String, readOnly: Bool = false, create: Bool = false,
            logger: Logger = Logger(label: "redline.postgres") { StreamLogHandler.standardError(label: $0) }
        ) throws(StoreError) {
            self.address = try PostgresAddress(address)
            location = self.address.display
            self.readOnly = readOnly
            self.logger = logger
            try locked { () throws(StoreError) in
                if create { try createDatabaseIfMissing() }
                let connection = try connected()
                do {
                    if create { try PostgresSchema.migrate(connection, logger: driverLogger) }
                    guard try PostgresSchema.isPresent(connection, logger: driverLogger) else {
                        throw StoreError(
                            .notFound(
                                searched:
                                    "\(location) (no Redline schema there yet: run `redline init --store \(location)`)")
                        )
                    }
                } catch {
                    throw mapped(error)
                }
            }
        }

        deinit {
            connection?.close()
        }

        // MARK: Connections and transactions

        private func locked<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
            lock.lock()
            defer { lock.unlock() }
            return try body()
        }

        /// Closes the current connection (a lost one too: its channel must be closed before it
        /// goes) and forgets it.
        private func dropConnection() {
            connection?.close()
            connection = nil
        }

        /// A new connection, waited for.
        static func connect(_ address: PostgresAddress, logger: Logger) throws -> WaitedConnection {
            WaitedConnection(try BlockingBridge.shared.wait { try await address.connect(id: 1, logger: logger) })
        }

        /// The open connection, connecting first when there is none (or it was lost).
        private func connected() throws(StoreError) -> WaitedConnection {
            do {
                return try reconnected()
            } catch {
                throw StoreError(
                    .server(
                        "could not connect to \(location): \(Self.reason(error)). Check that the server is running and the address is right"
                    ))
            }
        }

        /// The open connection, or a new one (the driver's error when there is none to be had).
        private func reconnected() throws -> WaitedConnection {
            if let connection, !connection.isClosed { return connection }
            dropConnection()
            let made = try Self.connect(address, logger: driverLogger)
            connection = made
            return made
        }

        /// `redline init` on a database that does not exist yet: creates it, from the server's
        /// `postgres` database (the user needs the CREATEDB privilege).
        private func createDatabaseIfMissing() throws(StoreError) {
            let address = address
            let logger = driverLogger
            do {
                connection = try Self.connect(address, logger: logger)
                return
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "3D000" {
                guard let name = address.configuration.database else { return }
                do {
                    try BlockingBridge.shared.wait {
                        let admin = try await address.connect(database: "postgres", id: 1, logger: logger)
                        defer { Task { try? await admin.close() } }
                        let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                        try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(quoted)"), logger: logger)
                    }
                } catch {
                    throw StoreError(.server("could not create the database \(name): \(Self.reason(error))"))
                }
            } catch {
                return  // `connected()` reports it
            }
        }

        /// Runs `body` in one transaction (read-only, repeatable read, for reads), retrying on a
        /// lost connection or a retryable server error. For writes, `landed` tells after a
        /// connection lost during `COMMIT` whether the write is in the store.
        func transaction<T>(
            writing: Bool, landed: ((PostgresRows, T) throws -> Bool)? = nil, _ body: (PostgresRows) throws -> T
        ) throws(StoreError) -> T {
            if writing && readOnly { throw StoreError(.readOnly(path: location)) }
            return try locked { () throws(StoreError) in
                var attempt = 1
                while true {
                    var value: T?
                    var commitSent = false
                    var unreachable = false
                    do {
                        let live: WaitedConnection
                        // Connected before (by an earlier write of this command, say): a server that
                        // cannot be reached now went away during the command, and is waited for.
                        let wasConnected = attempt > 1 || connection != nil
                        do {
                            live = wasConnected ? try reconnected() : try connected()
                        } catch {
                            unreachable = wasConnected
                            throw error
                        }
                        let rows = PostgresRows(connection: live, logger: driverLogger)
                        try rows.execute(
                            writing
                                ? "BEGIN ISOLATION LEVEL READ COMMITTED"
                                : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                        let result = try body(rows)
                        value = result
                        commitSent = true
                        try rows.execute("COMMIT")
                        return result
                    } catch {
                        let lost = unreachable || Self.isConnectionLoss(error) || connection?.isClosed == true
                        if !lost, let connection {
                            try? PostgresRows(connection: connection, logger: driverLogger).execute("ROLLBACK")
                        }
                        guard lost || Self.isRetryable(error), attempt < Self.maxAttempts else {
                            let detail =
                                unreachable ? "the server cannot be reached: \(Self.reason(error))" : Self.reason(error)
                            if lost && commitSent {
                                throw StoreError(
                                    .connectionLost(detail: detail, committed: try? landedAfterLoss(value, landed)))
                            }
                            if lost { throw StoreError(.connectionLost(detail: detail, committed: false)) }
                            throw mapped(error)
                        }
                        if lost {
                            dropConnection()
                            if commitSent, writing, let value, let found = try? landedAfterLoss(value, landed), found {
                                logger.warning(
                                    "the connection to \(location) was lost during COMMIT; the write is in the store")
                                return value
                            }
                        }
                        let what =
                            unreachable
                            ? "the server at \(location) cannot be reached"
                            : lost ? "the connection to \(location) was lost" : "the server asked for a retry"
                        logger.warning(
                            "\(what) (\(Self.reason(error))); trying again (\(attempt + 1) of \(Self.maxAttempts))")
                        Thread.sleep(forTimeInterval: 0.2 * Double(attempt * attempt))
                        attempt += 1
                    }
                }
            }
        }

        /// After a connection was lost during `COMMIT`: whether the write is in the store.
        private func landedAfterLoss<T>(_ value: T?, _ landed: ((PostgresRows, T) throws -> Bool)?) throws -> Bool {
            guard let value, let landed else { throw StoreError(.database("cannot tell")) }
            dropConnection()
            let rows = PostgresRows(connection: try connected(), logger: driverLogger)
            return try landed(rows, value)
        }

        static func isConnectionLoss(_ error: any Error) -> Bool {
            if let error = error as? PSQLError {
                switch error.code {
                case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown: return true
                default:
                    // 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now
                    return ["57P01", "57P02", "57P03"].contains(error.serverInfo?[.sqlState] ?? "")
                }
            }
            return error is ChannelError || error is NIOConnectionError || error is IOError
        }

        static func isRetryable(_ error: any Error) -> Bool {
            guard let error = error as? PSQLError else { return false }
            // serialization_failure, deadlock_detected
            return ["40001", "40P01"].contains(error.serverInfo?[.sqlState] ?? "")
        }

        /// What the server or the network said, without the query's data.
        static func reason(_ error: any Error) -> String {
            if let error = error as? StoreError { return error.description }
            if let error = error as? PSQLError {
                if let message = error.serverInfo?[.message] { return message }
                if let underlying = error.underlying { return reason(underlying) }
                switch error.code {
                case .serverClosedConnection: return "the server closed the connection"
                case .clientClosedConnection: return "the connection was closed"
                default: return "\(error.code)"
                }
            }
            // Connecting: the first address's failure ("Connection refused"), not NIO's whole list.
            if let error = error as? NIOConnectionError {
                if let failure = error.connectionErrors.first { return reason(failure.error) }
                if let lookup = error.dnsAError ?? error.dnsAAAAError { return "name lookup: \(reason(lookup))" }
            }
            if let error = error as? IOError { return String(cString: strerror(error.errnoCode)) }
            if let error = error as? ChannelError, case .ioOnClosedChannel = error {
                return "the connection was closed"
            }
            // Decoding errors describe themselves in full only when asked to.
            if error is PostgresDecodingError { return String(reflecting: error) }
            return "\(error)"
        }

        func mapped(_ error: any Error) -> StoreError {
            if let error = error as? StoreError { return error }
            if let error = error as? PSQLError, error.serverInfo?[.sqlState] == "25006" {
                return StoreError(.readOnly(path: location))
            }
            if let error = error as? PSQLError, error.serverInfo?[.sqlState] == "53100" {
                return StoreError(.diskFull(path: location))
            }
            return StoreError(.server(Self.reason(error)))
        }

        // MARK: Writing

        /// Adds several prepared versions in one transaction: all of them or, on failure, none.
        public func add(prepared: [PreparedRevision]) throws(StoreError) -> [AddResult] {
            let keys = Set(prepared.map(\.item.article.value)).sorted()
            return try transaction(
                writing: true,
                landed: { rows, results in
                    try results.allSatisfy { result in
                        guard case .added(let revision) = result else { return true }
                        guard let id = try rows.articleID(revision.article) else { return false }
                        return try rows.head(id).map { $0.number >= revision.number } ?? false
                    }
                }
            ) { rows in
                // Every article's lock, in key order (one round trip).
                try rows.execute(
                    "SELECT COUNT(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM unnest(\(keys)::text[]) AS k")
                let results = try rows.insert(prepared)
                let events = try results.compactMap { result -> (article: Int64, number: Int)? in
                    guard case .added(let revision) = result, let id = try rows.articleID(revision.article) else {
                        return nil
                    }
                    return (id, revision.number)
                }
                try rows.flush(events: events)
                return results
            }
        }

        // MARK: Reading

        /// A revision and its text, checked against its digest.
        public func text(of article: ArticleKey, _ selector: RevisionSelector) throws(StoreError) -> (Revision, [UInt8])
        {
            try transaction(writing: false) { rows in try rows.text(of: article, selector) }
        }

        /// The article's newest revision, or nil.
        public func latestRevision(of article: ArticleKey) throws(StoreError) -> Revision? {
            try transaction(writing: false) { rows in try rows.latestRevision(of: article) }
        }

        /// The stored digest (hex; a prefix of the SHA-256) of each revision of an article, by number.
        public func digests(of article: ArticleKey) throws(StoreError) -> [Int: String] {
            try transaction(writing: false) { rows in try rows.digests(of: article) }
        }

        /// Every revision of an article, oldest first.
        public func revisions(of article: ArticleKey) throws(StoreError) -> [Revision] {
            try transaction(writing: false) { rows in try rows.revisions(of: article) }
        }

        /// Every revision of an article with its text, oldest first, decoded in one pass.
        public func history(of article: ArticleKey) throws(StoreError) -> [(Revision, [UInt8])] {
            try transaction(writing: false) { rows in try rows.history(of: article) }
        }

        /// Every article, in key order (bytewise, as SQLite sorts).
        public func articles() throws(StoreError) -> [ArticleSummary] {
            try transaction(writing: false) { rows in
                try rows.rows(
                    """
                    SELECT a.key, h.seq,
                        LEAST(h.captured_at, COALESCE(MIN(r.captured_at) + CAST(ROUND(a.created_at * 1000) AS BIGINT), h.captured_at)),
                        GREATEST(h.captured_at, COALESCE(MAX(r.captured_at) + CAST(ROUND(a.created_at * 1000) AS BIGINT), h.captured_at))
                    FROM redline.articles a JOIN redline.heads h ON h.article_id = a.id
                    LEFT JOIN redline.history r ON r.article_id = a.id
                    GROUP BY a.id, a.key, h.seq, h.captured_at ORDER BY a.key COLLATE "C"
                    """
                ).map { row in
                    let (key, count, first, last) = try row.decode((String, Int, Int64, Int64).self)
                    return ArticleSummary(
                        key: key, revisions: count, firstCaptured: Date(timeIntervalSince1970: Double(first) / 1000),
                        lastCaptured: Date(timeIntervalSince1970: Double(last) / 1000))
                }
            }
        }

        // MARK: Checking

        /// Every revision decoded and checked; what could not be verified.
        public func check() throws(StoreError) -> [StoreProblem] {
            try transaction(writing: false) { rows in
                try rows.rows("SELECT id, key FROM redline.articles ORDER BY key COLLATE \"C\"").flatMap { row in
                    let (id, key) = try row.decode((Int64, String).self)
                    return try rows.check(id, key: key)
                }
            }
        }

        /// Counts and sizes; the bytes on disk are the `redline` schema's tables and indexes.
        public func statistics() throws(StoreError) -> StoreStatistics {
            try transaction(writing: false) { rows in
                let row = try rows.rows(
                    """
                    SELECT (SELECT COUNT(*) FROM redline.articles),
                        (SELECT COUNT(*) FROM redline.heads) + (SELECT COUNT(*) FROM redline.history),
                        (SELECT COALESCE(SUM(raw_size), 0) FROM redline.heads) + (SELECT COALESCE(SUM(raw_size), 0) FROM redline.history),
                        (SELECT COALESCE(SUM(LENGTH(payload)), 0) FROM redline.heads)
                            + (SELECT COALESCE(SUM(LENGTH(payload)), 0) FROM redline.history),
                        (SELECT CAST(COALESCE(SUM(pg_total_relation_size(c.oid)), 0) AS BIGINT) FROM pg_class c
                            JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'redline' AND c.relkind = 'r')
                    """
                ).first
                let (articles, revisions, raw, stored, bytes) =
                    try row?.decode((Int, Int, Int, Int, Int).self) ?? (0, 0, 0, 0, 0)
                return StoreStatistics(
                    articles: articles, revisions: revisions, rawBytes: raw, storedBytes: stored, fileBytes: bytes)
            }
        }

        /// Runs SQL as it is, for tests that damage a store on purpose.
        package func execute(unsafeSQL sql: String) throws(StoreError) {
            try transaction(writing: true) { rows in try rows.execute(PostgresQuery(unsafeSQL: sql)) }
        }

        /// Nothing to do: PostgreSQL's autovacuum gives the space of replaced rows back.
        public func compact() throws(StoreError) {}

        // MARK: Fetch state

        /// What the last fetch of an article's URL returned, or nil.
        public func fetchState(of article: ArticleKey) throws(StoreError) -> FetchState? {
            try transaction(writing: false) { rows in
                try rows.rows(
                    """
                    SELECT f.url, f.etag, f.last_modified, f.checked_at, f.changed_at
                    FROM redline.fetch_state f JOIN redline.articles a ON a.id = f.article_id WHERE a.key = \(article.value)
                    """
                ).first.map { row in
                    let (url, etag, modified, checked, changed) = try row.decode(
                        (String, String?, String?, Double, Double?).self)
                    return Self.fetchState(url, etag, modified, checked, changed)
                }
            }
        }

        static func fetchState(
            _ url: String, _ etag: String?, _ modified: String?, _ checked: Double, _ changed: Double?
        )
            -> FetchState
        {
            FetchState(
                url: url, etag: etag, lastModified: modified, checkedAt: Date(timeIntervalSince1970: checked),
                changedAt: changed.map { Date(timeIntervalSince1970: $0) })
        }

        /// Records a fetch of an article (which must exist).
        public func recordFetch(of article: ArticleKey, _ state: FetchState) throws(StoreError) {
            try transaction(writing: true) { rows in
                guard let id = try rows.articleID(article.value) else {
                    throw StoreError(.unknownArticle(article.value, nearby: []))
                }
                let checked = state.checkedAt.timeIntervalSince1970
                let changed = state.changedAt?.timeIntervalSince1970
                try rows.execute(
                    """
                    INSERT INTO redline.fetch_state (article_id, url, etag, last_modified, checked_at, changed_at)
                    VALUES (\(id), \(state.url), \(state.etag), \(state.lastModified), \(checked), \(changed))
                    ON CONFLICT (article_id) DO UPDATE SET url = excluded.url, etag = excluded.etag,
                        last_modified = excluded.last_modified, checked_at = excluded.checked_at,
                        changed_at = COALESCE(excluded.changed_at, redline.fetch_state.changed_at)
                    """)
            }
        }

        /// Every article fetched from a URL, with its fetch state and first capture time.
        public func fetchedArticles() throws(StoreError) -> [(
            article: ArticleKey, state: FetchState, firstCaptured: Date
        )] {
            try transaction(writing: false) { rows in
                try rows.rows(
                    """
                    SELECT f.url, f.etag, f.last_modified, f.checked_at, f.changed_at, a.key, COALESCE(
                        (SELECT r.captured_at + CAST(ROUND(a.created_at * 1000) AS BIGINT) FROM redline.history r
                            WHERE r.article_id = a.id AND r.seq = 1),
                        (SELECT h.captured_at FROM redline.heads h WHERE h.article_id = a.id))
                    FROM redline.fetch_state f JOIN redline.articles a ON a.id = f.article_id ORDER BY a.key COLLATE "C"
                    """
                ).map { row in
                    let (url, etag, modified, checked, changed, key, first) = try row.decode(
                        (String, String?, String?, Double, Double?, String, Int64?).self)
                    let state = Self.fetchState(url, etag, modified, checked, changed)
                    return (
                        ArticleKey(key), state,
                        first.map { Date(timeIntervalSince1970: Double($0) / 1000) } ?? state.checkedAt
                    )
                }
            }
        }
    }
#endif
