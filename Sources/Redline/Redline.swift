@_exported import RedlineArticle
@_exported import RedlineDiff
@_exported import RedlineFacts
@_exported import RedlineImport
@_exported import RedlineIngest
@_exported import RedlineReport
@_exported import RedlineStore

/// The public façade: what a library user (and the `redline` command) calls.
public enum Redline {
    /// Compares two documents.
    ///
    /// - Parameters:
    ///   - old: the earlier version.
    ///   - new: the later version.
    ///   - granularity: the finest unit to diff in (`.word` by default: paragraphs, then sentences, then words).
    ///   - options: minimal mode, moves, hierarchy.
    ///   - facts: compare figures, names, quotes and claims (see `FactDiff`): `.auto` does so for
    ///     texts up to ``factSizeLimit`` (articles; not 10 MB logs), `.always` whatever the size.
    /// - Returns: the word diff, the fact changes and the metadata changes.
    public static func compare(
        _ old: TextDocument, _ new: TextDocument, by granularity: Granularity = .word,
        options: Diff.Options = Diff.Options(), facts: FactMode = .auto
    ) -> Comparison {
        let diff = Diff(old: old.bytes, new: new.bytes, by: granularity, options: options)
        var comparison = Comparison(
            old: Comparison.Side(source: old.name, article: old.article),
            new: Comparison.Side(source: new.name, article: new.article), diff: diff)
        if let oldArticle = old.article, let newArticle = new.article {
            comparison.metadataChanges = MetadataChange.changes(from: oldArticle, to: newArticle)
        }
        switch facts {
        case .never:
            break
        case .auto where max(old.bytes.count, new.bytes.count) > factSizeLimit:
            comparison.factsSkipped =
                "inputs over \(factSizeLimit >> 20) MiB are compared as text only; pass --facts to compare facts anyway"
        case .auto where sharedFraction(diff) < minimumSharedFraction:
            let shared = Int((sharedFraction(diff) * 100).rounded())
            comparison.factsSkipped =
                "the versions share only \(shared)% of their text: they read as different articles, not revisions "
                + "of one; pass --facts to compare facts anyway"
        case .auto, .always:
            let facts = FactDiff(diff: diff)
            if facts.isTruncated {
                comparison.factsSkipped =
                    "more than \(FactSheet.sentenceLimit) sentences to analyse: compared as text only (the facts limit)"
            } else {
                comparison.facts = facts
            }
        }
        return comparison
    }

    /// Whether to compare facts.
    public enum FactMode: Sendable {
        /// For inputs up to ``Redline/factSizeLimit``.
        case auto
        case always
        case never
    }

    /// Below this share of common text, two versions are different articles and a fact diff
    /// would list every sentence of both: facts are not compared unless asked for.
    public static let minimumSharedFraction = 0.15

    /// The share of both texts' bytes that the diff keeps.
    static func sharedFraction(_ diff: Diff) -> Double {
        let total = diff.oldBytes.count + diff.newBytes.count
        guard total > 0 else { return 1 }
        let counts = diff.counts
        return 1 - Double(counts.deletedBytes + counts.insertedBytes) / Double(total)
    }

    /// Facts are compared by default for inputs up to this size (1 MiB): news articles are a few
    /// kilobytes; larger inputs are documents where the text diff is what is wanted, fast.
    public static let factSizeLimit = 1 << 20
}
