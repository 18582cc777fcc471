/// How far some bytes read as UTF-8: well-formed multi-byte sequences and invalid bytes, counted
/// in one pass (ASCII runs eight bytes at a time).
struct UTF8Profile {
    /// Well-formed sequences of two to four bytes.
    private(set) var multiByte = 0
    /// Bytes that start no well-formed sequence (each maximal ill-formed part counted once).
    private(set) var invalid = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        while index < count {
            if index + 8 <= count,
                bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
                continue
            }
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let length = Self.sequenceLength(bytes, at: index)
            if length > 0 {
                multiByte += 1
                index += length
            } else {
                invalid += 1
                index += max(1, Self.illFormedLength(bytes, at: index))
            }
        }
    }

    /// UTF-8 beyond reasonable doubt: no invalid byte at all, or a few stray ones in long UTF-8
    /// text (at most one per ten well-formed sequences).
    var readsAsUTF8: Bool {
        multiByte > 0 && invalid * 10 <= multiByte
    }

    /// More invalid bytes than well-formed sequences: a legacy encoding, whatever was declared.
    var isMostlyNotUTF8: Bool {
        invalid > 0 && invalid >= multiByte
    }

    /// The length of the well-formed sequence at `index` (2–4), or 0.
    static func sequenceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        let second = bytes[index + 1]
        guard second >= low && second <= high else { return 0 }
        for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }

    /// The maximal ill-formed part at `index` (what one U+FFFD replaces, as the Unicode
    /// standard and WHATWG's decoder count): a lead byte with the continuation bytes that fit it.
    static func illFormedLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        let lead = bytes[index]
        let expected: Int
        switch lead {
        case 0xC2...0xDF: expected = 2
        case 0xE0...0xEF: expected = 3
        case 0xF0...0xF4: expected = 4
        default: return 1
        }
        var length = 1
        while length < expected, index + length < bytes.count {
            let byte = bytes[index + length]
            let fits: Bool
            if length == 1 {
                switch lead {
                case 0xE0: fits = byte >= 0xA0 && byte <= 0xBF
                case 0xED: fits = byte >= 0x80 && byte <= 0x9F
                case 0xF0: fits = byte >= 0x90 && byte <= 0xBF
                case 0xF4: fits = byte >= 0x80 && byte <= 0x8F
                default: fits = byte & 0xC0 == 0x80
                }
            } else {
                fits = byte & 0xC0 == 0x80
            }
            if !fits { break }
            length += 1
        }
        return length
    }
}
