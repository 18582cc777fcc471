import RedlineArticle

/// The metadata changes at the top of the reports: headline, byline, dates, canonical URL.
struct MetadataSection {
    let changes: [MetadataChange]

    /// The field as reports name it.
    static func label(_ field: MetadataField) -> String {
        switch field {
        case .headline: "Headline"
        case .byline: "Byline"
        case .published: "Published"
        case .modified: "Modified"
        case .canonicalURL: "Canonical URL"
        case .language: "Language"
        }
    }

    func render(into out: inout Output) {
        guard !changes.isEmpty else { return }
        out.styled("Metadata: \(changes.count) field\(changes.count == 1 ? "" : "s") changed\n", .header)
        for change in changes {
            out.plain("  \(Self.label(change.field)): ")
            switch change.kind {
            case .added:
                out.styled("+ “\(change.new ?? "")”", .inserted)
            case .removed:
                out.styled("− “\(change.old ?? "")”", .deleted)
            case .modified:
                out.styled("“\(change.old ?? "")”", .deleted)
                out.plain(" → ")
                out.styled("“\(change.new ?? "")”", .inserted)
            }
            out.plain("\n")
        }
        out.plain("\n")
    }
}

extension JSONWriter {
    /// `"metadata": [{"field", "change", "old", "new"}…]`.
    mutating func metadataChanges(_ changes: [MetadataChange]) {
        beginArray("metadata")
        for change in changes {
            beginObject()
            field("field", change.field.rawValue)
            field("change", change.kind.rawValue)
            field("old", change.old)
            field("new", change.new)
            endObject()
        }
        endArray()
    }
}
