import RedlineSystem

/// Questions about a whole document answered from a word index built in one pass, so that only
/// the sentences that changed need full analysis: is this word used in lower case, is it
/// capitalised inside a sentence, does this name occur at all (folded, so "Erdogan" finds
/// "Erdoğan"; spacing dropped, so "Exxon Mobil" finds "ExxonMobil"), and — by a scan — what
/// full name a surname belongs to.
final class DocumentSearch: @unchecked Sendable {
    // @unchecked Sendable: built and used by one comparison on one thread; the caches are never shared.
    let bytes: [UInt8]
    /// Where the searched part starts (after the headline, for "does the body say so").
    let start: Int
    private var fullNames: [String: String?] = [:]
    /// The text folded (see ``foldWords(_:)``), made the first time a phrase must be found in it.
    private var folded: [UInt8]?

    /// Hashes of the words: lower-case words, words capitalised inside a sentence, folded words
    /// (and neighbours written together), and folded neighbouring pairs.
    private struct WordIndex {
        var lowerCase = HashSet64()
        var capitalisedInside = HashSet64()
        /// Words capitalised inside a sentence at least twice.
        var capitalisedTwice = HashSet64()
        var folded = HashSet64()
    }
    private var index: WordIndex?

    init(_ bytes: [UInt8], from start: Int = 0) {
        self.bytes = bytes
        self.start = start
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    private static func hash(_ state: UInt64, _ byte: UInt8) -> UInt64 { (state ^ UInt64(byte)) &* 0x0100_0000_01b3 }

    private static func hash<C: Collection>(_ bytes: C, from state: UInt64 = offsetBasis) -> UInt64
    where C.Element == UInt8 {
        var h = state
        for byte in bytes { h = hash(h, byte) }
        return h
    }

    private func wordIndex() -> WordIndex {
        if let index { return index }
        let built = bytes.withUnsafeBufferPointer { Self.buildIndex($0, from: start) }
        index = built
        return built
    }

    /// One pass over the text (a local buffer: no property access, no bounds checks in the loop).
    private static func buildIndex(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> WordIndex {
        // Distinct words grow slower than the text: about one per 12 bytes of news prose. The
        // tables grow if that is too few; too many would cost zeroing memory that stays unused.
        let expectedWords = (bytes.count - start) / 12 + 16
        var built = WordIndex(
            lowerCase: HashSet64(capacity: expectedWords), capitalisedInside: HashSet64(capacity: expectedWords / 4),
            folded: HashSet64(capacity: expectedWords))
        var k = start
        var sentenceStart = true
        let classes = Self.byteClasses
        // A line's capitalised words wait for its end: in a title-case line (no lower-case word of
        // four letters or more) capitals say nothing about names.
        var lineCapitals: [UInt64] = []
        var lineHasLowerWord = false
        func endLine() {
            if lineHasLowerWord || lineCapitals.count < 2 {
                for key in lineCapitals where !built.capitalisedInside.insert(key) {
                    built.capitalisedTwice.insert(key)
                }
            }
            lineCapitals.removeAll(keepingCapacity: true)
            lineHasLowerWord = false
        }
        while k < bytes.count {
            let byte = bytes[k]
            let kind = classes[Int(byte)]
            guard kind & Self.wordClass != 0 else {
                if kind == Self.sentenceEndClass { sentenceStart = true }
                if byte == 0x0A { endLine() }
                k += 1
                continue
            }
            // One pass over the word: its folded hash (ASCII), and what case it is in.
            var key = Self.offsetBasis
            var hasUpper = false
            var ascii = true
            var end = k
            while end < bytes.count {
                let b = bytes[end]
                let c = classes[Int(b)]
                if c & Self.wordClass != 0 {
                    if c == Self.highClass { ascii = false }
                    let isUpper = c == Self.upperClass
                    hasUpper = hasUpper || isUpper
                    key = Self.hash(key, isUpper ? b | 0x20 : b)
                } else if b == 0x27 {
                    guard end + 1 < bytes.count, classes[Int(bytes[end + 1])] & Self.wordClass != 0 else { break }
                } else {
                    break
                }
                end += 1
            }
            if !ascii { key = Self.hash(Self.foldWords(Array(bytes[k..<end])).filter { $0 != 0x20 }) }
            // Both sets hold folded hashes: the question says which case was seen. Words of three
            // letters or fewer are never asked about in lower case (the common ones are in the
            // word lists), and one letter is never a name: they are left out.
            let length = end - k
            if byte >= 0x61 && byte <= 0x7A {
                if !hasUpper && length > 3 {
                    built.lowerCase.insert(key)
                    lineHasLowerWord = true
                }
            } else if byte >= 0x41 && byte <= 0x5A && !sentenceStart {
                lineCapitals.append(key)
            }
            if length > 1 { built.folded.insert(key) }
            sentenceStart = false
            k = end
        }
        endLine()
        return built
    }

    // Byte classes for the index's scan: word bytes have the low bit set.
    private static let wordClass: UInt8 = 1
    private static let lowerClass: UInt8 = 0b011
    private static let upperClass: UInt8 = 0b101
    private static let digitClass: UInt8 = 0b111
    private static let highClass: UInt8 = 0b1001
    private static let sentenceEndClass: UInt8 = 0b10
    private static let byteClasses: [UInt8] = (0...255).map { (value: Int) -> UInt8 in
        let byte = UInt8(value)
        switch byte {
        case 0x61...0x7A: return lowerClass
        case 0x41...0x5A: return upperClass
        case 0x30...0x39: return digitClass
        case 0xE2: return sentenceEndClass  // curly quotes and dashes start with it; also ≥ 0x80
        case 0x80...0xFF: return highClass
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), 0x0A, UInt8(ascii: "\""), UInt8(ascii: ":"):
            return sentenceEndClass
        default: return 0
        }
    }

    /// True when the document uses `word` (lower case) as a word in lower case.
    func usesInLowerCase(_ word: String) -> Bool {
        word.utf8.count > 3 && wordIndex().lowerCase.contains(Self.foldedHash(word))
    }

    /// True when the document writes `word` capitalised somewhere other than a sentence's start.
    func capitalisesInside(_ word: String) -> Bool {
        wordIndex().capitalisedInside.contains(Self.foldedHash(word))
    }

    /// True when the document writes `word` capitalised inside sentences at least twice (so the
    /// occurrence being asked about is not the only one).
    func capitalisesInsideTwice(_ word: String) -> Bool {
        wordIndex().capitalisedTwice.contains(Self.foldedHash(word))
    }

    /// The hash the index keeps for a word: folded, apostrophes dropped.
    private static func foldedHash(_ word: String) -> UInt64 {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            var h = offsetBasis
            for b in word.utf8 where b != 0x27 { h = hash(h, b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
            return h
        }
        return hash(foldWords(Array(word.utf8)).filter { $0 != 0x20 })
    }

    /// True when `surface` occurs in the document: folded, word by word, or written together.
    func contains(_ surface: String) -> Bool {
        let words = Self.foldWords(Array(surface.utf8)).split(separator: 0x20)
        guard !words.isEmpty else { return false }
        let index = wordIndex()
        let keys = words.map { Self.hash($0) }
        if keys.allSatisfy(index.folded.contains) {
            // One word, or every word there: look for the phrase itself, as written, then folded.
            if keys.count == 1 || Self.search(Array(surface.utf8), in: bytes, from: start, wordBounded: true) {
                return true
            }
            if folded == nil { folded = Self.foldWords(Array(bytes[start...])) }
            let phrase = Array(words.joined(separator: [0x20]))
            if let folded, Self.search(phrase, in: folded, wordBounded: true) { return true }
        }
        // "ExxonMobil" in the text for "Exxon Mobil" asked.
        return words.count > 1 && index.folded.contains(Self.hash(words.joined()))
    }

    /// The fuller name a single capitalised word belongs to in this document: "Isaac Herzog" for
    /// "Herzog" — the word preceded by one or two capitalised words (titles skipped).
    func fullName(of word: String) -> String? {
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
                guard let first = candidate.unicodeScalars.first, first.properties.isUppercase else { break }
                let lower = candidate.lowercased()
                guard !Lexicon.titles.contains(lower), !Lexicon.commonWords.contains(lower),
                    !GeneratedLexicon.commonWords.contains(lower) || GeneratedLexicon.givenNames.contains(lower),
                    !Lexicon.demonyms.contains(lower)
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
                    guard let found = ByteSearch.first(first, from: base + position, count: last - position + 1) else {
                        return
                    }
                    let hit = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    var k = 1
                    while k < pin.count && hay[hit + k] == pin[k] { k += 1 }
                    if k == pin.count && !body(hit) { return }
                    position = hit + 1
                }
            }
        }
    }

    /// True when `surface` occurs glued to a common word ("theWebAssembly", "Poolover"): the
    /// same name with a space missing.
    func containsGlued(_ surface: String) -> Bool {
        let needle = Array(surface.utf8)
        guard needle.count >= 4 else { return false }
        var found = false
        Self.forEachHit(needle, in: bytes, from: start) { offset in
            var before = offset
            while before > start && Self.isWordByte(bytes[before - 1]) { before -= 1 }
            var after = offset + needle.count
            let end = after
            while after < bytes.count && Self.isWordByte(bytes[after]) { after += 1 }
            let glued: ArraySlice<UInt8>
            if before < offset && after == end {
                glued = bytes[before..<offset]
            } else if before == offset && after > end {
                glued = bytes[end..<after]
            } else {
                return true
            }
            let word = Tokenizer.lowercase(String(decoding: glued, as: UTF8.self))
            found =
                glued.count <= 5
                && Lexicon.isCommon(word)
            return !found
        }
        return found
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }
}

/// A set of 64-bit hashes: open addressing, linear probing, no per-insert hashing of its own.
struct HashSet64 {
    private var slots: [UInt64]
    private var count = 0

    /// Room for `capacity` values before the table grows.
    init(capacity: Int = 64) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
    }

    @inline(__always)
    private static func normalize(_ value: UInt64) -> UInt64 { value == 0 ? 1 : value }

    /// Adds `value`; false when it was there already.
    @discardableResult
    mutating func insert(_ value: UInt64) -> Bool {
        if (count + 1) * 2 > slots.count { grow() }
        let v = Self.normalize(value)
        let inserted = slots.withUnsafeMutableBufferPointer { slots -> Bool in
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: v >> 7) & mask
            while slots[i] != 0 {
                if slots[i] == v { return false }
                i = (i + 1) & mask
            }
            slots[i] = v
            return true
        }
        if inserted { count += 1 }
        return inserted
    }

    func contains(_ value: UInt64) -> Bool {
        let v = Self.normalize(value)
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: v >> 7) & mask
            while slots[i] != 0 {
                if slots[i] == v { return true }
                i = (i + 1) & mask
            }
            return false
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        count = 0
        for value in old where value != 0 { insert(value) }
    }
}
