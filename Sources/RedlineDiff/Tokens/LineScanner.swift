/// Splits text into lines and hashes each line in the same pass over the bytes.
///
/// Line diffs of large files spend most of their time reading bytes; finding the line breaks and
/// hashing the lines in one pass reads each byte once instead of twice. The hash only needs to be
/// consistent with itself: both sides of a line diff are scanned with it.
enum LineScanner {
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

    /// Line bounds (the range start, then each line's end) and one hash per line.
    ///
    /// - Complexity: O(n), one pass.
    static func scan(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (bounds: [Int], hashes: [UInt64]) {
        var bounds = [range.lowerBound]
        var hashes: [UInt64] = []
        bounds.reserveCapacity(range.count / 64 + 2)
        hashes.reserveCapacity(range.count / 64 + 2)
        guard let base = text.baseAddress else { return (bounds, hashes) }
        let raw = UnsafeRawPointer(base)
        let end = range.upperBound
        var start = range.lowerBound
        while start < end {
            var offset = start
            var h: UInt64 = 0
            var lineEnd = -1
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
            while lineEnd < 0 && offset + 8 <= end {
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
            hashes.append(fold(h ^ UInt64(truncatingIfNeeded: lineEnd - start) ^ k0, k1))
            bounds.append(lineEnd)
            start = lineEnd
        }
        return (bounds, hashes)
    }

    /// Folds each run of blank lines into the paragraph before it, so that a paragraph and the
    /// blank line that separates it from the next one move and compare as one unit.
    static func attachBlankLines(
        _ text: UnsafeBufferPointer<UInt8>, _ scan: (bounds: [Int], hashes: [UInt64])
    ) -> (bounds: [Int], hashes: [UInt64]) {
        var bounds = [scan.bounds[0]]
        var hashes: [UInt64] = []
        bounds.reserveCapacity(scan.bounds.count)
        hashes.reserveCapacity(scan.hashes.count)
        for k in scan.hashes.indices {
            let range = scan.bounds[k]..<scan.bounds[k + 1]
            let blank = range.allSatisfy { BoundaryScore.isSpace(text[$0]) }
            if blank && !hashes.isEmpty {
                bounds[bounds.count - 1] = range.upperBound
                hashes[hashes.count - 1] = fold(hashes[hashes.count - 1] ^ scan.hashes[k], k1)
            } else {
                bounds.append(range.upperBound)
                hashes.append(scan.hashes[k])
            }
        }
        return (bounds, hashes)
    }
}
