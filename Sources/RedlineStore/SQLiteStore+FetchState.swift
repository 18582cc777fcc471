import Foundation
import GRDB

/// What the last fetch of an article's URL said (for conditional GETs and the watch schedule).
extension SQLiteStore {
    // MARK: Fetch state

    /// What the last fetch of an article's URL returned (for conditional GETs and schedules), or
    /// nil when it was never fetched (or the store predates fetching).
    public func fetchState(of article: ArticleKey) throws(StoreError) -> FetchState? {
        try read { db in
            guard try db.tableExists("fetch_state"),
                let articleID = try SQLiteRows(db).articleID(article.value),
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM fetch_state WHERE article_id = ?", arguments: [articleID])
            else { return nil }
            return Self.fetchState(row)
        }
    }

    /// Every article fetched from a URL: its key, its fetch state, and when its first revision
    /// was captured (for schedules).
    public func fetchedArticles() throws(StoreError) -> [(article: ArticleKey, state: FetchState, firstCaptured: Date)]
    {
        try read { db in
            guard try db.tableExists("fetch_state") else { return [] }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT a.key AS key, f.*, COALESCE(
                        (SELECT captured_at + \(SQLiteRows.epoch("a")) FROM history r WHERE r.article_id = a.id AND r.seq = 1),
                        (SELECT captured_at FROM heads h WHERE h.article_id = a.id)) AS first
                    FROM fetch_state f JOIN articles a ON a.id = f.article_id ORDER BY a.key
                    """
            ).map { row in
                let state = Self.fetchState(row)
                let first =
                    (row["first"] as Int64?).map { Date(timeIntervalSince1970: Double($0) / 1000) } ?? state.checkedAt
                return (ArticleKey(row["key"] as String), state, first)
            }
        }
    }

    /// A `fetch_state` row as a value.
    static func fetchState(_ row: Row) -> FetchState {
        FetchState(
            url: row["url"], etag: row["etag"], lastModified: row["last_modified"],
            checkedAt: Date(timeIntervalSince1970: row["checked_at"]),
            changedAt: (row["changed_at"] as Double?).map { Date(timeIntervalSince1970: $0) })
    }

    /// Records a fetch of an article (which must exist): its validators, when it was checked and,
    /// if it brought a new revision, when it changed.
    public func recordFetch(of article: ArticleKey, _ state: FetchState) throws(StoreError) {
        try perform { db in
            guard let articleID = try SQLiteRows(db).articleID(article.value) else {
                throw StoreError(.unknownArticle(article.value, nearby: []))
            }
            try db.execute(
                sql: """
                    INSERT INTO fetch_state (article_id, url, etag, last_modified, checked_at, changed_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(article_id) DO UPDATE SET url = excluded.url, etag = excluded.etag,
                        last_modified = excluded.last_modified, checked_at = excluded.checked_at,
                        changed_at = COALESCE(excluded.changed_at, fetch_state.changed_at)
                    """,
                arguments: [
                    articleID, state.url, state.etag, state.lastModified, state.checkedAt.timeIntervalSince1970,
                    state.changedAt?.timeIntervalSince1970,
                ])
        }
    }
}
