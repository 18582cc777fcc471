import Crypto
import Foundation
import GRDB
import RedlineZlib

/// Adding revisions: one transaction per call, deduplicated against the latest, delta-compressed.
extension SQLiteStore {
    // MARK: Writing

    /// Adds `text` as the newest revision of `article` (one transaction), unless it equals the latest.
    public func add(_ text: [UInt8], to article: ArticleKey, at time: Date? = nil, metadata: RevisionMetadata)
        throws(StoreError) -> AddResult
    {
        try add(contentsOf: [NewRevision(text: text, article: article, capturedAt: time, metadata: metadata)])[0]
    }

    /// Adds several versions in one transaction (imports): all of them or, on failure, none.
    ///
    /// - Complexity: one whole-text deflate per version (outside the write lock), plus one
    ///   inflate and one delta deflate per version that displaces an earlier newest.
    public func add(contentsOf items: [NewRevision]) throws(StoreError) -> [AddResult] {
        // Compress outside the transaction: the lock is held only for the rows written.
        let prepared: [(item: NewRevision, hash: String, payload: [UInt8])]
        do {
            prepared = try items.map { item throws(ZlibError) in
                (item, Self.sha256(item.text), try PayloadCodec.encodeFull(item.text))
            }
        } catch {
            throw StoreError(.database("compression failed: \(error)"))
        }
        return try perform { db in
            // The newest text of each article touched in this batch, so it is not inflated again.
            var newest: [Int64: [UInt8]] = [:]
            return try prepared.map { entry in
                try Self.insert(entry.item, hash: entry.hash, fullPayload: entry.payload, newest: &newest, db)
            }
        }
    }

    /// Inserts one version as the article's newest revision, turning the previous newest into a
    /// delta against it.
    static func insert(
        _ item: NewRevision, hash: String, fullPayload: [UInt8], newest: inout [Int64: [UInt8]], _ db: Database
    ) throws -> AddResult {
        let captured = item.capturedAt ?? Date()
        let article = item.article
        guard let articleID = try Self.articleID(db, article, create: true, at: captured) else {
            throw StoreError(.database("could not create article \(article.value)"))
        }
        let latest = try Row.fetchOne(
            db, sql: "SELECT * FROM revisions WHERE article_id = ? ORDER BY seq DESC LIMIT 1",
            arguments: [articleID])
        if let latest, Self.hex(latest["sha256"]) == hash,
            RevisionMetadata.from(json: latest["meta_json"]).describesSameVersion(as: item.metadata)
        {
            return .unchanged(Self.revision(latest, article: article.value))
        }
        let number = ((latest?["seq"] as Int?) ?? 0) + 1
        let revertOf = try Int.fetchOne(
            db, sql: "SELECT seq FROM revisions WHERE article_id = ? AND sha256 = ? ORDER BY seq DESC LIMIT 1",
            arguments: [articleID, Self.digest(hash)])
        // The previous newest becomes a delta against this text (unless it is a keyframe).
        if let latest {
            let previousNumber: Int = latest["seq"]
            if previousNumber % PayloadCodec.keyframeInterval != 0 {
                let previousText = try newest[articleID] ?? Self.decode(latest, base: nil, article: article.value)
                let (codec, delta) = try PayloadCodec.encodeSmallestDelta(previousText, base: item.text)
                let whole: Data = latest["payload"]
                if Double(delta.count) <= Double(whole.count) * PayloadCodec.deltaGain {
                    try db.execute(
                        sql: "UPDATE revisions SET codec = ?, base_seq = ?, payload = ? WHERE id = ?",
                        arguments: [codec.code, number, Data(delta), latest["id"] as Int64])
                }
            }
        }
        try db.execute(
            sql: """
                INSERT INTO revisions
                    (article_id, seq, captured_at, sha256, raw_size, codec, base_seq, payload, meta_json, revert_of)
                VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)
                """,
            arguments: [
                articleID, number, captured.timeIntervalSince1970, Self.digest(hash), item.text.count,
                PayloadCodec.full.code,
                Data(fullPayload), item.metadata.json, revertOf,
            ])
        newest[articleID] = item.text
        return .added(
            Revision(
                article: article.value, number: number, capturedAt: captured, sha256: hash, rawSize: item.text.count,
                storedSize: fullPayload.count, codec: .full, revertOf: revertOf, metadata: item.metadata))
    }

    /// Runs `body` in one immediate transaction, mapping every failure to a ``StoreError``.
}
