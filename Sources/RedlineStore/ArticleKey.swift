/// The key an article is stored under: a canonical URL, or an id the user gave.
///
/// URLs are canonicalised so that the same article fetched through a tracking link, with another
/// fragment, or with the host in capitals is one article: scheme and host lower-cased, default
/// port, fragment and tracking parameters (`utm_*`, `fbclid`, `gclid`, …) dropped.
public struct ArticleKey: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public var description: String { value }

    /// A key from a user-given id or a URL.
    public init(_ raw: String) {
        let trimmed = raw.trimmingWhitespace
        value = Self.canonicalURL(trimmed) ?? trimmed
    }

    /// Query parameters that only say where a reader came from.
    static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "ref_src", "cmpid", "smid", "s_cid",
        "_ga", "yclid", "ocid",
    ]

    /// `HTTPS://Example.COM:443/a/b?utm_source=x&id=3#top` → `https://example.com/a/b?id=3`; nil
    /// when `text` is not an http(s) URL.
    static func canonicalURL(_ text: String) -> String? {
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        let scheme = lower.hasPrefix("https://") ? "https" : "http"
        var rest = Substring(text.dropFirst(scheme.count + 3))
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let pathStart = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        var host = rest[..<pathStart].lowercased()
        if scheme == "https" && host.hasSuffix(":443") { host.removeLast(4) }
        if scheme == "http" && host.hasSuffix(":80") { host.removeLast(3) }
        guard !host.isEmpty else { return nil }
        var path = String(rest[pathStart...])
        var query = ""
        if let question = path.firstIndex(of: "?") {
            query = String(path[path.index(after: question)...])
            path = String(path[..<question])
        }
        if path.isEmpty { path = "/" }
        let kept = query.split(separator: "&").filter { parameter in
            let name = parameter.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            return !name.isEmpty && !name.hasPrefix("utm_") && !trackingParameters.contains(name)
        }
        return "\(scheme)://\(host)\(path)" + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
    }
}

extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
