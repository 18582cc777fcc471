/// A word, number or punctuation mark of a sentence, with where it stands in the document.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Letters (and marks, apostrophes and hyphens inside them): "Herzog", "al-Assad", "don't", "U.S.".
        case word
        /// ASCII digits with the separators inside them: "5,000,000", "3.5".
        case number
        /// Anything else, one scalar at a time: "$", "%", "—", "“".
        case punctuation
    }

    var kind: Kind
    /// As written.
    var text: String
    /// Lower-cased.
    var lower: String
    /// UTF-8 offsets in the document.
    var range: Range<Int>
    /// True when whitespace (or the start of the sentence) comes right before.
    var spaceBefore: Bool

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }

    /// The first letter is upper case ("Herzog", "UAE", "İstanbul").
    var isCapitalised: Bool
    /// Two or more letters, all upper case ("UAE", "IDF", "U.S.").
    var isAllCaps: Bool
    /// A lower-case first letter and a capital later: "openSUSE", "iPhone", "eBay".
    var isLowerCaseBrand = false
    /// The word lists the lower-cased word is in.
    var flags: WordFlags

    /// True when the word is in the list `flag` stands for.
    @inline(__always)
    func has(_ flag: WordFlags) -> Bool { !flags.isDisjoint(with: flag) }

    init(kind: Kind, text: String, lower: String, range: Range<Int>, spaceBefore: Bool) {
        self.kind = kind
        self.text = text
        self.lower = lower
        self.range = range
        self.spaceBefore = spaceBefore
        var capitalised = false
        var allCaps = false
        if kind == .word, text.utf8.allSatisfy({ $0 < 0x80 }) {
            var upper = 0
            var letters = 0
            for byte in text.utf8 where (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                letters += 1
                if byte < 0x61 { upper += 1 }
            }
            let first = text.utf8.first ?? 0
            capitalised = first >= 0x41 && first <= 0x5A
            allCaps = letters >= 2 && upper == letters
            isLowerCaseBrand = upper > 0 && first >= 0x61 && first <= 0x7A
        } else if kind == .word, let first = text.unicodeScalars.first {
            capitalised = first.properties.isUppercase || first.properties.generalCategory == .titlecaseLetter
            if capitalised {
                var letters = 0
                allCaps = true
                for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
                    guard scalar.properties.isUppercase else {
                        allCaps = false
                        break
                    }
                    letters += 1
                }
                allCaps = allCaps && letters >= 2
            }
        }
        isCapitalised = capitalised
        isAllCaps = allCaps
        flags = kind == .word ? Lexicon.flags(of: lower) : []
    }

    /// The value of a number token ("5,000,000" → 5000000, "3.5" → 3.5), ignoring separators.
    var numberValue: Double? {
        guard kind == .number else { return nil }
        return Token.parseNumber(text)
    }

    /// Parses digits with thousands separators and one decimal point. A comma followed by
    /// exactly three digits is a separator; otherwise it is a decimal comma ("3,5").
    static func parseNumber(_ text: String) -> Double? {
        var digits = ""
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            let separators = groups.dropFirst().allSatisfy { group in
                group.prefix { $0 != "." }.count == 3
            }
            if separators {
                digits = groups.joined()
            } else if groups.count == 2 {
                digits = groups.joined(separator: ".")
            } else {
                return nil
            }
        } else {
            digits = text
        }
        return Double(digits)
    }
}

