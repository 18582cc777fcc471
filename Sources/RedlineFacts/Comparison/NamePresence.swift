#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Answers "does this name occur anywhere in that version?" — by its folded key among the names
/// found there, else by searching the text itself (folded, so "Erdogan" finds "Erdoğan").
final class NamePresence: @unchecked Sendable {
    // @unchecked Sendable: used by one comparison on one thread; the lazy fold is never shared.
    private let sheet: FactSheet
    private var folded: [UInt8]?

    /// Texts larger than this are searched as written only (folding them would cost more than the diff).
    static let foldLimit = 1 << 20

    init(_ sheet: FactSheet) {
        self.sheet = sheet
    }

    /// True when the name occurs in the other version. Unless `exactly`, a person's surname alone
    /// counts ("Herzog" for "Isaac Herzog").
    func contains(_ name: Name, exactly: Bool = false) -> Bool {
        if sheet.nameKeys.contains(name.key) { return true }
        if !exactly && name.kind == .person && name.surface.contains(" ") && sheet.nameKeys.contains(name.lastWordKey) {
            return true
        }
        let raw = Array(name.surface.utf8)
        if Self.search(raw, in: sheet.bytes, wordBounded: true) { return true }
        guard sheet.bytes.count <= Self.foldLimit else { return false }
        if folded == nil { folded = Self.foldWords(sheet.bytes) }
        let needle = Array(Self.foldWords(Array(name.surface.utf8)).drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }.reversed())
        guard !needle.isEmpty, let folded else { return false }
        return Self.search(needle, in: folded, wordBounded: true)
    }

    /// Lower-case, diacritics dropped, every run of non-letters one space; ASCII fast path.
    static func foldWords(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = [0x20]
        result.reserveCapacity(bytes.count + 2)
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte < 0x80 {
                let lower = byte | 0x20
                if (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                    result.append(byte >= 0x41 && byte <= 0x5A ? lower : byte)
                } else if byte == 0x27 {
                    // apostrophes join ("O'Brien")
                } else if result.last != 0x20 {
                    result.append(0x20)
                }
                position += 1
                continue
            }
            let (scalar, length) = Tokenizer.decode(bytes, at: position)
            if Tokenizer.isLetter(scalar) || Tokenizer.isMark(scalar) {
                result.append(contentsOf: Folding.fold(String(scalar)).utf8)
            } else if !Tokenizer.isApostrophe(scalar) && result.last != 0x20 {
                result.append(0x20)
            }
            position += length
        }
        if result.last != 0x20 { result.append(0x20) }
        return result
    }

    /// True when `needle` occurs in `haystack`; with `wordBounded`, not inside a longer word.
    static func search(_ needle: [UInt8], in haystack: [UInt8], wordBounded: Bool) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        return haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                var start = hay.baseAddress!
                var remaining = hay.count
                while remaining >= pin.count {
                    guard let found = Self.find(pin, in: UnsafeRawBufferPointer(start: start, count: remaining)) else {
                        return false
                    }
                    let offset = hay.baseAddress!.distance(to: found)
                    let before = offset == 0 ? 0x20 : hay[offset - 1]
                    let afterIndex = offset + pin.count
                    let after = afterIndex >= hay.count ? 0x20 : hay[afterIndex]
                    if !wordBounded || (!isWordByte(before) && !isWordByte(after)) { return true }
                    start = found + 1
                    remaining = hay.count - offset - 1
                }
                return false
            }
        }
    }

    /// The first occurrence of `needle` in `haystack`: memchr for the first byte, then memcmp.
    private static func find(_ needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer)
        -> UnsafeRawPointer?
    {
        guard let base = haystack.baseAddress, let pin = needle.baseAddress, needle.count > 0 else { return nil }
        let first = Int32(needle[0])
        var position = base
        let end = base + haystack.count
        while end - position >= needle.count {
            guard let hit = memchr(position, first, end - position - needle.count + 1) else { return nil }
            if memcmp(hit, pin, needle.count) == 0 { return UnsafeRawPointer(hit) }
            position = UnsafeRawPointer(hit) + 1
        }
        return nil
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }
}
