import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A list of feeds to watch: one URL per line (blank lines and `#` comments ignored), or OPML
/// (`<outline xmlUrl="…">`, as feed readers export them).
public enum FeedList {
    /// The http(s) feed URLs in a list: one per line (`#` starts a comment), or OPML outlines.
    public static func parse(_ data: Data) -> [URL] {
        let text = String(decoding: data, as: UTF8.self)
        if text.range(of: "<opml", options: .caseInsensitive) != nil {
            let collector = OPMLCollector()
            let parser = XMLParser(data: data)
            parser.shouldResolveExternalEntities = false
            parser.delegate = collector
            _ = parser.parse()
            return collector.urls
        }
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            return URL(string: trimmed)
        }
    }
}

final class OPMLCollector: NSObject, XMLParserDelegate {
    var urls: [URL] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard elementName.lowercased() == "outline" else { return }
        let value = attributes["xmlUrl"] ?? attributes["xmlurl"] ?? attributes["url"]
        if let value, let url = URL(string: value) { urls.append(url) }
    }
}
