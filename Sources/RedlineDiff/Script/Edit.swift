/// One step of a diff: a run of text kept, deleted from the old text, or inserted from the new one.
///
/// Ranges are UTF-8 byte offsets, so they index both texts exactly and serialise as plain numbers.
/// A deletion has an empty `new` range at the place it happened in the new text, and an insertion
/// an empty `old` range.
public struct Edit: Equatable, Hashable, Sendable {
    /// What the edit does.
    public enum Kind: String, Sendable, Codable {
        case equal
        case delete
        case insert
    }

    /// What the edit does.
    public var kind: Kind
    /// The bytes of the old text this edit covers (empty for an insertion).
    public var old: Range<Int>
    /// The bytes of the new text this edit covers (empty for a deletion).
    public var new: Range<Int>
    /// For the two halves of a moved paragraph, the index of the move in ``Diff/moves``.
    public var move: Int?

    public init(kind: Kind, old: Range<Int>, new: Range<Int>, move: Int? = nil) {
        self.kind = kind
        self.old = old
        self.new = new
        self.move = move
    }
}

/// A paragraph that changed place: deleted at `old`, inserted at `new`, possibly edited as well.
public struct Move: Equatable, Sendable {
    /// The paragraph's bytes in the old text.
    public var old: Range<Int>
    /// The paragraph's bytes in the new text.
    public var new: Range<Int>
    /// The finer diff between the two copies; all `equal` when the paragraph only moved.
    public var edits: [Edit]

    /// True when the paragraph was edited as well as moved.
    public var isEdited: Bool { edits.contains { $0.kind != .equal } }
}

/// Accumulates edits in order, merging neighbours of the same kind.
struct EditList {
    private(set) var edits: [Edit] = []

    mutating func equal(_ old: Range<Int>, _ new: Range<Int>) {
        guard !old.isEmpty else { return }
        append(Edit(kind: .equal, old: old, new: new))
    }

    mutating func delete(_ old: Range<Int>, at newPosition: Int, move: Int? = nil) {
        guard !old.isEmpty else { return }
        append(Edit(kind: .delete, old: old, new: newPosition..<newPosition, move: move))
    }

    mutating func insert(_ new: Range<Int>, at oldPosition: Int, move: Int? = nil) {
        guard !new.isEmpty else { return }
        append(Edit(kind: .insert, old: oldPosition..<oldPosition, new: new, move: move))
    }

    mutating func append(contentsOf other: [Edit]) {
        for edit in other { append(edit) }
    }

    mutating func append(_ edit: Edit) {
        if var last = edits.last, last.kind == edit.kind, last.move == nil, edit.move == nil,
            last.old.upperBound == edit.old.lowerBound, last.new.upperBound == edit.new.lowerBound
        {
            last.old = last.old.lowerBound..<edit.old.upperBound
            last.new = last.new.lowerBound..<edit.new.upperBound
            edits[edits.count - 1] = last
            return
        }
        edits.append(edit)
    }
}
