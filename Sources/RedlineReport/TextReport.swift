import RedlineDiff
import RedlineFacts

/// The terminal report: changed paragraphs with the words deleted and inserted marked inline.
///
/// With colour, deletions are red and struck through and insertions green; without, they are
/// marked `[-like this-]` and `{+like this+}`, as `git diff --word-diff=plain` does.
public struct TextReport: ReportRenderer, Sendable {
    /// Use ANSI colours.
    public var color: Bool
    /// Unchanged paragraphs (lines) shown around each change.
    public var context: Int

    /// Wrap lines at this many columns (a terminal's width); nil: never.
    public var width: Int?

    /// A renderer, in colour or with `[-…-]{+…+}` marks, showing `context` paragraphs, wrapping at `width` columns.
    public init(color: Bool, context: Int = 1, width: Int? = nil) {
        self.color = color
        self.context = context
        self.width = width
    }

    /// Renders the comparison as UTF-8 text into `output`.
    public func render(_ comparison: Comparison, into output: inout ReportOutput) {
        var out = Output(color: color, output: output, width: width)
        defer { output = out.output }
        let diff = comparison.diff
        out.styled("--- \(comparison.old.source)\n+++ \(comparison.new.source)\n", .header)
        MetadataSection(changes: comparison.metadataChanges).render(into: &out)
        if diff.isIdentical {
            out.plain(comparison.metadataChanges.isEmpty ? "No differences.\n" : "No differences in the text.\n")
            return
        }
        if let facts = comparison.facts {
            FactsSection(facts: facts).render(into: &out)
            out.plain("\n")
        } else if let reason = comparison.factsSkipped {
            out.plain("Facts: not compared (\(reason)).\n\n")
        }
        out.plain(Self.summary(diff.counts, granularity: diff.granularity) + "\n")
        let oldLines = diff.oldLines
        let newLines = diff.newLines
        for hunk in diff.hunks(context: context) {
            out.plain("\n")
            out.styled("@@ \(Self.lineSpan(hunk.oldLines)) → \(Self.lineSpan(hunk.newLines)) @@\n", .hunkHeader)
            for edit in hunk.edits {
                render(edit, diff: diff, oldLines: oldLines, newLines: newLines, into: &out)
            }
            if let last = out.output.lastByte, last != 0x0A { out.plain("\n") }
        }
    }

    private func render(_ edit: Edit, diff: Diff, oldLines: LineIndex, newLines: LineIndex, into out: inout Output) {
        switch edit.kind {
        case .equal:
            out.plain(diff.oldBytes, edit.old)
        case .delete:
            if let moveIndex = edit.move {
                let move = diff.moves[moveIndex]
                out.styled("⤷ paragraph moved to line \(newLines.line(containing: move.new.lowerBound) + 1)\n", .move)
            } else {
                out.styled(diff.oldBytes, edit.old, .deleted)
            }
        case .insert:
            if let moveIndex = edit.move {
                let move = diff.moves[moveIndex]
                let from = oldLines.line(containing: move.old.lowerBound) + 1
                out.styled("⤶ paragraph moved from line \(from)\(move.isEdited ? ", and edited" : ""):\n", .move)
                for inner in move.edits {
                    switch inner.kind {
                    case .equal: out.plain(diff.newBytes, inner.new)
                    case .delete: out.styled(diff.oldBytes, inner.old, .deleted)
                    case .insert: out.styled(diff.newBytes, inner.new, .inserted)
                    }
                }
            } else {
                out.styled(diff.newBytes, edit.new, .inserted)
            }
        }
    }

    static func lineSpan(_ lines: Range<Int>) -> String {
        if lines.isEmpty { return "line \(lines.lowerBound)" }
        if lines.count == 1 { return "line \(lines.lowerBound + 1)" }
        return "lines \(lines.lowerBound + 1)–\(lines.upperBound)"
    }

    /// One line saying how much changed, e.g. "2 deletions, 3 insertions (−5 words, +9 words), 1 moved paragraph".
    public static func summary(_ counts: Diff.Counts, granularity: Granularity) -> String {
        let unit: String
        switch granularity {
        case .paragraph: unit = "line"
        case .sentence: unit = "sentence"
        case .word: unit = "token"
        case .character: unit = "character"
        }
        var parts = [
            plural(counts.deletions, "deletion"), plural(counts.insertions, "insertion"),
        ]
        if counts.moves > 0 {
            parts.append(
                plural(counts.moves, "moved paragraph")
                    + (counts.editedMoves > 0 ? " (\(counts.editedMoves) edited)" : ""))
        }
        return parts.joined(separator: ", ")
            + " (−\(plural(counts.deletedTokens, unit)), +\(plural(counts.insertedTokens, unit)))"
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }
}

/// Styled text output; styles are closed before every line break so pagers and terminals never bleed.
struct Output {
    enum Style {
        case header
        case hunkHeader
        case deleted
        case inserted
        case move

        var ansi: String {
            switch self {
            case .header: "\u{1B}[1m"
            case .hunkHeader: "\u{1B}[36m"
            case .deleted: "\u{1B}[9;31m"
            case .inserted: "\u{1B}[32m"
            case .move: "\u{1B}[35m"
            }
        }

        var plainMarks: (open: String, close: String) {
            switch self {
            case .deleted: ("[-", "-]")
            case .inserted: ("{+", "+}")
            default: ("", "")
            }
        }
    }

