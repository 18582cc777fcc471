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
