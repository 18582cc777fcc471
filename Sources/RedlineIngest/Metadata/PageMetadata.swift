/// A page's metadata, from the most trusted source that has each field: JSON-LD, then
/// OpenGraph and `article:*` meta tags, `<meta name="author">` and other common tags,
/// `<time datetime>`, `<link rel="canonical">`, then the visible `<h1>` and byline.
struct PageMetadata {
    var headline: String?
    var byline: String?
    var published: String?
    var modified: String?
    var canonicalURL: String?
    var language: String?

    init(_ layout: PageLayout, linkedData: LinkedData?) {
        let tree = layout.tree
        var meta: [String: String] = [:]
        var canonical: String?
        var times: (published: String?, modified: String?, any: String?) = (nil, nil, nil)
        var heading: String?
        var visibleBylines: [String] = []
        var title: String?
        var htmlLanguage: String?
        for index in tree.nodes.indices {
            switch tree.nodes[index].tag {
            case .meta:
                let key =
                    (tree.attribute("property", of: index) ?? tree.attribute("name", of: index)
                    ?? tree.attribute("itemprop", of: index) ?? tree.attribute("http-equiv", of: index))?.lowercased()
                if let key, let content = tree.attribute("content", of: index)?.trimmingWhitespace, !content.isEmpty,
                    meta[key] == nil
                {
                    meta[key] = content
                }
            case .link:
                if canonical == nil, tree.attribute("rel", of: index)?.lowercased() == "canonical" {
                    canonical = tree.attribute("href", of: index)?.trimmingWhitespace
                }
            case .time:
                guard let value = tree.attribute("datetime", of: index)?.trimmingWhitespace, !value.isEmpty else {
                    break
                }
                let property = Self.timeRole.matches(
                    Array(((tree.attribute("itemprop", of: index) ?? "") + " ").utf8) + ElementRole.classes(tree, index)
                )
                if Self.modifiedRole.matches(
                    Array((tree.attribute("itemprop", of: index) ?? "").lowercased().utf8)
                        + ElementRole.classes(tree, index))
                {
                    times.modified = times.modified ?? value
                } else if property {
                    times.published = times.published ?? value
                } else {
                    times.any = times.any ?? value
                }
            case .h1:
                if heading == nil {
                    let text = Whitespace.collapse(Array(tree.textContent(of: index).utf8))
                    if !text.isEmpty { heading = text }
                }
            case .title:
                if title == nil { title = Whitespace.collapse(Array(tree.textContent(of: index).utf8)) }
            case .html:
                htmlLanguage = tree.attribute("lang", of: index)
            default:
                if visibleBylines.isEmpty, Self.isVisibleByline(layout, index) {
                    visibleBylines = Byline.names(in: Self.segments(tree, index))
                }
            }
        }
        let ld = linkedData
        func first(_ values: String?...) -> String? { values.lazy.compactMap { $0 }.first }
        let metaHeadline = first(meta["og:title"], meta["twitter:title"], meta["headline"], meta["dc.title"])
        headline = first(
            ld?.headline, Self.withoutSiteName(metaHeadline, heading: heading), heading,
            Self.withoutSiteName(title, heading: nil))
        let authorTags = ["author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author"]
        let metaAuthor = authorTags.lazy.compactMap { meta[$0] }.first { !$0.hasPrefix("http") }
            .flatMap(Self.cleanByline)
        let ldAuthors = ld?.authors ?? []
        let visible = Self.joined(visibleBylines)
        // JSON-LD naming only the publisher (an organisation) yields to a person named on the page.
        if !ldAuthors.isEmpty, ld?.authorsArePeople == true || (metaAuthor == nil && visible == nil) {
            byline = Self.joined(ldAuthors)
        } else {
            byline = first(metaAuthor, visible, Self.joined(ldAuthors))
        }
        let publishedTags = [
            "article:published_time", "datepublished", "og:published_time", "publishdate", "pubdate",
            "dc.date", "date", "sailthru.date", "parsely-pub-date",
        ]
        published = Self.date(
            first(ld?.published, publishedTags.lazy.compactMap { meta[$0] }.first, times.published, times.any))
        let modifiedTags = ["article:modified_time", "datemodified", "og:updated_time", "last-modified"]
        modified = Self.date(first(ld?.modified, modifiedTags.lazy.compactMap { meta[$0] }.first, times.modified))
        canonicalURL = first(
            canonical.flatMap(Self.webAddress), meta["og:url"].flatMap(Self.webAddress),
            ld?.url.flatMap(Self.webAddress))
        let locale = meta["og:locale"].map { $0.replacingOccurrences(of: "_", with: "-") }
        let htmlTag = htmlLanguage?.trimmingWhitespace
        language = first(htmlTag?.isEmpty == false ? htmlTag : nil, ld?.language, meta["content-language"], locale)
    }

