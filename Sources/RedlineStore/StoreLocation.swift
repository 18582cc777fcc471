import Foundation

/// Where the store is: `--store`, then `REDLINE_STORE`, then a `.redline` directory in the working
/// directory or any directory above it, as git finds `.git`.
public enum StoreLocation {
    /// Whether `given` names a database server (`postgres://…` or `postgresql://…`) rather
    /// than a file.
    public static func isServerAddress(_ given: String) -> Bool {
        let lower = given.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// The store directory's name.
    public static let directoryName = ".redline"

    /// The database file to open, or an error saying where Redline looked.
    public static func find(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        from directory: String = FileManager.default.currentDirectoryPath
    ) throws(StoreError) -> String {
        if let given = explicit ?? environment["REDLINE_STORE"], !given.isEmpty {
            let path = databasePath(given)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw StoreError(.notFound(searched: given))
            }
            // A device or a pipe (`--store /dev/null`) is not a store: SQLite would create its
            // journal beside it.
            let type = (try? FileManager.default.attributesOfItem(atPath: path)[.type]) as? FileAttributeType
            guard !isDirectory.boolValue, type == .typeRegular || type == .typeSymbolicLink else {
                throw StoreError(.notFound(searched: "\(given), which is not a store's database file"))
            }
            return path
        }
        var current = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(directoryName).appendingPathComponent(SQLiteStore.fileName)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        throw StoreError(.notFound(searched: "\(directory) and the directories above it"))
    }

    /// Where `redline init` creates a store that `--store given` then finds: inside a directory
    /// (`given/.redline/store.sqlite`, or `given/store.sqlite` when `given` is a `.redline`
    /// directory; a path ending in `/` is a directory to be made), else the database file `given`.
    public static func newDatabasePath(_ given: String) -> String {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: given, isDirectory: &isDirectory)
        let url = URL(fileURLWithPath: given)
        if url.lastPathComponent == directoryName && (!exists || isDirectory.boolValue) {
            return url.appendingPathComponent(SQLiteStore.fileName).path
        }
        if exists ? isDirectory.boolValue : given.hasSuffix("/") {
            return url.appendingPathComponent(directoryName).appendingPathComponent(SQLiteStore.fileName).path
        }
        return given
    }

    /// `PATH/.redline/store.sqlite`, `PATH/store.sqlite` or `PATH` itself, whichever `PATH` names.
    static func databasePath(_ given: String) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: given, isDirectory: &isDirectory), isDirectory.boolValue else {
            return given
        }
        let url = URL(fileURLWithPath: given)
        let inside = url.appendingPathComponent(SQLiteStore.fileName).path
        if FileManager.default.fileExists(atPath: inside) { return inside }
        return url.appendingPathComponent(directoryName).appendingPathComponent(SQLiteStore.fileName).path
    }
}
