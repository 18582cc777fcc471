import Crypto
import Foundation
import GRDB
import RedlineZlib

/// Reading revisions back, listing articles, and checking the whole store (`fsck`, `stats`).
extension SQLiteStore {
    // MARK: Reading

    /// A revision of `article` and its text, checked against its SHA-256.
    public func text(of article: ArticleKey, _ selector: RevisionSelector) throws(StoreError) -> (Revision, [UInt8]) {
        try read { db in
            let articleID = try Self.existingArticle(db, article)
            let count =
                try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT COUNT(*) FROM revisions WHERE article_id = ?"),
                    arguments: [articleID]) ?? 0
            guard let number = selector.resolve(count: count) else {
                throw StoreError(.unknownRevision(article: article.value, revision: selector.description, count: count))
            }
            // The chain from this revision up to the first whole one (at most a keyframe interval).
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT * FROM revisions WHERE article_id = ? AND seq >= ? AND seq <= (
                            SELECT MIN(seq) FROM revisions WHERE article_id = ? AND seq >= ? AND codec = ?)
                        ORDER BY seq DESC
                        """),
                arguments: [articleID, number, articleID, number, PayloadCodec.full.code])
            // Only the text asked for is hashed: a damaged step changes it too. When it does not
            // match, the chain is walked again hashing every step, to name the damaged revision.
            func walk(verifyingEach: Bool) throws -> [UInt8]? {
                var text: [UInt8]?
                for (index, row) in rows.enumerated() {
                    let verify = verifyingEach || index == rows.count - 1
                    text = try Self.decode(row, base: text, article: article.value, verify: verify)
                }
                return text
            }
            let text: [UInt8]?
            do {
                text = try walk(verifyingEach: false)
            } catch {
                text = try walk(verifyingEach: true)
            }
            guard let last = rows.last, let text else {
                throw StoreError(
                    .corrupt(article: article.value, revision: number, detail: "no whole revision after it"))
            }
            return (Self.revision(last, article: article.value), text)
        }
    }

    /// The article's newest revision, or nil when the store has no such article.
    public func latestRevision(of article: ArticleKey) throws(StoreError) -> Revision? {
        try read { db in
            guard let articleID = try Self.articleID(db, article, create: false, at: Date()) else { return nil }
            return try Row.fetchOne(
                db, sql: "SELECT * FROM revisions WHERE article_id = ? ORDER BY seq DESC LIMIT 1",
                arguments: [articleID]
            ).map { Self.revision($0, article: article.value) }
        }
    }

    /// The SHA-256 (hex) of revision `number` of `article`; nil when there is no such revision.
    public func digest(of article: ArticleKey, number: Int) throws(StoreError) -> String? {
        try read { db in
            guard let articleID = try Self.articleID(db, article, create: false, at: Date()) else { return nil }
            return try Row.fetchOne(
                db, sql: "SELECT sha256 FROM revisions WHERE article_id = ? AND seq = ?",
                arguments: [articleID, number]
            ).map { Self.hex($0["sha256"]) }
        }
    }

    /// Every revision of `article`, oldest first.
    public func revisions(of article: ArticleKey) throws(StoreError) -> [Revision] {
        try read { db in
            let articleID = try Self.existingArticle(db, article)
            return try Row.fetchAll(
                db, sql: "SELECT * FROM revisions WHERE article_id = ? ORDER BY seq", arguments: [articleID]
            ).map { Self.revision($0, article: article.value) }
        }
    }

    /// Every article with its revision count and capture times.
    public func articles() throws(StoreError) -> [ArticleSummary] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.key AS key, COUNT(r.id) AS n, MIN(r.captured_at) AS first, MAX(r.captured_at) AS last
                    FROM articles a JOIN revisions r ON r.article_id = a.id GROUP BY a.id ORDER BY a.key
                    """
            ).map { row in
                ArticleSummary(
                    key: row["key"], revisions: row["n"], firstCaptured: Date(timeIntervalSince1970: row["first"]),
                    lastCaptured: Date(timeIntervalSince1970: row["last"]))
            }
        }
    }

    // MARK: Checking

    /// Re-reads and re-hashes every revision; the ones that could not be verified.
    public func check() throws(StoreError) -> [StoreProblem] {
        try read { db in
            var problems: [StoreProblem] = []
            let articles = try Row.fetchAll(db, sql: "SELECT id, key FROM articles ORDER BY key")
            for article in articles {
                let key: String = article["key"]
                let rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM revisions WHERE article_id = ? ORDER BY seq DESC",
                    arguments: [article["id"] as Int64])
                // Newest first: each delta needs the text of the revision after it.
                var successor: (number: Int, text: [UInt8]?)?
                for (index, row) in rows.enumerated() {
                    let number: Int = row["seq"]
                    let expected = rows.count - index
                    if number != expected {
                        problems.append(StoreProblem(article: key, revision: number, detail: "numbering gap"))
                    }
                    let codec = PayloadCodec(code: row["codec"]) ?? .full
                    var base: [UInt8]?
                    if codec != .full {
                        let baseNumber: Int? = row["base_seq"]
                        guard let successor, baseNumber == successor.number, let text = successor.text else {
                            problems.append(
                                StoreProblem(
                                    article: key, revision: number,
                                    detail: "its base revision \(baseNumber.map(String.init) ?? "?") is unreadable"))
                            successor = (number, nil)
                            continue
                        }
                        base = text
                    }
                    do {
                        let text = try Self.decode(row, base: base, article: key)
                        successor = (number, text)
                    } catch let error as StoreError {
                        if case .corrupt(_, _, let detail) = error.reason {
                            problems.append(StoreProblem(article: key, revision: number, detail: detail))
                        }
                        successor = (number, nil)
                    }
                }
            }
            return problems
        }
    }

    /// Counts and sizes (raw and stored).
    public func statistics() throws(StoreError) -> StoreStatistics {
        let counts = try read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT COUNT(*) FROM articles) AS a, COUNT(*) AS r,
                        COALESCE(SUM(raw_size), 0) AS raw, COALESCE(SUM(LENGTH(payload)), 0) AS stored
                    FROM revisions
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