    /// `value` when it can be a page's address: http or https, or relative (`/news/x`,
    /// `//host/x`); nil for `javascript:`, `data:`, `file:` and other schemes, which a hostile
    /// page could offer as its canonical URL (and so as the article's id).
    static func webAddress(_ value: String) -> String? {
        let scheme = value.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
        guard scheme.endIndex < value.endIndex, value[scheme.endIndex] == ":", scheme.first?.isLetter == true else {
            return value
        }
        return ["http", "https"].contains(scheme.lowercased()) ? value : nil
    }

    static let timeRole = FragmentMatcher(fragments: ["published", "pubdate", "datepublished"])
    static let modifiedRole = FragmentMatcher(fragments: ["modified", "updated"])

    /// Elements that hold a byline: `rel="author"`, `itemprop="author"`, or a `byline` class on
    /// a small element.
    private static func isVisibleByline(_ layout: PageLayout, _ index: Int) -> Bool {
        let tree = layout.tree
        let node = tree.nodes[index]
        guard !node.isText else { return false }
        if layout.marksByline[index] && Int(node.end) - index < 40 { return true }
        if let rel = tree.attribute("rel", of: index), rel.lowercased() == "author" { return true }
        if let itemprop = tree.attribute("itemprop", of: index), itemprop.lowercased() == "author" { return true }
        return false
    }

    /// The text nodes of an element, each a segment; `<br>` and block elements separate too.
    static func segments(_ tree: HTMLTree, _ index: Int) -> [String] {
        var segments: [String] = []
        for position in index..<Int(tree.nodes[index].end) where tree.nodes[position].isText {
            let text = String(decoding: tree.textBytes(of: position), as: UTF8.self)
            segments.append(contentsOf: text.split(whereSeparator: \.isNewline).map(String.init))
        }
        return segments
    }

    /// "By Jane Doe and John Roe" → "Jane Doe, John Roe"; nil for something that is not a name list.
    static func cleanByline(_ raw: String) -> String? {
        var text = Byline.withoutPrefix(Whitespace.collapse(Array(raw.utf8)))
        // Trailing roles and dates: "Jane Doe, Reuters" stays; "Jane Doe | Updated 3 PM" is cut.
        if let cut = text.firstIndex(where: { $0 == "|" || $0 == "\u{2022}" }) { text = String(text[..<cut]) }
        text = text.trimmingWhitespace
        guard !text.isEmpty, text.count <= 120 else { return nil }
        let names = text.components(separatedBy: " and ").flatMap { $0.components(separatedBy: ", ") }
            .map(\.trimmingWhitespace).filter { !$0.isEmpty }
        return joined(names)
    }

    /// The most authors a byline lists; the rest are left out (a page listing 100,000 authors in
    /// its JSON-LD took minutes with a quadratic de-duplication).
    static let bylineLimit = 50

    static func joined(_ names: [String]) -> String? {
        var unique: [String] = []
        var seen: Set<String> = []
        for name in names where seen.insert(name).inserted {
            unique.append(name)
            if unique.count == bylineLimit { break }
        }
        return unique.isEmpty ? nil : unique.joined(separator: ", ")
    }

    /// "Storm toll rises | The Daily Planet" → "Storm toll rises", when the separator splits off
    /// a site name (or the page's `<h1>` is the first part).
    static func withoutSiteName(_ title: String?, heading: String?) -> String? {
        guard var title = title?.trimmingWhitespace, !title.isEmpty else { return nil }
        if let heading, title.hasPrefix(heading) { return heading }
        for separator in [" | ", " \u{2013} ", " \u{2014} ", " - ", " :: ", " \u{00B7} "] {
            if let range = title.range(of: separator, options: .backwards) {
                let tail = title[range.upperBound...]
                if tail.split(separator: " ").count <= 4 { title = String(title[..<range.lowerBound]) }
                break
            }
        }
        return title
    }

    /// A date as ISO 8601: times with a zone in UTC (`2024-03-05T14:00:00Z`), dates alone as
    /// `2024-03-05`; anything unreadable as given.
    static func date(_ value: String?) -> String? {
        guard let value = value?.trimmingWhitespace, !value.isEmpty else { return nil }
        return ISODate.normalised(value) ?? value
    }
}
