import Foundation
import GRDB

/// Reading revisions back, listing articles, and checking the whole store (`fsck`, `stats`).
extension SQLiteStore {
    // MARK: Reading

    /// A revision of `article` and its text, checked against its digest.
    public func text(of article: ArticleKey, _ selector: RevisionSelector) throws(StoreError) -> (Revision, [UInt8]) {
        try read { db in
            let articleID = try Self.existingArticle(db, article)
            let head = try Self.head(db, articleID)
            guard let head, let number = selector.resolve(count: head.number) else {
                throw StoreError(
                    .unknownRevision(article: article.value, revision: selector.description, count: head?.number ?? 0))
            }
            let text = try Self.text(db, articleID, number: number, head: head, article: article.value)
            let row =
                number == head.number ? head : try Self.history(db, articleID, from: number, through: number).first
            guard let row else {
                throw StoreError(.corrupt(article: article.value, revision: number, detail: "missing from the history"))
            }
            let metadata = try Self.metadata(db, articleID, number: number, head: head)
            return (Self.revision(row, article: article.value, metadata: metadata), text)
        }
    }

    /// The text of revision `number`: the chain of deltas from it up to the first whole revision
    /// after it (a keyframe, at most ``PayloadCodec/keyframeInterval`` steps, or the newest).
    ///
    /// Only the text asked for is checked against its digest: a damaged step changes it too. When
    /// it does not match, the chain is walked again checking every step, to name the damaged one.
    static func text(_ db: Database, _ articleID: Int64, number: Int, head: StoredRow, article: String) throws
        -> [UInt8]
    {
        guard number < head.number else { return try decode(head, base: nil, article: article) }
        let keyframe = try Int.fetchOne(
            db.cachedStatement(
                sql: "SELECT MIN(seq) FROM history WHERE article_id = ? AND seq >= ? AND codec = ?"),
            arguments: [articleID, number, PayloadCodec.full.code])
        var chain = try history(db, articleID, from: number, through: keyframe ?? head.number)
        if keyframe == nil { chain.insert(head, at: 0) }
        guard chain.last?.number == number, chain.count == (keyframe ?? head.number) - number + 1 else {
            throw StoreError(.corrupt(article: article, revision: number, detail: "a revision after it is missing"))
        }
        func walk(verifyingEach: Bool) throws -> [UInt8]? {
            var text: [UInt8]?
            for (index, row) in chain.enumerated() {
                text = try decode(row, base: text, article: article, verify: verifyingEach || index == chain.count - 1)
            }
            return text
        }
        do {
            return try walk(verifyingEach: false) ?? []
        } catch {
            return try walk(verifyingEach: true) ?? []
        }
    }

    /// The article's newest revision, or nil when the store has no such article.
    public func latestRevision(of article: ArticleKey) throws(StoreError) -> Revision? {
        try read { db in
            guard let articleID = try Self.articleID(db, article, create: false, at: Date()),
                let head = try Self.head(db, articleID)
            else { return nil }
            return Self.revision(head, article: article.value, metadata: head.metadataJSON)
        }
    }

    /// The stored digest (hex) of revision `number` of `article`; nil when there is no such revision.
    public func digest(of article: ArticleKey, number: Int) throws(StoreError) -> String? {
        try read { db in
            guard let articleID = try Self.articleID(db, article, create: false, at: Date()),
                let head = try Self.head(db, articleID), number <= head.number
            else { return nil }
            let row =
                number == head.number ? head : try Self.history(db, articleID, from: number, through: number).first
            return row.map { Self.hex($0.digest) }
        }
    }

    /// Every revision of `article`, oldest first.
    public func revisions(of article: ArticleKey) throws(StoreError) -> [Revision] {
        try read { db in
            let articleID = try Self.existingArticle(db, article)
            return try Self.newestFirst(db, articleID).map { row, metadata in
                Self.revision(row, article: article.value, metadata: metadata)
            }.reversed()
        }
    }

    /// Every revision of `article` with its text, oldest first, decoded in one pass (export).
    public func history(of article: ArticleKey) throws(StoreError) -> [(Revision, [UInt8])] {
        try read { db in
            let articleID = try Self.existingArticle(db, article)
            var next: [UInt8]?
            var versions: [(Revision, [UInt8])] = []
            for (row, metadata) in try Self.newestFirst(db, articleID) {
                let text = try Self.decode(
                    row, base: row.codec == PayloadCodec.full.code ? nil : next, article: article.value)
                versions.append((Self.revision(row, article: article.value, metadata: metadata), text))
                next = text
            }
            return versions.reversed()
        }
    }

    /// The article's rows, newest first, each with its metadata resolved.
    static func newestFirst(_ db: Database, _ articleID: Int64) throws -> [(StoredRow, String?)] {
        guard let head = try head(db, articleID) else { return [] }
        var current = head.metadataJSON
        var rows: [(StoredRow, String?)] = [(head, current)]
        for row in try history(db, articleID) {
            if let json = row.metadataJSON { current = json.isEmpty ? nil : json }
            rows.append((row, current))
        }
        return rows
    }

    /// Every article with its revision count and capture times.
    public func articles() throws(StoreError) -> [ArticleSummary] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.key AS key, h.seq AS n,
                        MIN(h.captured_at, COALESCE(MIN(r.captured_at) + \(Self.epoch("a")), h.captured_at)) AS first,
                        MAX(h.captured_at, COALESCE(MAX(r.captured_at) + \(Self.epoch("a")), h.captured_at)) AS last
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
            var problems: [StoreProblem] = []
            let articles = try Row.fetchAll(db, sql: "SELECT id, key FROM articles ORDER BY key")
            for article in articles {
                let key: String = article["key"]
                let rows = try Self.newestFirst(db, article["id"]).map(\.0)
                // Newest first: each delta needs the text of the revision after it.
                var successor: (number: Int, text: [UInt8]?)?
                for (index, row) in rows.enumerated() {
                    let expected = (rows.first?.number ?? 0) - index
                    if row.number != expected || (index == rows.count - 1 && row.number != 1) {
                        problems.append(StoreProblem(article: key, revision: row.number, detail: "numbering gap"))
                    }
                    var base: [UInt8]?
                    if row.codec != PayloadCodec.full.code {
                        guard let successor, successor.number == row.number + 1, let text = successor.text else {
                            problems.append(
                                StoreProblem(
                                    article: key, revision: row.number,
                                    detail: "its base revision \(row.number + 1) is unreadable"))
                            successor = (row.number, nil)
                            continue
                        }
                        base = text
                    }
                    do {
                        successor = (row.number, try Self.decode(row, base: base, article: key))
                    } catch let error as StoreError {
                        if case .corrupt(_, _, let detail) = error.reason {
                            problems.append(StoreProblem(article: key, revision: row.number, detail: detail))
                        }
                        successor = (row.number, nil)
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
