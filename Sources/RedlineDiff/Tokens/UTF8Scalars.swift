/// Small helpers for walking valid UTF-8 bytes one scalar at a time.
enum UTF8Scalars {
    /// The scalar starting at `position` and its encoded length. The text must be valid UTF-8.
    @inline(__always)
    static func decode(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> (Unicode.Scalar, Int) {
        let lead = text[position]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        var value: UInt32
        if lead < 0xE0 {
            length = 2
            value = UInt32(lead & 0x1F)
        } else if lead < 0xF0 {
            length = 3
            value = UInt32(lead & 0x0F)
        } else {
            length = 4
            value = UInt32(lead & 0x07)
        }
        let available = Swift.min(length, text.count - position)
        for k in 1..<Swift.max(available, 1) {
            value = (value << 6) | UInt32(text[position + k] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", Swift.max(available, 1))
    }

    /// Whitespace, including the no-break and typographic spaces news sites use.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: true
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Scalars that never start a grapheme cluster of their own: marks, joiners, selectors, modifiers.
    @inline(__always)
    static func isExtending(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200C, 0x200D, 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F, 0xE0100...0xE01EF: return true
        default:
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }
    }

    /// Letters and digits of any script: the stuff of words.
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return isExtending(scalar) && scalar.value != 0x200D
        }
    }
}
