import Foundation

/// One stored version of an article.
public struct Revision: Sendable, Equatable {
    /// The article's key.
    public var article: String
    /// 1, 2, 3… per article.
    public var number: Int
    /// When the version was captured (`--at` sets it for imports).
    public var capturedAt: Date
    /// The stored check of the text: the first bytes of its SHA-256, lower-case hex.
    public var digest: String
    /// The text's size in bytes.
    public var rawSize: Int
    /// The payload's size in the store, in bytes.
    public var storedSize: Int
    /// How the payload is encoded.
    public var codec: PayloadCodec
    /// For a return to an earlier text (A → B → A), the revision it returns to.
    public var revertOf: Int?
    /// The page metadata stored with it.
    public var metadata: RevisionMetadata
}

/// What is known about a version besides its text.
public struct RevisionMetadata: Codable, Sendable, Equatable {
    /// The headline.
    public var headline: String?
    /// The byline.
    public var byline: String?
    /// When it was first published, ISO 8601.
    public var published: String?
    /// When it was last modified, ISO 8601.
    public var modified: String?
    /// The page's canonical URL, else the URL it was fetched from.
    public var sourceURL: String?

    /// Metadata from its fields; all nil for plain text.
    public init(
        headline: String? = nil, byline: String? = nil, published: String? = nil, modified: String? = nil,
        sourceURL: String? = nil
    ) {
        self.headline = headline
        self.byline = byline
        self.published = published
        self.modified = modified
        self.sourceURL = sourceURL
    }

    /// Whether two versions with the same text are the same version: the same headline, byline,
    /// publication date and source. A new "modified" stamp alone is not a new version.
    public func describesSameVersion(as other: RevisionMetadata) -> Bool {
        headline == other.headline && byline == other.byline && published == other.published
            && sourceURL == other.sourceURL
    }

    /// The metadata as the store keeps it (sorted-key JSON); nil when empty.
    public var json: String? {
        guard self != RevisionMetadata() else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Metadata from its stored JSON (empty when nil or unreadable).
    public static func from(json: String?) -> RevisionMetadata {
        guard let json else { return RevisionMetadata() }
        return (try? JSONDecoder().decode(RevisionMetadata.self, from: Data(json.utf8))) ?? RevisionMetadata()
    }
}

/// Which revision of an article: `3`, `latest`, `-1` (the one before the latest).
public enum RevisionSelector: Sendable, Equatable, CustomStringConvertible {
    case number(Int)
    case latest
    /// `-k`: k revisions before the latest.
    case back(Int)

    /// Parses `3`, `latest`, `-1`; nil for anything else.
    public init?(_ text: String) {
        if text == "latest" {
            self = .latest
        } else if text.hasPrefix("-"), let k = Int(text.dropFirst()), k >= 0 {
            self = .back(k)
        } else if let n = Int(text), n >= 1 {
            self = .number(n)
        } else {
            return nil
        }
    }

    /// `3`, `latest` or `-1`, as the user writes it.
    public var description: String {
        switch self {
        case .number(let n): "\(n)"
        case .latest: "latest"
        case .back(let k): "-\(k)"
        }
    }

    /// The revision number this selects among `count` revisions, or nil.
    func resolve(count: Int) -> Int? {
        let number: Int
        switch self {
        case .number(let n): number = n
        case .latest: number = count
        case .back(let k): number = count - k
        }
        return number >= 1 && number <= count ? number : nil
    }
}

/// A version to add.
public struct NewRevision: Sendable {
    /// The text, UTF-8.
    public var text: [UInt8]
    /// The article it is a version of.
    public var article: ArticleKey
    /// When it was captured (nil: now).
    public var capturedAt: Date?
    /// The page metadata to keep with it.
    public var metadata: RevisionMetadata

    /// A version of `article` captured at `capturedAt` (now when nil).
    public init(text: [UInt8], article: ArticleKey, capturedAt: Date? = nil, metadata: RevisionMetadata = .init()) {
        self.text = text
        self.article = article
        self.capturedAt = capturedAt
        self.metadata = metadata
    }
}

/// What adding a text did.
public enum AddResult: Sendable, Equatable {
    /// A new revision.
    case added(Revision)
    /// The text equals the latest revision's: nothing was stored.
    case unchanged(Revision)
}

/// A tracked article, for `redline articles`.
public struct ArticleSummary: Sendable, Equatable {
    /// The article's key.
    public var key: String
    /// How many revisions it has.
    public var revisions: Int
    /// When its first revision was captured.
    public var firstCaptured: Date
    /// When its latest revision was captured.
    public var lastCaptured: Date

    package init(key: String, revisions: Int, firstCaptured: Date, lastCaptured: Date) {
        self.key = key
        self.revisions = revisions
        self.firstCaptured = firstCaptured
        self.lastCaptured = lastCaptured
    }
}

/// Sizes, for `redline stats`.
public struct StoreStatistics: Sendable, Equatable {
    /// How many articles.
    public var articles: Int
    /// How many revisions.
    public var revisions: Int
    /// The texts' total size.
    public var rawBytes: Int
    /// The payloads' total size.
    public var storedBytes: Int
    /// The database files' size on disk (the database, its WAL and shared memory; on a server,
    /// its tables and their indexes).
    public var fileBytes: Int

    package init(articles: Int, revisions: Int, rawBytes: Int, storedBytes: Int, fileBytes: Int) {
        self.articles = articles
        self.revisions = revisions
        self.rawBytes = rawBytes
        self.storedBytes = storedBytes
        self.fileBytes = fileBytes
    }
}

/// A revision `fsck` could not verify.
public struct StoreProblem: Sendable, Equatable, CustomStringConvertible {
    /// The article's key.
    public var article: String
    /// The revision's number.
    public var revision: Int
    /// What is wrong with it.
    public var detail: String

    /// `article@revision: detail`.
    public var description: String { "\(article)@\(revision): \(detail)" }
}

/// What the last fetch of an article's URL returned.
public struct FetchState: Sendable, Equatable {
    /// The URL after redirects.
    public var url: String
    /// The `ETag` of the last answer.
    public var etag: String?
    /// The `Last-Modified` of the last answer.
    public var lastModified: String?
    /// When it was last fetched.
    public var checkedAt: Date
    /// When a fetch last brought a new revision.
    public var changedAt: Date?

    /// The state after fetching `url`.
    public init(url: String, etag: String?, lastModified: String?, checkedAt: Date, changedAt: Date?) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.checkedAt = checkedAt
        self.changedAt = changedAt
    }
}
