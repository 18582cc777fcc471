/// A bag of word hashes for quick similarity between paragraphs or sentences.
struct WordBag {
    /// Sorted hashes of the non-space word tokens (punctuation left out).
    let hashes: [UInt64]

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

/// Order-preserving pairing of two lists by similarity (a small Needleman–Wunsch).
enum Alignment {
    /// The largest table the dynamic programme fills; longer lists are compared in a band.
    static let fullTableLimit = 4096
    /// Half-width of the band used for long lists.
    static let bandWidth = 24

    /// Pairs `oldCount` items with `newCount` items, in order on both sides, maximising the sum of
    /// similarities; only pairs at or above `threshold` are allowed.
    ///
    /// - Complexity: O(n · m) for small lists, O((n + m) · band) otherwise.
    static func pairs(
        oldCount: Int, newCount: Int, threshold: Double, similarity: (Int, Int) -> Double
    ) -> [(old: Int, new: Int)] {
        guard oldCount > 0 && newCount > 0 else { return [] }
        if oldCount == 1 && newCount == 1 {
            return similarity(0, 0) >= threshold ? [(0, 0)] : []
        }
        let banded = oldCount * newCount > fullTableLimit
        if banded && (oldCount + 1) * (newCount + 1) > 4_000_000 { return [] }
        let width = newCount + 1
        var score = [Double](repeating: 0, count: (oldCount + 1) * width)
        // 0: came from above (skip old), 1: from the left (skip new), 2: diagonal pair.
        var step = [UInt8](repeating: 0, count: (oldCount + 1) * width)
        for j in 1...newCount { step[j] = 1 }
        for i in 1...oldCount {
            let centre = (i * newCount) / oldCount
            for j in 1...newCount {
                var best = score[(i - 1) * width + j]
                var from: UInt8 = 0
                let left = score[i * width + j - 1]
                if left > best {
                    best = left
                    from = 1
                }
                if !banded || abs(j - centre) <= bandWidth {
                    let s = similarity(i - 1, j - 1)
                    if s >= threshold {
                        let diagonal = score[(i - 1) * width + j - 1] + s
                        if diagonal > best {
                            best = diagonal
                            from = 2
                        }
                    }
                }
                score[i * width + j] = best
                step[i * width + j] = from
            }
        }
        var result: [(old: Int, new: Int)] = []
        var i = oldCount
        var j = newCount
        while i > 0 && j > 0 {
            switch step[i * width + j] {
            case 2:
                result.append((i - 1, j - 1))
                i -= 1
                j -= 1
            case 1: j -= 1
            default: i -= 1
            }
        }
        return result.reversed()
    }
}
