#if Postgres
    import Foundation
    import PostgresNIO
    import RedlineStore

    /// Schema v2's rows in PostgreSQL, for the shared rules of ``StoreRows`` (inside the
    /// transaction the store opened on `connection`).
    struct PostgresRows: StoreRows {
        let connection: PostgresConnection
        let logger: Logger

        func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
            try connection.query(query, logger: logger).wait().rows
        }

        func execute(_ query: PostgresQuery) throws {
            _ = try connection.query(query, logger: logger).wait()
        }

        func articleID(_ key: String) throws -> Int64? {
            try rows("SELECT id FROM redline.articles WHERE key = \(key)").first?.decode(Int64.self)
        }

        func createArticle(_ key: String, at time: Date) throws -> Int64 {
            let created = time.timeIntervalSince1970
            let inserted = try rows(
                """
                INSERT INTO redline.articles (key, created_at) VALUES (\(key), \(created))
                ON CONFLICT (key) DO NOTHING RETURNING id
                """
            ).first
            if let inserted { return try inserted.decode(Int64.self) }
            // Created meanwhile by another writer (only possible without the article's lock).
            guard let id = try articleID(key) else { throw StoreError(.database("could not create article \(key)")) }
            return id
        }

        func articleKeys() throws -> [String] {
            try rows("SELECT key FROM redline.articles").map { try $0.decode(String.self) }
        }

        func epoch(_ articleID: Int64) throws -> Int64 {
            try rows("SELECT \(unescaped: Self.epoch) FROM redline.articles WHERE id = \(articleID)").first?
                .decode(Int64.self) ?? 0
        }

        /// An article's epoch in milliseconds, as SQL (the same rounding as SQLite's).
        static let epoch = "CAST(ROUND(created_at * 1000) AS BIGINT)"

        func head(_ articleID: Int64) throws -> StoredRow? {
            try rows(
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
        }

        func history(_ articleID: Int64, from: Int, through: Int) throws -> [StoredRow] {
            try rows(
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
        }

        func keyframe(_ articleID: Int64, from number: Int) throws -> Int? {
            try rows(
                "SELECT MIN(seq) FROM redline.history WHERE article_id = \(articleID) AND seq >= \(number) AND codec = 0"
            ).first?.decode(Int?.self)
        }

        func candidates(_ articleID: Int64, digest: [UInt8], size: Int) throws -> [Int] {
            let digest = ByteBuffer(bytes: digest)
            return try rows(
                """
                SELECT seq FROM redline.history
                WHERE article_id = \(articleID) AND digest = \(digest) AND raw_size = \(size) ORDER BY seq DESC
                """
            ).map { try $0.decode(Int.self) }
        }

        func recordedMetadata(_ articleID: Int64, from number: Int) throws -> String? {
            try rows(
                """
                SELECT meta_json FROM redline.history
                WHERE article_id = \(articleID) AND seq >= \(number) AND meta_json IS NOT NULL ORDER BY seq LIMIT 1
                """
            ).first?.decode(String.self)
        }

        func insertHistory(_ articleID: Int64, _ row: StoredRow, epoch: Int64) throws {
            let (digest, payload) = (ByteBuffer(bytes: row.digest), ByteBuffer(bytes: row.payload))
            try execute(
                """
                INSERT INTO redline.history
                    (article_id, seq, captured_at, digest, raw_size, codec, payload, revert_of, meta_json)
                VALUES (\(articleID), \(row.number), \(row.capturedAt - epoch), \(digest), \(row.rawSize), \(row.codec),
                    \(payload), \(row.revertOf), \(row.metadataJSON))
                """)
        }

        func replaceHead(_ articleID: Int64, _ row: StoredRow) throws {
            let (digest, payload) = (ByteBuffer(bytes: row.digest), ByteBuffer(bytes: row.payload))
            try execute(
                """
                INSERT INTO redline.heads (article_id, seq, captured_at, digest, raw_size, meta_json, revert_of, payload)
                VALUES (\(articleID), \(row.number), \(row.capturedAt), \(digest), \(row.rawSize), \(row.metadataJSON),
                    \(row.revertOf), \(payload))
                ON CONFLICT (article_id) DO UPDATE SET seq = excluded.seq, captured_at = excluded.captured_at,
                    digest = excluded.digest, raw_size = excluded.raw_size, meta_json = excluded.meta_json,
                    revert_of = excluded.revert_of, payload = excluded.payload
                """)
        }
    }
#endif
