import RedlineDiff

/// Which figures, names, quotes and claims changed between two versions of an article.
///
/// Old and new sentences are paired with the diff engine's hierarchical alignment (moved
/// paragraphs included; sentences still unpaired are paired across paragraphs when similar), and
/// the facts inside each pair compared. Counting follows `Docs/Facts.md`:
/// - an added or removed sentence is one `claim` change, or one `quote` change per quotation in
///   it, plus one `figure` change per figure, plus one `name` change per name that occurs
///   nowhere in the other version;
/// - a paired sentence yields only what changed in it: figures, names (a close spelling in the
///   same place is a spelling fix), quote words or speakers, and a `claim` change only when the
///   assertion itself changed ("confirmed" → "denied", "will" → "may").
///
/// ```swift
/// let facts = FactDiff(diff: Diff(old, new))
/// for change in facts.changes { print(change.kind, change.summary) }
/// ```
public struct FactDiff: Sendable {
    /// The changes, in the order of the new text.
    public let changes: [FactChange]
    /// The facts of the old version's changed sentences.
    public let old: FactSheet
    /// The facts of the new version's changed sentences.
    public let new: FactSheet
    /// True when a version had more sentences to analyse than ``FactSheet/sentenceLimit``.
    public var isTruncated: Bool { old.isTruncated || new.isTruncated }
    /// Which sentence became which: the alignment the comparison stands on (`text.alignment` in
    /// the JSON report). Computed when asked for (it segments both whole texts), so a comparison
    /// that does not report it does not pay for it.
    public var alignment: SentenceAlignment {
        SentenceAlignment(
            old: old.text, new: new.text, paired: alignmentInput.paired, removed: alignmentInput.removed,
            added: alignmentInput.added, moves: alignmentInput.moves)
    }

    /// What the alignment is built from: the comparison's sentence groups, and the diff's moves.
    private let alignmentInput:
        (paired: [(old: [Range<Int>], new: [Range<Int>])], removed: [Range<Int>], added: [Range<Int>], moves: [Move])

    /// The changes counted by kind and type, and said in one line.
    public var summary: FactSummary { FactSummary(changes) }

    /// The fact changes behind a text diff (any granularity), analysing at most `sentenceLimit`
    /// sentences of each version (beyond it: ``isTruncated``).
    public init(diff: Diff, sentenceLimit: Int = FactSheet.sentenceLimit) {
        // A line-level or flat diff pairs no sentences: align them with a sentence-level diff.
        if diff.granularity != .paragraph, let sentenceChanges = diff.sentenceChanges {
            self.init(
                old: diff.oldBytes, new: diff.newBytes, sentenceChanges: sentenceChanges, moves: diff.moves,
                sentenceLimit: sentenceLimit)
        } else {
            let sentences = Diff(old: diff.oldBytes, new: diff.newBytes, by: .sentence)
            self.init(
                old: diff.oldBytes, new: diff.newBytes, sentenceChanges: sentences.sentenceChanges ?? [],
                moves: sentences.moves, sentenceLimit: sentenceLimit)
        }
    }

    /// The fact changes between two texts.
    public init(old: String, new: String) {
        self.init(diff: Diff(old, new, by: .sentence))
    }

    init(
        old oldText: TextBytes, new newText: TextBytes, sentenceChanges: [SentenceChange], moves: [Move] = [],
        sentenceLimit: Int = FactSheet.sentenceLimit
    ) {
        // Only the sentences around what changed are analysed; the rest is searched when needed.
        let oldSheet = FactSheet(text: oldText, touching: sentenceChanges.map(\.old), sentenceLimit: sentenceLimit)
        let newSheet = FactSheet(text: newText, touching: sentenceChanges.map(\.new), sentenceLimit: sentenceLimit)
        old = oldSheet
        new = newSheet
        var comparer = FactComparer(old: oldSheet, new: newSheet)
        comparer.run(sentenceChanges)
        changes = comparer.changes
        alignmentInput = (
            paired: comparer.pairedUnits.map { unit in
                (unit.old.map { oldSheet.sentences[$0].range }, unit.new.map { newSheet.sentences[$0].range })
            },
            removed: comparer.unpairedOld.map { oldSheet.sentences[$0].range },
            added: comparer.unpairedNew.map { newSheet.sentences[$0].range }, moves: moves
        )
    }
}

extension FactChange.Kind {
    /// Most specific first: figure, name, quote, claim.
    var order: Int {
        switch self {
        case .figure: 0
        case .name: 1
        case .quote: 2
        case .claim: 3
        }
    }
}
