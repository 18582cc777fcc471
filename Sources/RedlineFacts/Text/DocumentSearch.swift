#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Questions about a whole document answered by searching its bytes, so that only the
/// sentences that changed need full analysis: is this word used in lower case, is it
/// capitalised inside a sentence, what full name does this surname belong to, does this name
/// occur at all (folded, so "Erdogan" finds "Erdoğan").
final class DocumentSearch: @unchecked Sendable {
    // @unchecked Sendable: built and used by one comparison on one thread; the caches are never shared.
    let bytes: [UInt8]
    /// Where the searched part starts (after the headline, for "does the body say so").
    let start: Int
    private var folded: [UInt8]?
    private var joined: [UInt8]?
    private var ordinary: [String: Bool] = [:]
    private var capitalised: [String: Bool] = [:]
    private var fullNames: [String: String?] = [:]

    /// Texts larger than this are answered from a word index built in one pass, not by a scan
    /// per question.
    static let indexThreshold = 1 << 16

    /// Hashes of the words of a large text: lower-case words, words capitalised inside a
    /// sentence, and folded words and word pairs (for names).
    private struct WordIndex {
        var lowerCase = Set<UInt64>()
        var capitalisedInside = Set<UInt64>()
        var folded = Set<UInt64>()
        var foldedPairs = Set<UInt64>()
    }
    private var index: WordIndex?

    private var isLarge: Bool { bytes.count - start > Self.indexThreshold }

