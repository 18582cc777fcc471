import Foundation

/// A store of article revisions: the embedded ``SQLiteStore``, or PostgreSQL (module
/// `RedlinePostgres`, built with the `Postgres` trait). Every command works on this protocol, so
/// both backends number, compress, deduplicate, check and export revisions alike.
public protocol RevisionStore: AnyObject, Sendable {
    /// Where the store is, for messages: a file path, or a `postgres://` URL without its password.
    var location: String { get }
    /// Adds several versions in one transaction: all of them or, on failure, none. Each is the
    /// newest revision of its article unless it equals the latest (then `unchanged`).
    func add(contentsOf items: [NewRevision]) throws(StoreError) -> [AddResult]
    /// A revision and its text, checked against its digest.
    func text(of article: ArticleKey, _ selector: RevisionSelector) throws(StoreError) -> (Revision, [UInt8])
    /// The article's newest revision, or nil when the store has no such article.
    func latestRevision(of article: ArticleKey) throws(StoreError) -> Revision?
    /// The stored digest (hex) of revision `number`; nil when there is no such revision.
    func digest(of article: ArticleKey, number: Int) throws(StoreError) -> String?
    /// Every revision of an article, oldest first.
    func revisions(of article: ArticleKey) throws(StoreError) -> [Revision]
    /// Every revision of an article with its text, oldest first, decoded in one pass.
    func history(of article: ArticleKey) throws(StoreError) -> [(Revision, [UInt8])]
    /// Every article.
    func articles() throws(StoreError) -> [ArticleSummary]
    /// Re-reads and re-checks every revision; what could not be verified.
    func check() throws(StoreError) -> [StoreProblem]
    /// Counts and sizes.
    func statistics() throws(StoreError) -> StoreStatistics
    /// Gives the space of superseded payloads back (after a bulk import).
    func compact() throws(StoreError)
    /// What the last fetch of an article's URL returned, or nil.
    func fetchState(of article: ArticleKey) throws(StoreError) -> FetchState?
    /// Records a fetch of an article (which must exist).
    func recordFetch(of article: ArticleKey, _ state: FetchState) throws(StoreError)
    /// Every article fetched from a URL, with its fetch state and first capture time.
    func fetchedArticles() throws(StoreError) -> [(article: ArticleKey, state: FetchState, firstCaptured: Date)]
}

extension RevisionStore {
    /// Adds `text` as the newest revision of `article` (one transaction), unless it equals the latest.
    public func add(_ text: [UInt8], to article: ArticleKey, at time: Date? = nil, metadata: RevisionMetadata)
        throws(StoreError) -> AddResult
    {
        try add(contentsOf: [NewRevision(text: text, article: article, capturedAt: time, metadata: metadata)])[0]
    }
}
