import RedlineDiff
import RedlineFacts

/// `--stat`: one line per comparison, like `git diff --stat`: the file, how many paragraphs
/// changed, a bar of insertions and deletions, and the fact changes.
///
///     new.txt | 5 paragraphs changed, +69 −41 words ++++++++---- | 6 figures, 1 name, 1 quote, 2 claims
public struct StatLine: Sendable {
    /// The line, without a newline.
    public let text: String

    /// The line for `comparison`, with a bar at most `barWidth` wide.
    public init(_ comparison: Comparison, barWidth: Int = 30) {
        let diff = comparison.diff
        let counts = diff.counts
        guard !comparison.isIdentical else {
            text = "\(comparison.new.source) | no change"
            return
        }
        // Paragraphs changed, as the side-by-side view aligns them (a move counts once).
        let paragraphs = HTMLReport.rows(diff).filter { $0.kind != .same && $0.kind != .movedAway }.count
        let total = counts.insertedTokens + counts.deletedTokens
        let scale = total > barWidth ? Double(barWidth) / Double(total) : 1
        let plus = counts.insertedTokens == 0 ? 0 : max(1, Int((Double(counts.insertedTokens) * scale).rounded()))
        let minus = counts.deletedTokens == 0 ? 0 : max(1, Int((Double(counts.deletedTokens) * scale).rounded()))
        var line = "\(comparison.new.source) | \(TextReport.plural(paragraphs, "paragraph")) changed"
        line += ", +\(counts.insertedTokens) −\(counts.deletedTokens) tokens "
        line += String(repeating: "+", count: plus) + String(repeating: "-", count: minus)
        if counts.moves > 0 { line += ", \(TextReport.plural(counts.moves, "moved paragraph"))" }
        if let facts = comparison.facts {
            line += " | " + (facts.changes.isEmpty ? "no fact changed" : facts.summary.line.replacingSuffix(" changed"))
        }
        if !comparison.metadataChanges.isEmpty {
            line +=
                " | "
                + comparison.metadataChanges.map { MetadataSection.label($0.field).lowercased() }.joined(
                    separator: ", ")
                + " changed"
        }
        text = line
    }
}

extension String {
    fileprivate func replacingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
