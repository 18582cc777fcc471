import RedlineDiff

/// The machine-readable report. Schema: `Docs/JSON.md`.
public struct JSONReport: ReportRenderer, Sendable {
    /// The version of the report's schema; breaking changes bump it.
    public static let schemaVersion = 1

    /// Unchanged lines around each change in `text.hunks`.
    public var context: Int

    /// A renderer showing `context` unchanged paragraphs around each hunk.
    public init(context: Int = 1) {
        self.context = context
    }

    /// Renders the report into `output`, followed by a line break.
    public func render(_ comparison: Comparison, into output: inout ReportOutput) {
        let diff = comparison.diff
        var json = JSONWriter(output: output)
        defer { output = json.output }
        json.beginObject()
        json.field("schemaVersion", Self.schemaVersion)
        for (key, side, bytes) in [("old", comparison.old, diff.oldBytes), ("new", comparison.new, diff.newBytes)] {
            json.beginObject(key)
            json.field("source", side.source)
            json.field("bytes", bytes.count)
            if let article = side.article {
                for (field, value) in article.metadataFields { json.field(field.rawValue, value) }
            }
            json.endObject()
        }
        json.field("identical", comparison.isIdentical)
        json.metadataChanges(comparison.metadataChanges)
        if let facts = comparison.facts {
            json.factChanges(facts, oldLines: diff.oldLines, newLines: diff.newLines)
        } else if let reason = comparison.factsSkipped {
            json.field("factsSkipped", reason)
        }
        json.beginObject("text")
        json.field("granularity", diff.granularity.rawValue)
        json.field("minimal", diff.options.minimal)
        let counts = diff.counts
        json.beginObject("counts")
        json.field("deletions", counts.deletions)
        json.field("insertions", counts.insertions)
        json.field("moves", counts.moves)
        json.field("deletedTokens", counts.deletedTokens)
        json.field("insertedTokens", counts.insertedTokens)
        json.field("deletedBytes", counts.deletedBytes)
        json.field("insertedBytes", counts.insertedBytes)
        json.endObject()

        let oldLines = diff.oldLines
        let newLines = diff.newLines
        json.beginArray("moves")
        for move in diff.moves {
            json.beginObject()
            writeRange("old", move.old, lines: oldLines, into: &json)
            writeRange("new", move.new, lines: newLines, into: &json)
            json.field("edited", move.isEdited)
            json.beginArray("edits")
            for edit in move.edits { write(edit, diff: diff, into: &json) }
            json.endArray()
            json.endObject()
        }
        json.endArray()

        if let alignment = comparison.facts?.alignment {
            // Which sentence became which, in reading order: byte ranges of whole sentences.
            json.beginArray("alignment")
            for entry in alignment.entries {
                json.beginObject()
                json.field("change", entry.change.rawValue)
                for (key, ranges) in [("old", entry.old), ("new", entry.new)] {
                    json.beginArray(key)
                    for range in ranges {
                        json.beginArray()
                        json.value(range.lowerBound)
                        json.value(range.upperBound)
                        json.endArray()
                    }
                    json.endArray()
                }
                json.endObject()
            }
            json.endArray()
        }

        json.beginArray("hunks")
        for hunk in diff.hunks(context: context) {
            json.beginObject()
            writeSide("old", hunk.old, lines: hunk.oldLines, into: &json)
            writeSide("new", hunk.new, lines: hunk.newLines, into: &json)
            json.beginArray("edits")
            for edit in hunk.edits { write(edit, diff: diff, into: &json) }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endObject()
        json.output.append(0x0A)
    }

    private func writeSide(_ key: String, _ range: Range<Int>, lines: Range<Int>, into json: inout JSONWriter) {
        json.beginObject(key)
        json.field("start", range.lowerBound)
        json.field("end", range.upperBound)
        json.field("line", lines.lowerBound + 1)
        json.field("lines", lines.count)
        json.endObject()
    }

    private func writeRange(_ key: String, _ range: Range<Int>, lines: LineIndex, into json: inout JSONWriter) {
        json.beginObject(key)
        json.field("start", range.lowerBound)
        json.field("end", range.upperBound)
        json.field("line", lines.line(containing: range.lowerBound) + 1)
        json.endObject()
    }

    private func write(_ edit: Edit, diff: Diff, into json: inout JSONWriter) {
        json.beginObject()
        json.field("op", edit.kind.rawValue)
        json.beginArray("old")
        json.value(edit.old.lowerBound)
        json.value(edit.old.upperBound)
        json.endArray()
        json.beginArray("new")
        json.value(edit.new.lowerBound)
        json.value(edit.new.upperBound)
        json.endArray()
        switch edit.kind {
        case .equal, .delete: json.field("text", diff.oldBytes, edit.old)
        case .insert: json.field("text", diff.newBytes, edit.new)
        }
        if let move = edit.move { json.field("move", move) }
        json.endObject()
    }
}
