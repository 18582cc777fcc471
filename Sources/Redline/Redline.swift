@_exported import RedlineDiff
@_exported import RedlineFacts
@_exported import RedlineReport

/// The public façade: what a library user (and the `redline` command) calls.
public enum Redline {
    /// Compares two documents.
    ///
    /// - Parameters:
    ///   - granularity: the finest unit to diff in (`.word` by default: paragraphs, then sentences, then words).
    ///   - options: minimal mode, moves, hierarchy.
    ///   - facts: also compare figures, names, quotes and claims (see ``FactDiff``).
    public static func compare(
        _ old: TextDocument, _ new: TextDocument, by granularity: Granularity = .word,
        options: Diff.Options = Diff.Options(), facts: Bool = true
    ) -> Comparison {
        let diff = Diff(old: old.bytes, new: new.bytes, by: granularity, options: options)
        return Comparison(
            old: Comparison.Side(source: old.name), new: Comparison.Side(source: new.name), diff: diff,
            facts: facts ? FactDiff(diff: diff) : nil)
    }
}
