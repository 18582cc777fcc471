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

    /// An edit of `kind` over token ranges of the old and new texts, part of move `move` when it has one.
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

/// A changed stretch of text at sentence level: what fact comparison looks at.
///
/// A paired change is one or more old sentences that became one or more similar new sentences
/// (edited, split or merged); a deletion or insertion is text with no counterpart on the other
/// side (whole sentences or paragraphs). Unchanged sentences and paragraphs that only moved
/// are not listed.
public struct SentenceChange: Equatable, Hashable, Sendable {
    /// What a run of tokens did between the versions.
    public enum Kind: String, Sendable {
        case paired
        case deleted
        case inserted
    }

    /// Kept, deleted or inserted.
    public var kind: Kind
    /// The old text's bytes (empty for an insertion, at the place it happened).
    public var old: Range<Int>
    /// The new text's bytes (empty for a deletion).
    public var new: Range<Int>

    /// A change of `kind` over byte ranges of the old and new texts.
    public init(kind: Kind, old: Range<Int>, new: Range<Int>) {
        self.kind = kind
        self.old = old
        self.new = new
    }
}

/// Accumulates edits in order, merging neighbours of the same kind, and the sentence-level
/// changes found on the way.
struct EditList {
    private(set) var edits: [Edit] = []
    private(set) var sentenceChanges: [SentenceChange] = []

    mutating func record(_ kind: SentenceChange.Kind, _ old: Range<Int>, _ new: Range<Int>) {
        switch kind {
        case .deleted: guard !old.isEmpty else { return }
        case .inserted: guard !new.isEmpty else { return }
        case .paired: break
        }
        sentenceChanges.append(SentenceChange(kind: kind, old: old, new: new))
    }

    mutating func record(contentsOf other: [SentenceChange]) {
        sentenceChanges.append(contentsOf: other)
    }

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

extension EditList {
    /// Where a deletion and an insertion side by side share leading or trailing whitespace
    /// (typically the space or blank line after a sentence), that whitespace is made equal.
    ///
    /// Finer diffs of adjacent pieces can each end in a whitespace change ("…months.⏎⏎" against
    /// "…months. "); this folds such leftovers back into the unchanged text.
    mutating func factorCommonAffixes(old: UnsafeBufferPointer<UInt8>, new: UnsafeBufferPointer<UInt8>) {
        var result: [Edit] = []
        result.reserveCapacity(edits.count)
        var k = 0
        while k < edits.count {
            let edit = edits[k]
            guard k + 1 < edits.count, edit.move == nil, edits[k + 1].move == nil,
                edit.kind == .delete && edits[k + 1].kind == .insert
            else {
                result.append(edit)
                k += 1
                continue
            }
            var deleted = edit.old
            var inserted = edits[k + 1].new
            var prefix = 0
            while prefix < deleted.count && prefix < inserted.count
                && old[deleted.lowerBound + prefix] == new[inserted.lowerBound + prefix]
                && BoundaryScore.isSpace(old[deleted.lowerBound + prefix])
            {
                prefix += 1
            }
            while prefix > 0
                && !(Self.isBoundary(old, deleted.lowerBound + prefix)
                    && Self.isBoundary(new, inserted.lowerBound + prefix))
            {
                prefix -= 1
            }
            var suffix = 0
            while suffix < deleted.count - prefix && suffix < inserted.count - prefix
                && old[deleted.upperBound - 1 - suffix] == new[inserted.upperBound - 1 - suffix]
                && BoundaryScore.isSpace(old[deleted.upperBound - 1 - suffix])
            {
                suffix += 1
            }
            while suffix > 0
                && !(Self.isBoundary(old, deleted.upperBound - suffix)
                    && Self.isBoundary(new, inserted.upperBound - suffix))
            {
                suffix -= 1
            }
            if prefix > 0 {
                result.append(
                    Edit(
                        kind: .equal, old: deleted.lowerBound..<(deleted.lowerBound + prefix),
                        new: inserted.lowerBound..<(inserted.lowerBound + prefix)))
                deleted = (deleted.lowerBound + prefix)..<deleted.upperBound
                inserted = (inserted.lowerBound + prefix)..<inserted.upperBound
            }
            let suffixOld = (deleted.upperBound - suffix)..<deleted.upperBound
            let suffixNew = (inserted.upperBound - suffix)..<inserted.upperBound
            deleted = deleted.lowerBound..<(deleted.upperBound - suffix)
            inserted = inserted.lowerBound..<(inserted.upperBound - suffix)
            if !deleted.isEmpty {
                result.append(Edit(kind: .delete, old: deleted, new: inserted.lowerBound..<inserted.lowerBound))
            }
            if !inserted.isEmpty {
                result.append(Edit(kind: .insert, old: deleted.upperBound..<deleted.upperBound, new: inserted))
            }
            if suffix > 0 { result.append(Edit(kind: .equal, old: suffixOld, new: suffixNew)) }
            k += 2
        }
        edits = []
        for edit in result { append(edit) }
    }

    /// True when `position` is not inside a word or a UTF-8 sequence.
    private static func isBoundary(_ text: UnsafeBufferPointer<UInt8>, _ position: Int) -> Bool {
        if position <= 0 || position >= text.count { return true }
        let next = text[position]
        if next & 0xC0 == 0x80 { return false }
        return !(BoundaryScore.isWordByte(text[position - 1]) && BoundaryScore.isWordByte(next))
    }
}
