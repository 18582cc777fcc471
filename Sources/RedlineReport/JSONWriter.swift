import RedlineDiff

/// A small streaming JSON writer that keeps keys in the order they are written, so reports read
/// top-down the way the schema documents them.
struct JSONWriter {
    var output: ReportOutput
    private var needsComma: [Bool] = [false]

    init(output: ReportOutput) {
        self.output = output
    }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { output.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    mutating func beginObject(_ key: String? = nil) { open(UInt8(ascii: "{"), key) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray(_ key: String? = nil) { open(UInt8(ascii: "["), key) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8, _ key: String?) {
        if let key { self.key(key) } else { separator() }
        output.append(bracket)
        needsComma.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        needsComma.removeLast()
        output.append(bracket)
    }

    private mutating func key(_ key: String) {
        separator()
        appendString(key)
        output.append(UInt8(ascii: ":"))
        needsComma[needsComma.count - 1] = true
    }

    mutating func field(_ key: String, _ value: String?) {
        self.key(key)
        if let value { appendString(value) } else { output.append("null") }
    }

    mutating func field(_ key: String, _ value: Int?) {
        self.key(key)
        output.append(value.map(String.init) ?? "null")
    }

    mutating func field(_ key: String, _ value: Double?) {
        self.key(key)
        output.append(value.map(Self.format) ?? "null")
    }

    /// Whole numbers without a fraction ("5000000", not "5000000.0").
    static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 9e15 { return String(Int64(value)) }
        return value.isFinite ? String(value) : "null"
    }

    mutating func value(_ string: String) {
        separator()
        appendString(string)
    }

    mutating func field(_ key: String, _ value: Bool) {
        self.key(key)
        output.append(value ? "true" : "false")
    }

    /// A string field whose value is `text[range]`.
    mutating func field(_ key: String, _ text: TextBytes, _ range: Range<Int>) {
        self.key(key)
        text.withBytes { appendString(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    mutating func value(_ number: Int) {
        separator()
        output.append(String(number))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendString(_ string: String) {
        var string = string
        string.withUTF8 { appendString($0) }
    }

    /// Appends `bytes` as a JSON string: runs that need no escaping are copied whole. Besides
    /// what JSON requires, U+2028 and U+2029 (line breaks to JavaScript) are written `\u2028` and
    /// `\u2029`, and `</` as `<\/`, so the JSON stays inert inside an HTML `<script>` element.
    private mutating func appendString(_ bytes: UnsafeBufferPointer<UInt8>) {
        output.append(UInt8(ascii: "\""))
        ByteRewriting.rewrite(bytes, keep: { output.append(bytes, $0) }, write: { output.append($0) }) { index in
            switch bytes[index] {
            case UInt8(ascii: "\""): ("\\\"", 1)
            case UInt8(ascii: "\\"): ("\\\\", 1)
            case 0x0A: ("\\n", 1)
            case 0x0D: ("\\r", 1)
            case 0x09: ("\\t", 1)
            case let byte where byte < 0x20 || byte == 0x7F:
                (
                    "\\u00" + String(UnicodeScalar(Self.hex[Int(byte >> 4)]))
                        + String(UnicodeScalar(Self.hex[Int(byte & 0xF)])), 1
                )
            case UInt8(ascii: "/") where index > 0 && bytes[index - 1] == UInt8(ascii: "<"): ("\\/", 1)
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] | 1) == 0xA9:
                (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", 3)
            default: nil
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
