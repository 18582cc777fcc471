import Foundation

/// A list of feeds to watch: one URL per line (blank lines and `#` comments ignored), or OPML
/// (`<outline xmlUrl="…">`, as feed readers export them).
public enum FeedList {
    /// The http(s) feed URLs in a list: one per line (`#` starts a comment), or OPML outlines.
    public static func parse(_ data: Data) -> [URL] {
        let text = String(decoding: data, as: UTF8.self)
        if text.range(of: "<opml", options: .caseInsensitive) != nil {
            var collector = OPMLCollector()
            try? XMLEvents.walk(Feed.wellFormedUTF8(data), into: &collector)
            return collector.urls
        }
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            return URL(string: trimmed)
        }
    }
}

/// Collects the feed URLs of an OPML list's outlines.
struct OPMLCollector: XMLEventHandler {
    var urls: [URL] = []

    mutating func start(_ name: String, attributes: [String: String]) {
        guard name == "outline" else { return }
        let value = attributes["xmlUrl"] ?? attributes["xmlurl"] ?? attributes["url"]
        if let value, let url = URL(string: value) { urls.append(url) }
    }

    mutating func text(_ text: String) {}

    mutating func end(_ name: String) {}
}
