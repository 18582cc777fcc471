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

    /// The number of tokens in `text[range]`, without storing their bounds.
    func tokenCount(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard self == .word else { return bounds(text, range).count - 1 }
        var count = 0
        var position = range.lowerBound
        while position < range.upperBound {
            position = WordTokenizer.tokenEnd(text, from: position, end: range.upperBound)
            count += 1
        }
        return count
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
        let bounds: [Int] =
            text.utf8.withContiguousStorageIfAvailable { buffer in
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
        // The standard library has no memchr: test 32 bytes per step with the has-zero-byte trick
        // on four 64-bit words, then find the exact byte in the 8-byte loop below.
        var p = start
        var remaining = count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        while remaining >= 32 {
            let raw = UnsafeRawPointer(p)
            let w0 = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self) ^ newlines
            let w1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) ^ newlines
            let w2 = raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self) ^ newlines
            let w3 = raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self) ^ newlines
            let found =
                ((w0 &- ones) & ~w0) | ((w1 &- ones) & ~w1) | ((w2 &- ones) & ~w2) | ((w3 &- ones) & ~w3)
            if found & highs != 0 { break }
            p += 32
            remaining -= 32
        }
        while remaining >= 8 {
            let word = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) ^ newlines
            let found = (word &- ones) & ~word & highs
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
