import ArgumentParser
import Foundation
import Redline

/// `--store PATH`, shared by the commands that use the store.
struct StoreOption: ParsableArguments {
    @Option(
        name: .long, help: "The store: a directory holding .redline, the .redline directory, or the database file.",
        completion: .file())
    var store: String?

    init() {}

    init(store: String?) {
        self.store = store
    }

    /// Opens the store (read-only unless `access` says otherwise), or exits 2 saying where
    /// Redline looked and what to do.
    func open(_ access: SQLiteStore.Access = .readOnly) throws -> SQLiteStore {
        do {
            return try SQLiteStore(path: StoreLocation.find(explicit: store), access: access)
        } catch {
            throw Terminal.trouble(error.description)
        }
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
    var storeStamp: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        return formatter.string(from: self) + "Z"
    }
}
