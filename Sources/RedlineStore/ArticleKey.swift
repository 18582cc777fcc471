import Foundation

/// An article's identity in the store: a name the user gave (`flood`), or a URL normalised so
/// that the spellings of one address are one article (RFC 3986 §6.2.2 plus the usual web
/// rules): `HTTPS://user@Example.COM.:443/a/./x/../%62?utm_source=rss#top` →
/// `https://example.com/a/b`.
public struct ArticleKey: Hashable, Sendable, CustomStringConvertible {
    /// The key as stored.
    public let value: String

    /// The key itself.
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

    /// The normalised form of an http(s) URL, nil for anything else. Scheme and host lower-cased;
    /// user information, the fragment, a default or empty port and the host's trailing dot
    /// dropped; percent-encodings normalised (unreserved characters decoded, hex digits upper-cased,
    /// bytes that may not appear raw — spaces, non-ASCII — encoded); dot segments removed; an
    /// empty path made `/`; tracking parameters (`utm_*`, `fbclid`…) removed from the query,
    /// whose order is kept.
    static func canonicalURL(_ text: String) -> String? {
        let lower = text.prefix(8).lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        let scheme = lower.hasPrefix("https://") ? "https" : "http"
        var rest = Substring(text.dropFirst(scheme.count + 3))
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let pathStart = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        guard let host = authority(rest[..<pathStart], scheme: scheme) else { return nil }
        var path = rest[pathStart...]
        var query: Substring = ""
        if let question = path.firstIndex(of: "?") {
            query = path[path.index(after: question)...]
            path = path[..<question]
        }
        let normalPath = removingDotSegments(normalisingPercentEncoding(path.isEmpty ? "/" : path))
        let kept = query.split(separator: "&").filter { parameter in
            let name = parameter.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            return !name.isEmpty && !name.hasPrefix("utm_") && !trackingParameters.contains(name)
        }.map(normalisingPercentEncoding)
        return "\(scheme)://\(host)\(normalPath)" + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
    }

    /// `user:pw@Example.COM.:0443` → `example.com`: host and port as the key holds them, nil
    /// when there is no host.
    static func authority(_ text: Substring, scheme: String) -> String? {
        var authority = text
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host: Substring
        var port: Substring = ""
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            // An IPv6 literal: its colons are not the port's.
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { port = after.dropFirst() }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        var name = normalisingPercentEncoding(host).lowercased()
        while name.hasSuffix(".") { name.removeLast() }
        guard !name.isEmpty else { return nil }
        let defaultPort = scheme == "https" ? 443 : 80
        if let number = Int(port), number != defaultPort {
            return "\(name):\(number)"
        }
        if !port.isEmpty && Int(port) == nil { return "\(name):\(port)" }
        return name
    }

    /// Percent-encodings made canonical (RFC 3986 §6.2.2.1–2): `%7e` → `~`, `%c3%a9` → `%C3%A9`,
    /// a raw `é` or space encoded, a `%` that starts no encoding written `%25`.
    static func normalisingPercentEncoding(_ text: Substring) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                let value = high << 4 | low
                if isUnreserved(value) {
                    output.append(value)
                } else {
                    appendEncoded(value, to: &output)
                }
                index += 3
                continue
            }
            if byte == UInt8(ascii: "%") || mustEncode(byte) {
                appendEncoded(byte, to: &output)
            } else {
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// RFC 3986 §5.2.4: `/a/./b/../c` → `/a/c`; a trailing `.` or `..` leaves a trailing slash.
    static func removingDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (offset, segment) in segments.enumerated() {
            let last = offset == segments.count - 1
            switch segment {
            case ".":
                if last { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if last { output.append("") }
            default:
                output.append(segment)
            }
        }
        return "/" + output.joined(separator: "/")
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// ALPHA, DIGIT, `-`, `.`, `_`, `~`.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }

    /// Bytes a URL may not hold raw: controls, space, non-ASCII, and `"<>\^`{|}`.
    private static func mustEncode(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte >= 0x7F || "\"<>\\^`{|}".utf8.contains(byte)
    }

    private static func appendEncoded(_ byte: UInt8, to output: inout [UInt8]) {
        let digits = Array("0123456789ABCDEF".utf8)
        output += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
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
