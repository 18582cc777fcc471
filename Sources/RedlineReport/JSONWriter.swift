/// A small streaming JSON writer that keeps keys in the order they are written, so reports read
/// top-down the way the schema documents them.
struct JSONWriter {
    private(set) var output: [UInt8] = []
    private var needsComma: [Bool] = [false]

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { output.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    mutating func beginObject(_ key: String? = nil) {
        if let key { self.key(key) } else { separator() }
        output.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    mutating func endObject() {
        needsComma.removeLast()
        output.append(UInt8(ascii: "}"))
    }

    mutating func beginArray(_ key: String? = nil) {
        if let key { self.key(key) } else { separator() }
        output.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    mutating func endArray() {
        needsComma.removeLast()
        output.append(UInt8(ascii: "]"))
    }

    private mutating func key(_ key: String) {
        separator()
        appendString(key.utf8)
        output.append(UInt8(ascii: ":"))
        needsComma[needsComma.count - 1] = true
    }

    mutating func field(_ key: String, _ value: String?) {
        self.key(key)
        if let value { appendString(value.utf8) } else { output.append(contentsOf: "null".utf8) }
    }

    mutating func field(_ key: String, _ value: Int?) {
        self.key(key)
        output.append(contentsOf: (value.map(String.init) ?? "null").utf8)
    }

    mutating func field(_ key: String, _ value: Bool) {
        self.key(key)
        output.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// A string field whose value is raw UTF-8 bytes.
    mutating func field<C: Collection>(_ key: String, bytes: C) where C.Element == UInt8 {
        self.key(key)
        appendString(bytes)
    }

    mutating func value(_ number: Int) {
        separator()
        output.append(contentsOf: String(number).utf8)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendString<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        output.append(UInt8(ascii: "\""))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20, 0x7F:
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(Self.hex[Int(byte >> 4)])
                output.append(Self.hex[Int(byte & 0xF)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
