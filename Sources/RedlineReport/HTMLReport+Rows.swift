import RedlineDiff

/// The side-by-side page's rows: paragraphs of the two versions aligned, moves marked, changed
/// pairs compared word by word.
extension HTMLReport {
    /// One aligned pair of paragraphs (either side may be absent).
    struct Row {
        enum Kind { case same, changed, deleted, inserted, movedAway, movedHere }
        var kind: Kind
        var old: Range<Int>?
        var new: Range<Int>?
        /// For a changed or moved-and-edited row: the word edits between the two paragraphs,
        /// offsets relative to each paragraph.
        var edits: [Edit] = []
        /// For a move: the other end's paragraph number.
        var partner: Int?
    }

    /// Paragraph rows from a paragraph-level diff. In each run of changed paragraphs, moved ones
    /// (the word diff's moves) are marked where they left and where they arrived, and the others
    /// are paired in order by how many words they share, then compared word by word.
    static func rows(_ diff: Diff) -> [Row] {
        let paragraphs = Diff(
            old: diff.oldBytes, new: diff.newBytes, by: .paragraph, options: Diff.Options(hierarchical: false))
        var rows: [Row] = []
        var deleted: [Range<Int>] = []
        var inserted: [Range<Int>] = []
        var movedTo: [Int: Int] = [:]  // move index → row of its arrival
        var movedFrom: [Int: Int] = [:]  // move index → row of its departure
        func wordEdits(_ old: Range<Int>, _ new: Range<Int>) -> [Edit] {
            // A huge pair the text diff already compared is not diffed again (a 50 MB paragraph).
            if old.count + new.count > Self.rediffLimit, let edits = clippedEdits(diff, old: old, new: new) {
                return edits
            }
            return Diff(diff.oldText(old), diff.newText(new), by: .word, options: Diff.Options(hierarchical: false))
                .edits
        }
        func flush() {
            let pairs = pair(deleted, inserted, diff: diff)
            var i = 0
            var j = 0
            func emitDeleted(_ range: Range<Int>) {
                if let move = diff.moves.firstIndex(where: { $0.old.overlaps(range) }) {
                    movedFrom[move] = rows.count
                    rows.append(Row(kind: .movedAway, old: range, new: nil))
                } else {
                    rows.append(Row(kind: .deleted, old: range, new: nil))
                }
            }
            func emitInserted(_ range: Range<Int>) {
                if let move = diff.moves.firstIndex(where: { $0.new.overlaps(range) }) {
                    movedTo[move] = rows.count
                    rows.append(Row(kind: .movedHere, old: nil, new: range))
                } else {
                    rows.append(Row(kind: .inserted, old: nil, new: range))
                }
            }
            for (a, b) in pairs {
                while i < a { emitDeleted(deleted[i]); i += 1 }
                while j < b { emitInserted(inserted[j]); j += 1 }
                rows.append(
                    Row(kind: .changed, old: deleted[a], new: inserted[b], edits: wordEdits(deleted[a], inserted[b])))
                i = a + 1
                j = b + 1
            }
            while i < deleted.count { emitDeleted(deleted[i]); i += 1 }
            while j < inserted.count { emitInserted(inserted[j]); j += 1 }
            deleted.removeAll()
            inserted.removeAll()
        }
        for edit in paragraphs.edits {
            switch edit.kind {
            case .equal:
                // Blank lines between changed paragraphs do not end a run of changes.
                let kept = lines(diff.oldBytes, edit.old)
                if kept.isEmpty { continue }
                flush()
                for line in kept {
                    let offset = line.lowerBound - edit.old.lowerBound
                    let new = (edit.new.lowerBound + offset)..<(edit.new.lowerBound + offset + line.count)
                    rows.append(Row(kind: .same, old: line, new: new))
                }
            case .delete: deleted += lines(diff.oldBytes, edit.old)
            case .insert: inserted += lines(diff.newBytes, edit.new)
            }
        }
        flush()
        // Link the two ends of each move; the arrival shows the edits made on the way.
        for (move, to) in movedTo {
            guard let from = movedFrom[move], let old = rows[from].old, let new = rows[to].new else { continue }
            rows[from].partner = to
            rows[to] = Row(kind: .movedHere, old: old, new: new, edits: wordEdits(old, new), partner: from)
        }
        return rows
    }

    /// Paragraph pairs larger than this (bytes, both sides) take their word edits from the text
    /// diff when it paired them itself, instead of a second word diff.
    static let rediffLimit = 256 << 10
    /// How much of a paragraph's start is read for its vocabulary when pairing paragraphs.
    static let vocabularySample = 64 << 10

