import ArgumentParser
import Foundation
import Redline

/// `--store PATH`, shared by the commands that use the store.
struct StoreOption: ParsableArguments {
    @Option(
        name: .long,
        help: """
            The store: a directory holding .redline, the .redline directory, the database file, or a \
            PostgreSQL server (postgres://user@host:port/database; needs a build with the Postgres trait).
            """,
        completion: .file())
    var store: String?

    init() {}

    init(store: String?) {
        self.store = store
    }

    /// Opens the store (read-only unless `access` says otherwise), or exits 2 saying where
    /// Redline looked and what to do. `--store`, else `REDLINE_STORE`, may name a PostgreSQL
    /// server instead of a file.
    func open(_ access: SQLiteStore.Access = .readOnly) throws -> any RevisionStore {
        do {
            if let server = serverAddress { return try ServerStore.open(server, access: access) }
            return try SQLiteStore(path: StoreLocation.find(explicit: store), access: access)
        } catch {
            throw Terminal.trouble(error.description)
        }
    }

    /// The `postgres://` address given by `--store` or `REDLINE_STORE`, if that is what was given.
    var serverAddress: String? {
        let given = store ?? ProcessInfo.processInfo.environment["REDLINE_STORE"]
        return given.flatMap { StoreLocation.isServerAddress($0) ? $0 : nil }
    }
}

/// Runs `body`, turning a ``StoreError`` into exit status 2 with its message on stderr.
func withStore<T>(_ body: () throws(StoreError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw Terminal.trouble(error.description)
    }
}

/// `ARTICLE` or `ARTICLE@REV` (`3`, `latest`, `-1`).
struct ArticleReference {
    var article: ArticleKey
    var selector: RevisionSelector

    init(_ text: String) throws {
        // URLs contain '@' rarely; the revision is what follows the last '@', when it parses.
        if let at = text.lastIndex(of: "@"), let selector = RevisionSelector(String(text[text.index(after: at)...])) {
            article = ArticleKey(String(text[..<at]))
            self.selector = selector
        } else {
            article = ArticleKey(text)
            selector = .latest
        }
    }
}

extension Date {
    /// "2026-11-25 17:15:21Z".
    var storeStamp: String { utcStamp(separator: " ") }

    /// "2026-11-25T17:15:21Z" (RFC 3339, whole seconds).
    var internetStamp: String { utcStamp(separator: "T") }

    /// The moment in UTC to the second, from the C library's calendar: creating an
    /// `ISO8601DateFormatter` starts ICU's date formatting, which took 40% of `redline log`.
    private func utcStamp(separator: Character) -> String {
        var seconds = time_t(timeIntervalSince1970.rounded(.down))
        var fields = tm()
        gmtime_r(&seconds, &fields)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year = Int(fields.tm_year) + 1900
        let paddedYear = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return paddedYear + "-" + two(fields.tm_mon + 1) + "-" + two(fields.tm_mday) + String(separator)
            + two(fields.tm_hour) + ":" + two(fields.tm_min) + ":" + two(fields.tm_sec) + "Z"
    }
}
