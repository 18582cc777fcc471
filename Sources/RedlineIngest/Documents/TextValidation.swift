/// Fast checks that bytes are text: no NUL byte, and valid UTF-8.
enum TextValidation {
    enum Problem: Equatable {
        case nul(offset: Int)
        case invalidUTF8(offset: Int, byte: UInt8)
    }

    /// The first problem in `bytes`, or nil for valid UTF-8 text.
    ///
    /// ASCII is checked eight bytes at a time; other sequences are decoded one by one.
    /// - Complexity: O(n).
    static func firstProblem(in buffer: UnsafeBufferPointer<UInt8>) -> Problem? {
        do {
            guard let base = buffer.baseAddress else { return nil }
            let count = buffer.count
            var i = 0
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while i < count {
                if i + 32 <= count {
                    // 32 bytes per step: no high bit (all ASCII) and no zero byte in any of four words.
                    let raw = UnsafeRawPointer(base + i)
                    let w0 = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
                    let w1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    let w2 = raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
                    let w3 = raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                    let high = (w0 | w1 | w2 | w3) & highs
                    let zero = ((w0 &- ones) & ~w0) | ((w1 &- ones) & ~w1) | ((w2 &- ones) & ~w2) | ((w3 &- ones) & ~w3)
                    if high == 0 && zero & highs == 0 {
                        i += 32
                        continue
                    }
                }
                if i + 8 <= count {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    let hasHigh = word & 0x8080_8080_8080_8080
                    let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                    if hasHigh == 0 && hasZero == 0 {
                        i += 8
                        continue
                    }
                }
                let byte = base[i]
                if byte == 0 { return .nul(offset: i) }
                if byte < 0x80 {
                    i += 1
                    continue
                }
                let length: Int
                var minimum: UInt32
                var scalar: UInt32
                switch byte {
                case 0xC2...0xDF:
                    length = 2
                    minimum = 0x80
                    scalar = UInt32(byte & 0x1F)
                case 0xE0...0xEF:
                    length = 3
                    minimum = 0x800
                    scalar = UInt32(byte & 0x0F)
                case 0xF0...0xF4:
                    length = 4
                    minimum = 0x10000
                    scalar = UInt32(byte & 0x07)
                default: return .invalidUTF8(offset: i, byte: byte)
                }
                guard i + length <= count else { return .invalidUTF8(offset: i, byte: byte) }
                for k in 1..<length {
                    let next = base[i + k]
                    guard next & 0xC0 == 0x80 else { return .invalidUTF8(offset: i, byte: byte) }
                    scalar = (scalar << 6) | UInt32(next & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                    return .invalidUTF8(offset: i, byte: byte)
                }
                i += length
            }
            return nil
        }
    }
}
