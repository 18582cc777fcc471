/// The differences between two texts.
///
/// ```swift
/// let diff = Diff(old, new, by: .word)
/// for hunk in diff.hunks(context: 1) { … }
/// let rebuilt = try diff.script.apply(to: old)   // == new
/// ```
///
/// By default prose is diffed hierarchically (paragraphs, then sentences, then words) with moved
/// paragraphs detected and semantic cleanup applied. ``Options/minimal`` instead runs one exact
/// Myers diff over the tokens of the chosen granularity: the shortest edit script, no cleanup.
public struct Diff: Sendable {
    /// How to compute a diff.
    public struct Options: Sendable, Equatable {
        /// Find the exact shortest edit script (no cost limit, no hierarchy, no cleanup, no moves).
        public var minimal: Bool
        /// Align paragraphs, then sentences, then the chosen granularity (the default). When false,
        /// one flat diff over the chosen tokens, with the cost limit unless `minimal`.
        public var hierarchical: Bool
        /// Report paragraphs that changed place as moves.
        public var detectMoves: Bool

        /// The options: the exact shortest script (`minimal`), paragraphs then sentences then words (`hierarchical`),
        /// moved paragraphs found (`detectMoves`).
        public init(minimal: Bool = false, hierarchical: Bool = true, detectMoves: Bool = true) {
            self.minimal = minimal
            self.hierarchical = hierarchical
            self.detectMoves = detectMoves
        }
    }

    /// The old text, as UTF-8.
    public let oldBytes: TextBytes
    /// The new text, as UTF-8.
    public let newBytes: TextBytes
    /// Where the old text's lines (paragraphs) start.
    public let oldLines: LineIndex
    /// Where the new text's lines start.
    public let newLines: LineIndex
    /// The unit the diff was computed in.
    public let granularity: Granularity
    /// The options the diff was computed with.
    public let options: Options
    /// Every edit, in order: equal runs, deletions and insertions covering both texts exactly.
    public let edits: [Edit]
    /// Paragraphs that changed place; their halves are the edits whose ``Edit/move`` is set.
    public let moves: [Move]
    /// What changed at sentence level, in order of the old text (nil for a flat or minimal diff).
    /// Sentences of moved paragraphs are compared with their new copies.
    public let sentenceChanges: [SentenceChange]?

    /// Diffs two strings.
    ///
    /// - Complexity: O(n) tokenization plus the search (see ``Myers``) over paragraphs, and over
    ///   finer tokens only inside changed paragraphs.
    public init(_ old: String, _ new: String, by granularity: Granularity = .word, options: Options = Options()) {
        self.init(old: TextBytes(old), new: TextBytes(new), by: granularity, options: options)
    }

    /// Diffs two UTF-8 byte arrays. Both must be valid UTF-8 (callers reading files check first).
    public init(oldBytes: [UInt8], newBytes: [UInt8], by granularity: Granularity = .word, options: Options = Options())
    {
        self.init(old: TextBytes(oldBytes), new: TextBytes(newBytes), by: granularity, options: options)
    }

    /// Diffs two texts held as ``TextBytes``. Both must be valid UTF-8.
    public init(old: TextBytes, new: TextBytes, by granularity: Granularity = .word, options: Options = Options()) {
        oldBytes = old
        newBytes = new
        self.granularity = granularity
        self.options = options
        let result = old.withBytes { old in
            new.withBytes { new in Self.compute(old: old, new: new, granularity: granularity, options: options) }
        }
        edits = result.edits
        moves = result.moves
        sentenceChanges = result.sentenceChanges
        oldLines = result.oldLines ?? LineIndex(old)
        newLines = result.newLines ?? LineIndex(new)
    }

    private static func compute(
        old: UnsafeBufferPointer<UInt8>, new: UnsafeBufferPointer<UInt8>, granularity: Granularity, options: Options
    ) -> (
        edits: [Edit], moves: [Move], oldLines: LineIndex?, newLines: LineIndex?, sentenceChanges: [SentenceChange]?
    ) {
        if options.minimal || !options.hierarchical {
            var comparison = TokenComparison(
                old: old, 0..<old.count, new: new, 0..<new.count, granularity: granularity, minimal: options.minimal)
            comparison.slideToBoundaries(old: old, new: new)
            if !options.minimal && (granularity == .word || granularity == .character) {
                comparison.mergeStrandedEqualities(old: old)
            }
            var list = EditList()
            comparison.emit(into: &list)
            if granularity == .paragraph {
                return (
                    list.edits, [], LineIndex(bounds: comparison.oldBounds), LineIndex(bounds: comparison.newBounds),
                    nil
                )
            }
            return (list.edits, [], nil, nil, nil)
        }
        var prose = ProseDiff(old: old, new: new, granularity: granularity, detectMoves: options.detectMoves)
        prose.run()
        let changes = prose.list.sentenceChanges.sorted {
            ($0.old.lowerBound, $0.new.lowerBound) < ($1.old.lowerBound, $1.new.lowerBound)
        }
        return (prose.list.edits, prose.moves, prose.oldLines, prose.newLines, changes)
    }

    /// True when the texts are byte-for-byte equal.
    public var isIdentical: Bool { !edits.contains { $0.kind != .equal } }

    /// The old text.
    public var old: String { oldBytes.string }
    /// The new text.
    public var new: String { newBytes.string }

    /// The old text's bytes in `range` as a string.
    public func oldText(_ range: Range<Int>) -> String { oldBytes.string(range) }
    /// The new text's bytes in `range` as a string.
    public func newText(_ range: Range<Int>) -> String { newBytes.string(range) }

    /// The edit script that turns the old text into the new one.
    public var script: EditScript {
        var operations: [EditScript.Operation] = []
        for edit in edits {
            switch edit.kind {
            case .equal:
                if case .copy(let last)? = operations.last, last.upperBound == edit.old.lowerBound {
                    operations[operations.count - 1] = .copy(last.lowerBound..<edit.old.upperBound)
                } else {
                    operations.append(.copy(edit.old))
                }
            case .delete: continue
            case .insert: operations.append(.insert(Array(newBytes[edit.new])))
            }
        }
        return EditScript(operations: operations)
    }
}
