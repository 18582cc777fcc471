#if Postgres
    import Foundation
    import PostgresNIO
    import RedlineStore

    /// Schema v2's rows in PostgreSQL, for the shared rules of ``StoreRows``, inside the one
    /// transaction the store opened on `connection`.
    ///
    /// A round trip to the server costs more than the work of a revision, so within a transaction
    /// the rows are cached and the writes buffered: an article's id, epoch, newest revision and
    /// history digests are read once; a batch's history rows, the newest revision of each article
    /// it touched, and its events are written by ``flush()`` in one statement each, just before
    /// `COMMIT` (reads in between see the buffered rows).
    final class PostgresRows: StoreRows {
        let connection: WaitedConnection
        let logger: Logger
        private var ids: [String: Int64] = [:]
        private var epochs: [Int64: Int64] = [:]
        private var heads: [Int64: StoredRow?] = [:]
        private var dirtyHeads: Set<Int64> = []
        /// History rows written in this transaction, per article, oldest first.
        private var pending: [Int64: [StoredRow]] = [:]
        private var pendingOrder: [(Int64, StoredRow)] = []
        /// The history's (number, digest, size) of each article, as stored before this transaction.
        private var storedDigests: [Int64: [(number: Int, digest: [UInt8], size: Int)]] = [:]

        init(connection: WaitedConnection, logger: Logger) {
            self.connection = connection
            self.logger = logger
        }

        func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
            try connection.run(query, logger: logger).rows
        }

        func execute(_ query: PostgresQuery) throws {
            _ = try connection.run(query, logger: logger)
        }

        func articleID(_ key: String) throws -> Int64? {
            if let id = ids[key] { return id }
            let id = try rows("SELECT id FROM redline.articles WHERE key = \(key)").first?.decode(Int64.self)
            if let id { ids[key] = id }
            return id
        }

        func createArticle(_ key: String, at time: Date) throws -> Int64 {
            let created = time.timeIntervalSince1970
            let inserted = try rows(
                """
                INSERT INTO redline.articles (key, created_at) VALUES (\(key), \(created))
                ON CONFLICT (key) DO NOTHING RETURNING id
                """
            ).first
            guard let id = try inserted?.decode(Int64.self) ?? articleID(key) else {
                throw StoreError(.database("could not create article \(key)"))
            }
            ids[key] = id
            heads[id] = .some(nil)
            storedDigests[id] = []
            return id
        }

        func articleKeys() throws -> [String] {
            try rows("SELECT key FROM redline.articles").map { try $0.decode(String.self) }
        }

        func epoch(_ articleID: Int64) throws -> Int64 {
            if let epoch = epochs[articleID] { return epoch }
            let epoch =
                try rows("SELECT \(unescaped: Self.epoch) FROM redline.articles WHERE id = \(articleID)").first?
                .decode(Int64.self) ?? 0
            epochs[articleID] = epoch
            return epoch
        }

        /// An article's epoch in milliseconds, as SQL (the same rounding as SQLite's).
        static let epoch = "CAST(ROUND(created_at * 1000) AS BIGINT)"

        func head(_ articleID: Int64) throws -> StoredRow? {
            if let cached = heads[articleID] { return cached }
            let head = try rows(
                """
                SELECT seq, captured_at, digest, raw_size, revert_of, meta_json, payload
                FROM redline.heads WHERE article_id = \(articleID)
                """
            ).first.map { row in
                let (number, captured, digest, size, revert, metadata, payload) = try row.decode(
                    (Int, Int64, ByteBuffer, Int, Int?, String?, ByteBuffer).self)
                return StoredRow(
                    number: number, capturedAt: captured, digest: Array(digest.readableBytesView), rawSize: size,
                    codec: 0, payload: Array(payload.readableBytesView), revertOf: revert, metadataJSON: metadata)
            }
            heads[articleID] = .some(head)
            return head
        }

        func history(_ articleID: Int64, from: Int, through: Int) throws -> [StoredRow] {
            let buffered = (pending[articleID] ?? []).filter { $0.number >= from && $0.number <= through }
            let stored = try rows(
                """
                SELECT r.seq, r.captured_at + CAST(ROUND(a.created_at * 1000) AS BIGINT), r.digest, r.raw_size,
                    r.codec, r.revert_of, r.meta_json, r.payload
                FROM redline.history r JOIN redline.articles a ON a.id = r.article_id
                WHERE r.article_id = \(articleID) AND r.seq >= \(from) AND r.seq <= \(through) ORDER BY r.seq DESC
                """
            ).map { row in
                let (number, captured, digest, size, codec, revert, metadata, payload) = try row.decode(
                    (Int, Int64, ByteBuffer, Int, Int, Int?, String?, ByteBuffer).self)
                return StoredRow(
                    number: number, capturedAt: captured, digest: Array(digest.readableBytesView), rawSize: size,
                    codec: codec, payload: Array(payload.readableBytesView), revertOf: revert, metadataJSON: metadata)
            }
            return (stored + buffered).sorted { $0.number > $1.number }
        }

        func keyframe(_ articleID: Int64, from number: Int) throws -> Int? {
            let buffered = pending[articleID]?.first { $0.number >= number && $0.isWhole }?.number
            let stored = try rows(
                "SELECT MIN(seq) FROM redline.history WHERE article_id = \(articleID) AND seq >= \(number) AND codec = 0"
            ).first?.decode(Int?.self)
            return [buffered, stored].compactMap { $0 }.min()
        }

        /// The history's digests as stored before this transaction, read once.
        private func stored(_ articleID: Int64) throws -> [(number: Int, digest: [UInt8], size: Int)] {
            if let known = storedDigests[articleID] { return known }
            let read = try rows(
                "SELECT seq, digest, raw_size FROM redline.history WHERE article_id = \(articleID)"
            ).map { row in
                let (number, digest, size) = try row.decode((Int, ByteBuffer, Int).self)
                return (number, Array(digest.readableBytesView), size)
            }
            storedDigests[articleID] = read
            return read
        }

        func historyDigests(_ articleID: Int64) throws -> [(number: Int, digest: [UInt8])] {
            try stored(articleID).map { ($0.number, $0.digest) }
                + (pending[articleID] ?? []).map { ($0.number, $0.digest) }
        }

        func candidates(_ articleID: Int64, digest: [UInt8], size: Int) throws -> [Int] {
            let stored = try stored(articleID).filter { $0.digest == digest && $0.size == size }.map(\.number)
            let buffered = (pending[articleID] ?? []).filter { $0.digest == digest && $0.rawSize == size }.map(\.number)
            return (stored + buffered).sorted(by: >)
        }

        func recordedMetadata(_ articleID: Int64, from number: Int) throws -> String? {
            let stored = try rows(
                """
                SELECT seq, meta_json FROM redline.history
                WHERE article_id = \(articleID) AND seq >= \(number) AND meta_json IS NOT NULL ORDER BY seq LIMIT 1
                """
            ).first.map { try $0.decode((Int, String).self) }
            let buffered = pending[articleID]?.first { $0.number >= number && $0.metadataJSON != nil }
            if let buffered, stored.map({ buffered.number < $0.0 }) ?? true { return buffered.metadataJSON }
            return stored?.1
        }

        func insertHistory(_ articleID: Int64, _ row: StoredRow, epoch: Int64) throws {
            pending[articleID, default: []].append(row)
            pendingOrder.append((articleID, row))
        }

        func replaceHead(_ articleID: Int64, _ row: StoredRow) throws {
            heads[articleID] = .some(row)
            dirtyHeads.insert(articleID)
        }

        /// Writes the buffered rows (history rows, each article's newest revision) and one event
        /// per added revision, announced by one `NOTIFY`. Up to 256 rows a statement.
        func flush(events: [(article: Int64, number: Int)]) throws {
            for chunk in pendingOrder.chunks(of: 256) {
                var binds = PostgresBindings()
                var values: [String] = []
                for (articleID, row) in chunk {
                    let epoch = try epoch(articleID)
                    let base = binds.count
                    binds.append(articleID)
                    binds.append(row.number)
                    binds.append(row.capturedAt - epoch)
                    binds.append(ByteBuffer(bytes: row.digest))
                    binds.append(row.rawSize)
                    binds.append(row.codec)
                    binds.append(ByteBuffer(bytes: row.payload))
                    binds.append(row.revertOf)
                    binds.append(row.metadataJSON)
                    values.append("(" + (1...9).map { "$\(base + $0)" }.joined(separator: ", ") + ")")
                }
                try execute(
                    PostgresQuery(
                        unsafeSQL: """
                            INSERT INTO redline.history
                                (article_id, seq, captured_at, digest, raw_size, codec, payload, revert_of, meta_json)
                            VALUES \(values.joined(separator: ", "))
                            """, binds: binds))
            }
            for chunk in dirtyHeads.sorted().chunks(of: 256) {
                var binds = PostgresBindings()
                var values: [String] = []
                for articleID in chunk {
                    guard let row = heads[articleID] ?? nil else { continue }
                    let base = binds.count
                    binds.append(articleID)
                    binds.append(row.number)
                    binds.append(row.capturedAt)
                    binds.append(ByteBuffer(bytes: row.digest))
                    binds.append(row.rawSize)
                    binds.append(row.metadataJSON)
                    binds.append(row.revertOf)
                    binds.append(ByteBuffer(bytes: row.payload))
                    values.append("(" + (1...8).map { "$\(base + $0)" }.joined(separator: ", ") + ")")
                }
                try execute(
                    PostgresQuery(
                        unsafeSQL: """
                            INSERT INTO redline.heads
                                (article_id, seq, captured_at, digest, raw_size, meta_json, revert_of, payload)
                            VALUES \(values.joined(separator: ", "))
                            ON CONFLICT (article_id) DO UPDATE SET seq = excluded.seq, captured_at = excluded.captured_at,
                                digest = excluded.digest, raw_size = excluded.raw_size, meta_json = excluded.meta_json,
                                revert_of = excluded.revert_of, payload = excluded.payload
                            """, binds: binds))
            }
            pending = [:]
            pendingOrder = []
            dirtyHeads = []
            guard !events.isEmpty else { return }
            // Events in commit order: the lock is held from here to COMMIT.
            try execute("SELECT pg_advisory_xact_lock(\(PostgresSchema.eventLock))")
            var last: Int64 = 0
            for chunk in events.chunks(of: 1000) {
                var binds = PostgresBindings()
                var values: [String] = []
                for (articleID, number) in chunk {
                    let base = binds.count
                    binds.append(articleID)
                    binds.append(number)
                    values.append("($\(base + 1), $\(base + 2))")
                }
                let ids = try rows(
                    PostgresQuery(
                        unsafeSQL: """
                            INSERT INTO redline.events (article_id, seq) VALUES \(values.joined(separator: ", "))
                            RETURNING id
                            """, binds: binds)
                ).map { try $0.decode(Int64.self) }
                last = max(last, ids.max() ?? 0)
            }
            try execute("SELECT pg_notify(\(PostgresSchema.channel), \(String(last)))")
        }
    }

    extension Array {
        /// The elements in consecutive slices of at most `size`.
        fileprivate func chunks(of size: Int) -> [ArraySlice<Element>] {
            stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
        }
    }
#endif
