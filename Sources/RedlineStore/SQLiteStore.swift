import Foundation
import GRDB
import RedlineSystem
import RedlineZlib

/// The embedded store: one SQLite file in WAL mode under `.redline/`, through GRDB.
///
/// Every write is one immediate transaction, so a process killed at any point leaves the last
/// committed state, and several processes can write at once (SQLite serialises them; waiting
/// writers retry for up to 30 s).
public final class SQLiteStore: RevisionStore {
    /// The database file (``RevisionStore/location``).
    public var location: String { path }

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
        let permitted = FileSystem.isWritable(path) && FileSystem.isWritable(directory.isEmpty ? "." : directory)
        isWritable = mode == .readWrite && permitted
        do {
            var connection = try Self.connect(path: path, writable: isWritable, mediumWritable: permitted)
            if try connection.read({ try Self.migrator.hasBeenSuperseded($0) }) { throw StoreError(.newerSchema) }
            if isWritable {
                if try !connection.read({ try Self.migrator.hasCompletedMigrations($0) }) {
                    try Self.migrator.migrate(connection)
                    try connection.close()
                    Self.repage(path: path)
                    connection = try Self.connect(path: path, writable: true, mediumWritable: true)
                }
            } else if try !connection.read({ try Self.migrator.hasCompletedMigrations($0) }) {
                // A store written by an older Redline, opened to be read: upgraded once, where it may
                // be written, then read as usual; on a read-only medium it cannot be.
                guard permitted else { throw StoreError(.readOnly(path: path)) }
                try connection.close()
                let writer = try Self.connect(path: path, writable: true, mediumWritable: true)
                try Self.migrator.migrate(writer)
                try writer.close()
                Self.repage(path: path)
                connection = try Self.connect(path: path, writable: false, mediumWritable: permitted)
            }
            pool = connection
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
        try create(atPath: (directory as NSString).appendingPathComponent(fileName))
    }

    /// Creates a store in the database file `path` (its directory made if missing) and opens it.
    public static func create(atPath path: String) throws(StoreError) -> SQLiteStore {
        if FileManager.default.fileExists(atPath: path) { throw StoreError(.alreadyExists(path: path)) }
        do {
            let directory = (path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(
                atPath: directory.isEmpty ? "." : directory, withIntermediateDirectories: true)
            // The page size is fixed when the first table is made, before WAL mode (which keeps it).
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA page_size = \(pageSize)") }
            try migrator.migrate(queue)
            try queue.close()
        } catch {
            throw storeError(error, path: path)
        }
        return try SQLiteStore(path: path)
    }

    /// Pages of 1 KiB: the rows are small (a delta is tens of bytes) and the newest texts spill
    /// into overflow pages that they fill, so small pages waste least; see Docs/Store.md.
    static let pageSize = 1024

    /// Rewrites a store converted from schema v1 into pages of ``pageSize`` (a `VACUUM` outside
    /// WAL mode). Best effort: when another process has the store open it is left as it is — every
    /// page size reads the same — and tried again on a later open.
    static func repage(path: String) {
        var quick = configuration
        quick.busyMode = .immediateError
        guard let queue = try? DatabaseQueue(path: path, configuration: quick) else { return }
        defer { try? queue.close() }
        _ = try? queue.writeWithoutTransaction { db in
            guard try Int.fetchOne(db, sql: "PRAGMA page_size") != pageSize,
                try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") == "delete"
            else { return }
            defer { _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
            try db.execute(sql: "PRAGMA page_size = \(pageSize)")
            try db.execute(sql: "VACUUM")
        }
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
        // Key normalisation writes revisions, which it does in the compact rows of schema v2.
        migrator.registerMigration("v3-normalised-keys") { db in
            try convertToCompactRows(db)
            try normaliseKeys(db)
        }
        migrator.registerMigration("v4-compact-rows") { db in try convertToCompactRows(db) }
        return migrator
    }

    func perform<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
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

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw Self.storeError(error, path: path)
        }
    }
}