    private static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0100_0000_01b3 }
        return h
    }

    private static func pair(_ a: UInt64, _ b: UInt64) -> UInt64 { (a &* 31) ^ (b >> 7) ^ (b << 13) }

    private func wordIndex() -> WordIndex {
        if let index { return index }
        var built = WordIndex()
        var k = start
        var previousFolded: UInt64?
        var sentenceStart = true
        while k < bytes.count {
            let byte = bytes[k]
            guard Self.isWordByte(byte) else {
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == 0x0A
                    || byte == UInt8(ascii: "\"")
                {
                    sentenceStart = true
                }
                if byte != 0x20 && byte != UInt8(ascii: "-") && byte != 0x27 { previousFolded = nil }
                k += 1
                continue
            }
            var end = k
            while end < bytes.count && (Self.isWordByte(bytes[end]) || bytes[end] == 0x27) { end += 1 }
            let word = bytes[k..<end]
            let first = word.first!
            if first >= 0x61 && first <= 0x7A && word.allSatisfy({ !($0 >= 0x41 && $0 <= 0x5A) }) {
                built.lowerCase.insert(Self.hash(word))
            } else if first >= 0x41 && first <= 0x5A && !sentenceStart {
                built.capitalisedInside.insert(Self.hash(word))
            }
            let key: UInt64
            if word.allSatisfy({ $0 < 0x80 }) {
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in word where byte != 0x27 {
                    let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    h = (h ^ UInt64(lower)) &* 0x0100_0000_01b3
                }
                key = h
            } else {
                key = Self.hash(Self.foldWords(Array(word)).filter { $0 != 0x20 })
            }
            built.folded.insert(key)
            if let previousFolded { built.foldedPairs.insert(Self.pair(previousFolded, key)) }
            previousFolded = key
            sentenceStart = false
            k = end
        }
        index = built
        return built
    }

    /// Texts larger than this are searched as written only (folding them costs more than the diff).
    static let foldLimit = 1 << 20

    init(_ bytes: [UInt8], from start: Int = 0) {
        self.bytes = bytes
        self.start = start
    }

    /// True when the document uses `word` (lower case) as a word in lower case.
    func usesInLowerCase(_ word: String) -> Bool {
        if isLarge { return wordIndex().lowerCase.contains(Self.hash(word.utf8)) }
        if let known = ordinary[word] { return known }
        let found = Self.search(Array(word.utf8), in: bytes, from: start, wordBounded: true)
        ordinary[word] = found
        return found
    }

    /// True when the document writes `word` capitalised somewhere other than a sentence's start.
    func capitalisesInside(_ word: String) -> Bool {
        if isLarge { return wordIndex().capitalisedInside.contains(Self.hash(word.utf8)) }
        if let known = capitalised[word] { return known }
        var found = false
        Self.forEachHit(Array(word.utf8), in: bytes, from: start) { offset in
            var k = offset - 1
            while k >= 0 && (bytes[k] == 0x20 || bytes[k] == 0x09) { k -= 1 }
            guard k >= 0, k < offset - 1 else { return true }  // start of text, or no space before
            let before = bytes[k]
            let lower = before | 0x20
            // After a lower-case letter, a digit or a comma, the capital is the word's own.
            if (lower >= 0x61 && lower <= 0x7A && before >= 0x61) || (before >= 0x30 && before <= 0x39)
                || before == UInt8(ascii: ",") || before == UInt8(ascii: "(") || before >= 0x80
            {
                found = true
                return false
            }
            // After another capitalised word ("President Herzog"), too.
            if before >= 0x41 && before <= 0x5A {
                found = true
                return false
            }
            return true
        }
        capitalised[word] = found
        return found
    }

    /// The fuller name a single capitalised word belongs to in this document: "Isaac Herzog" for
    /// "Herzog" — the word preceded by one or two capitalised words (titles skipped).
    func fullName(of word: String) -> String? {
        if isLarge { return nil }
        if let known = fullNames[word] { return known }
        var result: String?
        let needle = Array(word.utf8)
        Self.forEachHit(needle, in: bytes, from: start) { offset in
            var words: [String] = []
            var end = offset - 1
            for _ in 0..<2 {
                guard end > 0, bytes[end] == 0x20 else { break }
                var start = end
                while start > 0 && Self.isWordByte(bytes[start - 1]) { start -= 1 }
                guard start < end else { break }
                let candidate = String(decoding: bytes[start..<end], as: UTF8.self)
                guard let first = candidate.unicodeScalars.first, first.properties.isUppercase,
                    !Lexicon.titles.contains(candidate.lowercased()), !Lexicon.commonWords.contains(candidate.lowercased()),
                    !Lexicon.demonyms.contains(candidate.lowercased())
                else { break }
                words.insert(candidate, at: 0)
                end = start - 1
            }
            guard !words.isEmpty else { return true }
            result = (words + [word]).joined(separator: " ")
            return false
        }
        fullNames[word] = .some(result)
        return result
    }

    /// True when `surface` occurs in the document, as written, folded, or with spacing dropped.
    func contains(_ surface: String) -> Bool {
        let raw = Array(surface.utf8)
        if isLarge {
            let words = Self.foldWords(raw).split(separator: 0x20).map { Self.hash($0) }
            let index = wordIndex()
            guard !words.isEmpty, words.allSatisfy(index.folded.contains) else { return false }
            return zip(words, words.dropFirst()).allSatisfy { index.foldedPairs.contains(Self.pair($0, $1)) }
        }
        if Self.search(raw, in: bytes, from: start, wordBounded: true) { return true }
        guard bytes.count <= Self.foldLimit else { return false }
        if folded == nil { folded = Self.foldWords(Array(bytes[start...])) }
        let needle = Array(Self.foldWords(raw).drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }.reversed())
        guard !needle.isEmpty, let folded else { return false }
        if Self.search(needle, in: folded, wordBounded: true) { return true }
        // "Exxon Mobil" / "ExxonMobil": long enough keys are also looked for with spaces dropped.
        let key = needle.filter { $0 != 0x20 }
        guard key.count >= 6 else { return false }
        if joined == nil { joined = folded.filter { $0 != 0x20 } }
        return Self.search(key, in: joined!, wordBounded: false)
    }

    // MARK: Byte search

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
    static func search(_ needle: [UInt8], in haystack: [UInt8], from start: Int = 0, wordBounded: Bool) -> Bool {
        var found = false
        forEachHit(needle, in: haystack, from: start) { offset in
            let before = offset == 0 ? 0x20 : haystack[offset - 1]
            let afterIndex = offset + needle.count
            let after = afterIndex >= haystack.count ? 0x20 : haystack[afterIndex]
            if !wordBounded || (!isWordByte(before) && !isWordByte(after)) {
                found = true
                return false
            }
            return true
        }
        return found
    }

    /// Calls `body` with the offset of each occurrence of `needle` until it returns false.
    static func forEachHit(_ needle: [UInt8], in haystack: [UInt8], from start: Int = 0, _ body: (Int) -> Bool) {
        guard !needle.isEmpty, start + needle.count <= haystack.count else { return }
        let first = needle[0]
        let last = haystack.count - needle.count
        var position = start
        haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                guard let base = hay.baseAddress else { return }
                while position <= last {
                    guard let found = memchr(base + position, Int32(first), last - position + 1) else { return }
                    let hit = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    var k = 1
                    while k < pin.count && hay[hit + k] == pin[k] { k += 1 }
                    if k == pin.count && !body(hit) { return }
                    position = hit + 1
                }
            }
        }
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }
}
