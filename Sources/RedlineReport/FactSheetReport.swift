import RedlineDiff
import RedlineFacts

/// What `redline facts FILE` prints: every figure, name, quote and assertion Redline finds in one
/// version, as text or JSON (schema in `Docs/JSON.md`).
public struct FactSheetReport: Sendable {
    /// The forms `redline facts` prints.
    public enum Format: Sendable {
        case text
        case json
    }

    /// Text or JSON.
    public var format: Format
    /// What the user called the input.
    public var source: String

    /// A renderer printing `format`, naming the input `source`.
    public init(format: Format, source: String) {
        self.format = format
        self.source = source
    }

    /// Writes the facts of `sheet` into `output`.
    public func render(_ sheet: FactSheet, into output: inout ReportOutput) {
        let lines = LineIndex(sheet.text)
        switch format {
        case .json: renderJSON(sheet, lines: lines, into: &output)
        case .text: renderText(sheet, lines: lines, into: &output)
        }
    }

    /// Renders in memory.
    public func render(_ sheet: FactSheet) -> [UInt8] {
        var output = ReportOutput()
        render(sheet, into: &output)
        return output.bytes
    }

    private func line(_ range: Range<Int>, _ lines: LineIndex) -> Int { lines.line(containing: range.lowerBound) + 1 }

    private func renderText(_ sheet: FactSheet, lines: LineIndex, into output: inout ReportOutput) {
        let sentences = sheet.sentences.filter { !$0.isBoilerplate }
        let figures = sentences.flatMap(\.figures).filter { $0.kind != .vague }
        output.appendSafe("\(source): \(sentences.count) sentences, \(figures.count) figures, ")
        let names = Self.distinctNames(sheet)
        output.appendSafe("\(names.count) names, \(sheet.quotes.count) quotes\n")
        if !figures.isEmpty {
            output.appendSafe("\nFigures\n")
            for figure in figures {
                var line = "  line \(self.line(figure.range, lines)): \(figure.surface) — \(figure.kind.rawValue)"
                line += " \(Figure.format(figure.value))"
                if let upper = figure.upper { line += "–\(Figure.format(upper))" }
                if !figure.unit.isEmpty { line += " \(figure.unit)" }
                if let counted = figure.counted { line += ", counts “\(counted)”" }
                output.appendSafe(line + "\n")
            }
        }
        if !names.isEmpty {
            output.appendSafe("\nNames\n")
            for (name, mentions) in names {
                var line = "  \(name.surface) — \(name.kind.rawValue)"
                if let role = name.role { line += ", \(role)" }
                line += mentions == 1 ? "" : ", \(mentions) mentions"
                output.appendSafe(line + "\n")
            }
        }
        if !sheet.quotes.isEmpty {
            output.appendSafe("\nQuotes\n")
            for quote in sheet.quotes {
                output.appendSafe(
                    "  line \(line(quote.range, lines)): “\(quote.text)” — \(quote.speaker ?? "speaker unknown")\n")
            }
        }
        let claims = sentences.filter { !$0.assertion.isPlain || $0.speaker != nil }
        if !claims.isEmpty {
            output.appendSafe("\nClaims\n")
            for sentence in claims {
                var parts: [String] = []
                if let speaker = sentence.speaker { parts.append("by \(speaker)") }
                if !sentence.assertion.markers.isEmpty {
                    parts.append(sentence.assertion.markers.joined(separator: ", "))
                }
                output.appendSafe(
                    "  line \(line(sentence.range, lines)) [\(parts.joined(separator: "; "))]: \(sentence.text)\n")
            }
        }
    }

    /// Names once each (by key), first mention first, with how often they occur.
    static func distinctNames(_ sheet: FactSheet) -> [(Name, Int)] {
        var order: [String] = []
        var entries: [String: (name: Name, count: Int)] = [:]
        for sentence in sheet.sentences {
            for name in sentence.names {
                guard let entry = entries[name.key] else {
                    order.append(name.key)
                    entries[name.key] = (name, 1)
                    continue
                }
                // A full name seen after its surname replaces it as the one shown.
                let shown = name.surface.count > entry.name.surface.count && name.fullName == nil ? name : entry.name
                entries[name.key] = (shown, entry.count + 1)
            }
        }
        return order.compactMap { entries[$0] }
    }

    private func renderJSON(_ sheet: FactSheet, lines: LineIndex, into output: inout ReportOutput) {
        var json = JSONWriter(output: output)
        defer { output = json.output }
        json.beginObject()
        json.field("schemaVersion", JSONReport.schemaVersion)
        json.field("source", source)
        json.beginArray("figures")
        for sentence in sheet.sentences where !sentence.isBoilerplate {
            for figure in sentence.figures where figure.kind != .vague {
                json.beginObject()
                json.field("surface", figure.surface)
                json.field("kind", figure.kind.rawValue)
                json.field("value", figure.value)
                json.field("upper", figure.upper)
                json.field("unit", figure.unit)
                json.field("hedge", figure.hedge)
                json.field("counted", figure.counted)
                position(figure.range, lines: lines, into: &json)
                json.endObject()
            }
        }
        json.endArray()
        json.beginArray("names")
        for (name, mentions) in Self.distinctNames(sheet) {
            json.beginObject()
            json.field("surface", name.surface)
            json.field("key", name.key)
            json.field("type", name.kind.rawValue)
            json.field("role", name.role)
            json.field("mentions", mentions)
            position(name.range, lines: lines, into: &json)
            json.endObject()
        }
        json.endArray()
        json.beginArray("quotes")
        for quote in sheet.quotes {
            json.beginObject()
            json.field("text", quote.text)
            json.field("speaker", quote.speaker)
            position(quote.range, lines: lines, into: &json)
            json.endObject()
        }
        json.endArray()
        json.beginArray("sentences")
        for sentence in sheet.sentences {
            json.beginObject()
            json.field("text", sentence.text)
            position(sentence.range, lines: lines, into: &json)
            json.field("headline", sentence.isHeadline)
            json.field("boilerplate", sentence.isBoilerplate)
            json.field("dateline", sentence.dateline)
            json.field("speaker", sentence.speaker)
            let assertion = sentence.assertion
            json.beginObject("assertion")
            for (key, values) in [
                ("verbs", assertion.verbs), ("modality", assertion.modality), ("frequency", assertion.frequency),
                ("status", assertion.status), ("scope", assertion.scope),
            ] {
                json.beginArray(key)
                for value in values.sorted() { json.value(value) }
                json.endArray()
            }
            json.field("negated", assertion.negated)
            json.endObject()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.output.append(0x0A)
    }

    private func position(_ range: Range<Int>, lines: LineIndex, into json: inout JSONWriter) {
        json.field("line", lines.line(containing: range.lowerBound) + 1)
        json.field("start", range.lowerBound)
        json.field("end", range.upperBound)
    }
}
