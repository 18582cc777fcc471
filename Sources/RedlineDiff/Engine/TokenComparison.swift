/// A change in token coordinates: old tokens `oldStart..<oldEnd` became new tokens `newStart..<newEnd`.
struct TokenHunk: Equatable {
    var oldStart: Int
    var oldEnd: Int
    var newStart: Int
    var newEnd: Int

    var isPureDeletion: Bool { newStart == newEnd }
    var isPureInsertion: Bool { oldStart == oldEnd }
}

/// The diff of two byte ranges at one granularity: tokens, ids, and the changes between them.
///
/// This is the flat diff. ``ProseDiff`` builds the hierarchical one out of several of these.
struct TokenComparison {
    let granularity: Granularity
    let oldBounds: [Int]
    let newBounds: [Int]
    let oldIDs: [Int32]
    let newIDs: [Int32]
    private(set) var hunks: [TokenHunk]
    /// For paragraph comparisons: the bounds of the individual lines, before blank lines were attached.
    private(set) var oldLineBounds: [Int] = []
    private(set) var newLineBounds: [Int] = []

    var oldCount: Int { oldIDs.count }

    var newCount: Int { newIDs.count }

    /// Tokenizes, interns and diffs `old[oldRange]` against `new[newRange]`.
    init(
        old: UnsafeBufferPointer<UInt8>, _ oldRange: Range<Int>,
        new: UnsafeBufferPointer<UInt8>, _ newRange: Range<Int>,
        granularity: Granularity, minimal: Bool, attachBlankLines: Bool = false
    ) {
        self.granularity = granularity
        var interner: TokenInterner
        if granularity == .paragraph {
            // Lines: find the breaks, hash and intern in one pass; the new side first tries the
            // old side's next line byte for byte, which is all most lines of a revision need.
            interner = TokenInterner(expectedDistinct: LineScanner.expectedDistinct(oldRange.count + newRange.count))
            let oldLines = LineScanner.scan(old, oldRange, attachBlankLines: attachBlankLines, interner: &interner)
            let newLines = LineScanner.scan(
                new, newRange, attachBlankLines: attachBlankLines, interner: &interner, following: oldLines, in: old)
            oldLineBounds = oldLines.lineBounds
            oldBounds = oldLines.bounds
            oldIDs = oldLines.ids
            newLineBounds = newLines.lineBounds
            newBounds = newLines.bounds
            newIDs = newLines.ids
        } else {
            oldBounds = granularity.bounds(old, oldRange)
            newBounds = granularity.bounds(new, newRange)
            interner = TokenInterner(expectedDistinct: Swift.min(oldBounds.count + newBounds.count, 1 << 16))
            oldIDs = interner.intern(old, bounds: oldBounds)
            newIDs = interner.intern(new, bounds: newBounds)
        }
        let (changedOld, changedNew) = Myers.changes(
            old: oldIDs, new: newIDs, idCount: interner.count, minimal: minimal)
        hunks = Self.hunks(changedOld: changedOld, changedNew: changedNew)
    }

    /// Groups change flags into hunks.
    static func hunks(changedOld: [Bool], changedNew: [Bool]) -> [TokenHunk] {
        var hunks: [TokenHunk] = []
        var i = 0
        var j = 0
        let n = changedOld.count
        let m = changedNew.count
        while i < n || j < m {
            if i < n && j < m && !changedOld[i] && !changedNew[j] {
                i += 1
                j += 1
                continue
            }
            let startI = i
            let startJ = j
            while i < n && changedOld[i] { i += 1 }
            while j < m && changedNew[j] { j += 1 }
            if startI == i && startJ == j {
                // Unflagged on one side only: cannot happen for a valid path; stop rather than loop.
                break
            }
            hunks.append(TokenHunk(oldStart: startI, oldEnd: i, newStart: startJ, newEnd: j))
        }
        return hunks
    }

    /// Slides each pure insertion or deletion along the equal tokens around it to the place where
    /// its edges fall on the strongest boundaries (blank line, line break, sentence end, space).
    ///
    /// Sliding never changes the number of tokens deleted or inserted.
    mutating func slideToBoundaries(old: UnsafeBufferPointer<UInt8>, new: UnsafeBufferPointer<UInt8>) {
        for k in hunks.indices {
            var hunk = hunks[k]
            let deletion = hunk.isPureDeletion
            guard deletion || hunk.isPureInsertion else { continue }
            let ids = deletion ? oldIDs : newIDs
            let bounds = deletion ? oldBounds : newBounds
            let text = deletion ? old : new
            var start = deletion ? hunk.oldStart : hunk.newStart
            var end = deletion ? hunk.oldEnd : hunk.newEnd
            let previous = k > 0 ? hunks[k - 1] : nil
            let next = k + 1 < hunks.count ? hunks[k + 1] : nil
            let lowLimit = deletion ? (previous?.oldEnd ?? 0) : (previous?.newEnd ?? 0)
            let highLimit = deletion ? (next?.oldStart ?? ids.count) : (next?.newStart ?? ids.count)

            var shiftUp = 0
            while start - shiftUp > lowLimit && ids[start - shiftUp - 1] == ids[end - shiftUp - 1] { shiftUp += 1 }
            start -= shiftUp
            end -= shiftUp
            var bestShift = 0
            var bestScore = Int.min
            var shift = 0
            let lo = bounds[0]
            let hi = bounds[bounds.count - 1]
            while true {
                let score =
                    BoundaryScore.at(text, bounds[start + shift], lo, hi)
                    + BoundaryScore.at(text, bounds[end + shift], lo, hi)
                    + (BoundaryScore.isSpace(text[bounds[start + shift]]) ? 0 : 1)
                if score >= bestScore {
                    bestScore = score
                    bestShift = shift
                }
                guard end + shift < highLimit, ids[start + shift] == ids[end + shift] else { break }
                shift += 1
            }
            let delta = bestShift - shiftUp
            guard delta != 0 else { continue }
            hunk.oldStart += delta
            hunk.oldEnd += delta
            hunk.newStart += delta
            hunk.newEnd += delta
            hunks[k] = hunk
        }
        mergeTouchingHunks()
    }

