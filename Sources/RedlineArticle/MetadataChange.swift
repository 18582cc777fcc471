/// A change in an article's metadata between two versions: a new headline, another byline, a
/// corrected date, a moved canonical URL.
public struct MetadataChange: Sendable, Equatable {
    /// Added (the old version had none), removed (the new one has none), or modified.
    public enum Kind: String, Sendable {
        case added
        case removed
        case modified
    }

    /// The field that changed.
    public var field: MetadataField
    /// Added, removed or modified.
    public var kind: Kind
    /// The old version's value; nil when it had none.
    public var old: String?
    /// The new version's value; nil when it has none.
    public var new: String?

    /// A change of `field` from `old` to `new`; the kind follows from which of them is nil.
    public init(field: MetadataField, old: String?, new: String?) {
        self.field = field
        self.old = old
        self.new = new
        kind = old == nil ? .added : new == nil ? .removed : .modified
    }

    /// Whether the change makes two versions differ (exit status 1). A new "last modified" stamp
    /// alone does not: pages re-stamp themselves when they are re-rendered, and an edit that
    /// matters shows in the body or another field.
    public var isSignificant: Bool { field != .modified }

    /// The fields that differ between two versions, in report order; the language tag is left
    /// out (it is not news).
    public static func changes(from old: Article, to new: Article) -> [MetadataChange] {
        [MetadataField.headline, .byline, .published, .modified, .canonicalURL].compactMap { field in
            old[field] == new[field] ? nil : MetadataChange(field: field, old: old[field], new: new[field])
        }
    }
}
