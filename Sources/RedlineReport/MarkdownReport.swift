import RedlineArticle
import RedlineDiff
import RedlineFacts

/// The report for pull-request comments and GitHub job summaries: the fact changes as a table
/// (kind, change, old → new, sentence), metadata changes, then the changed paragraphs in a
/// collapsible `<details>` block with deletions as `~~struck~~` and insertions as `**bold**`.
///
/// Article text is escaped for Markdown and for the HTML GitHub allows in it, so an article
/// cannot break the table, close the `<details>` block, or inject markup.
public struct MarkdownReport: ReportRenderer, Sendable {
    /// Unchanged paragraphs shown around each change.
    public var context: Int

    /// A renderer showing `context` unchanged paragraphs around each change.
    public init(context: Int = 1) {
        self.context = context
    }

    /// Writes the Markdown report of `comparison` into `output`.
    public func render(_ comparison: Comparison, into output: inout ReportOutput) {
        let diff = comparison.diff
        var text = "### Redline: `\(Self.code(comparison.old.source))` → `\(Self.code(comparison.new.source))`\n\n"
        if comparison.isIdentical && comparison.metadataChanges.isEmpty {
            output.append(text + "No differences.\n")
            return
        }
        var summary: [String] = []
        if let facts = comparison.facts { summary.append("**\(facts.summary.line)**") }
        if !diff.isIdentical { summary.append(TextReport.summary(diff.counts, granularity: diff.granularity)) }
        text += summary.joined(separator: " · ") + "\n\n"
        if !comparison.metadataChanges.isEmpty {
            text += "| metadata | old | new |\n|---|---|---|\n"
            for change in comparison.metadataChanges {
                text +=
                    "| \(MetadataSection.label(change.field)) | \(Self.cell(change.old ?? "—")) | \(Self.cell(change.new ?? "—")) |\n"
            }
            text += "\n"
        }
        if let facts = comparison.facts, !facts.changes.isEmpty {
            text += "| kind | change | old → new | sentence |\n|---|---|---|---|\n"
            for change in facts.changes {
                let values = "\(Self.cell(change.old ?? "—")) → \(Self.cell(change.new ?? "—"))"
                let sentence = Self.cell(FactsSection.clip(change.newContext ?? change.oldContext ?? "", limit: 240))
                text += "| \(change.kind.rawValue) | \(change.change.rawValue) | \(values) | \(sentence) |\n"
            }
            text += "\n"
        } else if let reason = comparison.factsSkipped {
            text += "Facts not compared: \(Self.escape(reason)).\n\n"
        }
        output.append(text)
        guard !diff.isIdentical else { return }
        let hunks = diff.hunks(context: context)
        output.append("<details><summary>Changed paragraphs (\(hunks.count))</summary>\n\n")
        for hunk in hunks {
            var line = ""
            for edit in hunk.edits {
                switch edit.kind {
                case .equal: line += Self.escape(diff.oldText(edit.old))
                case .delete: line += Self.marked(Substring(diff.oldText(edit.old)), "~~")
                case .insert: line += Self.marked(Substring(diff.newText(edit.new)), "**")
                }
            }
            output.append(line.trimming("\n") + "\n\n---\n\n")
        }
        output.append("</details>\n")
    }

    /// Text wrapped in a mark, line by line (a mark cannot span a line break), spaces outside it.
    static func marked(_ text: Substring, _ mark: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let core = line.trimming(" ")
            guard !core.isEmpty else { return String(line) }
            let leading = line.prefix { $0 == " " }
            let trailing = String(line.reversed().prefix { $0 == " " })
            return leading + mark + escape(Substring(core)) + mark + trailing
        }.joined(separator: "\n")
    }

    /// Markdown and HTML specials made literal.
    static func escape(_ text: Substring) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "~", "[", "]", "#", "|", "!": result += "\\\(character)"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            default: result.append(character)
            }
        }
        return result
    }

    static func escape(_ text: String) -> String { escape(Substring(text)) }

    /// A table cell: escaped, on one line.
    static func cell(_ text: String) -> String {
        escape(text).replacingNewlines()
    }

    /// Inside backticks: no backticks, no line breaks.
    static func code(_ text: String) -> String {
        String(text.map { $0 == "`" || $0.isNewline ? "'" : $0 })
    }
}

extension StringProtocol {
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
