import CICUCharset

/// Which encoding a page or text is in: decided once, before parsing, the way browsers decide
/// (WHATWG "encoding sniffing") with one addition for archived pages.
///
/// 1. A byte-order mark.
/// 2. The transport's charset (the HTTP `Content-Type` header).
/// 3. A `<meta charset>` or `<meta http-equiv="Content-Type">` found by a prescan of the page's
///    first 64 KiB (comments and scripts skipped), wherever it sits in the head.
/// 4. Otherwise the bytes themselves: UTF-8 when they read as UTF-8, else ICU's detector, else
///    windows-1252.
///
/// The addition: crawlers and archives re-encode pages to UTF-8 and keep the old
/// `<meta charset=windows-1251>`. Valid multi-byte UTF-8 is almost never an accident in a legacy
/// encoding, so when the bytes read as UTF-8 (a stray invalid byte in a long UTF-8 page
/// included) UTF-8 wins over a legacy declaration; and a page declared UTF-8 whose bytes are
/// mostly not UTF-8 falls through to the next source. ``Decision/source`` says which rule decided.
public enum Charset {
    /// What decided the encoding (``EncodingSource``, in `RedlineArticle` with the article it describes).
    public typealias Source = EncodingSource

    /// The encoding chosen for a page, and why.
    public struct Decision: Sendable, Equatable {
        /// The encoding's WHATWG name (`UTF-8`, `windows-1251`, `Shift_JIS`).
        public var name: String { encoding.name }
        /// What decided it.
        public let source: Source
        /// The label the page or transport declared, when there was one (`cp1251`, `x-sjis`).
        public let declared: String?
        let encoding: EncodingLabel.Encoding
        /// Bytes of a byte-order mark to skip.
        let skip: Int
    }

    /// How much of a page the meta prescan reads.
    static let prescanLimit = 64 << 10

