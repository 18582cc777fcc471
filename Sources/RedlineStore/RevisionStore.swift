import Dispatch
import Foundation

/// A store of article revisions: the embedded ``SQLiteStore``, or PostgreSQL (module
/// `RedlinePostgres`, built with the `Postgres` trait). Every command works on this protocol, so
/// both backends number, compress, deduplicate, check and export revisions alike.
public protocol RevisionStore: AnyObject, Sendable {
    /// Where the store is, for messages: a file path, or a `postgres://` URL without its password.
    var location: String { get }
    /// Adds several versions, prepared by ``PayloadCodec/prepare(_:)``, in one transaction: all
    /// of them or, on failure, none. Each is the newest revision of its article unless it equals
    /// the latest (then `unchanged`).
    func add(prepared items: [PreparedRevision]) throws(StoreError) -> [AddResult]
    /// A revision and its text, checked against its digest.
    func text(of article: ArticleKey, _ selector: RevisionSelector) throws(StoreError) -> (Revision, [UInt8])
    /// The article's newest revision, or nil when the store has no such article.
    func latestRevision(of article: ArticleKey) throws(StoreError) -> Revision?
    /// The stored digest (hex; a prefix of the SHA-256) of each revision of an article, by number.
    func digests(of article: ArticleKey) throws(StoreError) -> [Int: String]
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
    /// Adds several versions in one transaction: all of them or, on failure, none (compressed
    /// first, on every core).
    public func add(contentsOf items: [NewRevision]) throws(StoreError) -> [AddResult] {
        try add(prepared: PayloadCodec.prepare(items))
    }

    /// Adds batches of versions, one transaction each: while one batch is written, the next is
    /// read (`next`, on this thread) and prepared (on the other cores), so a bulk import keeps
    /// every core busy. `added` gets each batch's results once it is committed.
    public func add(
        batches next: () throws(StoreError) -> [NewRevision]?, added: ([AddResult]) throws(StoreError) -> Void
    ) throws(StoreError) {
        guard let first = try next() else { return }
        var current = try PayloadCodec.prepare(first)
        while true {
            // A failure to read the next batch (a damaged line) comes after this one is written.
            let following: Result<[NewRevision]?, StoreError>
            do {
                following = .success(try next())
            } catch {
                following = .failure(error)
            }
            let preparing = (try? following.get())?.map { batch in BackgroundPreparation(batch) }
            let results = try add(prepared: current)
            try added(results)
            guard let preparing else {
                _ = try following.get()
                return
            }
            current = try preparing.wait()
        }
    }

    /// Adds `text` as the newest revision of `article` (one transaction), unless it equals the latest.
    public func add(_ text: [UInt8], to article: ArticleKey, at time: Date? = nil, metadata: RevisionMetadata)
        throws(StoreError) -> AddResult
    {
        try add(contentsOf: [NewRevision(text: text, article: article, capturedAt: time, metadata: metadata)])[0]
    }
}

/// ``PayloadCodec/prepare(_:)`` of one batch on another thread.
private final class BackgroundPreparation: @unchecked Sendable {
    // @unchecked: `result` is written before `done` is signalled and read after.
    private var result: Result<[PreparedRevision], StoreError>?
    private let done = DispatchSemaphore(value: 0)

    init(_ batch: [NewRevision]) {
        DispatchQueue.global().async {
            do throws(StoreError) {
                self.result = .success(try PayloadCodec.prepare(batch))
            } catch {
                self.result = .failure(error)
            }
            self.done.signal()
        }
    }

    func wait() throws(StoreError) -> [PreparedRevision] {
        done.wait()
        switch result {
        case .success(let prepared): return prepared
        case .failure(let error): throw error
        case nil: throw StoreError(.database("the batch was not prepared"))
        }
    }
}
