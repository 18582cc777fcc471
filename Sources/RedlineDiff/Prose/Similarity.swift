/// A bag of word hashes for quick similarity between paragraphs or sentences.
///
/// Words here are approximate and cheap: runs of ASCII letters and digits and of non-ASCII
/// characters other than general punctuation and no-break spaces, with ASCII letters folded to
/// lower case. Similarity only has to rank candidate pairs, and this reads each byte once.
///
/// Each bag also keeps a 512-bit signature of its longer words (four bytes or more, so that
/// "the", "of" and "and" do not make every pair of paragraphs look alike). Two bags whose
/// signatures share few bits cannot be similar, and most pairs compared while aligning two
/// unrelated texts are rejected on the signatures alone, without merging the word lists.
struct WordBag {
    /// Hashes of the words, in text order (never 0).
    let hashes: [UInt64]
    /// One bit per distinct word of four bytes or more.
    private var signature: SIMD8<UInt64> = .zero
    /// How many words of four bytes or more (repeats included) the signature was made from.
    private var longWords = 0

    init(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(range.count / 6 + 1)
        let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
        var hash = offsetBasis
        var length = 0
        var signature = SIMD8<UInt64>.zero
        var longWords = 0
        var inWord = false
        var position = range.lowerBound
        let end = range.upperBound
        Self.foldTable.withUnsafeBufferPointer { fold in
            while position < end {
                let byte = text[position]
                // ASCII: the folded letter or digit, or 0 for a separator; 0xFF: not ASCII.
                var folded = fold[Int(byte)]
                if folded == 0xFF {
                    if byte == 0xE2 && position + 1 < end && text[position + 1] == 0x80 {
                        // U+2000–U+203F: spaces, dashes, quotes, ellipsis: a separator, skipped whole.
                        folded = 0
                        position += 2
                    } else if byte == 0xC2 && position + 1 < end && text[position + 1] == 0xA0 {
                        folded = 0  // no-break space
                        position += 1
                    } else {
                        folded = byte
                    }
                }
                if folded != 0 {
                    // Rotate and add: one cycle per byte; the word's hash is mixed once at its end.
                    hash = (hash << 7 | hash >> 57) &+ UInt64(folded)
                    length += 1
                    inWord = true
                } else if inWord {
                    let mixed = Self.mix(hash)
                    hashes.append(mixed)
                    if length >= 4 {
                        Self.mark(mixed, in: &signature)
                        longWords += 1
                    }
                    hash = offsetBasis
                    length = 0
                    inWord = false
                }
                position += 1
            }
        }
        if inWord {
            let mixed = Self.mix(hash)
            hashes.append(mixed)
            if length >= 4 {
                Self.mark(mixed, in: &signature)
                longWords += 1
            }
        }
        self.hashes = hashes
        self.signature = signature
        self.longWords = longWords
    }

    /// Spreads a word's rotate-and-add sum over all 64 bits (never 0: the table's empty key).
    @inline(__always)
    private static func mix(_ sum: UInt64) -> UInt64 {
        let product = (sum ^ 0x9E37_79B9_7F4A_7C15).multipliedFullWidth(by: 0xA076_1D64_78BD_642F)
        return (product.high ^ product.low) | 1
    }

