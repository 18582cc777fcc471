import Foundation

/// An entry of a news feed: the article it links to, with what the feed says of it.
public struct FeedEntry: Sendable, Equatable {
    /// The article's URL, absolute (relative links are resolved against the feed's).
    public var link: URL
    /// The entry's title, HTML removed.
    public var title: String?
    /// When the feed says it was published or updated; nil when it does not say.
    public var date: Date?
}

/// A parsed RSS 2.0 or Atom feed.
public struct Feed: Sendable {
    /// The feed's title.
    public var title: String?
    /// The entries, in the feed's order.
    public var entries: [FeedEntry]

    /// Why a feed could not be read.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        /// What is wrong, said for the user.
        public var description: String
    }

    /// The feed's bytes with invalid UTF-8 repaired: a feed that declares no encoding or UTF-8
    /// but holds invalid UTF-8 has each bad sequence replaced by U+FFFD, rather than rejected at
    /// the first bad byte (libxml2 stops there). Feeds declaring another encoding are left to
    /// libxml2, which converts them to UTF-8 itself.
    static func wellFormedUTF8(_ data: Data) -> [UInt8] {
        let head = String(decoding: data.prefix(200), as: UTF8.self).lowercased()
        if head.hasPrefix("<?xml"), let declaration = head.range(of: "encoding=") {
            let value = head[declaration.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" }
            if value != "utf-8" && value != "utf8" { return Array(data) }
        }
        guard String(validating: data, as: UTF8.self) == nil else { return Array(data) }
        return Array(String(decoding: data, as: UTF8.self).utf8)
    }

    /// Parses RSS 2.0 (`channel/item`: `link`, or a permalink `guid`; `pubDate`, `dc:date`) or
    /// Atom (`entry`: `link rel="alternate"` or a link without `rel`; `published`, `updated`),
    /// with libxml2's streaming reader (``XMLEvents``: no network, no external entities). CDATA
    /// and HTML in descriptions are fine; entries without a usable link are left out; a feed cut
    /// off or broken midway keeps the entries before the damage.
    public static func parse(_ data: Data, baseURL: URL) throws(ParseError) -> Feed {
        var collector = FeedCollector(baseURL: baseURL)
        do {
            try XMLEvents.walk(wellFormedUTF8(data), into: &collector)
        } catch {
            guard !collector.entries.isEmpty else {
                throw ParseError(description: "\(baseURL.absoluteString): not an RSS or Atom feed (\(error.message))")
            }
        }
        guard collector.sawFeed else {
            throw ParseError(description: "\(baseURL.absoluteString): XML, but not an RSS or Atom feed")
        }
        return Feed(title: collector.feedTitle, entries: collector.entries)
    }
}

/// Collects a feed's entries from its XML events.
struct FeedCollector: XMLEventHandler {
    let baseURL: URL
    var entries: [FeedEntry] = []
    var feedTitle: String?
    var sawFeed = false
    /// The channel's (or feed's) own link: relative entry links resolve against it.
    private var feedBase: URL?

    private var inEntry = false
    private var text = ""
    private var link: String?
    private var permalinkGUID: String?
    private var guidIsPermalink = true
    private var title: String?
    private var date: Date?

    init(baseURL: URL) {
        self.baseURL = baseURL
    }

    mutating func start(_ name: String, attributes: [String: String]) {
        text = ""
        switch name {
        case "rss", "feed", "rdf:rdf", "channel": sawFeed = true
        case "item", "entry":
            inEntry = true
            link = nil
            permalinkGUID = nil
            guidIsPermalink = true
            title = nil
            date = nil
        case "link":
            // Atom: <link rel="alternate" href="…"/>, or a link without rel.
            if let href = attributes["href"] {
                let rel = attributes["rel"]?.lowercased() ?? "alternate"
                if rel == "alternate" {
                    if inEntry {
                        if link == nil { link = href }
                    } else if feedBase == nil {
                        feedBase = URL(string: href, relativeTo: baseURL)
                    }
                }
            }
        case "guid":
            guidIsPermalink = attributes["isPermaLink"]?.lowercased() != "false"
        default: break
        }
    }

    mutating func text(_ string: String) {
        text += string
    }

    mutating func end(_ name: String) {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        defer { text = "" }
        if !inEntry {
            if name == "title", feedTitle == nil, !value.isEmpty { feedTitle = value }
            if name == "link", feedBase == nil, !value.isEmpty { feedBase = URL(string: value, relativeTo: baseURL) }
            return
        }
        switch name {
        case "link": if link == nil, !value.isEmpty { link = value }
        case "guid": if guidIsPermalink, !value.isEmpty { permalinkGUID = value }
        case "title": if title == nil, !value.isEmpty { title = value }
        case "pubdate", "published", "dc:date", "updated", "issued":
            if date == nil || name == "published" || name == "pubdate" { date = FeedDate.parse(value) ?? date }
        case "item", "entry":
            inEntry = false
            let candidate = link ?? permalinkGUID
            let base = feedBase ?? baseURL
            if let candidate, let url = URL(string: candidate, relativeTo: base)?.absoluteURL,
                url.scheme == "http" || url.scheme == "https"
            {
                entries.append(FeedEntry(link: url, title: title, date: date))
            }
        default: break
        }
    }
}

/// Dates as feeds write them: RFC 822 (`Tue, 24 Nov 2026 10:00:00 GMT`, `+0100`, `EST`) and
/// ISO 8601 (`2026-11-24T10:00:00Z`).
enum FeedDate {
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let iso = ISO8601DateFormatter()
        if let date = iso.date(from: trimmed) { return date }
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = iso.date(from: trimmed) { return date }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        for format in [
            "EEE, dd MMM yyyy HH:mm:ss zzz", "EEE, dd MMM yyyy HH:mm:ss Z", "dd MMM yyyy HH:mm:ss zzz",
            "dd MMM yyyy HH:mm:ss Z", "EEE, dd MMM yyyy HH:mm zzz", "EEE, dd MMM yyyy HH:mm:ss",
            "yyyy-MM-dd'T'HH:mm:ssZ",
            "yyyy-MM-dd",
        ] {
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) { return date }
        }
        return nil
    }
}
