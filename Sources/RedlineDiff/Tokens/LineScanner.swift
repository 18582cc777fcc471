/// Splits text into lines, hashes each line and interns it, in one pass over the bytes.
///
/// Line diffs of large files spend most of their time reading bytes. Finding the line break,
/// hashing the line and looking it up in the interning table while its bytes are still in the
/// first-level cache reads each byte from memory once; doing the three in separate passes over a
/// text larger than the cache reads it three times. The hash only needs to be consistent with
/// itself: both sides of a line diff are scanned with it.
enum LineScanner {
    /// The lines of one side of a line diff.
    struct Lines {
        /// Where each line starts, then the end of the range.
        var lineBounds: [Int]
        /// Where each token starts, then the end of the range: the lines, or paragraphs with the
        /// blank lines after them attached when scanning with `attachBlankLines`.
        var bounds: [Int]
        /// One id per token, from the interner.
        var ids: [Int32]

        /// No tokens yet: the bounds hold the range's start, room is kept for `range` of text.
        init(startingAt range: Range<Int>) {
            let capacity = range.count / 64 + 2
            lineBounds = [range.lowerBound]
            bounds = [range.lowerBound]
            ids = []
            lineBounds.reserveCapacity(capacity)
            bounds.reserveCapacity(capacity)
            ids.reserveCapacity(capacity)
        }
    }

    private static let k0: UInt64 = 0xA076_1D64_78BD_642F
    private static let k1: UInt64 = 0xE703_7ED1_A0B4_28DB
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080
    private static let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A

    @inline(__always)
    private static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    @inline(__always)
    private static func newlineMask(_ word: UInt64) -> UInt64 {
        let x = word ^ newlines
        return (x &- ones) & ~x & highs
    }

    /// Splits `text[range]` into lines and interns each token as soon as it is complete.
    ///
    /// With `attachBlankLines`, each run of blank lines (only spaces, tabs and line breaks) is
    /// folded into the token before it, so that a paragraph and the blank line that separates it
    /// from the next one move and compare as one unit.
    ///
    /// - Complexity: O(n), one pass.
    static func scan(
        _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, attachBlankLines: Bool,
        interner: inout TokenInterner
    ) -> Lines {
        var lines = Lines(startingAt: range)
        guard let base = text.baseAddress else { return lines }
        var start = range.lowerBound
        while start < range.upperBound {
            let (end, hash) = token(
                base, from: start, to: range.upperBound, attachBlankLines: attachBlankLines,
                lineBounds: &lines.lineBounds)
            lines.bounds.append(end)
            lines.ids.append(interner.intern(base + start, end - start, hash: hash))
            start = end
        }
        return lines
    }

    /// Scans the new side of a diff whose old side is `old` (scanned with the same interner).
    ///
    /// Most tokens of a revision are the old side's tokens in the same order, so each token is
    /// first compared byte for byte with the old token after the last one matched: two
    /// sequential reads instead of a hash and a random table lookup. Only when that fails is the
    /// token scanned and interned, and the expectation moves to after the old token it matched,
    /// when that token occurs once in the old side.
    ///
    /// Gives exactly the lines, tokens and ids that ``scan(_:_:attachBlankLines:interner:)`` gives.
    /// - Complexity: O(n).
    static func scan(
        _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, attachBlankLines: Bool,
        interner: inout TokenInterner, following old: Lines, in oldText: UnsafeBufferPointer<UInt8>
    ) -> Lines {
        var lines = Lines(startingAt: range)
        guard let base = text.baseAddress, let oldBase = oldText.baseAddress else { return lines }
        // The old token index of each id that occurs once in the old side, -2 for repeated ids.
        var uniqueIndex = [Int](repeating: -1, count: interner.count)
        for (k, id) in old.ids.enumerated() { uniqueIndex[Int(id)] = uniqueIndex[Int(id)] == -1 ? k : -2 }
        // The first line of each old token (tokens are lines unless blank lines were attached).
        var tokenLine: [Int] = []
        if attachBlankLines {
            tokenLine.reserveCapacity(old.bounds.count)
            var line = 0
            for bound in old.bounds {
                while old.lineBounds[line] < bound { line += 1 }
                tokenLine.append(line)
            }
        }
        let end = range.upperBound
        var start = range.lowerBound
        var expected = 0
        while start < end {
            if expected < old.ids.count {
                let oldStart = old.bounds[expected]
                let length = old.bounds[expected + 1] - oldStart
                let tokenEnd = start + length
                if tokenEnd <= end && (oldBase[oldStart + length - 1] == 0x0A || tokenEnd == end)
                    && (!attachBlankLines || tokenEnd == end || blankLineEnd(base, from: tokenEnd, to: end) == nil)
                    && TokenInterner.equal(oldBase + oldStart, base + start, length)
                {
                    if attachBlankLines {
                        let shift = start - oldStart
                        for line in tokenLine[expected]..<tokenLine[expected + 1] {
                            lines.lineBounds.append(old.lineBounds[line + 1] + shift)
                        }
                    } else {
                        lines.lineBounds.append(tokenEnd)
                    }
                    lines.bounds.append(tokenEnd)
                    lines.ids.append(old.ids[expected])
                    expected += 1
                    start = tokenEnd
                    continue
                }
            }
            let (tokenEnd, hash) = token(
                base, from: start, to: end, attachBlankLines: attachBlankLines, lineBounds: &lines.lineBounds)
            let id = interner.intern(base + start, tokenEnd - start, hash: hash)
            lines.bounds.append(tokenEnd)
            lines.ids.append(id)
            if Int(id) < uniqueIndex.count && uniqueIndex[Int(id)] >= 0 { expected = uniqueIndex[Int(id)] + 1 }
            start = tokenEnd
        }
        return lines
    }

