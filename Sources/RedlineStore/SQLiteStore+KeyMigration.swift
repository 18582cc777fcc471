import Foundation
import GRDB

/// Migration `v3-normalised-keys`: the article keys of stores written before URL keys followed
/// RFC 3986 are normalised again, and articles whose keys now coincide (one URL that had become
/// several articles through `/./`, `%7E`, `user@`…) are merged into one.
extension SQLiteStore {
    /// Re-keys every article whose key is not normalised; merges it into the article that already
    /// holds the normalised key, if any. Runs inside the migration's transaction: all or nothing.
    static func normaliseKeys(_ db: Database) throws {
        let articles = try Row.fetchAll(db, sql: "SELECT id, key FROM articles ORDER BY id")
        for article in articles {
            let id: Int64 = article["id"]
            let key: String = article["key"]
            let normal = ArticleKey(key).value
            guard normal != key else { continue }
            if let target = try Int64.fetchOne(db, sql: "SELECT id FROM articles WHERE key = ?", arguments: [normal]) {
                try merge(id, into: target, key: ArticleKey(normal), db)
            } else {
                try db.execute(sql: "UPDATE articles SET key = ? WHERE id = ?", arguments: [normal, id])
            }
        }
    }

    /// Moves every revision of `source` into `target`: both histories are read whole, interleaved
    /// by capture time (the target's first on a tie) and added again in that order, so numbers,
    /// deltas, duplicates and reverts are those of one history. The newer fetch state is kept.
    static func merge(_ source: Int64, into target: Int64, key: ArticleKey, _ db: Database) throws {
        let versions = try (texts(of: target, key: key, db) + texts(of: source, key: key, db))
            .enumerated()
            .sorted {
                ($0.element.capturedAt ?? .distantPast, $0.offset) < ($1.element.capturedAt ?? .distantPast, $1.offset)
            }
            .map(\.element)
        try db.execute(
            sql: """
                UPDATE articles SET created_at = MIN(created_at, (SELECT created_at FROM articles WHERE id = ?))
                WHERE id = ?
                """,
            arguments: [source, target])
        let states = try Row.fetchAll(
            db, sql: "SELECT article_id, checked_at FROM fetch_state WHERE article_id IN (?, ?)",
            arguments: [source, target])
        if let newest = states.max(by: { ($0["checked_at"] as Double) < ($1["checked_at"] as Double) }),
            (newest["article_id"] as Int64) == source
        {
            try db.execute(sql: "DELETE FROM fetch_state WHERE article_id = ?", arguments: [target])
            try db.execute(
                sql: "UPDATE fetch_state SET article_id = ? WHERE article_id = ?", arguments: [target, source])
        } else {
            try db.execute(sql: "DELETE FROM fetch_state WHERE article_id = ?", arguments: [source])
        }
        for table in ["history", "heads"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE article_id IN (?, ?)", arguments: [source, target])
        }
        try db.execute(sql: "DELETE FROM articles WHERE id = ?", arguments: [source])
        let rows = SQLiteRows(db)
        _ = try rows.insert(PayloadCodec.prepare(versions))
    }

    /// Every revision of an article as a version to add again, oldest first, each text checked
    /// against its digest (a damaged store is not merged: the migration fails and changes nothing).
    static func texts(of article: Int64, key: ArticleKey, _ db: Database) throws -> [NewRevision] {
        try SQLiteRows(db).history(article, article: key.value).map { revision, text in
            NewRevision(text: text, article: key, capturedAt: revision.capturedAt, metadata: revision.metadata)
        }
    }
}
