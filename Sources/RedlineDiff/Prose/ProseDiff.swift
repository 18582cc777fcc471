/// The hierarchical diff for prose: paragraphs first, then sentences inside each changed
/// paragraph pair, then words (or characters) inside each changed sentence pair.
///
/// 1. Paragraphs (lines) are diffed with ``Myers``; changes slide to blank lines.
/// 2. A deleted paragraph whose exact text is inserted elsewhere is a move.
/// 3. Inside each changed block, deleted and inserted paragraphs are paired in order by word
///    similarity; unpaired ones are whole deletions or insertions.
/// 4. Paragraphs still unpaired that closely match one in another block are moves with an edit.
/// 5. Each pair is refined: sentences are diffed and paired the same way, and each sentence pair
///    is diffed word by word with semantic cleanup.
///
/// This is how NewsEdits aligned article versions, and it is also the coarse-to-fine strategy that
/// makes large inputs fast: fine tokenization happens only inside what changed.
struct ProseDiff {
    /// Paragraph pairs less similar than this are a deletion and an insertion, not an edit.
    static let paragraphThreshold = 0.4
    /// The same for sentences.
    static let sentenceThreshold = 0.3
    /// A paragraph counts as moved-and-edited when it is at least this similar to its new copy.
    static let moveThreshold = 0.6
    /// …and has at least this many words.
    static let moveMinimumWords = 6
    /// Near-move search gives up past this many candidate comparisons.
    static let moveComparisonLimit = 40_000
    /// Sentence pairs larger than this (bytes, both sides) are compared word by word before
    /// character by character (`--by char`).
    static let characterPairLimit = 1 << 20

    let old: UnsafeBufferPointer<UInt8>
    let new: UnsafeBufferPointer<UInt8>
    /// The finest level to refine to.
    let granularity: Granularity
    let detectMoves: Bool

    private(set) var list = EditList()
    private(set) var moves: [Move] = []
    /// Line starts of both texts, found on the way (paragraphs are lines).
    private(set) var oldLines: LineIndex?
    private(set) var newLines: LineIndex?

    init(old: UnsafeBufferPointer<UInt8>, new: UnsafeBufferPointer<UInt8>, granularity: Granularity, detectMoves: Bool)
    {
        self.old = old
        self.new = new
        self.granularity = granularity
        self.detectMoves = detectMoves
    }

