import Foundation

/// What a stored revision changed against the one before it (against nothing for the first):
/// the comparison, and one line in plain words — what `watch` prints for each new revision and
/// `follow` for each one committed.
public struct RevisionChange: Sendable {
    /// The revision.
    public let revision: Revision
    /// The comparison with the revision before it.
    public let comparison: Comparison

    /// Reads the revision and its predecessor from `store` and compares them.
    public init(_ revision: Revision, in store: any RevisionStore) throws {
        self.revision = revision
        let key = ArticleKey(revision.article)
        let (_, newText) = try store.text(of: key, .number(revision.number))
        let new = try TextDocument(
            name: "\(revision.article)@\(revision.number)", storedText: newText, metadata: revision.metadata)
        let old: TextDocument
        if revision.number > 1 {
            let (previous, oldText) = try store.text(of: key, .number(revision.number - 1))
            old = try TextDocument(
                name: "\(revision.article)@\(previous.number)", storedText: oldText, metadata: previous.metadata)
        } else {
            old = TextDocument(name: "/dev/null", text: "")
        }
        comparison = Redline.compare(old, new, facts: revision.number > 1 ? .auto : .never)
    }

    /// "3 figures, 1 name changed", "new article, 4211 bytes", or the text's change counts when
    /// no fact changed.
    public var summary: String {
        if revision.number == 1 { return "new article, \(revision.rawSize) bytes" }
        if let facts = comparison.facts, !facts.changes.isEmpty { return facts.summary.line }
        return TextReport.summary(comparison.diff.counts, granularity: comparison.diff.granularity)
    }
}
