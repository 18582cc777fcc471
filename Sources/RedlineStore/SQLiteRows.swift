import Foundation
import GRDB

/// Schema v2's rows in SQLite, for the shared rules of ``StoreRows``.
struct SQLiteRows: StoreRows {
    let db: Database

    init(_ db: Database) {
        self.db = db
    }

    /// The SQL for an article's epoch — its `created_at` in milliseconds — from which the times of
    /// its history are counted (4 bytes a row for 24 days, instead of 6).
    static func epoch(_ articles: String) -> String {
        "CAST(ROUND(\(articles).created_at * 1000) AS INTEGER)"
    }

    func articleID(_ key: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM articles WHERE key = ?"), arguments: [key])
    }

    func createArticle(_ key: String, at time: Date) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO articles (key, created_at) VALUES (?, ?)", arguments: [key, time.timeIntervalSince1970])
        return db.lastInsertedRowID
    }

    func articleKeys() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT key FROM articles")
    }

    func epoch(_ articleID: Int64) throws -> Int64 {
        try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT \(Self.epoch("articles")) FROM articles WHERE id = ?"),
            arguments: [articleID]) ?? 0
    }

    func head(_ articleID: Int64) throws -> StoredRow? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM heads WHERE article_id = ?"), arguments: [articleID])
            .map { Self.storedRow($0, codec: PayloadCodec.full.code, capturedAt: $0["captured_at"]) }
    }

    func history(_ articleID: Int64, from: Int, through: Int) throws -> [StoredRow] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT r.*, r.captured_at + \(Self.epoch("a")) AS captured_ms
                    FROM history r JOIN articles a ON a.id = r.article_id
                    WHERE r.article_id = ? AND r.seq >= ? AND r.seq <= ? ORDER BY r.seq DESC
                    """),
            arguments: [articleID, from, through]
        ).map { Self.storedRow($0, codec: $0["codec"], capturedAt: $0["captured_ms"]) }
    }

    static func storedRow(_ row: Row, codec: Int, capturedAt: Int64) -> StoredRow {
        StoredRow(
            number: row["seq"], capturedAt: capturedAt, digest: [UInt8](row["digest"] as Data),
            rawSize: row["raw_size"],
            codec: codec, payload: [UInt8](row["payload"] as Data), revertOf: row["revert_of"],
            metadataJSON: row["meta_json"])
    }

    func keyframe(_ articleID: Int64, from number: Int) throws -> Int? {
        try Int.fetchOne(
            db.cachedStatement(sql: "SELECT MIN(seq) FROM history WHERE article_id = ? AND seq >= ? AND codec = ?"),
            arguments: [articleID, number, PayloadCodec.full.code])
    }

    func historyDigests(_ articleID: Int64) throws -> [(number: Int, digest: [UInt8])] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT seq, digest FROM history WHERE article_id = ?"), arguments: [articleID]
        ).map { row in (row[0], Array(row[1] as Data)) }
    }

    func candidates(_ articleID: Int64, digest: [UInt8], size: Int) throws -> [Int] {
        try Int.fetchAll(
            db.cachedStatement(
                sql: "SELECT seq FROM history WHERE article_id = ? AND digest = ? AND raw_size = ? ORDER BY seq DESC"),
            arguments: [articleID, Data(digest), size])
    }

    func recordedMetadata(_ articleID: Int64, from number: Int) throws -> String? {
        try String.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT meta_json FROM history WHERE article_id = ? AND seq >= ? AND meta_json IS NOT NULL
                    ORDER BY seq LIMIT 1
                    """),
            arguments: [articleID, number])
    }

    func insertHistory(_ articleID: Int64, _ row: StoredRow, epoch: Int64) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO history (article_id, seq, captured_at, digest, raw_size, codec, payload, revert_of, meta_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            articleID, row.number, row.capturedAt - epoch, Data(row.digest), row.rawSize, row.codec, Data(row.payload),
            row.revertOf, row.metadataJSON,
        ])
    }

    func replaceHead(_ articleID: Int64, _ row: StoredRow) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO heads (article_id, seq, captured_at, digest, raw_size, meta_json, revert_of, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            articleID, row.number, row.capturedAt, Data(row.digest), row.rawSize, row.metadataJSON, row.revertOf,
            Data(row.payload),
        ])
    }
}
