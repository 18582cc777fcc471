import RedlineDiff

/// Two versions of a text and what changed between them: the input to every renderer.
public struct Comparison: Sendable {
    /// Where a side came from.
    public struct Side: Sendable, Equatable {
        /// The file path, `-`, or a store reference.
        public var source: String

        public init(source: String) {
            self.source = source
        }
    }

    public var old: Side
    public var new: Side
    /// The text diff.
    public var diff: Diff

    public init(old: Side, new: Side, diff: Diff) {
        self.old = old
        self.new = new
        self.diff = diff
    }

    /// True when nothing changed.
    public var isIdentical: Bool { diff.isIdentical }
}
