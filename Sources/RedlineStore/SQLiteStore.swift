import Crypto
import Foundation
import GRDB
import RedlineZlib

/// A store of article revisions.
public protocol RevisionStore: Sendable {
    /// Adds `text` as the newest revision of `article`, unless it equals the latest one.
    func add(_ text: [UInt8], to article: ArticleKey, at time: Date?, metadata: RevisionMetadata) throws(StoreError)
        -> AddResult
    /// A revision and its text.
    func text(of article: ArticleKey, _ selector: RevisionSelector) throws(StoreError) -> (Revision, [UInt8])
    /// Every revision of an article, oldest first.
    func revisions(of article: ArticleKey) throws(StoreError) -> [Revision]
    /// Every article.
    func articles() throws(StoreError) -> [ArticleSummary]
    /// Re-reads and re-hashes every revision; what could not be verified.
    func check() throws(StoreError) -> [StoreProblem]
    /// Counts and sizes.
    func statistics() throws(StoreError) -> StoreStatistics
}

/// The embedded store: one SQLite file in WAL mode under `.redline/`, through GRDB.
///
/// Every write is one immediate transaction, so a process killed at any point leaves the last
/// committed state, and several processes can write at once (SQLite serialises them; waiting
/// writers retry for up to 30 s).
public final class SQLiteStore: RevisionStore {
    // Sendable: GRDB's connections are themselves Sendable and the path never changes.
    let pool: any DatabaseWriter
    /// The database file.
    public let path: String

    /// The file name inside a store directory.
    public static let fileName = "store.sqlite"

    /// What an opened store will be used for.
    public enum Access: Sendable {
        /// Reads and writes: a pool of connections, schema migrated on open.
        case readWrite
        /// Reads only (show, log, diff, fsck…): one read-only connection, nothing written, not
        /// even the migration check's transaction, so a read costs one open and the pages it needs.
        case readOnly
    }

    /// Whether this store may be written: opened for writing, and the file and its directory are
    /// writable by this process. When not, every write fails with ``StoreError/Reason/readOnly(path:)``.
    public let isWritable: Bool

