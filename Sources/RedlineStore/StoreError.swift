/// Why the store could not do what was asked, with what to do next.
public struct StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Why a store operation failed.
    public enum Reason: Sendable, Equatable {
        /// No store where one was looked for.
        case notFound(searched: String)
        /// `redline init` where a store already exists.
        case alreadyExists(path: String)
        /// The store was written by a newer Redline.
        case newerSchema
        /// No article with that key; the closest keys that exist.
        case unknownArticle(String, nearby: [String])
        /// No such revision; how many the article has.
        case unknownRevision(article: String, revision: String, count: Int)
        /// A revision's payload does not decode, or decodes to other text than its hash says.
        case corrupt(article: String, revision: Int, detail: String)
        /// The store cannot be written by this process (permissions or a read-only file system).
        case readOnly(path: String)
        /// The disk (or the process's file-size limit) ran out while writing; nothing was saved.
        case diskFull(path: String)
        /// A line of an export dump is not a revision record, or its text does not match its hash.
        case invalidDump(line: Int, detail: String)
        /// SQLite, the database server or the file system failed.
        case database(String)
        /// The database server refused or failed (what it said, and what to do).
        case server(String)
        /// The store cannot be used by this build (what to do is in the message).
        case unsupported(String)
        /// The connection to the database server was lost during a write; whether the write
        /// was committed, as found after reconnecting (nil: it could not be found out).
        case connectionLost(detail: String, committed: Bool?)
    }

    /// What went wrong.
    public let reason: Reason

    /// A failure for `reason`.
    public init(_ reason: Reason) {
        self.reason = reason
    }

    /// What went wrong and what to do, in one sentence.
    public var description: String {
        switch reason {
        case .notFound(let searched):
            "no Redline store found (looked in \(searched)). Run `redline init` to create one, or pass --store PATH."
        case .alreadyExists(let path):
            "a store already exists at \(path)."
        case .newerSchema:
            "this store was written by a newer version of Redline; upgrade Redline to read it."
        case .unknownArticle(let key, let nearby):
            "no article '\(key)' in the store."
                + (nearby.isEmpty
                    ? " Run `redline articles` to list them." : " Did you mean: \(nearby.joined(separator: ", "))?")
        case .unknownRevision(let article, let revision, let count):
            "article '\(article)' has no revision \(revision); it has \(count) (1–\(count), latest, -1 …)."
        case .corrupt(let article, let revision, let detail):
            "revision \(article)@\(revision) is damaged (\(detail)). Run `redline fsck` to list every damaged revision."
        case .readOnly(let path):
            "the store at \(path) is read-only for this user: it can be read, not written. "
                + "Check the permissions of the file and its directory, or copy the store somewhere writable."
        case .diskFull(let path):
            "the disk is full (or the file-size limit was reached) while writing the store at \(path); "
                + "nothing of this write was saved and the store is intact. Free some space and run the command again."
        case .invalidDump(let line, let detail):
            "line \(line) of the dump: \(detail). Nothing from this batch was added; fix or remove the line and import again."
        case .database(let message):
            "the store could not be read or written: \(message). Check the disk space and the file's permissions."
        case .server(let message):
            "the database server: \(message)."
        case .unsupported(let message):
            "\(message)."
        case .connectionLost(let detail, let committed):
            "the connection to the database server was lost (\(detail)); "
                + (committed == true
                    ? "the write had been committed and is in the store."
                    : committed == false
                        ? "nothing of this write was saved. Run the command again once the server is back."
                        : "whether the write was saved is unknown: check with `redline log` once the server is back.")
        }
    }
}
