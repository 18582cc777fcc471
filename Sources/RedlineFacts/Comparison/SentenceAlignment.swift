import RedlineDiff

/// Which sentence of the old text became which of the new: the alignment the fact diff stands on,
/// over every sentence of both texts, in the new text's reading order.
///
/// Sentences the fact comparison paired are `edited` (one to one), `split` (one old into several
/// new) or `merged` (several old into one new); the ones it could not pair are `removed` or
/// `added`. The sentences it did not look at (they did not change) are paired by their text:
/// `moved` when they sit in a paragraph the diff found moved, `unchanged` otherwise.
public struct SentenceAlignment: Sendable, Equatable {
    /// How old sentences became new ones.
    public enum Change: String, Sendable, CaseIterable {
        case unchanged, edited, moved, split, merged, added, removed
    }

    /// One aligned group: byte ranges of whole sentences on each side (empty on the side a
    /// sentence was added to or removed from).
    public struct Entry: Sendable, Equatable {
        /// Unchanged, edited, moved, split, merged, added or removed.
        public var change: Change
        /// The old sentences (byte ranges), none for an addition.
        public var old: [Range<Int>]
        /// The new sentences (byte ranges), none for a removal.
        public var new: [Range<Int>]
    }

    /// The correspondences, in the new text's order.
    public let entries: [Entry]

    /// - Parameters:
    ///   - old: the old text.
    ///   - new: the new text.
    ///   - paired: the sentence groups the comparison paired, as byte ranges on each side.
    ///   - removed: the old sentences it could not pair.
    ///   - added: the new sentences it could not pair.
    ///   - moves: the diff's moved paragraphs.
    init(
        old: TextBytes, new: TextBytes, paired: [(old: [Range<Int>], new: [Range<Int>])], removed: [Range<Int>],
        added: [Range<Int>], moves: [Move]
    ) {
        let oldSentences = Self.sentences(of: old)
        let newSentences = Self.sentences(of: new)
        var usedOld = [Bool](repeating: false, count: oldSentences.count)
        var usedNew = [Bool](repeating: false, count: newSentences.count)
        /// The whole sentences overlapping `ranges`, not yet taken.
        func take(_ ranges: [Range<Int>], from sentences: [Range<Int>], _ used: inout [Bool]) -> [Range<Int>] {
            var result: [Range<Int>] = []
            for range in ranges {
                for index in Self.overlapping(range, in: sentences) where !used[index] {
                    used[index] = true
                    result.append(sentences[index])
                }
            }
            return result.sorted { $0.lowerBound < $1.lowerBound }
        }
        var entries: [Entry] = []
        for group in paired {
            let olds = take(group.old, from: oldSentences, &usedOld)
            let news = take(group.new, from: newSentences, &usedNew)
            switch (olds.count, news.count) {
            case (0, 0): continue
            case (0, _): entries.append(Entry(change: .added, old: [], new: news))
            case (_, 0): entries.append(Entry(change: .removed, old: olds, new: []))
            case (1, 2...): entries.append(Entry(change: .split, old: olds, new: news))
            case (2..., 1): entries.append(Entry(change: .merged, old: olds, new: news))
            case (1, 1) where old.bytes(olds[0]) == new.bytes(news[0]):
                // Paired by the diff but not changed (its paragraph was): unchanged, or moved with it.
                let moved = moves.contains { $0.old.contains(olds[0].lowerBound) }
                entries.append(Entry(change: moved ? .moved : .unchanged, old: olds, new: news))
            default: entries.append(Entry(change: .edited, old: olds, new: news))
            }
        }
        for range in removed {
            let olds = take([range], from: oldSentences, &usedOld)
            if !olds.isEmpty { entries.append(Entry(change: .removed, old: olds, new: [])) }
        }
        for range in added {
            let news = take([range], from: newSentences, &usedNew)
            if !news.isEmpty { entries.append(Entry(change: .added, old: [], new: news)) }
        }
        // The rest did not change: paired by their text, in order.
        var waiting: [[UInt8]: [Int]] = [:]
        for index in oldSentences.indices.reversed() where !usedOld[index] {
            waiting[old.bytes(oldSentences[index]), default: []].append(index)
        }
        for index in newSentences.indices where !usedNew[index] {
            let key = new.bytes(newSentences[index])
            if let match = waiting[key]?.popLast() {
                usedOld[match] = true
                let oldRange = oldSentences[match]
                let moved = moves.contains { $0.old.contains(oldRange.lowerBound) }
                entries.append(Entry(change: moved ? .moved : .unchanged, old: [oldRange], new: [newSentences[index]]))
            } else {
                entries.append(Entry(change: .added, old: [], new: [newSentences[index]]))
            }
        }
        for index in oldSentences.indices where !usedOld[index] {
            entries.append(Entry(change: .removed, old: [oldSentences[index]], new: []))
        }
        Self.joinSplitsAndMerges(&entries, old: old, new: new, oldSentences: oldSentences, newSentences: newSentences)
        self.entries = Self.inReadingOrder(entries)
    }

