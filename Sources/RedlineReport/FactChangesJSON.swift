import RedlineDiff
import RedlineFacts

extension JSONWriter {
    /// `"summary"` (counts by kind and change) and `"changes"` (one object per fact change), as
    /// documented in `Docs/JSON.md`.
    mutating func factChanges(_ facts: FactDiff, oldLines: LineIndex, newLines: LineIndex) {
        let summary = facts.summary
        beginObject("summary")
        for kind in FactChange.Kind.allCases {
            beginObject(kind.rawValue)
            for change in FactChange.Change.allCases { field(change.rawValue, summary.count(kind, change)) }
            endObject()
        }
        endObject()
        beginArray("changes")
        for change in facts.changes { factChange(change, oldLines: oldLines, newLines: newLines) }
        endArray()
    }

    private mutating func factChange(_ change: FactChange, oldLines: LineIndex, newLines: LineIndex) {
        beginObject()
        field("kind", change.kind.rawValue)
        field("change", change.change.rawValue)
        field("old", change.old)
        field("new", change.new)
        if change.kind == .quote {
            field("old_speaker", change.oldSpeaker)
            field("new_speaker", change.newSpeaker)
        }
        beginObject("detail")
        for key in change.detail.keys.sorted() where key != "key" {
            switch change.detail[key] {
            case .string(let value)?: field(key, value)
            case .number(let value)?: field(key, value)
            case .strings(let values)?:
                beginArray(key)
                for value in values { self.value(value) }
                endArray()
            case nil: break
            }
        }
        endObject()
        beginObject("context")
        field("old", change.oldContext)
        field("new", change.newContext)
        endObject()
        beginObject("location")
        location("old", change.oldRange, lines: oldLines)
        location("new", change.newRange, lines: newLines)
        endObject()
        endObject()
    }

    private mutating func location(_ key: String, _ range: Range<Int>?, lines: LineIndex) {
        guard let range else {
            field(key, nil as String?)
            return
        }
        beginObject(key)
        field("start", range.lowerBound)
        field("end", range.upperBound)
        field("line", lines.line(containing: range.lowerBound) + 1)
        endObject()
    }
}