    /// The text diff's edits between paragraphs `old` and `new`, offsets relative to each, when
    /// its path through the two texts passes through both paragraphs' starts and ends (it paired
    /// them, with no move in between); nil otherwise.
    static func clippedEdits(_ diff: Diff, old: Range<Int>, new: Range<Int>) -> [Edit]? {
        let edits = diff.edits
        var low = 0
        var high = edits.count
        while low < high {
            let middle = (low + high) / 2
            if edits[middle].old.upperBound < old.lowerBound { low = middle + 1 } else { high = middle }
        }
        var result: [Edit] = []
        var started = false
        for edit in edits[low...] {
            // Where the edit's path segment meets the two corners, as old-side (or, for an
            // insertion, new-side) positions; nil when it does not pass through the corner.
            func position(onSegmentAt x: Int, _ y: Int) -> Int? {
                switch edit.kind {
                case .equal:
                    return edit.old.contains(x) || x == edit.old.upperBound
                        ? (y - edit.new.lowerBound == x - edit.old.lowerBound ? x : nil) : nil
                case .delete:
                    return (edit.old.contains(x) || x == edit.old.upperBound) && y == edit.new.lowerBound ? x : nil
                case .insert:
                    return x == edit.old.lowerBound && (edit.new.contains(y) || y == edit.new.upperBound) ? y : nil
                }
            }
            guard edit.move == nil || !started else { return nil }
            let from: Int
            if started {
                from = edit.kind == .insert ? edit.new.lowerBound : edit.old.lowerBound
            } else if let start = position(onSegmentAt: old.lowerBound, new.lowerBound) {
                started = true
                from = start
            } else {
                if edit.old.lowerBound > old.lowerBound || edit.new.lowerBound > new.lowerBound { return nil }
                continue
            }
            guard edit.move == nil else { return nil }
            let end = position(onSegmentAt: old.upperBound, new.upperBound)
            let to = end ?? (edit.kind == .insert ? edit.new.upperBound : edit.old.upperBound)
            switch edit.kind {
            case .equal:
                let shift = edit.new.lowerBound - edit.old.lowerBound
                result.append(
                    Edit(
                        kind: .equal, old: (from - old.lowerBound)..<(to - old.lowerBound),
                        new: (from + shift - new.lowerBound)..<(to + shift - new.lowerBound)))
            case .delete:
                let at = edit.new.lowerBound - new.lowerBound
                result.append(Edit(kind: .delete, old: (from - old.lowerBound)..<(to - old.lowerBound), new: at..<at))
            case .insert:
                let at = edit.old.lowerBound - old.lowerBound
                result.append(Edit(kind: .insert, old: at..<at, new: (from - new.lowerBound)..<(to - new.lowerBound)))
            }
            if result.last.map({ $0.old.isEmpty && $0.new.isEmpty }) == true { result.removeLast() }
            if end != nil { return result }
            if edit.old.lowerBound > old.upperBound || edit.new.lowerBound > new.upperBound { return nil }
        }
        return nil
    }

    /// Order-keeping pairs of deleted and inserted paragraphs that share at least 30% of their
    /// words (most shared words overall), leaving out the ends of moves.
    static func pair(_ deleted: [Range<Int>], _ inserted: [Range<Int>], diff: Diff) -> [(Int, Int)] {
        guard !deleted.isEmpty, !inserted.isEmpty else { return [] }
        func words(_ text: String) -> Set<Substring> { Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }) }
        // The vocabulary of a paragraph's first 64 KiB stands for a huge one's (a 50 MB line).
        func sample(_ range: Range<Int>) -> Range<Int> {
            range.lowerBound..<min(range.upperBound, range.lowerBound + Self.vocabularySample)
        }
        let oldWords = deleted.map { range in
            diff.moves.contains { $0.old.overlaps(range) } ? [] : words(diff.oldText(sample(range)))
        }
        let newWords = inserted.map { range in
            diff.moves.contains { $0.new.overlaps(range) } ? [] : words(diff.newText(sample(range)))
        }
        let n = deleted.count
        let m = inserted.count
        var best = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: n + 1)
        func similarity(_ a: Int, _ b: Int) -> Double {
            let union = oldWords[a].union(newWords[b]).count
            guard union > 0 else { return 0 }
            let score = Double(oldWords[a].intersection(newWords[b]).count) / Double(union)
            return score >= 0.3 ? score : 0
        }
        for a in 1...n {
            for b in 1...m {
                let score = similarity(a - 1, b - 1)
                best[a][b] = max(best[a - 1][b], best[a][b - 1], score > 0 ? best[a - 1][b - 1] + score : 0)
            }
        }
        var pairs: [(Int, Int)] = []
        var a = n
        var b = m
        while a > 0 && b > 0 {
            let score = similarity(a - 1, b - 1)
            if score > 0 && best[a][b] == best[a - 1][b - 1] + score {
                pairs.append((a - 1, b - 1))
                a -= 1
                b -= 1
            } else if best[a - 1][b] >= best[a][b - 1] {
                a -= 1
            } else {
                b -= 1
            }
        }
        return pairs.reversed()
    }

    /// The non-blank lines (paragraphs) in `range`.
    static func lines(_ text: TextBytes, _ range: Range<Int>) -> [Range<Int>] {
        text.withBytes { bytes in
            var result: [Range<Int>] = []
            var start = range.lowerBound
            for index in range where bytes[index] == 0x0A {
                if index > start { result.append(start..<index) }
                start = index + 1
            }
            if range.upperBound > start { result.append(start..<range.upperBound) }
            return result.filter { line in line.contains { bytes[$0] > 0x20 } }
        }
    }
}
