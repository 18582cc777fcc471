/// A person, organisation or place named in a sentence.
public struct Name: Sendable, Equatable, Hashable {
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
    public var kind: Kind
    /// A title kept apart from the name: "President", "Foreign Minister", "Dr.".
    public var role: String?
    /// For a surname-only mention linked to a full name in the same document, that full name.
    public var fullName: String?

    /// The folded key of the name's last word (its surname, for a person).
    var lastWordKey: String {
        Folding.fold(String(surface.split(separator: " ").last ?? ""), joined: true)
    }
}
