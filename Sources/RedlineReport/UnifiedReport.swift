import RedlineDiff

/// The classic unified diff (`diff -u`), valid input for `patch`.
///
/// Unified diffs are line-based, so this renderer needs a diff computed by ``Granularity/paragraph``.
public struct UnifiedReport: Sendable {
    /// Unchanged lines around each change.
    public var context: Int

    public init(context: Int = 3) {
        self.context = context
    }

    public func render(_ comparison: Comparison) -> [UInt8] {
        let diff = comparison.diff
        precondition(diff.granularity == .paragraph, "a unified diff needs a line (paragraph) diff")
        var out: [UInt8] = []
        if diff.isIdentical { return out }
        out.append(contentsOf: "--- \(comparison.old.source)\n+++ \(comparison.new.source)\n".utf8)
        for hunk in diff.hunks(context: context) {
            out.append(contentsOf: "@@ -\(Self.span(hunk.oldLines)) +\(Self.span(hunk.newLines)) @@\n".utf8)
            for edit in hunk.edits {
                switch edit.kind {
                case .equal: appendLines(diff.oldBytes, edit.old, diff.oldLines, prefix: UInt8(ascii: " "), to: &out)
                case .delete: appendLines(diff.oldBytes, edit.old, diff.oldLines, prefix: UInt8(ascii: "-"), to: &out)
                case .insert: appendLines(diff.newBytes, edit.new, diff.newLines, prefix: UInt8(ascii: "+"), to: &out)
                }
            }
        }
        return out
    }

    /// `start,count` with a 1-based start; an empty range names the line before it, as GNU diff does.
    static func span(_ lines: Range<Int>) -> String {
        let start = lines.isEmpty ? lines.lowerBound : lines.lowerBound + 1
        return lines.count == 1 ? "\(start)" : "\(start),\(lines.count)"
    }

    /// Appends each line of `text[range]` behind `prefix`, marking a last line that has no newline.
    private func appendLines(
        _ text: TextBytes, _ range: Range<Int>, _ lines: LineIndex, prefix: UInt8, to out: inout [UInt8]
    ) {
        var position = range.lowerBound
        var line = lines.line(containing: position)
        while position < range.upperBound {
            let end = Swift.min(lines.bounds[line + 1], range.upperBound)
            out.append(prefix)
            text.append(position..<end, to: &out)
            if text[end - 1] != 0x0A {
                out.append(contentsOf: "\n\\ No newline at end of file\n".utf8)
            }
            position = end
            line += 1
        }
    }
}
