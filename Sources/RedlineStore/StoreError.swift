/// Why the store could not do what was asked, with what to do next.
public struct StoreError: Error, CustomStringConvertible, Sendable, Equatable {
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
        /// SQLite or the file system failed.
        case database(String)
    }

    public let reason: Reason

    public init(_ reason: Reason) {
        self.reason = reason
    }

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
        case .database(let message):
            "the store could not be read or written: \(message). Check the disk space and the file's permissions."
        }
    }
}
