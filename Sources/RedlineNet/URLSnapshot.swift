import Foundation
import Redline
import RedlineFetch

/// `redline snapshot URL`: fetch a page (conditionally, when it was fetched before), read the
/// article in it, and add it to the store. Errors leave the store untouched.
public enum URLSnapshot {
    /// What a snapshot did.
    public enum Outcome: Sendable {
        /// A new revision.
        case added(Revision, finalURL: URL)
        /// The page's article equals the latest revision.
        case unchanged(Revision, finalURL: URL)
        /// The server said `304 Not Modified`.
        case notModified(ArticleKey)
    }

    /// Why a snapshot stored nothing.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// What went wrong and what to do.
        public var description: String
    }

    /// Fetches `url` and stores the article as a revision of `article` (default: the URL's key).
    public static func run(
        url: URL, article: ArticleKey? = nil, store: any RevisionStore, fetcher: PageFetcher, at time: Date? = nil
    ) async throws(Failure) -> Outcome {
        let key = article ?? ArticleKey(url.absoluteString)
        do {
            let state = try store.fetchState(of: key)
            let request = FetchRequest(url: url, etag: state?.etag, lastModified: state?.lastModified)
            let now = time ?? Date()
            switch try await fetcher.fetch(request) {
            case .notModified(let finalURL):
                if let state {
                    var checked = state
                    checked.url = finalURL.absoluteString
                    checked.checkedAt = now
                    checked.changedAt = nil
                    try store.recordFetch(of: key, checked)
                }
                return .notModified(key)
            case .page(let page):
                let article = try page.body.withUnsafeBytes { bytes throws(IngestError) in
                    try ArticleReader.read(
                        bytes, format: .html, name: page.finalURL.absoluteString, httpContentType: page.contentType)
                }
                var metadata = RevisionMetadata(article)
                metadata.sourceURL = metadata.sourceURL ?? page.finalURL.absoluteString
                guard !article.paragraphs.isEmpty else {
                    throw Failure(
                        description:
                            "\(page.finalURL.absoluteString): the page holds no article text; nothing was stored.")
                }
                let text = Array((article.body + "\n").utf8)
                let result = try store.add(text, to: key, at: now, metadata: metadata)
                let changed: Date?
                let outcome: Outcome
                switch result {
                case .added(let revision):
                    changed = now
                    outcome = .added(revision, finalURL: page.finalURL)
                case .unchanged(let revision):
                    changed = nil
                    outcome = .unchanged(revision, finalURL: page.finalURL)
                }
                try store.recordFetch(
                    of: key,
                    FetchState(
                        url: page.finalURL.absoluteString, etag: page.etag, lastModified: page.lastModified,
                        checkedAt: now,
                        changedAt: changed))
                return outcome
            }
        } catch let error as FetchError {
            throw Failure(description: error.description)
        } catch let error as IngestError {
            throw Failure(description: error.description)
        } catch let error as StoreError {
            throw Failure(description: error.description)
        } catch {
            throw Failure(description: "\(url.absoluteString): \(error)")
        }
    }
}