    let color: Bool
    var output: ReportOutput
    /// Wrap lines at this many columns (a terminal's width); nil: never wrap.
    let width: Int?
    /// The column the next character goes to, when wrapping.
    private var column = 0

    init(color: Bool, output: ReportOutput, width: Int? = nil) {
        self.color = color
        self.output = output
        self.width = width.flatMap { $0 >= 20 ? $0 : nil }
    }

    mutating func plain(_ text: String) {
        var text = text
        text.withUTF8 { plain($0) }
    }

    mutating func plain(_ text: TextBytes, _ range: Range<Int>) {
        text.withBytes { plain(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Article text, control characters escaped (``TerminalSafe``; one scan when there are none),
    /// wrapped when a width is set.
    private mutating func plain(_ text: UnsafeBufferPointer<UInt8>) {
        guard TerminalSafe.needsEscaping(text) else { return unescaped(text) }
        TerminalSafe.escaped(text).withUnsafeBufferPointer { unescaped($0) }
    }

    /// Text already safe for a terminal, appended or wrapped.
    private mutating func unescaped(_ text: UnsafeBufferPointer<UInt8>) {
        guard width != nil else { return output.append(text, 0..<text.count) }
        wrapped(text, marks: nil)
    }

    /// Spaces seen but not yet written (written only if the next word fits on the line).
    private var pendingSpaces = 0
    /// The current line's leading spaces: continuation lines are indented as much.
    private var indent = 0
    /// Still in the leading spaces of a line.
    private var atLineStart = true

    /// Writes `text` breaking lines at spaces before they pass `width`, continuation lines
    /// indented like the line they continue; inside a style the marks are closed before each
    /// break and opened again after it.
    private mutating func wrapped(_ text: UnsafeBufferPointer<UInt8>, marks: (open: String, close: String)?) {
        guard let width else { return }
        var index = 0
        var opened = false
        while index < text.count {
            let byte = text[index]
            if byte == 0x0A {
                if let marks, opened {
                    output.append(marks.close)
                    opened = false
                }
                output.append(0x0A)
                column = 0
                pendingSpaces = 0
                indent = 0
                atLineStart = true
                index += 1
                continue
            }
            if byte == 0x20 {
                if atLineStart {
                    output.append(0x20)
                    column += 1
                    indent += 1
                } else {
                    pendingSpaces += 1
                }
                index += 1
                continue
            }
            atLineStart = false
            // The next unit that may not be broken: a run of narrow characters up to a space, or
            // one wide character (CJK text breaks between characters). Its width in columns.
            var end = index
            var cells = 0
            while end < text.count, text[end] != 0x20, text[end] != 0x0A {
                let (scalar, length) = DisplayWidth.decode(text, at: end)
                let wide = scalar >= 0x1100 && DisplayWidth.isWide(scalar)
                if wide && end > index { break }
                cells += DisplayWidth.of(scalar)
                end += length
                if wide {
                    // Marks and joiners that follow stay with it.
                    while end < text.count {
                        let (next, nextLength) = DisplayWidth.decode(text, at: end)
                        guard next >= 0x0300, DisplayWidth.of(next) == 0 || next == 0x200D else { break }
                        end += nextLength
                    }
                    break
                }
            }
            // Without colour the marks ("[-", "-]") take columns too.
            let markCells =
                (marks != nil && !color) ? (opened ? 0 : marks?.open.count ?? 0) + (marks?.close.count ?? 0) : 0
            if column > indent, column + pendingSpaces + cells + markCells > width {
                if let marks, opened {
                    output.append(marks.close)
                    opened = false
                }
                output.append(0x0A)
                output.append(String(repeating: " ", count: min(indent, width / 2)))
                column = min(indent, width / 2)
                pendingSpaces = 0
            }
            if pendingSpaces > 0 {
                if let marks, !opened {
                    output.append(marks.open)
                    if !color { column += marks.open.count }
                    opened = true
                }
                output.append(String(repeating: " ", count: pendingSpaces))
                column += pendingSpaces
                pendingSpaces = 0
            }
            if let marks, !opened {
                output.append(marks.open)
                if !color { column += marks.open.count }
                opened = true
            }
            output.append(text, index..<end)
            column += cells
            index = end
        }
        if let marks, opened {
            output.append(marks.close)
            if !color { column += marks.close.count }
        }
    }

    mutating func styled(_ text: String, _ style: Style) {
        var text = text
        text.withUTF8 { styled($0, style) }
    }

    mutating func styled(_ text: TextBytes, _ range: Range<Int>, _ style: Style) {
        text.withBytes { styled(UnsafeBufferPointer(rebasing: $0[range]), style) }
    }

    /// Wraps each line of `text` (without its line break) in the style's marks, control
    /// characters escaped (``TerminalSafe``).
    mutating func styled(_ text: UnsafeBufferPointer<UInt8>, _ style: Style) {
        if TerminalSafe.needsEscaping(text) {
            let safe = TerminalSafe.escaped(text)
            return safe.withUnsafeBufferPointer { styled($0, style) }
        }
        let (open, close) = color ? (style.ansi, "\u{1B}[0m") : style.plainMarks
        if width != nil { return wrapped(text, marks: (open, close)) }
        var start = 0
        while start < text.count {
            var end = start
            while end < text.count && text[end] != 0x0A { end += 1 }
            if end > start {
                output.append(open)
                output.append(text, start..<end)
                output.append(close)
            }
            if end < text.count { output.append(0x0A) }
            start = end + 1
        }
    }
}
