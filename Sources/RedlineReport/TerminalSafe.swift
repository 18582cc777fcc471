/// Text made safe for a terminal: control characters that could move the cursor, clear the
/// screen, set the window title or hide text (C0 controls but tab and newline, DEL, C1 controls,
/// bidirectional overrides) are shown as visible escapes instead of reaching the terminal raw.
/// An article or an id holding `ESC [ 2 J` prints `^[[2J`, not a cleared screen.
public enum TerminalSafe {
    /// Whether `bytes` hold anything ``escaped(_:keepingNewlines:)`` would change.
    public static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>, keepingNewlines: Bool = true) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte == 0x09 || (byte == 0x0A && keepingNewlines) {
                    index += 1
                    continue
                }
                return true
            }
            if byte == 0x7F { return true }
            if byte >= 0xC2, index + 1 < count, unsafeSequenceLength(bytes, at: index) > 0 { return true }
            index += 1
        }
        return false
    }

    /// `text` with every unsafe character escaped: C0 controls and DEL in caret notation (`^[`,
    /// `^M`, `^?`), a newline as `^J` unless `keepingNewlines`, C1 controls and bidi overrides as
    /// `<U+202E>`. Tabs stay.
    public static func escaped(_ text: String, keepingNewlines: Bool = true) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard needsEscaping(bytes, keepingNewlines: keepingNewlines) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            return String(decoding: escaped(bytes, keepingNewlines: keepingNewlines), as: UTF8.self)
        }
    }

    /// The bytes of ``escaped(_:keepingNewlines:)``.
    public static func escaped(_ bytes: UnsafeBufferPointer<UInt8>, keepingNewlines: Bool = true) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 && byte != 0x09 && !(byte == 0x0A && keepingNewlines) {
                output += [UInt8(ascii: "^"), byte + 0x40]
                index += 1
                continue
            }
            if byte == 0x7F {
                output += [UInt8(ascii: "^"), UInt8(ascii: "?")]
                index += 1
                continue
            }
            let length = byte >= 0xC2 ? unsafeSequenceLength(bytes, at: index) : 0
            if length > 0 {
                let scalar =
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + length]), as: UTF8.self)
                    .unicodeScalars.first.map { $0.value } ?? 0
                output += Array("<U+\(String(scalar, radix: 16, uppercase: true))>".utf8)
                index += length
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    /// The length of the unsafe character (a C1 control, U+0080–U+009F; a bidi override or
    /// isolate, U+202A–U+202E and U+2066–U+2069) starting at `index`, or 0.
    private static func unsafeSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        if lead == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return 2 }
        if lead == 0xE2, index + 2 < bytes.count {
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            if second == 0x80, (0xAA...0xAE).contains(third) { return 3 }
            if second == 0x81, (0xA6...0xA9).contains(third) { return 3 }
        }
        return 0
    }
}

extension ReportOutput {
    /// Appends text from an article or a user, control characters escaped (``TerminalSafe``).
    public mutating func appendSafe(_ text: String) {
        append(TerminalSafe.escaped(text))
    }
}