/// Splits text into ``Token``s.
///
/// - Complexity: O(n) in the bytes of the range.
enum Tokenizer {
    static func tokens(_ text: String, in range: Range<Int>, of bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var scalars: [(Unicode.Scalar, Int)] = []  // scalar, byte offset
        scalars.reserveCapacity(range.count)
        var position = range.lowerBound
        while position < range.upperBound {
            let (scalar, length) = decode(bytes, at: position)
            scalars.append((scalar, position))
            position += length
        }
        let end = range.upperBound
        func offset(_ k: Int) -> Int { k < scalars.count ? scalars[k].1 : end }
        func string(_ from: Int, _ to: Int) -> String {
            String(decoding: bytes[offset(from)..<offset(to)], as: UTF8.self)
        }
        var k = 0
        var spaceBefore = true
        while k < scalars.count {
            let scalar = scalars[k].0
            if isSpace(scalar) {
                spaceBefore = true
                k += 1
                continue
            }
            let start = k
            let kind: Token.Kind
            if isDigit(scalar) {
                kind = .number
                k += 1
                while k < scalars.count {
                    let c = scalars[k].0
                    if isDigit(c) {
                        k += 1
                    } else if c == ",", k + 1 < scalars.count, isDigit(scalars[k + 1].0) {
                        // A thousands separator (three digits follow) or one decimal comma ("3,5");
                        // "3,4,5" is a list of three numbers.
                        var run = k + 1
                        while run < scalars.count && isDigit(scalars[run].0) { run += 1 }
                        let isList =
                            (run < scalars.count - 1 && scalars[run].0 == "," && isDigit(scalars[run + 1].0))
                            || (start > 0 && scalars[start - 1].0 == ",")
                        guard run - k - 1 == 3 || !isList else { break }
                        k += 2
                    } else if c == ".", k + 1 < scalars.count, isDigit(scalars[k + 1].0) {
                        k += 2
                    } else {
                        break
                    }
                }
            } else if isLetter(scalar) {
                kind = .word
                k += 1
                while k < scalars.count {
                    let c = scalars[k].0
                    if isLetter(c) || isMark(c) {
                        k += 1
                    } else if isApostrophe(c), k + 1 < scalars.count, isLetter(scalars[k + 1].0) {
                        // "'s" after a word is a possessive, its own token; "don't", "O'Brien" stay whole.
                        let next = scalars[k + 1].0
                        let after = k + 2 < scalars.count ? scalars[k + 2].0 : " "
                        if (next == "s" || next == "S") && !isLetter(after) { break }
                        k += 2
                    } else if isHyphen(c), k + 1 < scalars.count, isLetter(scalars[k + 1].0) {
                        k += 2
                    } else if c == ".", k - start == 1 || isDottedRun(scalars, from: start, to: k),
                        k + 1 < scalars.count, isLetter(scalars[k + 1].0),
                        k + 2 >= scalars.count || !isLetter(scalars[k + 2].0)
                    {
                        // Dotted acronyms: "U.S.", "a.m.", "U.N.".
                        k += 2
                    } else {
                        break
                    }
                }
                // The closing dot of a dotted acronym belongs to it.
                if k < scalars.count, scalars[k].0 == ".", k - start >= 3, isDottedRun(scalars, from: start, to: k) {
                    k += 1
                }
            } else {
                kind = .punctuation
                k += 1
            }
            let text = string(start, k)
            tokens.append(
                Token(
                    kind: kind, text: text, lower: kind == .word ? lowercase(text) : text,
                    range: offset(start)..<offset(k), spaceBefore: spaceBefore))
            spaceBefore = false
        }
        return tokens
    }

    /// Lower case, with an ASCII fast path that keeps already lower-case words as they are.
    static func lowercase(_ text: String) -> String {
        var hasUpper = false
        for byte in text.utf8 {
            if byte >= 0x80 { return text.lowercased() }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        }
        guard hasUpper else { return text }
        return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// True when scalars[from..<to] alternate single letters and dots ("U.S", "a.m").
    private static func isDottedRun(_ scalars: [(Unicode.Scalar, Int)], from: Int, to: Int) -> Bool {
        guard to - from >= 1 else { return false }
        for k in from..<to where (k - from) % 2 == 1 && scalars[k].0 != "." { return false }
        for k in from..<to where (k - from) % 2 == 0 && !isLetter(scalars[k].0) { return false }
        return true
    }

    static func decode(_ bytes: [UInt8], at position: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[position]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = UInt32(lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07))
        let available = min(length, bytes.count - position)
        for k in 1..<max(available, 1) { value = (value << 6) | UInt32(bytes[position + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", max(available, 1))
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
            0x3000:
            true
        default: false
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value | 0x20
            return v >= 0x61 && v <= 0x7A
        }
        return scalar.properties.isAlphabetic && !isDigit(scalar)
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x300 { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "\u{2019}" }

    static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}"
    }

    static func isDash(_ text: String) -> Bool { text == "-" || text == "\u{2013}" || text == "\u{2014}" }
}
