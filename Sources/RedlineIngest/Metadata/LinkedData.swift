import Foundation

/// The article described by a page's JSON-LD (`<script type="application/ld+json">`): the first
/// `NewsArticle`, `Article`, `ReportageNewsArticle`, `BlogPosting`… object, at the top level, in
/// an array, or inside `@graph`; authors given by `@id` are looked up in the graph.
struct LinkedData {
    var headline: String?
    var body: String?
    var authors: [String] = []
    /// Whether the authors are people (not only the publishing organisation).
    var authorsArePeople = false
    var published: String?
    var modified: String?
    var url: String?
    var language: String?
    /// The page describes itself as a live blog (`LiveBlogPosting`).
    var isLiveBlog = false
    /// The page describes itself as a collection or section (`CollectionPage`, `ItemList`…).
    var isCollection = false

    static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting", "socialmediaposting",
        "report", "scholarlyarticle", "techarticle", "liveblogposting",
    ]

    /// JSON-LD blocks larger than this (8 MiB) are not read: an article's is a few kilobytes.
    /// Nesting deeper than 512 is refused by Foundation's parser; the walks below are bounded by it.
    static let blockLimit = 8 << 20

    /// Reads every JSON-LD block of the page; nil when none describes an article.
    init?(_ tree: HTMLTree) {
        var objects: [[String: Any]] = []
        for script in tree.elements(.script) {
            guard tree.attribute("type", of: script)?.lowercased().contains("ld+json") == true else { continue }
            let source = tree.textContent(of: script)
            guard source.utf8.count <= Self.blockLimit, let json = Self.parse(source) else { continue }
            Self.flatten(json, into: &objects)
        }
        var byID: [String: [String: Any]] = [:]
        for object in objects { if let id = object["@id"] as? String { byID[id] = object } }
        for object in objects
        where Self.types(of: object).contains(where: { ["collectionpage", "itemlist"].contains($0) }) {
            isCollection = true
        }
        guard let article = objects.first(where: { !Self.types(of: $0).isDisjoint(with: Self.articleTypes) }) else {
            if !isCollection { return nil }
            return
        }
        isLiveBlog = Self.types(of: article).contains("liveblogposting")
        headline = Self.string(article["headline"]) ?? Self.string(article["name"])
        body = Self.string(article["articleBody"])
        authors = Self.names(article["author"], byID: byID)
        authorsArePeople = Self.hasPerson(article["author"], byID: byID)
        published = Self.string(article["datePublished"])
        modified = Self.string(article["dateModified"])
        url = Self.string(article["url"]) ?? Self.id(article["mainEntityOfPage"])
        language = Self.string(article["inLanguage"])
    }

    /// JSON as pages write it: control characters inside strings (raw newlines) are common, so
    /// a failed parse is retried with them replaced by spaces.
    static func parse(_ source: String) -> Any? {
        let data = Data(source.utf8)
        if let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) { return json }
        let cleaned = Data(source.utf8.map { $0 < 0x20 ? 0x20 : $0 })
        return try? JSONSerialization.jsonObject(with: cleaned, options: [.fragmentsAllowed])
    }

    private static func flatten(_ json: Any, into objects: inout [[String: Any]]) {
        if let array = json as? [Any] {
            for element in array { flatten(element, into: &objects) }
        } else if let object = json as? [String: Any] {
            objects.append(object)
            if let graph = object["@graph"] { flatten(graph, into: &objects) }
        }
    }

    static func types(of object: [String: Any]) -> Set<String> {
        if let type = object["@type"] as? String { return [type.lowercased()] }
        if let types = object["@type"] as? [Any] { return Set(types.compactMap { ($0 as? String)?.lowercased() }) }
        return []
    }

    static func string(_ value: Any?) -> String? {
        if let text = value as? String {
            let trimmed = text.trimmingWhitespace
            return trimmed.isEmpty ? nil : trimmed
        }
        if let array = value as? [Any] { return array.lazy.compactMap { string($0) }.first }
        return nil
    }

    private static func id(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        if let object = value as? [String: Any] { return object["@id"] as? String ?? object["url"] as? String }
        return nil
    }

    /// Whether an author value names a person: a string, a `Person`, or an object that is not an organisation.
    static func hasPerson(_ value: Any?, byID: [String: [String: Any]]) -> Bool {
        switch value {
        case is String: return true
        case let array as [Any]: return array.contains { hasPerson($0, byID: byID) }
        case let object as [String: Any]:
            let resolved = (object["@id"] as? String).flatMap { byID[$0] } ?? object
            return types(of: resolved).allSatisfy { !$0.contains("organization") && !$0.contains("organisation") }
        default: return false
        }
    }

    /// Author names from a string, an object with `name`, an `@id` reference, or a list of them.
    static func names(_ value: Any?, byID: [String: [String: Any]]) -> [String] {
        switch value {
        case let text as String:
            return text.hasPrefix("http") ? [] : [text.trimmingWhitespace]
        case let array as [Any]:
            return array.flatMap { names($0, byID: byID) }
        case let object as [String: Any]:
            if let name = string(object["name"]) { return [name] }
            if let id = object["@id"] as? String, let found = byID[id], let name = string(found["name"]) {
                return [name]
            }
            return []
        default:
            return []
        }
    }
}