    /// Opens the store at `path` (the database file): for reading and writing when `access` asks
    /// for it and the file and its directory are writable, read-only otherwise.
    public init(path: String, access mode: Access = .readWrite) throws(StoreError) {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.notFound(searched: path))
        }
        let directory = (path as NSString).deletingLastPathComponent
        let permitted = access(path, W_OK) == 0 && access(directory.isEmpty ? "." : directory, W_OK) == 0
        isWritable = mode == .readWrite && permitted
        do {
            pool = try Self.connect(path: path, writable: isWritable, mediumWritable: permitted)
            if try pool.read({ try Self.migrator.hasBeenSuperseded($0) }) { throw StoreError(.newerSchema) }
            if isWritable {
                try Self.migrator.migrate(pool)
            } else if try !pool.read({ try Self.migrator.hasCompletedMigrations($0) }) {
                throw StoreError(
                    permitted
                        ? .database("the store's schema is incomplete; run `redline fsck`") : .readOnly(path: path))
            }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// A pool of connections in WAL mode when writing; one read-only connection otherwise. A store
    /// nobody is writing (no `-wal` file) on a read-only medium is opened as immutable, since
    /// SQLite cannot create the shared-memory file WAL readers need there.
    static func connect(path: String, writable: Bool, mediumWritable: Bool) throws -> any DatabaseWriter {
        var configuration = Self.configuration
        guard !writable else { return try DatabasePool(path: path, configuration: configuration) }
        configuration.readonly = true
        let active =
            FileManager.default.fileExists(atPath: path + "-shm")
            || FileManager.default.fileExists(atPath: path + "-wal")
        guard !mediumWritable && !active else { return try DatabaseQueue(path: path, configuration: configuration) }
        let uri =
            "file:" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "?immutable=1"
        return try DatabaseQueue(path: uri, configuration: configuration)
    }

    /// A failure as a ``StoreError``: read-only files and full disks get their own reasons.
    static func storeError(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_READONLY, .SQLITE_PERM: return StoreError(.readOnly(path: path))
            case .SQLITE_FULL: return StoreError(.diskFull(path: path))
            // A write refused by the file system: ENOSPC, EFBIG (a file-size limit), EDQUOT.
            case .SQLITE_IOERR where error.extendedResultCode == .SQLITE_IOERR_WRITE:
                return StoreError(.diskFull(path: path))
            default: break
            }
        }
        return StoreError(.database("\(error)"))
    }

    /// Creates a store in `directory` (made if missing) and opens it.
    public static func create(in directory: String) throws(StoreError) -> SQLiteStore {
        let path = (directory as NSString).appendingPathComponent(fileName)
        if FileManager.default.fileExists(atPath: path) { throw StoreError(.alreadyExists(path: path)) }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let pool = try DatabasePool(path: path, configuration: configuration)
            try migrator.migrate(pool)
            try pool.close()
        } catch {
            throw storeError(error, path: path)
        }
        return try SQLiteStore(path: path)
    }

    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        configuration.label = "redline"
        return configuration
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE articles (
                        id INTEGER PRIMARY KEY,
                        key TEXT NOT NULL UNIQUE,
                        created_at REAL NOT NULL
                    );
                    CREATE TABLE revisions (
                        id INTEGER PRIMARY KEY,
                        article_id INTEGER NOT NULL REFERENCES articles(id),
                        seq INTEGER NOT NULL,
                        captured_at REAL NOT NULL,
                        sha256 BLOB NOT NULL,
                        raw_size INTEGER NOT NULL,
                        codec INTEGER NOT NULL,
                        base_seq INTEGER,
                        payload BLOB NOT NULL,
                        meta_json TEXT,
                        revert_of INTEGER,
                        UNIQUE (article_id, seq)
                    );
                    """)
        }
        migrator.registerMigration("v2-fetch-state") { db in
            try db.execute(
                sql: """
                    CREATE TABLE fetch_state (
                        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
                        url TEXT NOT NULL,
                        etag TEXT,
                        last_modified TEXT,
                        checked_at REAL NOT NULL,
                        changed_at REAL
                    );
                    """)
        }
        return migrator
    }

    // MARK: Writing

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
    private static func insert(
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
    private func perform<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            guard isWritable else { throw StoreError(.readOnly(path: path)) }
            return try pool.writeWithoutTransaction { db in
                var result: Result<T, any Error> = .failure(StoreError(.database("the transaction did not run")))
                try db.inTransaction(.immediate) {
                    result = .success(try body(db))
                    return .commit
                }
                return try result.get()
            }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    // MARK: Fetch state

    /// What the last fetch of an article's URL returned (for conditional GETs and schedules), or
    /// nil when it was never fetched (or the store predates fetching).
    public func fetchState(of article: ArticleKey) throws(StoreError) -> FetchState? {
        try read { db in
            guard try db.tableExists("fetch_state"),
                let articleID = try Self.articleID(db, article, create: false, at: Date()),
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
                    SELECT a.key AS key, f.*, (SELECT MIN(captured_at) FROM revisions r WHERE r.article_id = a.id) AS first
                    FROM fetch_state f JOIN articles a ON a.id = f.article_id ORDER BY a.key
                    """
            ).map { row in
                let state = Self.fetchState(row)
                let first = (row["first"] as Double?).map { Date(timeIntervalSince1970: $0) } ?? state.checkedAt
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
            guard let articleID = try Self.articleID(db, article, create: false, at: state.checkedAt) else {
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

    // MARK: Reading

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

    public func revisions(of article: ArticleKey) throws(StoreError) -> [Revision] {
        try read { db in
            let articleID = try Self.existingArticle(db, article)
            return try Row.fetchAll(
                db, sql: "SELECT * FROM revisions WHERE article_id = ? ORDER BY seq", arguments: [articleID]
            ).map { Self.revision($0, article: article.value) }
        }
    }

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
