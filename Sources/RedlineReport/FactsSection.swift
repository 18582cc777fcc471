import RedlineFacts

/// The fact changes at the top of the terminal report, grouped by kind, each with its sentence.
struct FactsSection {
    let facts: FactDiff

    func render(into out: inout Output) {
        let changes = facts.changes
        guard !changes.isEmpty else {
            out.plain("Facts: no figure, name, quote or claim changed.\n")
            return
        }
        out.styled("Facts: \(facts.summary.line)\n", .header)
        for kind in FactChange.Kind.allCases {
            let group = changes.filter { $0.kind == kind }
            guard !group.isEmpty else { continue }
            out.plain("\n")
            out.styled("  \(Self.title(kind)) (\(group.count))\n", .hunkHeader)
            for change in group { render(change, into: &out) }
        }
    }

    /// Colour when colour is on; plain text otherwise (the marks already say what changed).
    private static func emphasise(_ text: String, _ style: Output.Style, into out: inout Output) {
        if out.color { out.styled(text, style) } else { out.plain(text) }
    }

    static func title(_ kind: FactChange.Kind) -> String {
        switch kind {
        case .figure: "Figures"
        case .name: "Names"
        case .quote: "Quotes"
        case .claim: "Claims"
        }
    }

    private func render(_ change: FactChange, into out: inout Output) {
        let (mark, style): (String, Output.Style) =
            switch change.change {
            case .added: ("+", .inserted)
            case .removed: ("-", .deleted)
            case .modified: ("~", .move)
            }
        out.plain("    ")
        Self.emphasise(mark, style, into: &out)
        out.plain(" ")
        switch change.kind {
        case .claim:
            out.plain(Self.describe(change) + "\n")
            if let old = change.old {
                out.plain("      was: ")
                Self.emphasise(old, .deleted, into: &out)
                out.plain("\n")
            }
            if let new = change.new {
                out.plain("      now: ")
                Self.emphasise(new, .inserted, into: &out)
                out.plain("\n")
            }
            return
        case .quote:
            out.plain(Self.describe(change) + "\n")
        case .figure, .name:
            out.plain(Self.describe(change) + "\n")
        }
        if let context = change.newContext ?? change.oldContext {
            out.plain("      in: \(Self.clip(context))\n")
        }
    }

    /// The change in plain words.
    static func describe(_ change: FactChange) -> String {
        func quoted(_ text: String?) -> String { "“\(clip(text ?? "", limit: 100))”" }
        switch (change.kind, change.change) {
        case (.figure, .modified):
            var line = "\(change.old ?? "") → \(change.new ?? "")"
            if case .string(let counted)? = change.detail["counted"] { line += " (\(counted))" }
            return line
        case (.figure, _), (.name, .added), (.name, .removed):
            var line = change.summary
            if case .string(let counted)? = change.detail["counted"], change.kind == .figure { line += " (\(counted))" }
            if case .string(let type)? = change.detail["type"], change.kind == .name { line += " (\(type))" }
            return line
        case (.name, .modified):
            let reason: String
            if case .string(let value)? = change.detail["reason"] { reason = value } else { reason = "changed" }
            return "\(change.old ?? "") → \(change.new ?? "") (\(reason == "spelling" ? "spelling corrected" : reason))"
        case (.quote, .added):
            return "new quote \(quoted(change.new))" + speaker(change.newSpeaker)
        case (.quote, .removed):
            return "quote removed \(quoted(change.old))" + speaker(change.oldSpeaker)
        case (.quote, .modified):
            if Quote.normalize(change.old ?? "") == Quote.normalize(change.new ?? "") {
                return
                    "speaker of \(quoted(change.new)) changed: \(change.oldSpeaker ?? "?") → \(change.newSpeaker ?? "?")"
            }
            return "quote reworded \(quoted(change.old)) → \(quoted(change.new))" + speaker(change.newSpeaker)
        case (.claim, .added): return "new claim"
        case (.claim, .removed): return "claim removed"
        case (.claim, .modified):
            var oldMarkers: [String] = []
            var newMarkers: [String] = []
            if case .strings(let values)? = change.detail["oldMarkers"] { oldMarkers = values }
            if case .strings(let values)? = change.detail["newMarkers"] { newMarkers = values }
            let was = oldMarkers.isEmpty ? "plain statement" : oldMarkers.joined(separator: ", ")
            let now = newMarkers.isEmpty ? "plain statement" : newMarkers.joined(separator: ", ")
            return "assertion changed: \(was) → \(now)"
        }
    }

    private static func speaker(_ name: String?) -> String {
        name.map { " (\($0))" } ?? ""
    }

    static func clip(_ text: String, limit: Int = 200) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