    /// A first guess at the number of distinct lines in `byteCount` bytes, to size a table;
    /// tables grow when the guess is short.
    static func expectedDistinct(_ byteCount: Int) -> Int { Swift.min(byteCount / 64 + 2, 1 << 16) }

    /// The token starting at `start`: its first line and, when attaching, the blank lines after
    /// it. Appends each line's end to `lineBounds`; returns where the token ends and its hash.
    @inline(__always)
    private static func token(
        _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, attachBlankLines: Bool,
        lineBounds: inout [Int]
    ) -> (end: Int, hash: UInt64) {
        var (tokenEnd, hash) = line(base, from: start, to: end)
        lineBounds.append(tokenEnd)
        guard attachBlankLines else { return (tokenEnd, hash) }
        while tokenEnd < end, blankLineEnd(base, from: tokenEnd, to: end) != nil {
            let (lineEnd, lineHash) = line(base, from: tokenEnd, to: end)
            hash = fold(hash ^ lineHash, k1)
            lineBounds.append(lineEnd)
            tokenEnd = lineEnd
        }
        return (tokenEnd, hash)
    }

    /// Where the line at `start` ends when it is blank (only white space); nil when it is not.
    @inline(__always)
    private static func blankLineEnd(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var offset = start
        while offset < end {
            let byte = base[offset]
            if byte == 0x0A { return offset + 1 }
            if !BoundaryScore.isSpace(byte) { return nil }
            offset += 1
        }
        return end
    }

    /// The line starting at `start`: where it ends (after its line break, or at `end`) and its hash.
    @inline(__always)
    private static func line(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> (end: Int, hash: UInt64) {
        let raw = UnsafeRawPointer(base)
        var offset = start
        var h: UInt64 = 0
        if offset + 32 <= end {
            var lane0 = k1
            var lane1: UInt64 = 0x8EBC_6AF0_9C88_C6E3
            var lane2: UInt64 = 0x5899_65CC_7537_4CC3
            var lane3: UInt64 = 0x1D8E_4E27_C47D_124F
            var usedLanes = false
            while offset + 32 <= end {
                let w0 = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                let w1 = raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)
                let w2 = raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)
                let w3 = raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)
                if newlineMask(w0) | newlineMask(w1) | newlineMask(w2) | newlineMask(w3) != 0 { break }
                lane0 = fold(lane0 ^ w0, k0)
                lane1 = fold(lane1 ^ w1, k0)
                lane2 = fold(lane2 ^ w2, k0)
                lane3 = fold(lane3 ^ w3, k0)
                usedLanes = true
                offset += 32
            }
            if usedLanes { h = fold(lane0 ^ k1, lane1 ^ k0) ^ fold(lane2 ^ k0, lane3 ^ k1) }
        }
        var lineEnd = -1
        while offset + 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let mask = newlineMask(word)
            if mask == 0 {
                h = fold(h ^ word ^ k1, k0)
                offset += 8
            } else {
                let kept = (mask.trailingZeroBitCount >> 3) + 1
                let tail = kept == 8 ? word : word & ((1 << UInt64(kept * 8)) - 1)
                h = fold(h ^ tail ^ k1, k0 ^ 0x5555)
                lineEnd = offset + kept
                break
            }
        }
        if lineEnd < 0 {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < end {
                let byte = base[offset]
                tail |= UInt64(byte) << shift
                shift += 8
                offset += 1
                if byte == 0x0A { break }
            }
            if shift > 0 { h = fold(h ^ tail ^ k1, k0 ^ 0x5555) }
            lineEnd = offset
        }
        return (lineEnd, fold(h ^ UInt64(truncatingIfNeeded: lineEnd - start) ^ k0, k1))
    }
}