    mutating func run() {
        var paragraphs = TokenComparison(
            old: old, 0..<old.count, new: new, 0..<new.count, granularity: .paragraph, minimal: false,
            attachBlankLines: true)
        paragraphs.slideToBoundaries(old: old, new: new)
        oldLines = LineIndex(bounds: paragraphs.oldLineBounds)
        newLines = LineIndex(bounds: paragraphs.newLineBounds)
        let plan = ParagraphPlan(
            paragraphs, old: old, new: new, detectMoves: detectMoves, pairInPlace: granularity != .paragraph)

        // Every way a paragraph (or run of paragraphs) of the old text can correspond to the new:
        // Myers' equal runs, in-place edits, and move candidates. The heaviest subset that keeps
        // order on both sides stays in place; every other correspondence is a move. So when one
        // paragraph jumps over two edited ones, the one that jumped is the move.
        var candidates: [Correspondence] = []
        var i = 0
        var j = 0
        for (h, hunk) in paragraphs.hunks.enumerated() {
            if i < hunk.oldStart {
                candidates.append(Correspondence(old: i..<hunk.oldStart, new: j..<hunk.newStart, kind: .equal))
            }
            for match in plan.inPlaceMatches[h] {
                candidates.append(Correspondence(old: match.old, new: match.new, kind: .edited))
            }
            i = hunk.oldEnd
            j = hunk.newEnd
        }
        if i < paragraphs.oldCount {
            candidates.append(Correspondence(old: i..<paragraphs.oldCount, new: j..<paragraphs.newCount, kind: .equal))
        }
        for pair in plan.moves {
            let identical = paragraphs.oldIDs[pair.old] == paragraphs.newIDs[pair.new]
            candidates.append(
                Correspondence(
                    old: pair.old..<(pair.old + 1), new: pair.new..<(pair.new + 1), kind: identical ? .equal : .edited))
        }
        candidates.sort { $0.old.lowerBound < $1.old.lowerBound }
        let inPlace: [Correspondence]
        var moved: [Correspondence] = []
        if plan.moves.isEmpty {
            inPlace = candidates
        } else {
            let weights = candidates.map {
                Double(paragraphs.oldBytes($0.old).count + paragraphs.newBytes($0.new).count)
            }
            let keep = Correspondence.heaviestIncreasing(candidates, weights: weights)
            inPlace = keep.map { candidates[$0] }
            let kept = Set(keep)
            for (index, candidate) in candidates.enumerated() where !kept.contains(index) {
                // A run that lost its place moves paragraph by paragraph; blank lines just go and come.
                for offset in 0..<Swift.min(candidate.old.count, candidate.new.count) {
                    let o = candidate.old.lowerBound + offset
                    let n = candidate.new.lowerBound + offset
                    if candidate.old.count > 1 || candidate.new.count > 1 {
                        guard candidate.kind == .equal else { continue }
                    }
                    guard !ParagraphPlan.isBlank(old, paragraphs.oldBytes(o..<(o + 1))) else { continue }
                    moved.append(Correspondence(old: o..<(o + 1), new: n..<(n + 1), kind: candidate.kind))
                }
            }
        }

        // Moves first, so that their indices are known when their halves are emitted.
        var moveOfOld: [Int: Int] = [:]
        var moveOfNew: [Int: Int] = [:]
        for (index, pair) in moved.enumerated() {
            let oldRange = paragraphs.oldBytes(pair.old)
            let newRange = paragraphs.newBytes(pair.new)
            var inner = EditList()
            if pair.kind == .equal {
                inner.equal(oldRange, newRange)
            } else {
                refine(oldRange, newRange, into: &inner, finest: granularity == .paragraph ? .word : granularity)
            }
            moves.append(Move(old: oldRange, new: newRange, edits: inner.edits))
            list.record(contentsOf: inner.sentenceChanges)
            moveOfOld[pair.old.lowerBound] = index
            moveOfNew[pair.new.lowerBound] = index
        }

        var oi = 0
        var nj = 0
        let end = Correspondence(
            old: paragraphs.oldCount..<paragraphs.oldCount, new: paragraphs.newCount..<paragraphs.newCount, kind: .equal
        )
        for pair in inPlace + [end] {
            while oi < pair.old.lowerBound {
                let at = paragraphs.newBounds[nj]
                list.delete(paragraphs.oldBytes(oi..<(oi + 1)), at: at, move: moveOfOld[oi])
                if moveOfOld[oi] == nil { list.record(.deleted, paragraphs.oldBytes(oi..<(oi + 1)), at..<at) }
                oi += 1
            }
            while nj < pair.new.lowerBound {
                let at = paragraphs.oldBounds[oi]
                list.insert(paragraphs.newBytes(nj..<(nj + 1)), at: at, move: moveOfNew[nj])
                if moveOfNew[nj] == nil { list.record(.inserted, at..<at, paragraphs.newBytes(nj..<(nj + 1))) }
                nj += 1
            }
            guard !pair.old.isEmpty || !pair.new.isEmpty else { break }
            if pair.kind == .equal {
                list.equal(paragraphs.oldBytes(pair.old), paragraphs.newBytes(pair.new))
            } else {
                refine(paragraphs.oldBytes(pair.old), paragraphs.newBytes(pair.new), into: &list, finest: granularity)
            }
            oi = pair.old.upperBound
            nj = pair.new.upperBound
        }
        if granularity != .paragraph { list.factorCommonAffixes(old: old, new: new) }
    }

    /// Diffs a pair of paragraphs (or blocks) sentence by sentence, then word by word.
    func refine(_ oldRange: Range<Int>, _ newRange: Range<Int>, into list: inout EditList, finest: Granularity) {
        if finest == .paragraph {
            list.delete(oldRange, at: newRange.lowerBound)
            list.insert(newRange, at: oldRange.upperBound)
            list.record(.paired, oldRange, newRange)
            return
        }
        var sentences = TokenComparison(
            old: old, oldRange, new: new, newRange, granularity: .sentence, minimal: false)
        sentences.slideToBoundaries(old: old, new: new)
        var i = 0
        var j = 0
        for hunk in sentences.hunks {
            list.equal(sentences.oldBytes(i..<hunk.oldStart), sentences.newBytes(j..<hunk.newStart))
            if hunk.isPureDeletion || hunk.isPureInsertion {
                let deleted = sentences.oldBytes(hunk.oldStart..<hunk.oldEnd)
                let inserted = sentences.newBytes(hunk.newStart..<hunk.newEnd)
                list.delete(deleted, at: inserted.lowerBound)
                list.insert(inserted, at: deleted.upperBound)
                list.record(.deleted, deleted, inserted.lowerBound..<inserted.lowerBound)
                list.record(.inserted, deleted.upperBound..<deleted.upperBound, inserted)
            } else {
                refineSentences(sentences, hunk, into: &list, finest: finest)
            }
            i = hunk.oldEnd
            j = hunk.newEnd
        }
        list.equal(sentences.oldBytes(i..<sentences.oldCount), sentences.newBytes(j..<sentences.newCount))
    }

