import CLibXML2

/// Which encoding a page is in: a byte-order mark, then the HTTP header's charset, then
/// `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 4 KiB, then UTF-8 if the
/// bytes are valid UTF-8 and windows-1252 if not. Labels are read as browsers read them
/// (WHATWG): ISO-8859-1, Latin-1 and US-ASCII pages are decoded as windows-1252.
enum Charset {
    /// The encoding name to give libxml2, and the length of the byte-order mark to skip.
    static func detect(_ bytes: UnsafeRawBufferPointer, http: String?) -> (encoding: String, skip: Int) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        let declared = http.flatMap(label(fromContentType:)) ?? metaCharset(in: bytes)
        if let declared, let name = normalised(declared), name != "UTF-8", isKnown(name) { return (name, 0) }
        return (isValidUTF8(bytes) ? "UTF-8" : "windows-1252", 0)
    }

    /// `text/html; charset=ISO-8859-1` → `ISO-8859-1`.
    static func label(fromContentType value: String) -> String? {
        guard let range = value.range(of: "charset=", options: .caseInsensitive) else { return nil }
        let rest = value[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let label = rest.prefix { !($0 == "\"" || $0 == "'" || $0 == ";" || $0 == " ") }
        return label.isEmpty ? nil : String(label)
    }

    /// The label after the first `charset` in the page's first 4 KiB (in `<meta charset=…>` or
    /// a `Content-Type` meta's `content`).
    static func metaCharset(in bytes: UnsafeRawBufferPointer) -> String? {
        let head = bytes.prefix(4096)
        let needle = Array("charset".utf8)
        var index = head.startIndex
        while index + needle.count < head.endIndex {
            var matches = true
            for (offset, expected) in needle.enumerated() where head[index + offset] | 0x20 != expected {
                matches = false
                break
            }
            if matches {
                var position = index + needle.count
                while position < head.endIndex, head[position] == 0x20 { position += 1 }
                if position < head.endIndex, head[position] == UInt8(ascii: "=") {
                    position += 1
                    while position < head.endIndex, [0x20, 0x22, 0x27].contains(head[position]) { position += 1 }
                    var label: [UInt8] = []
                    while position < head.endIndex, isLabelByte(head[position]), label.count < 40 {
                        label.append(head[position])
                        position += 1
                    }
                    if !label.isEmpty { return String(decoding: label, as: UTF8.self) }
                }
            }
            index += 1
        }
        return nil
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2D
            || byte == 0x5F || byte == 0x3A || byte == 0x2E
    }

    /// A label as libxml2 (iconv) knows it, the WHATWG way; nil for UTF-16 declared inside a page
    /// read as bytes (a page that says so without a byte-order mark is really ASCII-compatible).
    static func normalised(_ label: String) -> String? {
        switch label.lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252",
            "x-cp1252", "iso_8859-1", "cp819", "ibm819":
            return "windows-1252"
        case "utf-16", "utf-16le", "utf-16be", "unicode": return nil
        case let other: return other.uppercased()
        }
    }

    /// Whether libxml2 can decode this encoding.
    static func isKnown(_ name: String) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    /// Whether the bytes are well-formed UTF-8 (ASCII runs checked eight bytes at a time).
    static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            if index + 8 <= count,
                bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return false
            }
            guard index + length <= count else { return false }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
            if lead == 0xE0 && bytes[index + 1] < 0xA0 { return false }
            if lead == 0xED && bytes[index + 1] > 0x9F { return false }
            if lead == 0xF0 && bytes[index + 1] < 0x90 { return false }
            if lead == 0xF4 && bytes[index + 1] > 0x8F { return false }
            index += length
        }
        return true
    }
}
