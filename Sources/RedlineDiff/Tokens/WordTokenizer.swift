/// Splits text into words, whitespace runs and punctuation marks.
///
/// - A word is a run of letters, digits and combining marks of any script; an apostrophe
///   (`'` or `’`) between letters stays inside it ("don't", "O’Neill"), and so do `.` and `,`
///   between digits ("5,000,000", "3.5").
/// - A run of whitespace (spaces, tabs, line breaks, no-break spaces) is one token.
/// - Anything else is one token per grapheme cluster: "—", "“", "👩🏽‍⚕️".
///
/// The rules look only at the characters next to a boundary, so tokenizing any sub-range that
/// starts and ends on token boundaries gives the same tokens.
enum WordTokenizer {
    static func tokenize(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into bounds: inout [Int]) {
        var position = range.lowerBound
        let end = range.upperBound
        while position < end {
            position = tokenEnd(text, from: position, end: end)
            bounds.append(position)
        }
    }

    private enum Class {
        case word
        case space
        case other
    }

    @inline(__always)
    private static func asciiClass(_ byte: UInt8) -> Class {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            .word
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: .space
        default: .other
        }
    }

    @inline(__always)
    private static func classify(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> (Class, Int, Unicode.Scalar) {
        let byte = text[position]
        if byte < 0x80 { return (asciiClass(byte), 1, Unicode.Scalar(byte)) }
        let (scalar, length) = UTF8Scalars.decode(text, at: position)
        if UTF8Scalars.isSpace(scalar) { return (.space, length, scalar) }
        if UTF8Scalars.isWordScalar(scalar) { return (.word, length, scalar) }
        return (.other, length, scalar)
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    static func tokenEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        let first = text[start]
        if first < 0x80 && asciiClass(first) == .other && (start + 1 == end || text[start + 1] < 0x80) {
            // ASCII punctuation before ASCII: one byte, one cluster (CR LF aside, which is space).
            return start + 1
        }
        let (kind, length, _) = classify(text, at: start)
        var position = start + length
        switch kind {
        case .space:
            while position < end {
                let (next, nextLength, _) = classify(text, at: position)
                guard next == .space else { break }
                position += nextLength
            }
        case .word:
            while position < end {
                let byte = text[position]
                if byte < 0x80 {
                    if asciiClass(byte) == .word {
                        position += 1
                        continue
                    }
                    // "don't", "5,000", "3.5": a joiner between two word characters.
                    if byte == UInt8(ascii: "'") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") {
                        guard position + 1 < end else { break }
                        if byte == UInt8(ascii: "'") {
                            guard classify(text, at: position + 1).0 == .word else { break }
                        } else {
                            guard isDigit(text[position - 1]), isDigit(text[position + 1]) else { break }
                        }
                        position += 1
                        continue
                    }
                    break
                }
                let (next, nextLength, scalar) = classify(text, at: position)
                if next == .word || UTF8Scalars.isExtending(scalar) {
                    position += nextLength
                    continue
                }
                if scalar == "\u{2019}", position + nextLength < end,
                    classify(text, at: position + nextLength).0 == .word
                {
                    position += nextLength
                    continue
                }
                break
            }
        case .other:
            position = GraphemeTokenizer.clusterEnd(text, from: start, firstLength: length, end: end)
        }
        return position
    }
}
