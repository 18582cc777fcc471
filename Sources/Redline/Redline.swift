@_exported import RedlineDiff
@_exported import RedlineReport

/// The public façade: what a library user (and the `redline` command) calls.
public enum Redline {
    /// Compares two documents.
    ///
    /// - Parameters:
    ///   - granularity: the finest unit to diff in (`.word` by default: paragraphs, then sentences, then words).
    ///   - options: minimal mode, moves, hierarchy.
    public static func compare(
        _ old: TextDocument, _ new: TextDocument, by granularity: Granularity = .word,
        options: Diff.Options = Diff.Options()
    ) -> Comparison {
        Comparison(
            old: Comparison.Side(source: old.name), new: Comparison.Side(source: new.name),
            diff: Diff(old: old.bytes, new: new.bytes, by: granularity, options: options))
    }
}
