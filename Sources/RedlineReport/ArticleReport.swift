import RedlineIngest

/// What `redline extract` prints: the ``Article`` Redline sees in a page.
///
/// Text: headline, byline and dates, a blank line, then the body's paragraphs separated by blank
/// lines. JSON: exactly `headline`, `byline`, `published`, `modified`, `canonicalURL`,
/// `language`, `paragraphs` and `body` (the paragraphs joined by blank lines).
public struct ArticleReport: Sendable {
    public enum Format: Sendable {
        case text
        case json
    }

    public var format: Format

    public init(format: Format) {
        self.format = format
    }

    public func render(_ article: Article, into output: inout ReportOutput) {
        switch format {
        case .json:
            var json = JSONWriter(output: output)
            json.beginObject()
            for (field, value) in article.metadataFields { json.field(field.rawValue, value) }
            json.beginArray("paragraphs")
            for paragraph in article.paragraphs { json.value(paragraph) }
            json.endArray()
            json.field("body", article.body)
            json.endObject()
            json.output.append(0x0A)
            output = json.output
        case .text:
            var header: [String] = []
            if let headline = article.headline { header.append(headline) }
            if let byline = article.byline { header.append("By \(byline)") }
            if let published = article.published { header.append("Published \(published)") }
            if let modified = article.modified { header.append("Modified \(modified)") }
            if let url = article.canonicalURL { header.append(url) }
            if !header.isEmpty { output.append(header.joined(separator: "\n") + "\n\n") }
            output.append(article.body + (article.paragraphs.isEmpty ? "" : "\n"))
        }
    }
}
