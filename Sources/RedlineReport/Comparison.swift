import RedlineArticle
import RedlineDiff
import RedlineFacts

/// Two versions of a text and what changed between them: the input to every renderer.
public struct Comparison: Sendable {
    /// Where a side came from.
    public struct Side: Sendable, Equatable {
        /// The file path, `-`, or a store reference.
        public var source: String
        /// The article's metadata, when the side was a page, Markdown, or a stored revision that has it.
        public var article: Article?

        /// A side read from `source`, with its article when it was a page or Markdown.
        public init(source: String, article: Article? = nil) {
            self.source = source
            self.article = article
        }
    }

    /// The earlier version.
    public var old: Side
    /// The later version.
    public var new: Side
    /// The text diff.
    public var diff: Diff
    /// Which figures, names, quotes and claims changed (nil when fact comparison is off).
    public var facts: FactDiff?
    /// Why facts were not compared, when they were skipped for size.
    public var factsSkipped: String?
    /// Headline, byline, date and canonical-URL changes, when both sides carry metadata.
    public var metadataChanges: [MetadataChange] = []

    /// A comparison of `old` and `new` through `diff`, with `facts` when they were compared.
    public init(old: Side, new: Side, diff: Diff, facts: FactDiff? = nil) {
        self.old = old
        self.new = new
        self.diff = diff
        self.facts = facts
    }

    /// True when nothing changed: the same text, and no metadata change that counts.
    public var isIdentical: Bool { diff.isIdentical && !metadataChanges.contains(where: \.isSignificant) }
}