    @inline(__always)
    private static func mark(_ hash: UInt64, in signature: inout SIMD8<UInt64>) {
        let bit = Int(truncatingIfNeeded: hash >> 55)  // 9 bits: 0..<512
        signature[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    private static func bitCount(_ words: SIMD8<UInt64>) -> Int {
        var total = 0
        for lane in 0..<8 { total += words[lane].nonzeroBitCount }
        return total
    }

    /// Whether the signatures rule out a similarity of `threshold` or more: the longer words the
    /// two bags share are too few, even counting every shared bit as a shared word.
    ///
    /// A filter, not a bound: it compares distinct long words where ``similarity(to:)`` counts
    /// all words, so it only rejects below 60% of the threshold, and only bags whose long words
    /// are mostly distinct (their bits at least half their long words, as in prose): in
    /// repetitive text (a table, a generated line of 5 million words from a vocabulary of 19) a
    /// few distinct words carry most of the similarity and the signatures cannot judge it.
    func cannotReach(_ threshold: Double, with other: WordBag) -> Bool {
        let mine = Self.bitCount(signature)
        let theirs = Self.bitCount(other.signature)
        guard mine >= 8 && theirs >= 8 else { return false }  // too few long words to judge
        guard 2 * mine >= Swift.min(longWords, 512) && 2 * theirs >= Swift.min(other.longWords, 512) else {
            return false
        }
        let shared = Self.bitCount(signature & other.signature)
        return Double(2 * shared) < 0.6 * threshold * Double(mine + theirs)
    }

    /// For each byte: the lower-case letter or digit it is, 0 for other ASCII, 0xFF for non-ASCII.
    private static let foldTable: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        if byte >= 0x80 { return 0xFF }
        if byte &- UInt8(ascii: "A") < 26 { return byte | 0x20 }
        if byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 { return byte }
        return 0
    }

    /// The number of words.
    var count: Int { hashes.count }

    /// ``similarity(to:)``, or 0 when the signatures show it is well below `threshold`.
    func similarity(to other: WordBag, threshold: Double) -> Double {
        if cannotReach(threshold, with: other) { return 0 }
        return similarity(to: other)
    }

    /// Dice's coefficient over word multisets: 1 for the same words, 0 for none in common.
    ///
    /// - Complexity: O(n + m): the smaller bag's words go into a small hash table with their
    ///   counts, and the larger bag's words take matches out of it.
    func similarity(to other: WordBag) -> Double {
        let total = hashes.count + other.hashes.count
        guard total > 0 else { return 1 }
        // Dice can be no more than the smaller bag allows; callers only care above 0.3.
        if 2 * Swift.min(hashes.count, other.hashes.count) * 10 < 3 * total { return 0 }
        let (small, large) = hashes.count <= other.hashes.count ? (hashes, other.hashes) : (other.hashes, hashes)
        var capacity = 16
        while capacity < 2 * small.count { capacity <<= 1 }
        let mask = capacity - 1
        let common = withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity) { keys in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: capacity) { counts in
                keys.initialize(repeating: 0)
                counts.initialize(repeating: 0)
                for hash in small {
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while keys[slot] != 0 && keys[slot] != hash { slot = (slot + 1) & mask }
                    keys[slot] = hash
                    counts[slot] += 1
                }
                var common = 0
                for hash in large {
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while keys[slot] != 0 {
                        if keys[slot] == hash {
                            if counts[slot] > 0 {
                                counts[slot] -= 1
                                common += 1
                            }
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                }
                return common
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
    /// Each of two items matched to one must be at least this similar to it on its own: the halves
    /// of a split sentence are (about 0.5–0.8), a new sentence that shares a clause is not.
    static let partThreshold = 0.45
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
                    // Two items match one only when each is like it (a split or a merge), not when
                    // one of them merely rides along with a close match.
                    let part = max(threshold, partThreshold)
                    if di == 2 {
                        guard similarity((i - 2)..<(i - 1), (j - 1)..<j) >= part,
                            similarity((i - 1)..<i, (j - 1)..<j) >= part
                        else { continue }
                    } else if dj == 2 {
                        guard similarity((i - 1)..<i, (j - 2)..<(j - 1)) >= part,
                            similarity((i - 1)..<i, (j - 1)..<j) >= part
                        else { continue }
                    }
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
        hashes = first.hashes + second.hashes
        signature = first.signature | second.signature
        longWords = first.longWords + second.longWords
    }

    /// The bag of the items in `range` (one or two) of `bags`.
    static func of(_ bags: [WordBag], _ range: Range<Int>) -> WordBag {
        range.count == 1 ? bags[range.lowerBound] : WordBag(merging: bags[range.lowerBound], bags[range.lowerBound + 1])
    }
}
