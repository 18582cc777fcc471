import RedlineDiff

/// The classic unified diff (`diff -u`), valid input for `patch`.
///
/// Unified diffs are line-based, so this renderer needs a diff computed by ``Granularity/paragraph``.
public struct UnifiedReport: ReportRenderer, Sendable {
    /// Unchanged lines around each change.
    public var context: Int

    /// A renderer showing `context` lines around each hunk.
    public init(context: Int = 3) {
        self.context = context
    }

    /// Renders the comparison into `out`. Nothing at all for identical texts, as diff(1) does.
    public func render(_ comparison: Comparison, into out: inout ReportOutput) {
        let diff = comparison.diff
        precondition(diff.granularity == .paragraph, "a unified diff needs a line (paragraph) diff")
        if diff.isIdentical { return }
        out.append("--- \(comparison.old.source)\n+++ \(comparison.new.source)\n")
        for hunk in diff.hunks(context: context) {
            out.append("@@ -\(Self.span(hunk.oldLines)) +\(Self.span(hunk.newLines)) @@\n")
            var oldLine = hunk.oldLines.lowerBound
            var newLine = hunk.newLines.lowerBound
            for edit in hunk.edits {
                switch edit.kind {
                case .equal:
                    appendLines(diff.oldBytes, edit.old, diff.oldLines, &oldLine, prefix: UInt8(ascii: " "), to: &out)
                case .delete:
                    appendLines(diff.oldBytes, edit.old, diff.oldLines, &oldLine, prefix: UInt8(ascii: "-"), to: &out)
                case .insert:
                    appendLines(diff.newBytes, edit.new, diff.newLines, &newLine, prefix: UInt8(ascii: "+"), to: &out)
                }
            }
        }
    }

    /// `start,count` with a 1-based start; an empty range names the line before it, as GNU diff does.
    static func span(_ lines: Range<Int>) -> String {
        let start = lines.isEmpty ? lines.lowerBound : lines.lowerBound + 1
        return lines.count == 1 ? "\(start)" : "\(start),\(lines.count)"
    }

    /// Appends each line of `text[range]` behind `prefix`, marking a last line that has no newline.
    /// `hint` is a line at or before the range, and is moved past it.
    private func appendLines(
        _ text: TextBytes, _ range: Range<Int>, _ lines: LineIndex, _ hint: inout Int, prefix: UInt8,
        to out: inout ReportOutput
    ) {
        var position = range.lowerBound
        var line = lines.line(containing: position, from: hint)
        defer { hint = line }
        while position < range.upperBound {
            let end = Swift.min(lines.bounds[line + 1], range.upperBound)
            out.append(prefix)
            out.append(text, position..<end)
            if text[end - 1] != 0x0A {
                out.append("\n\\ No newline at end of file\n")
            }
            position = end
            line += 1
        }
    }
}
