/// The unit a diff compares.
public enum Granularity: String, CaseIterable, Sendable, Codable {
    /// Lines; in Redline's texts one paragraph is one line.
    case paragraph
    /// Sentences, each with the whitespace that follows it; a line break always ends one.
    case sentence
    /// Words, runs of whitespace, and single punctuation marks, as separate tokens.
    case word
    /// Extended grapheme clusters: what a reader sees as one character.
    case character
}

extension Granularity {
    /// Splits `text[range]` into contiguous tokens, appending each token's end offset to `bounds`.
    ///
    /// Tokens cover the range exactly, so concatenating them rebuilds the text.
    /// - Complexity: O(n) in the length of the range.
    func tokenize(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into bounds: inout [Int]) {
        switch self {
        case .paragraph: LineTokenizer.tokenize(text, range, into: &bounds)
        case .sentence: SentenceTokenizer.tokenize(text, range, into: &bounds)
        case .word: WordTokenizer.tokenize(text, range, into: &bounds)
        case .character: GraphemeTokenizer.tokenize(text, range, into: &bounds)
        }
    }

    /// The token boundaries of `text[range]`: the range's start, then the end of every token.
    func bounds(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Int] {
        var bounds = [range.lowerBound]
        bounds.reserveCapacity(range.count / expectedTokenLength + 2)
        tokenize(text, range, into: &bounds)
        return bounds
    }

    private var expectedTokenLength: Int {
        switch self {
        case .paragraph: 200
        case .sentence: 60
        case .word: 3
        case .character: 1
        }
    }
}

/// Public entry point for splitting a string into tokens, for users and tests.
extension Granularity {
    /// The tokens of `text` at this granularity; joined, they give back `text`.
    public func tokens(of text: String) -> [Substring] {
        var text = text
        text.makeContiguousUTF8()
        let bounds: [Int] = text.utf8.withContiguousStorageIfAvailable { buffer in
            self.bounds(buffer, 0..<buffer.count)
        } ?? self.bounds(Array(text.utf8))
        let utf8 = text.utf8
        var result: [Substring] = []
        result.reserveCapacity(bounds.count - 1)
        for k in 0..<(bounds.count - 1) {
            let lower = utf8.index(utf8.startIndex, offsetBy: bounds[k])
            let upper = utf8.index(utf8.startIndex, offsetBy: bounds[k + 1])
            result.append(text[lower..<upper])
        }
        return result
    }

    func bounds(_ bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBufferPointer { bounds($0, 0..<$0.count) }
    }
}

/// Lines, each with its terminating `\n` (the last may have none).
enum LineTokenizer {
    static func tokenize(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into bounds: inout [Int]) {
        guard let base = text.baseAddress, !range.isEmpty else { return }
        var position = range.lowerBound
        let end = range.upperBound
        while position < end {
            if let hit = memchrNewline(base + position, end - position) {
                position = base.distance(to: hit) + 1
            } else {
                position = end
            }
            bounds.append(position)
        }
    }

    @inline(__always)
    static func memchrNewline(_ start: UnsafePointer<UInt8>, _ count: Int) -> UnsafePointer<UInt8>? {
        // The standard library has no memchr; scan eight bytes at a time with the classic bit trick.
        var p = start
        var remaining = count
        while remaining >= 8 {
            let word = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            let found = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
            if found != 0 {
                return p + (found.trailingZeroBitCount >> 3)
            }
            p += 8
            remaining -= 8
        }
        while remaining > 0 {
            if p.pointee == 0x0A { return p }
            p += 1
            remaining -= 1
        }
        return nil
    }
}