    private func refineSentences(
        _ sentences: TokenComparison, _ hunk: TokenHunk, into list: inout EditList, finest: Granularity
    ) {
        let oldBags = (hunk.oldStart..<hunk.oldEnd).map { WordBag(old, sentences.oldBytes($0..<($0 + 1))) }
        let newBags = (hunk.newStart..<hunk.newEnd).map { WordBag(new, sentences.newBytes($0..<($0 + 1))) }
        let matches = Alignment.matches(
            oldCount: oldBags.count, newCount: newBags.count, threshold: Self.sentenceThreshold
        ) { WordBag.of(oldBags, $0).similarity(to: WordBag.of(newBags, $1), threshold: Self.sentenceThreshold) }
        var oi = hunk.oldStart
        var nj = hunk.newStart
        let shifted = matches.map {
            Alignment.Match(
                old: ($0.old.lowerBound + hunk.oldStart)..<($0.old.upperBound + hunk.oldStart),
                new: ($0.new.lowerBound + hunk.newStart)..<($0.new.upperBound + hunk.newStart))
        }
        let end = Alignment.Match(old: hunk.oldEnd..<hunk.oldEnd, new: hunk.newEnd..<hunk.newEnd)
        for match in shifted + [end] {
            refineUnpaired(sentences, oi..<match.old.lowerBound, nj..<match.new.lowerBound, into: &list, finest: finest)
            guard !match.old.isEmpty else { break }
            let oldRange = sentences.oldBytes(match.old)
            let newRange = sentences.newBytes(match.new)
            list.record(.paired, oldRange, newRange)
            refineWords(oldRange, newRange, into: &list, finest: finest)
            oi = match.old.upperBound
            nj = match.new.upperBound
        }
    }
}

extension ProseDiff {
    /// Sentences left unpaired between two pairs: still diffed word by word when, taken together,
    /// they are similar (a sentence split in two, or a segmentation that differs), else replaced whole.
    fileprivate func refineUnpaired(
        _ sentences: TokenComparison, _ olds: Range<Int>, _ news: Range<Int>, into list: inout EditList,
        finest: Granularity
    ) {
        let oldRange = sentences.oldBytes(olds)
        let newRange = sentences.newBytes(news)
        if !olds.isEmpty && !news.isEmpty
            && WordBag(old, oldRange).similarity(to: WordBag(new, newRange)) >= Self.sentenceThreshold
        {
            list.record(.paired, oldRange, newRange)
            refineWords(oldRange, newRange, into: &list, finest: finest)
        } else {
            list.delete(oldRange, at: newRange.lowerBound)
            list.insert(newRange, at: oldRange.upperBound)
            list.record(.deleted, oldRange, newRange.lowerBound..<newRange.lowerBound)
            list.record(.inserted, oldRange.upperBound..<oldRange.upperBound, newRange)
        }
    }

    /// The finest level: words (or characters) with boundary sliding and semantic cleanup; at
    /// sentence granularity, the pair is replaced whole.
    fileprivate func refineWords(
        _ oldRange: Range<Int>, _ newRange: Range<Int>, into list: inout EditList, finest: Granularity
    ) {
        if finest == .sentence {
            list.delete(oldRange, at: newRange.lowerBound)
            list.insert(newRange, at: oldRange.upperBound)
            return
        }
        if finest == .character && oldRange.count + newRange.count > Self.characterPairLimit {
            refineCharactersInWords(oldRange, newRange, into: &list)
            return
        }
        var words = TokenComparison(old: old, oldRange, new: new, newRange, granularity: finest, minimal: false)
        words.slideToBoundaries(old: old, new: new)
        words.mergeStrandedEqualities(old: old)
        words.emit(into: &list)
    }

    /// A huge sentence pair at character granularity: words first, then characters inside each
    /// changed run of words only, so memory follows the words and the changes, not one token per
    /// character of the whole pair (a 50 MB line: 2.6 GB before).
    fileprivate func refineCharactersInWords(_ oldRange: Range<Int>, _ newRange: Range<Int>, into list: inout EditList)
    {
        var words = TokenComparison(old: old, oldRange, new: new, newRange, granularity: .word, minimal: false)
        words.slideToBoundaries(old: old, new: new)
        var i = 0
        var j = 0
        for hunk in words.hunks {
            list.equal(words.oldBytes(i..<hunk.oldStart), words.newBytes(j..<hunk.newStart))
            let oldRun = words.oldBytes(hunk.oldStart..<hunk.oldEnd)
            let newRun = words.newBytes(hunk.newStart..<hunk.newEnd)
            i = hunk.oldEnd
            j = hunk.newEnd
            if oldRun.count + newRun.count > Self.characterPairLimit {
                // Megabytes rewritten: a character diff of them would say nothing more.
                list.delete(oldRun, at: newRun.lowerBound)
                list.insert(newRun, at: oldRun.upperBound)
                continue
            }
            var characters = TokenComparison(
                old: old, oldRun, new: new, newRun, granularity: .character, minimal: false)
            characters.slideToBoundaries(old: old, new: new)
            characters.mergeStrandedEqualities(old: old)
            characters.emit(into: &list)
        }
        list.equal(words.oldBytes(i..<words.oldCount), words.newBytes(j..<words.newCount))
    }
}
