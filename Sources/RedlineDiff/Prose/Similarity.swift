/// A bag of word hashes for quick similarity between paragraphs or sentences.
struct WordBag {
    /// Sorted hashes of the non-space word tokens (punctuation left out).
    let hashes: [UInt64]

    init(hashes: [UInt64]) {
        self.hashes = hashes
    }

    init(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var bounds = [range.lowerBound]
        WordTokenizer.tokenize(text, range, into: &bounds)
        var hashes: [UInt64] = []
        hashes.reserveCapacity(bounds.count / 2)
        if let base = text.baseAddress {
            for k in 0..<(bounds.count - 1) {
                let start = bounds[k]
                let length = bounds[k + 1] - start
                let first = text[start]
                guard first >= 0x80 || BoundaryScore.isWordByte(first) else { continue }
                hashes.append(TokenInterner.hash(base + start, length))
            }
        }
        self.hashes = hashes.sorted()
    }

    /// The number of words.
    var count: Int { hashes.count }

    /// Dice's coefficient over word multisets: 1 for the same words, 0 for none in common.
    ///
    /// - Complexity: O(n + m).
    func similarity(to other: WordBag) -> Double {
        let total = hashes.count + other.hashes.count
        guard total > 0 else { return 1 }
        // Dice can be no more than the smaller bag allows; callers only care above 0.3.
        if 2 * Swift.min(hashes.count, other.hashes.count) * 10 < 3 * total { return 0 }
        var i = 0
        var j = 0
        var common = 0
        while i < hashes.count && j < other.hashes.count {
            if hashes[i] == other.hashes[j] {
                common += 1
                i += 1
                j += 1
            } else if hashes[i] < other.hashes[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(2 * common) / Double(total)
    }
}

/// Order-preserving pairing of two lists by similarity: a small Needleman–Wunsch that, like
/// Gale and Church's sentence aligner, also allows one item to match two (a sentence or paragraph
/// split in two, or two merged into one).
enum Alignment {
    /// The largest table the dynamic programme fills; longer lists are compared in a band.
    static let fullTableLimit = 4096
    /// Half-width of the band used for long lists.
    static let bandWidth = 8
    /// What a two-to-one match costs, so that it wins only when it explains the text clearly better.
    static let mergePenalty = 0.3

    /// A match between `old` items and `new` items (one or two on each side, never two on both).
    struct Match: Equatable {
        var old: Range<Int>
        var new: Range<Int>
    }

    /// Matches `oldCount` items with `newCount` items in order on both sides, maximising the
    /// similarity weighted by the number of items matched; a match needs at least `threshold`.
    ///
    /// - Complexity: O(n · m) for small lists, O((n + m) · band) otherwise.
    static func matches(
        oldCount: Int, newCount: Int, threshold: Double, similarity: (Range<Int>, Range<Int>) -> Double
    ) -> [Match] {
        guard oldCount > 0 && newCount > 0 else { return [] }
        if oldCount == 1 && newCount == 1 {
            return similarity(0..<1, 0..<1) >= threshold ? [Match(old: 0..<1, new: 0..<1)] : []
        }
        if oldCount * newCount > fullTableLimit {
            return bandedMatches(oldCount: oldCount, newCount: newCount, threshold: threshold, similarity: similarity)
        }
        let width = newCount + 1
        var score = [Double](repeating: 0, count: (oldCount + 1) * width)
        // How each cell was reached: (old items consumed, new items consumed); (0, 0) marks the origin.
        var step = [(UInt8, UInt8)](repeating: (0, 1), count: (oldCount + 1) * width)
        step[0] = (0, 0)
        for i in 1...oldCount {
            step[i * width] = (1, 0)
            for j in 1...newCount {
                var best = score[(i - 1) * width + j]
                var from: (UInt8, UInt8) = (1, 0)
                let left = score[i * width + j - 1]
                if left > best {
                    best = left
                    from = (0, 1)
                }
                for (di, dj) in [(1, 1), (2, 1), (1, 2)] where i >= di && j >= dj {
                    let s = similarity((i - di)..<i, (j - dj)..<j)
                    guard s >= threshold else { continue }
                    let gain = Double(di + dj) * s - (di + dj > 2 ? mergePenalty : 0)
                    let candidate = score[(i - di) * width + j - dj] + gain
                    if candidate > best {
                        best = candidate
                        from = (UInt8(di), UInt8(dj))
                    }
                }
                score[i * width + j] = best
                step[i * width + j] = from
            }
        }
        var result: [Match] = []
        var i = oldCount
        var j = newCount
        while i > 0 || j > 0 {
            let (di, dj) = (Int(step[i * width + j].0), Int(step[i * width + j].1))
            if di > 0 && dj > 0 { result.append(Match(old: (i - di)..<i, new: (j - dj)..<j)) }
            i -= di
            j -= dj
        }
        return result.reversed()
    }
}

extension Alignment {
    /// For long lists: one-to-one candidates within a band around the diagonal, then the heaviest
    /// chain increasing on both sides (a weighted longest increasing subsequence).
    ///
    /// - Complexity: O((n + m) · band · s + k log k) for k candidates and similarity cost s.
    static func bandedMatches(
        oldCount: Int, newCount: Int, threshold: Double, similarity: (Range<Int>, Range<Int>) -> Double
    ) -> [Match] {
        var candidates: [(old: Int, new: Int, weight: Double)] = []
        for i in 0..<oldCount {
            let centre = (i * newCount) / oldCount
            // Descending new positions, so that two candidates of one old item never chain.
            for j in stride(
                from: Swift.min(newCount - 1, centre + bandWidth), through: Swift.max(0, centre - bandWidth), by: -1)
            {
                let s = similarity(i..<(i + 1), j..<(j + 1))
                if s >= threshold { candidates.append((i, j, s)) }
            }
        }
        let chain = HeaviestChain.indices(
            positions: candidates.map(\.new), weights: candidates.map(\.weight), positionCount: newCount)
        let result = chain.map {
            Match(
                old: candidates[$0].old..<(candidates[$0].old + 1), new: candidates[$0].new..<(candidates[$0].new + 1))
        }
        return result
    }
}

extension WordBag {
    /// The bag of two bags' words together.
    init(merging first: WordBag, _ second: WordBag) {
        var merged: [UInt64] = []
        merged.reserveCapacity(first.count + second.count)
        var i = 0
        var j = 0
        while i < first.hashes.count || j < second.hashes.count {
            if j == second.hashes.count || (i < first.hashes.count && first.hashes[i] <= second.hashes[j]) {
                merged.append(first.hashes[i])
                i += 1
            } else {
                merged.append(second.hashes[j])
                j += 1
            }
        }
        self.init(hashes: merged)
    }

    /// The bag of the items in `range` (one or two) of `bags`.
    static func of(_ bags: [WordBag], _ range: Range<Int>) -> WordBag {
        range.count == 1 ? bags[range.lowerBound] : WordBag(merging: bags[range.lowerBound], bags[range.lowerBound + 1])
    }
}
