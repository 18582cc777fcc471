import RedlineIngest
import RedlineStore

extension RevisionMetadata {
    /// What the store keeps of an article's metadata (nothing for plain text).
    public init(_ article: Article?) {
        self.init(
            headline: article?.headline, byline: article?.byline, published: article?.published,
            modified: article?.modified, sourceURL: article?.canonicalURL)
    }
}

extension Article {
    /// A stored revision as an article: its text's paragraphs with its metadata; nil when the
    /// revision has no metadata (it was plain text).
    public init?(stored text: String, metadata: RevisionMetadata) {
        guard metadata != RevisionMetadata() else { return nil }
        self.init(plainText: text)
        headline = metadata.headline
        byline = metadata.byline
        published = metadata.published
        modified = metadata.modified
        canonicalURL = metadata.sourceURL
    }
}

extension TextDocument {
    /// A stored revision's text as a document: an article with its metadata when it was captured
    /// from a page, plain text otherwise.
    public init(name: String, storedText text: [UInt8], metadata: RevisionMetadata) throws(InputError) {
        let document = try TextDocument(name: name, bytes: text)
        guard let article = Article(stored: document.bytes.string, metadata: metadata) else {
            self = document
            return
        }
        self.init(name: name, text: document.bytes, article: article)
    }
}
