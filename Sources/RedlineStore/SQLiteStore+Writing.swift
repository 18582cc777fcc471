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
    ///   inflate and one delta encoding per version that displaces an earlier newest.
    public func add(contentsOf items: [NewRevision]) throws(StoreError) -> [AddResult] {
        // Compress outside the transaction: the lock is held only for the rows written.
        let prepared: [(item: NewRevision, payload: [UInt8])]
        do {
            prepared = try items.map { item throws(ZlibError) in (item, try PayloadCodec.encodeFull(item.text)) }
        } catch {
            throw StoreError(.database("compression failed: \(error)"))
        }
        return try perform { db in
            // The newest text of each article touched in this batch, so it is not inflated again.
            var newest: [Int64: [UInt8]] = [:]
            return try prepared.map { entry in
                try Self.insert(entry.item, fullPayload: entry.payload, newest: &newest, db)
            }
        }
    }

    /// Inserts one version as the article's newest revision (in `heads`), moving the previous
    /// newest into `history` as a delta against it.
    static func insert(
        _ item: NewRevision, fullPayload: [UInt8], newest: inout [Int64: [UInt8]], _ db: Database
    ) throws -> AddResult {
        let captured = item.capturedAt ?? Date()
        let article = item.article
        guard let articleID = try Self.articleID(db, article, create: true, at: captured) else {
            throw StoreError(.database("could not create article \(article.value)"))
        }
        let digest = Self.digest(item.text)
        let head = try Self.head(db, articleID)
        var headText: [UInt8]?
        if let head {
            if head.digest == digest, head.rawSize == item.text.count {
                let text = try newest[articleID] ?? Self.decode(head, base: nil, article: article.value)
                headText = text
                if text == item.text,
                    RevisionMetadata.from(json: head.metadataJSON).describesSameVersion(as: item.metadata)
                {
                    return .unchanged(Self.revision(head, article: article.value, metadata: head.metadataJSON))
                }
            }
        }
        let number = (head?.number ?? 0) + 1
        let revertOf = try Self.earlierRevision(
            withText: item.text, digest: digest, articleID, head: head, headText: headText, article: article.value, db)
        if let head {
            // The previous newest becomes a delta against this text (unless it is a keyframe).
            var codec = PayloadCodec.full
            var payload = head.payload
            if head.number % PayloadCodec.keyframeInterval != 0 {
                let previousText =
                    try headText ?? newest[articleID] ?? Self.decode(head, base: nil, article: article.value)
                let (deltaCodec, delta) = try PayloadCodec.encodeSmallestDelta(previousText, base: item.text)
                if Double(delta.count) <= Double(head.payload.count) * PayloadCodec.deltaGain {
                    (codec, payload) = (deltaCodec, Data(delta))
                }
            }
            let epoch =
                try Int64.fetchOne(
                    db.cachedStatement(sql: "SELECT \(Self.epoch("articles")) FROM articles WHERE id = ?"),
                    arguments: [articleID]) ?? 0
            // Metadata only where it changes: NULL is "as the next revision", '' is none.
            let metadata = head.metadataJSON == item.metadata.json ? nil : head.metadataJSON ?? ""
            try db.cachedStatement(
                sql: """
                    INSERT INTO history
                        (article_id, seq, captured_at, digest, raw_size, codec, payload, revert_of, meta_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                articleID, head.number, head.capturedAt - epoch, head.digest, head.rawSize, codec.code, payload,
                head.revertOf, metadata,
            ])
        }
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO heads
                    (article_id, seq, captured_at, digest, raw_size, meta_json, revert_of, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            articleID, number, Self.milliseconds(captured), digest, item.text.count, item.metadata.json, revertOf,
            Data(fullPayload),
        ])
        newest[articleID] = item.text
        return .added(
            Revision(
                article: article.value, number: number,
                capturedAt: Date(timeIntervalSince1970: Double(Self.milliseconds(captured)) / 1000),
                digest: Self.hex(digest),
                rawSize: item.text.count, storedSize: fullPayload.count, codec: .full, revertOf: revertOf,
                metadata: item.metadata))
    }

    /// The newest earlier revision whose text is `text` (a revert: A → B → A), or nil. Candidates
    /// are found by digest and size, then confirmed on the texts themselves.
    static func earlierRevision(
        withText text: [UInt8], digest: Data, _ articleID: Int64, head: StoredRow?, headText: [UInt8]?,
        article: String, _ db: Database
    ) throws -> Int? {
        guard let head else { return nil }
        if head.digest == digest, head.rawSize == text.count,
            try (headText ?? decode(head, base: nil, article: article)) == text
        {
            return head.number
        }
        let candidates = try Int.fetchAll(
            db.cachedStatement(
                sql: "SELECT seq FROM history WHERE article_id = ? AND digest = ? AND raw_size = ? ORDER BY seq DESC"),
            arguments: [articleID, digest, text.count])
        for number in candidates
        where try Self.text(db, articleID, number: number, head: head, article: article) == text {
            return number
        }
        return nil
    }
}