    private mutating func mergeTouchingHunks() {
        var merged: [TokenHunk] = []
        merged.reserveCapacity(hunks.count)
        for hunk in hunks {
            if var last = merged.last, last.oldEnd == hunk.oldStart || last.newEnd == hunk.newStart {
                // Touching on one side means no equal tokens between them on either side.
                last.oldEnd = hunk.oldEnd
                last.newEnd = hunk.newEnd
                merged[merged.count - 1] = last
            } else {
                merged.append(hunk)
            }
        }
        hunks = merged
    }

    /// Semantic cleanup: an equality of at most two short tokens (not counting spaces) stranded
    /// between two changes, and no longer than the change on either side, is folded into one
    /// replacement, so "the [old] a [old]" reads as one edit instead of confetti.
    mutating func mergeStrandedEqualities(old: UnsafeBufferPointer<UInt8>) {
        guard hunks.count > 1 else { return }
        var changed = true
        while changed {
            changed = false
            var merged: [TokenHunk] = [hunks[0]]
            for hunk in hunks.dropFirst() {
                let last = merged[merged.count - 1]
                if isStranded(gapFrom: last, to: hunk, old: old) {
                    merged[merged.count - 1] = TokenHunk(
                        oldStart: last.oldStart, oldEnd: hunk.oldEnd, newStart: last.newStart, newEnd: hunk.newEnd)
                    changed = true
                } else {
                    merged.append(hunk)
                }
            }
            hunks = merged
        }
    }

    private func isStranded(gapFrom left: TokenHunk, to right: TokenHunk, old: UnsafeBufferPointer<UInt8>) -> Bool {
        let gapBytes = oldBounds[right.oldStart] - oldBounds[left.oldEnd]
        let leftSize = Swift.max(byteCount(old: left.oldStart, left.oldEnd), byteCount(new: left.newStart, left.newEnd))
        let rightSize = Swift.max(
            byteCount(old: right.oldStart, right.oldEnd), byteCount(new: right.newStart, right.newEnd))
        guard gapBytes <= leftSize && gapBytes <= rightSize else { return false }
        var words = 0
        for t in left.oldEnd..<right.oldStart where !BoundaryScore.isSpace(old[oldBounds[t]]) {
            words += 1
            if words > 2 { return false }
        }
        return true
    }

    private func byteCount(old start: Int, _ end: Int) -> Int { oldBounds[end] - oldBounds[start] }
    private func byteCount(new start: Int, _ end: Int) -> Int { newBounds[end] - newBounds[start] }

    /// Appends the whole comparison, equal runs included, to `list`.
    func emit(into list: inout EditList) {
        var i = 0
        var j = 0
        for hunk in hunks {
            list.equal(oldBounds[i]..<oldBounds[hunk.oldStart], newBounds[j]..<newBounds[hunk.newStart])
            list.delete(oldBounds[hunk.oldStart]..<oldBounds[hunk.oldEnd], at: newBounds[hunk.newStart])
            list.insert(newBounds[hunk.newStart]..<newBounds[hunk.newEnd], at: oldBounds[hunk.oldEnd])
            i = hunk.oldEnd
            j = hunk.newEnd
        }
        list.equal(oldBounds[i]..<oldBounds[oldCount], newBounds[j]..<newBounds[newCount])
    }

    /// The byte range of old tokens `range`.
    func oldBytes(_ range: Range<Int>) -> Range<Int> { oldBounds[range.lowerBound]..<oldBounds[range.upperBound] }
    /// The byte range of new tokens `range`.
    func newBytes(_ range: Range<Int>) -> Range<Int> { newBounds[range.lowerBound]..<newBounds[range.upperBound] }
}

/// How good a place is for the edge of a change: the higher, the more natural a reader finds it.
enum BoundaryScore {
    /// 6 at the edge of the text, 5 at a blank line, 4 at a line break, 3 after a sentence,
    /// 2 next to a space, 1 next to punctuation, 0 inside a word.
    static func at(_ text: UnsafeBufferPointer<UInt8>, _ position: Int, _ low: Int, _ high: Int) -> Int {
        if position <= low || position >= high { return 6 }
        let previous = text[position - 1]
        let next = text[position]
        if previous == 0x0A {
            if next == 0x0A || (position - 2 >= low && text[position - 2] == 0x0A) { return 5 }
            return 4
        }
        if next == 0x0A { return 4 }
        if isSpace(previous) {
            var p = position - 1
            while p > low && isSpace(text[p - 1]) { p -= 1 }
            if p > low {
                var q = p - 1
                // Skip closing quotes: `."` and `.”` end a sentence too.
                while q > low && (text[q] == UInt8(ascii: "\"") || text[q] == UInt8(ascii: ")") || text[q] >= 0x80) {
                    q -= 1
                }
                let c = text[q]
                if c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") { return 3 }
            }
            return 2
        }
        if isSpace(next) { return 2 }
        if !isWordByte(previous) || !isWordByte(next) { return 1 }
        return 0
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
