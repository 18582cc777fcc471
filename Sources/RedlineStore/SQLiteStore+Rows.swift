import Crypto
import Foundation
import GRDB
import RedlineZlib

/// Rows to values and back: hashes, payload decoding, article ids, compaction.
extension SQLiteStore {
    // MARK: Rows

    /// A stored 32-byte digest as hex (the API's form).
    static func hex(_ digest: Data) -> String {
        digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Hex back to the 32 bytes stored.
    static func digest(_ hex: String) -> Data {
        var bytes: [UInt8] = []
        var iterator = hex.utf8.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            func value(_ c: UInt8) -> UInt8 { c >= 0x61 ? c - 0x61 + 10 : c - 0x30 }
            bytes.append(value(high) << 4 | value(low))
        }
        return Data(bytes)
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

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Decodes a row's payload (given the next revision's text for a delta) and checks its hash.
    /// `verify: false` skips the hash (only for the inner steps of a chain whose end is checked).
    static func decode(_ row: Row, base: [UInt8]?, article: String, verify: Bool = true) throws -> [UInt8] {
        let number: Int = row["seq"]
        let payload: Data = row["payload"]
        let size: Int = row["raw_size"]
        guard let codec = PayloadCodec(code: row["codec"]) else {
            throw StoreError(.corrupt(article: article, revision: number, detail: "unknown codec"))
        }
        let text: [UInt8]
        do {
            text = try PayloadCodec.decode([UInt8](payload), codec: codec, base: base, size: size)
        } catch {
            throw StoreError(.corrupt(article: article, revision: number, detail: "\(error)"))
        }
        guard text.count == size, !verify || sha256(text) == hex(row["sha256"]) else {
            throw StoreError(.corrupt(article: article, revision: number, detail: "content does not match its SHA-256"))
        }
        return text
    }

    static func revision(_ row: Row, article: String) -> Revision {
        let payload: Data = row["payload"]
        return Revision(
            article: article, number: row["seq"], capturedAt: Date(timeIntervalSince1970: row["captured_at"]),
            sha256: hex(row["sha256"]), rawSize: row["raw_size"], storedSize: payload.count,
            codec: PayloadCodec(code: row["codec"]) ?? .full, revertOf: row["revert_of"],
            metadata: RevisionMetadata.from(json: row["meta_json"]))
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
