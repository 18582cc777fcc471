import Foundation
import GRDB

/// Reading revisions back, listing articles, and checking the whole store (`fsck`, `stats`).
extension SQLiteStore {
    // MARK: Reading

    /// A revision of `article` and its text, checked against its digest.
    public func text(of article: ArticleKey, _ selector: RevisionSelector) throws(StoreError) -> (Revision, [UInt8]) {
        try read { db in try SQLiteRows(db).text(of: article, selector) }
    }

    /// The article's newest revision, or nil when the store has no such article.
    public func latestRevision(of article: ArticleKey) throws(StoreError) -> Revision? {
        try read { db in try SQLiteRows(db).latestRevision(of: article) }
    }

    /// The stored digest (hex; a prefix of the SHA-256) of each revision of `article`, by number.
    public func digests(of article: ArticleKey) throws(StoreError) -> [Int: String] {
        try read { db in try SQLiteRows(db).digests(of: article) }
    }

    /// Every revision of `article`, oldest first.
    public func revisions(of article: ArticleKey) throws(StoreError) -> [Revision] {
        try read { db in try SQLiteRows(db).revisions(of: article) }
    }

    /// Every revision of `article` with its text, oldest first, decoded in one pass (export).
    public func history(of article: ArticleKey) throws(StoreError) -> [(Revision, [UInt8])] {
        try read { db in try SQLiteRows(db).history(of: article) }
    }

    /// Every article with its revision count and capture times.
    public func articles() throws(StoreError) -> [ArticleSummary] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.key AS key, h.seq AS n,
                        MIN(h.captured_at, COALESCE(MIN(r.captured_at) + \(SQLiteRows.epoch("a")), h.captured_at)) AS first,
                        MAX(h.captured_at, COALESCE(MAX(r.captured_at) + \(SQLiteRows.epoch("a")), h.captured_at)) AS last
                    FROM articles a JOIN heads h ON h.article_id = a.id LEFT JOIN history r ON r.article_id = a.id
                    GROUP BY a.id ORDER BY a.key
                    """
            ).map { row in
                ArticleSummary(
                    key: row["key"], revisions: row["n"],
                    firstCaptured: Date(timeIntervalSince1970: Double(row["first"] as Int64) / 1000),
                    lastCaptured: Date(timeIntervalSince1970: Double(row["last"] as Int64) / 1000))
            }
        }
    }

    // MARK: Checking

    /// Re-reads and re-checks every revision; the ones that could not be verified.
    public func check() throws(StoreError) -> [StoreProblem] {
        try read { db in
            let rows = SQLiteRows(db)
            return try Row.fetchAll(db, sql: "SELECT id, key FROM articles ORDER BY key").flatMap { article in
                try rows.check(article["id"], key: article["key"])
            }
        }
    }

    /// Counts and sizes (raw and stored).
    public func statistics() throws(StoreError) -> StoreStatistics {
        let counts = try read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT COUNT(*) FROM articles) AS a,
                        (SELECT COUNT(*) FROM heads) + (SELECT COUNT(*) FROM history) AS r,
                        (SELECT COALESCE(SUM(raw_size), 0) FROM heads) + (SELECT COALESCE(SUM(raw_size), 0) FROM history)
                            AS raw,
                        (SELECT COALESCE(SUM(LENGTH(payload)), 0) FROM heads)
                            + (SELECT COALESCE(SUM(LENGTH(payload)), 0) FROM history) AS stored
                    """)
        }
        let files = [path, path + "-wal", path + "-shm"].reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
        return StoreStatistics(
            articles: counts?["a"] ?? 0, revisions: counts?["r"] ?? 0, rawBytes: counts?["raw"] ?? 0,
            storedBytes: counts?["stored"] ?? 0, fileBytes: files)
    }
}
