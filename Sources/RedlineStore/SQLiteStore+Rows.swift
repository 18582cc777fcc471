import Crypto
import Foundation
import GRDB
import RedlineZlib

/// Rows to values and back: digests, payload decoding, article ids, compaction.
extension SQLiteStore {
    // MARK: Rows

    /// One stored revision as read from `heads` (the newest, whole) or `history`.
    struct StoredRow {
        var number: Int
        /// Milliseconds since 1970 (in `history`, stored as milliseconds after the article's epoch).
        var capturedAt: Int64
        var digest: Data
        var rawSize: Int
        var codec: Int
        var payload: Data
        var revertOf: Int?
        /// In `history`: nil means "as the next revision", `""` none. In `heads`: nil means none.
        var metadataJSON: String?
        var isHead: Bool

        init(_ row: Row, head: Bool) {
            number = row["seq"]
            capturedAt = head ? row["captured_at"] : row["captured_ms"]
            digest = row["digest"]
            rawSize = row["raw_size"]
            codec = head ? PayloadCodec.full.code : row["codec"]
            payload = row["payload"]
            revertOf = row["revert_of"]
            metadataJSON = row["meta_json"]
            isHead = head
        }

        var date: Date { Date(timeIntervalSince1970: Double(capturedAt) / 1000) }
    }

    /// The article's newest revision.
    static func head(_ db: Database, _ articleID: Int64) throws -> StoredRow? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM heads WHERE article_id = ?"), arguments: [articleID])
            .map { StoredRow($0, head: true) }
    }

    /// Older revisions of the article, `from` to `through`, newest first.
    static func history(_ db: Database, _ articleID: Int64, from: Int = 1, through: Int = .max) throws -> [StoredRow] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT r.*, r.captured_at + \(epoch("a")) AS captured_ms
                    FROM history r JOIN articles a ON a.id = r.article_id
                    WHERE r.article_id = ? AND r.seq >= ? AND r.seq <= ? ORDER BY r.seq DESC
                    """),
            arguments: [articleID, from, through]
        ).map { StoredRow($0, head: false) }
    }

    /// The SQL for an article's epoch — its `created_at` in milliseconds — from which the times of
    /// its history are counted (4 bytes a row for 24 days, instead of 6).
    static func epoch(_ articles: String) -> String {
        "CAST(ROUND(\(articles).created_at * 1000) AS INTEGER)"
    }

    /// Milliseconds since 1970, as stored.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// The stored digest of a text: the first ``digestLength`` bytes of its SHA-256.
    static func digest(_ text: [UInt8]) -> Data {
        Data(SHA256.hash(data: text).prefix(digestLength))
    }

    /// Bytes as lower-case hex.
    static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        bytes.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The full SHA-256 of a text, hex (dumps carry it).
    static func sha256(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// Compacts the file: the space of payloads replaced by smaller deltas goes back to the disk.
    public func compact() throws(StoreError) {
        do {
            guard isWritable else { throw StoreError(.readOnly(path: path)) }
            try pool.writeWithoutTransaction { try $0.execute(sql: "VACUUM") }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// Decodes a row's payload (given the next revision's text for a delta) and checks its digest.
    /// `verify: false` skips the digest (only for the inner steps of a chain whose end is checked).
    static func decode(_ row: StoredRow, base: [UInt8]?, article: String, verify: Bool = true) throws -> [UInt8] {
        guard let codec = PayloadCodec(code: row.codec) else {
            throw StoreError(.corrupt(article: article, revision: row.number, detail: "unknown codec \(row.codec)"))
        }
        let text: [UInt8]
        do {
            text = try PayloadCodec.decode([UInt8](row.payload), codec: codec, base: base, size: row.rawSize)
        } catch {
            throw StoreError(.corrupt(article: article, revision: row.number, detail: "\(error)"))
        }
        guard text.count == row.rawSize, !verify || digest(text) == row.digest else {
            throw StoreError(
                .corrupt(article: article, revision: row.number, detail: "content does not match its digest"))
        }
        return text
    }

    /// The public description of a stored row, with its metadata resolved.
    static func revision(_ row: StoredRow, article: String, metadata: String?) -> Revision {
        Revision(
            article: article, number: row.number, capturedAt: row.date, digest: hex(row.digest),
            rawSize: row.rawSize, storedSize: row.payload.count, codec: PayloadCodec(code: row.codec) ?? .full,
            revertOf: row.revertOf, metadata: RevisionMetadata.from(json: metadata))
    }

    /// The metadata of revision `number`: its own, or that of the first newer revision that has
    /// any recorded (the history keeps metadata only where it changed).
    static func metadata(_ db: Database, _ articleID: Int64, number: Int, head: StoredRow) throws -> String? {
        guard number < head.number else { return head.metadataJSON }
        let json = try String.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT meta_json FROM history WHERE article_id = ? AND seq >= ? AND meta_json IS NOT NULL
                    ORDER BY seq LIMIT 1
                    """),
            arguments: [articleID, number])
        guard let json else { return head.metadataJSON }
        return json.isEmpty ? nil : json
    }

    static func articleID(_ db: Database, _ article: ArticleKey, create: Bool, at time: Date) throws -> Int64? {
        let statement = try db.cachedStatement(sql: "SELECT id FROM articles WHERE key = ?")
        if let id = try Int64.fetchOne(statement, arguments: [article.value]) {
            return id
        }
        guard create else { return nil }
        try db.execute(
            sql: "INSERT INTO articles (key, created_at) VALUES (?, ?)",
            arguments: [article.value, time.timeIntervalSince1970])
        return db.lastInsertedRowID
    }

    /// The article's id, or an error listing the keys that look like it.
    static func existingArticle(_ db: Database, _ article: ArticleKey) throws -> Int64 {
        if let id = try articleID(db, article, create: false, at: Date()) { return id }
        let keys = try String.fetchAll(db, sql: "SELECT key FROM articles")
        let wanted = article.value.lowercased()
        let nearby = keys.filter { key in
            let lower = key.lowercased()
            return lower.contains(wanted) || wanted.contains(lower) || lower.hasPrefix(String(wanted.prefix(3)))
        }
        throw StoreError(.unknownArticle(article.value, nearby: Array(nearby.sorted().prefix(5))))
    }
}
