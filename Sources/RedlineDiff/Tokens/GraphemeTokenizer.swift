/// Splits text into extended grapheme clusters, as Swift's `Character` does.
///
/// ASCII takes a fast path (every byte is a cluster, except CR LF); any run containing other
/// scalars is handed to the standard library's Unicode-correct segmentation.
enum GraphemeTokenizer {
    static func tokenize(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into bounds: inout [Int]) {
        var position = range.lowerBound
        let end = range.upperBound
        while position < end {
            let byte = text[position]
            if byte < 0x80 {
                // An ASCII byte is a cluster on its own unless a non-ASCII extender follows it.
                let next = position + 1
                if next < end && text[next] >= 0x80 {
                    position = segmentNonASCII(text, from: position, end: end, into: &bounds)
                    continue
                }
                if byte == 0x0D && next < end && text[next] == 0x0A {
                    position += 2
                } else {
                    position += 1
                }
                bounds.append(position)
            } else {
                position = segmentNonASCII(text, from: position, end: end, into: &bounds)
            }
        }
    }

    /// Segments from `start` up to the next ASCII byte that begins a cluster, using `Character`.
    private static func segmentNonASCII(
        _ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, into bounds: inout [Int]
    ) -> Int {
        // Stop between two ASCII bytes (other than CR LF): that is always a cluster boundary.
        var stop = start + 1
        while stop < end {
            let here = text[stop]
            let before = text[stop - 1]
            if here < 0x80 && before < 0x80 && !(before == 0x0D && here == 0x0A) { break }
            stop += 1
        }
        let slice = UnsafeBufferPointer(rebasing: text[start..<stop])
        let string = String(decoding: slice, as: UTF8.self)
        var position = start
        for character in string {
            position += character.utf8.count
            bounds.append(position)
        }
        return position
    }

    /// The end of the cluster starting at `start` whose first scalar is `firstLength` bytes long.
    static func clusterEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int, firstLength: Int, end: Int) -> Int {
        var position = start + firstLength
        let (first, _) = UTF8Scalars.decode(text, at: start)
        var afterJoiner = false
        var regionalIndicators = (0x1F1E6...0x1F1FF).contains(first.value) ? 1 : 0
        while position < end {
            let byte = text[position]
            if byte < 0x80 { break }
            let (scalar, length) = UTF8Scalars.decode(text, at: position)
            if afterJoiner || UTF8Scalars.isExtending(scalar) {
                afterJoiner = scalar.value == 0x200D
                position += length
                continue
            }
            if regionalIndicators == 1 && (0x1F1E6...0x1F1FF).contains(scalar.value) {
                regionalIndicators = 2
                position += length
                continue
            }
            break
        }
        return position
    }
}