    /// Decides the encoding of `bytes`: a page when `markup` (its metas are read), plain text
    /// otherwise. `transport` is the `Content-Type` header's value when the bytes were fetched.
    static func decide(_ bytes: UnsafeRawBufferPointer, transport: String?, markup: Bool) -> Decision {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decision(source: .byteOrderMark, declared: nil, encoding: .utf8, skip: 3)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return Decision(source: .byteOrderMark, declared: nil, encoding: .utf16LE, skip: 2)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return Decision(source: .byteOrderMark, declared: nil, encoding: .utf16BE, skip: 2)
        }
        let profile = UTF8Profile(bytes)
        var declarations: [(Source, String)] = []
        if let transport, let label = label(fromContentType: transport) { declarations.append((.transport, label)) }
        if markup, let label = metaCharset(in: bytes) { declarations.append((.meta, label)) }
        for (source, label) in declarations {
            guard var encoding = EncodingLabel.encoding(for: label) else { continue }
            // A page cannot declare UTF-16 inside itself: bytes that let the prescan read the meta are ASCII-compatible.
            if source == .meta && encoding.isUTF16 { encoding = .utf8 }
            if encoding.isUTF8 {
                // Declared UTF-8 but mostly not: the declaration is wrong; try the next source.
                if profile.isMostlyNotUTF8 { continue }
                return Decision(source: source, declared: label, encoding: .utf8, skip: 0)
            }
            if profile.readsAsUTF8 && !encoding.isUTF16 {
                return Decision(source: .utf8OverDeclared, declared: label, encoding: .utf8, skip: 0)
            }
            return Decision(source: source, declared: label, encoding: encoding, skip: 0)
        }
        let declared = declarations.first?.1
        if profile.readsAsUTF8 || profile.multiByte == 0 && profile.invalid == 0 {
            return Decision(source: .utf8Content, declared: declared, encoding: .utf8, skip: 0)
        }
        if let encoding = detect(bytes, markup: markup) {
            return Decision(source: .detected, declared: declared, encoding: encoding, skip: 0)
        }
        return Decision(source: .fallback, declared: declared, encoding: .windows1252, skip: 0)
    }

    /// ICU's guess for bytes that are not UTF-8, when it is confident enough and names an encoding
    /// of the web.
    static func detect(_ bytes: UnsafeRawBufferPointer, markup: Bool) -> EncodingLabel.Encoding? {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        var name = [CChar](repeating: 0, count: 64)
        var confidence: Int32 = 0
        let sample = Int32(min(bytes.count, prescanLimit))
        guard redline_icu_detect(base, sample, markup ? 1 : 0, &name, 64, &confidence) != 0, confidence >= 10 else {
            return nil
        }
        var label = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // ICU cannot tell windows-1255 from ISO-8859-8; the first is a superset of the second's letters.
        if label.hasPrefix("ISO-8859-8") { label = "windows-1255" }
        guard let encoding = EncodingLabel.encoding(for: label), !encoding.isUTF8 else { return nil }
        return encoding
    }

    /// `text/html; charset=ISO-8859-1` → `ISO-8859-1`.
    static func label(fromContentType value: String) -> String? {
        label(afterCharsetIn: Array(value.utf8)[...])
    }

    /// The label after `charset` and `=` in a `Content-Type` value, quotes and spaces skipped.
    private static func label(afterCharsetIn value: ArraySlice<UInt8>) -> String? {
        let needle = Array("charset".utf8)
        var index = value.startIndex
        while index + needle.count <= value.endIndex {
            if !zip(needle, value[index..<index + needle.count]).allSatisfy({ $0 == $1 | 0x20 }) {
                index += 1
                continue
            }
            var position = index + needle.count
            while position < value.endIndex, isSpace(value[position]) { position += 1 }
            guard position < value.endIndex, value[position] == UInt8(ascii: "=") else {
                index = position
                continue
            }
            position += 1
            while position < value.endIndex, isSpace(value[position]) { position += 1 }
            var quote: UInt8?
            if position < value.endIndex, value[position] == 0x22 || value[position] == 0x27 {
                quote = value[position]
                position += 1
            }
            let start = position
            while position < value.endIndex, value[position] != quote, value[position] != UInt8(ascii: ";"),
                quote != nil || !isSpace(value[position])
            {
                position += 1
            }
            let label = value[start..<position]
            return label.isEmpty || label.count > 40 ? nil : String(decoding: label, as: UTF8.self)
        }
        return nil
    }

    /// The label of the first `<meta>` in the page's first 64 KiB that declares a charset: its
    /// `charset` attribute, or the `content` of one with `http-equiv="Content-Type"`. Comments,
    /// scripts and styles are skipped, so a `charset=` inside them is not taken for a declaration.
    static func metaCharset(in bytes: UnsafeRawBufferPointer) -> String? {
        let end = min(bytes.count, prescanLimit)
        var index = 0
        while index < end {
            guard let open = find(UInt8(ascii: "<"), in: bytes, from: index, to: end) else { return nil }
            index = open + 1
            if matches("!--", in: bytes, at: index, end: end) {
                index = find("-->", in: bytes, from: index + 3, to: end).map { $0 + 3 } ?? end
            } else if matches("meta", in: bytes, at: index, end: end), index + 4 < end,
                isSpace(bytes[index + 4]) || bytes[index + 4] == UInt8(ascii: "/")
            {
                let (attributes, next) = Self.attributes(in: bytes, from: index + 4, end: end)
                index = next
                if let charset = attributes["charset"], EncodingLabel.encoding(for: charset) != nil {
                    return charset
                }
                if attributes["http-equiv"]?.lowercased() == "content-type", let content = attributes["content"],
                    let label = label(fromContentType: content), EncodingLabel.encoding(for: label) != nil
                {
                    return label
                }
            } else if matches("script", in: bytes, at: index, end: end)
                || matches("style", in: bytes, at: index, end: end)
            {
                let closing = matches("script", in: bytes, at: index, end: end) ? "</script" : "</style"
                index = find(closing, in: bytes, from: index, to: end) ?? end
            }
        }
        return nil
    }

    /// A tag's attributes (names lower-cased), from just after its name to its `>`.
    private static func attributes(in bytes: UnsafeRawBufferPointer, from start: Int, end: Int) -> (
        [String: String], Int
    ) {
        var attributes: [String: String] = [:]
        var index = start
        while index < end {
            while index < end, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < end, bytes[index] != UInt8(ascii: ">") else { return (attributes, index + 1) }
            let nameStart = index
            while index < end, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="),
                bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/")
            {
                index += 1
            }
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[nameStart..<index]), as: UTF8.self)
                .lowercased()
            while index < end, isSpace(bytes[index]) { index += 1 }
            var value = ""
            if index < end, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < end, isSpace(bytes[index]) { index += 1 }
                if index < end, bytes[index] == 0x22 || bytes[index] == 0x27 {
                    let quote = bytes[index]
                    let valueStart = index + 1
                    index = find(quote, in: bytes, from: valueStart, to: end) ?? end
                    value = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[valueStart..<index]), as: UTF8.self)
                    index += 1
                } else {
                    let valueStart = index
                    while index < end, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[valueStart..<index]), as: UTF8.self)
                }
            }
            if !name.isEmpty, attributes[name] == nil { attributes[name] = value }
        }
        return (attributes, end)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private static func find(_ byte: UInt8, in bytes: UnsafeRawBufferPointer, from: Int, to end: Int) -> Int? {
        var index = from
        while index < end {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    private static func find(_ needle: String, in bytes: UnsafeRawBufferPointer, from: Int, to end: Int) -> Int? {
        guard let first = needle.utf8.first else { return from }
        var index = from
        while let candidate = find(first, in: bytes, from: index, to: end) {
            if matches(needle, in: bytes, at: candidate, end: end) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    /// Whether `bytes` at `index` spell `word`, ASCII case ignored.
    private static func matches(_ word: String, in bytes: UnsafeRawBufferPointer, at index: Int, end: Int) -> Bool {
        guard index + word.utf8.count <= end else { return false }
        var position = index
        for expected in word.utf8 {
            let byte = bytes[position]
            let lowered = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if lowered != expected { return false }
            position += 1
        }
        return true
    }

}
