extension Diff {
    /// How much changed.
    public struct Counts: Equatable, Sendable, Codable {
        /// Deletions, not counting the old halves of moves.
        public var deletions = 0
        /// Insertions, not counting the new halves of moves.
        public var insertions = 0
        /// Moved paragraphs.
        public var moves = 0
        /// Moved paragraphs that were edited too.
        public var editedMoves = 0
        /// Tokens (of the diff's granularity) deleted, inside moves included.
        public var deletedTokens = 0
        /// Tokens inserted, inside moves included.
        public var insertedTokens = 0
        /// Bytes deleted, inside moves included.
        public var deletedBytes = 0
        /// Bytes inserted, inside moves included.
        public var insertedBytes = 0

        /// No edits yet: every count zero.
        public init() {}
    }

    /// Counts of what changed.
    ///
    /// - Complexity: O(k) in the size of the changed text.
    public var counts: Counts {
        var counts = Counts()
        counts.moves = moves.count
        counts.editedMoves = moves.filter(\.isEdited).count
        var changes: [Edit] = edits.filter { $0.kind != .equal && $0.move == nil }
        counts.deletions = changes.filter { $0.kind == .delete }.count
        counts.insertions = changes.filter { $0.kind == .insert }.count
        for move in moves { changes += move.edits.filter { $0.kind != .equal } }
        oldBytes.withBytes { old in
            newBytes.withBytes { new in
                for edit in changes {
                    if edit.kind == .delete {
                        counts.deletedBytes += edit.old.count
                        counts.deletedTokens += granularity.tokenCount(old, edit.old)
                    } else {
                        counts.insertedBytes += edit.new.count
                        counts.insertedTokens += granularity.tokenCount(new, edit.new)
                    }
                }
            }
        }
        return counts
    }
}
