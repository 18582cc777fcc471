/// Paragraphs of the old text that correspond to paragraphs of the new one.
struct Correspondence: Equatable {
    enum Kind: Equatable {
        /// Byte-for-byte the same.
        case equal
        /// Similar: refine with a finer diff.
        case edited
    }

    var old: Range<Int>
    var new: Range<Int>
    var kind: Kind

    /// Indices of the heaviest subsequence of `items` (sorted by old position) whose new positions
    /// also increase: what can stay in place. Longest-increasing-subsequence with weights.
    ///
    /// - Complexity: O(n log n), with a Fenwick tree of running maxima over new positions.
    static func heaviestIncreasing(_ items: [Correspondence], weights: [Double]) -> [Int] {
        let ranks = Array(Set(items.map(\.new.lowerBound))).sorted()
        var rankOf: [Int: Int] = [:]
        for (rank, position) in ranks.enumerated() { rankOf[position] = rank }
        return HeaviestChain.indices(
            positions: items.map { rankOf[$0.new.lowerBound] ?? 0 }, weights: weights, positionCount: ranks.count)
    }
}

/// The decisions made at paragraph level: which paragraphs moved and which were edited in place.
struct ParagraphPlan {
    /// Moved paragraphs, as (old index, new index).
    private(set) var moves: [(old: Int, new: Int)] = []
    /// For each paragraph hunk, the paragraphs edited in place (one or two on a side), in order.
    private(set) var inPlaceMatches: [[Alignment.Match]]

    init(
        _ paragraphs: TokenComparison, old: UnsafeBufferPointer<UInt8>, new: UnsafeBufferPointer<UInt8>,
        detectMoves: Bool, pairInPlace: Bool
    ) {
        let hunks = paragraphs.hunks
        inPlaceMatches = Array(repeating: [], count: hunks.count)
        var movedOld = Set<Int>()
        var movedNew = Set<Int>()
        func isBlank(old index: Int) -> Bool { Self.isBlank(old, paragraphs.oldBytes(index..<(index + 1))) }
        func isBlank(new index: Int) -> Bool { Self.isBlank(new, paragraphs.newBytes(index..<(index + 1))) }

        // 1. Exact moves: the same paragraph deleted in one place and inserted in another.
        if detectMoves {
            var insertedByID: [Int32: [Int]] = [:]
            for hunk in hunks {
                for j in hunk.newStart..<hunk.newEnd where !isBlank(new: j) {
                    insertedByID[paragraphs.newIDs[j], default: []].append(j)
                }
            }
            if !insertedByID.isEmpty {
                for hunk in hunks {
                    for i in hunk.oldStart..<hunk.oldEnd where !isBlank(old: i) {
                        let id = paragraphs.oldIDs[i]
                        guard var candidates = insertedByID[id], !candidates.isEmpty else { continue }
                        let j = candidates.removeFirst()
                        insertedByID[id] = candidates
                        moves.append((i, j))
                        movedOld.insert(i)
                        movedNew.insert(j)
                    }
                }
            }
        }

        // 2. In-place edits: pair what is left inside each block by similarity.
        // Bags are built on first use: most paragraphs are never compared.
        var oldBags = [WordBag?](repeating: nil, count: paragraphs.oldCount)
        var newBags = [WordBag?](repeating: nil, count: paragraphs.newCount)
        func bag(old index: Int) -> WordBag {
            if let bag = oldBags[index] { return bag }
            let bag = WordBag(old, paragraphs.oldBytes(index..<(index + 1)))
            oldBags[index] = bag
            return bag
        }
        func bag(new index: Int) -> WordBag {
            if let bag = newBags[index] { return bag }
            let bag = WordBag(new, paragraphs.newBytes(index..<(index + 1)))
            newBags[index] = bag
            return bag
        }
        var pairedOld = Set<Int>()
        var pairedNew = Set<Int>()
        if pairInPlace {
            for (h, hunk) in hunks.enumerated() {
                let olds = (hunk.oldStart..<hunk.oldEnd).filter { !movedOld.contains($0) && !isBlank(old: $0) }
                let news = (hunk.newStart..<hunk.newEnd).filter { !movedNew.contains($0) && !isBlank(new: $0) }
                // Two paragraphs may match one only when nothing but blank lines separates them.
                func adjacent(_ items: [Int], _ range: Range<Int>, blank: (Int) -> Bool) -> Bool {
                    range.count == 1 || (items[range.lowerBound] + 1..<items[range.upperBound - 1]).allSatisfy(blank)
                }
                let matches = Alignment.matches(
                    oldCount: olds.count, newCount: news.count, threshold: ProseDiff.paragraphThreshold
                ) { oldRange, newRange in
                    guard adjacent(olds, oldRange, blank: isBlank(old:)), adjacent(news, newRange, blank: isBlank(new:))
                    else { return 0 }
                    let oldBag =
                        oldRange.count == 1
                        ? bag(old: olds[oldRange.lowerBound])
                        : WordBag(merging: bag(old: olds[oldRange.lowerBound]), bag(old: olds[oldRange.lowerBound + 1]))
                    let newBag =
                        newRange.count == 1
                        ? bag(new: news[newRange.lowerBound])
                        : WordBag(merging: bag(new: news[newRange.lowerBound]), bag(new: news[newRange.lowerBound + 1]))
                    return oldBag.similarity(to: newBag, threshold: ProseDiff.paragraphThreshold)
                }
                inPlaceMatches[h] = matches.map {
                    Alignment.Match(
                        old: olds[$0.old.lowerBound]..<(olds[$0.old.upperBound - 1] + 1),
                        new: news[$0.new.lowerBound]..<(news[$0.new.upperBound - 1] + 1))
                }
                for match in inPlaceMatches[h] {
                    pairedOld.formUnion(match.old)
                    pairedNew.formUnion(match.new)
                }
            }
        }

        // 3. Moves with an edit: a leftover paragraph closely matching a leftover in another block.
        guard detectMoves else { return }
        var leftoverOld: [(index: Int, hunk: Int)] = []
        var leftoverNew: [(index: Int, hunk: Int)] = []
        for (h, hunk) in hunks.enumerated() {
            for i in hunk.oldStart..<hunk.oldEnd
            where !movedOld.contains(i) && !pairedOld.contains(i) && !isBlank(old: i) {
                leftoverOld.append((i, h))
            }
            for j in hunk.newStart..<hunk.newEnd
            where !movedNew.contains(j) && !pairedNew.contains(j) && !isBlank(new: j) {
                leftoverNew.append((j, h))
            }
        }
        guard !leftoverOld.isEmpty, !leftoverNew.isEmpty,
            leftoverOld.count * leftoverNew.count <= ProseDiff.moveComparisonLimit
        else { return }
        var taken = Set<Int>()
        for (i, oldHunk) in leftoverOld where bag(old: i).count >= ProseDiff.moveMinimumWords {
            var best: (index: Int, score: Double)?
            for (j, newHunk) in leftoverNew where newHunk != oldHunk && !taken.contains(j) {
                let score = bag(old: i).similarity(to: bag(new: j), threshold: ProseDiff.moveThreshold)
                if score >= ProseDiff.moveThreshold && score > (best?.score ?? 0) { best = (j, score) }
            }
            if let best {
                taken.insert(best.index)
                moves.append((i, best.index))
            }
        }
    }

    static func isBlank(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        range.allSatisfy { BoundaryScore.isSpace(text[$0]) }
    }
}
