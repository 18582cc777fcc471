/// A person, organisation or place named in a sentence.
public struct Name: Sendable, Equatable, Hashable {
    /// The kinds of name.
    public enum Kind: String, Sendable, Codable {
        case person
        case organisation
        case place
        case unknown
    }

    /// As written, without title or possessive: "Isaac Herzog".
    public var surface: String
    /// UTF-8 offsets of ``surface`` in the document.
    public var range: Range<Int>
    /// Folded for comparison: case, diacritics, spacing and hyphens ("Erdoğan" = "erdogan",
    /// "Exxon Mobil" = "exxonmobil"). A surname-only mention carries its full name's key.
    public var key: String
    /// A person, an organisation or a place.
    public var kind: Kind
    /// A title kept apart from the name: "President", "Foreign Minister", "Dr.".
    public var role: String?
    /// For a surname-only mention linked to a full name in the same document, that full name.
    public var fullName: String?

    /// The folded key of the name's last word (its surname, for a person).
    var lastWordKey: String {
        guard let space = surface.utf8.lastIndex(of: 0x20) else { return Name.key(surface) }
        return Name.key(String(surface[surface.utf8.index(after: space)...]))
    }

    /// Arabic articles are written with and without: "Bashar al-Assad" = "Bashar Assad".
    private static let articles: Set<String> = ["al", "el", "ad", "as", "ash", "at", "az", "an", "ar"]

    /// The folded key of a surface: case, diacritics, spaces, hyphens, dots and Arabic articles dropped.
    static func key(_ surface: String) -> String {
        // ASCII fast path: lower-case letters and digits, words that are articles dropped.
        if surface.utf8.allSatisfy({ $0 < 0x80 }) {
            var key: [UInt8] = []
            key.reserveCapacity(surface.utf8.count)
            for word in Array(surface.utf8).split(separator: 0x20) {
                var part = word
                if let hyphen = part.firstIndex(of: UInt8(ascii: "-")),
                    articles.contains(String(decoding: part[..<hyphen], as: UTF8.self).lowercased())
                {
                    part = part[(hyphen + 1)...]
                } else if articles.contains(String(decoding: part, as: UTF8.self).lowercased()) {
                    continue
                }
                for byte in part {
                    let lower = byte | 0x20
                    if lower >= 0x61 && lower <= 0x7A {
                        key.append(lower)
                    } else if byte >= 0x30 && byte <= 0x39 {
                        key.append(byte)
                    }
                }
            }
            return String(decoding: key, as: UTF8.self)
        }
        var words: [Substring] = []
        for word in surface.split(separator: " ") {
            if articles.contains(word.lowercased()) { continue }
            if let hyphen = word.firstIndex(where: { $0 == "-" || $0 == "\u{2010}" }),
                articles.contains(word[..<hyphen].lowercased()), word.index(after: hyphen) < word.endIndex
            {
                words.append(word[word.index(after: hyphen)...])
            } else {
                words.append(word)
            }
        }
        return Folding.fold(words.joined(separator: " "), joined: true)
    }
}