    /// A removed sentence beside an edited one whose new sentence holds most of its words was
    /// merged into it ("The mayor spoke first. She thanked…" → "The mayor spoke first and
    /// thanked…"); an added sentence beside an edited one whose old sentence holds most of its
    /// words was split from it.
    static func joinSplitsAndMerges(
        _ entries: inout [Entry], old: TextBytes, new: TextBytes, oldSentences: [Range<Int>], newSentences: [Range<Int>]
    ) {
        func index(_ range: Range<Int>, in sentences: [Range<Int>]) -> Int? {
            overlapping(range, in: sentences).first
        }
        func words(_ text: TextBytes, _ range: Range<Int>) -> Set<String> {
            Set(
                String(decoding: text.bytes(range), as: UTF8.self).lowercased()
                    .split { !($0.isLetter || $0.isNumber) }.map(String.init))
        }
        func holds(_ container: Set<String>, mostOf part: Set<String>) -> Bool {
            !part.isEmpty && Double(part.intersection(container).count) >= 0.6 * Double(part.count)
        }
        var position = 0
        while position < entries.count {
            let entry = entries[position]
            let lone = entry.change == .removed ? entry.old : entry.change == .added ? entry.new : []
            guard lone.count == 1, let own = index(lone[0], in: entry.change == .removed ? oldSentences : newSentences)
            else {
                position += 1
                continue
            }
            let removed = entry.change == .removed
            let sentences = removed ? oldSentences : newSentences
            let partner = entries.indices.first { candidate in
                let other = entries[candidate]
                guard [.edited, .merged, .split].contains(other.change),
                    removed ? other.new.count == 1 : other.old.count == 1
                else { return false }
                let side = removed ? other.old : other.new
                return side.contains { range in
                    guard let neighbour = index(range, in: sentences) else { return false }
                    return abs(neighbour - own) == 1
                }
            }
            guard let partner else {
                position += 1
                continue
            }
            let target = entries[partner]
            let fits =
                removed
                ? holds(words(new, target.new[0]), mostOf: words(old, lone[0]))
                : holds(words(old, target.old[0]), mostOf: words(new, lone[0]))
            guard fits else {
                position += 1
                continue
            }
            if removed {
                entries[partner].old = (target.old + lone).sorted { $0.lowerBound < $1.lowerBound }
                entries[partner].change = .merged
            } else {
                entries[partner].new = (target.new + lone).sorted { $0.lowerBound < $1.lowerBound }
                entries[partner].change = .split
            }
            entries.remove(at: position)
        }
    }

    /// Entries with a new side in the new text's order; each removed one before the first entry
    /// whose old side comes after it.
    static func inReadingOrder(_ entries: [Entry]) -> [Entry] {
        var ordered = entries.filter { !$0.new.isEmpty }.sorted { $0.new[0].lowerBound < $1.new[0].lowerBound }
        let removed = entries.filter { $0.new.isEmpty }.sorted { $0.old[0].lowerBound < $1.old[0].lowerBound }
        for entry in removed {
            let start = entry.old[0].lowerBound
            let position = ordered.firstIndex { !$0.old.isEmpty && $0.old[0].lowerBound > start } ?? ordered.count
            ordered.insert(entry, at: position)
        }
        return ordered
    }

    /// Every sentence of a text: paragraphs are its lines, split as the fact sheets split them.
    static func sentences(of text: TextBytes) -> [Range<Int>] {
        var result: [Range<Int>] = []
        text.withBytes { bytes in
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
                if start < index { result += SentenceTokenizer.sentences(in: text, start..<index).map(trimmed(bytes)) }
                start = index + 1
            }
        }
        return result.filter { !$0.isEmpty }
    }

    /// A range without the whitespace at its ends.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> (Range<Int>) -> Range<Int> {
        { range in
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, bytes[lower] <= 0x20 { lower += 1 }
            while upper > lower, bytes[upper - 1] <= 0x20 { upper -= 1 }
            return lower..<upper
        }
    }

    /// Indices of the sentences that overlap `range` (sentences sorted and disjoint); an empty
    /// range stands for the sentence at its place.
    static func overlapping(_ range: Range<Int>, in sentences: [Range<Int>]) -> [Int] {
        Array(
            overlapping(range.lowerBound..<max(range.upperBound, range.lowerBound + 1), count: sentences.count) {
                sentences[$0]
            })
    }

    /// The indices, among `count` sorted disjoint ranges given by `rangeAt`, of those that overlap
    /// `range`: a binary search for the first one ending after its start, then a walk.
    static func overlapping(_ range: Range<Int>, count: Int, rangeAt: (Int) -> Range<Int>) -> Range<Int> {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if rangeAt(mid).upperBound <= range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < count, rangeAt(end).lowerBound < range.upperBound { end += 1 }
        return low..<end
    }
}

extension TextBytes {
    /// The bytes of a range, as a key.
    fileprivate func bytes(_ range: Range<Int>) -> [UInt8] {
        withBytes { Array($0[range]) }
    }
}
