import RedlineArticle

/// What `redline extract` prints: the ``Article`` Redline sees in a page.
///
/// Text: headline, byline and dates, a blank line, then the body's paragraphs separated by blank
/// lines. JSON: `headline`, `byline`, `published`, `modified`, `canonicalURL`, `language`,
/// `paragraphs`, `body` (the paragraphs joined by blank lines) and, for a web page, `encoding`
/// (`name`, `source`, `declared`: which encoding the page was read in and why).
public struct ArticleReport: Sendable {
    /// The forms `redline extract` prints.
    public enum Format: Sendable {
        case text
        case json
    }

    /// Text or JSON.
    public var format: Format

    /// A renderer printing `format`.
    public init(format: Format) {
        self.format = format
    }

    /// Writes `article` into `output`.
    public func render(_ article: Article, into output: inout ReportOutput) {
        switch format {
        case .json:
            var json = JSONWriter(output: output)
            json.beginObject()
            json.field("schemaVersion", 1)
            for (field, value) in article.metadataFields { json.field(field.rawValue, value) }
            json.beginArray("paragraphs")
            for paragraph in article.paragraphs { json.value(paragraph) }
            json.endArray()
            json.field("body", article.body)
            if let encoding = article.encoding {
                json.beginObject("encoding")
                json.field("name", encoding.name)
                json.field("source", encoding.source.rawValue)
                json.field("declared", encoding.declared)
                json.endObject()
            }
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
            if !header.isEmpty { output.appendSafe(header.joined(separator: "\n") + "\n\n") }
            output.appendSafe(article.body + (article.paragraphs.isEmpty ? "" : "\n"))
        }
    }
}
