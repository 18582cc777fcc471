/// Splits prose into sentences, each token holding a sentence and the whitespace after it.
///
/// Built for news prose: a sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and
/// brackets) followed by whitespace and a word that does not start in lower case — unless the
/// word before the full stop is an abbreviation ("Mr.", "Gen.", "Nov."), an initial ("John F.
/// Kennedy"), or a dotted acronym ("U.S.") followed by a capitalised word that is not a common
/// sentence opener. A line break always ends a sentence. Decimals ("3.5") never end one.
///
/// - Complexity: O(n).
public enum SentenceTokenizer {
    /// The sentences of `text` inside `range`, each with the whitespace after it.
    public static func sentences(in text: TextBytes, _ range: Range<Int>) -> [Range<Int>] {
        guard !range.isEmpty else { return [] }
        var bounds = [range.lowerBound]
        text.withBytes { tokenize($0, range, into: &bounds) }
        return zip(bounds, bounds.dropFirst()).compactMap { $0 < $1 ? $0..<$1 : nil }
    }

    static func tokenize(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into bounds: inout [Int]) {
        var position = range.lowerBound
        let end = range.upperBound
        while position < end {
            let byte = text[position]
            if byte == 0x0A {
                position = skipSpace(text, from: position, end: end)
                bounds.append(position)
                continue
            }
            let (scalar, length) = UTF8Scalars.decode(text, at: position)
            guard isTerminator(scalar) else {
                position += length
                continue
            }
            let terminatorStart = position
            position += length
            // More terminators ("?!", "..."), then closing quotes and brackets.
            while position < end {
                let (next, nextLength) = UTF8Scalars.decode(text, at: position)
                guard isTerminator(next) || isCloser(next) else { break }
                position += nextLength
            }
            guard position < end else { break }
            let (following, _) = UTF8Scalars.decode(text, at: position)
            guard UTF8Scalars.isSpace(following) else {
                // "English.The pages": a missing space after a full stop, when a sentence opener follows.
                if text[terminatorStart] == UInt8(ascii: "."), position == terminatorStart + 1, terminatorStart > 0,
                    text[position] >= UInt8(ascii: "A"), text[position] <= UInt8(ascii: "Z"),
                    text[terminatorStart - 1] >= UInt8(ascii: "a"), text[terminatorStart - 1] <= UInt8(ascii: "z"),
                    sentenceOpeners.contains(word(text, from: position, end: end).lowercased())
                {
                    bounds.append(position)
                }
                continue
            }
            let afterSpace = skipSpace(text, from: position, end: end)
            if containsNewline(text, position..<afterSpace) || afterSpace == end {
                position = afterSpace
                bounds.append(position)
                continue
            }
            if endsSentence(text, terminatorAt: terminatorStart, nextWordAt: afterSpace, end: end) {
                position = afterSpace
                bounds.append(position)
            } else {
                position = afterSpace
            }
        }
        if bounds.last != end { bounds.append(end) }
    }

    @inline(__always)
    static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "!" || scalar == "?" || scalar == "\u{2026}"
    }

    @inline(__always)
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", ")", "]", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{203A}": true
        default: false
        }
    }

    private static func skipSpace(_ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        var position = start
        while position < end {
            let (scalar, length) = UTF8Scalars.decode(text, at: position)
            guard UTF8Scalars.isSpace(scalar) else { break }
            position += length
        }
        return position
    }

    private static func containsNewline(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        range.contains { text[$0] == 0x0A }
    }

    /// Abbreviations that are usually followed by more of the same sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "cpt", "sgt",
        "cpl", "adm", "cmdr", "st", "mt", "ft", "jr", "sr", "inc", "ltd", "co", "corp", "bros", "no", "nos", "vs",
        "v", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "rev", "hon",
        "pres", "supt", "det", "insp", "atty", "dept", "univ", "approx", "est", "ave", "blvd", "rd", "fig", "vol",
        "op", "cf", "al", "gov't", "mme", "mlle", "messrs", "rt", "sec", "asst", "assn", "dist", "ariz", "calif",
        "colo", "conn", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo",
        "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
    ]

    /// The longest entry of ``abbreviations``, in bytes.
    static let maximumAbbreviationLength = abbreviations.map(\.utf8.count).max() ?? 0

    /// Capitalised words that usually open a new sentence after a dotted acronym ("… in the U.S. The …").
    static let sentenceOpeners: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on", "at", "this",
        "that", "there", "these", "those", "his", "her", "its", "their", "our", "if", "when", "while", "after",
        "before", "as", "for", "so", "yet", "still", "however", "meanwhile", "officials", "some", "many", "no",
    ]

    private static func endsSentence(
        _ text: UnsafeBufferPointer<UInt8>, terminatorAt terminator: Int, nextWordAt next: Int, end: Int
    ) -> Bool {
        // The next word, skipping opening quotes and brackets.
        var wordStart = next
        while wordStart < end {
            let (scalar, length) = UTF8Scalars.decode(text, at: wordStart)
            guard !UTF8Scalars.isWordScalar(scalar) else { break }
            guard !UTF8Scalars.isSpace(scalar) else { break }
            wordStart += length
        }
        guard wordStart < end else { return true }
        let (first, _) = UTF8Scalars.decode(text, at: wordStart)
        if first.properties.isLowercase { return false }

        guard text[terminator] == UInt8(ascii: ".") else { return true }
        // The word before the full stop.
        var wordBegin = terminator
        while wordBegin > 0 {
            let byte = text[wordBegin - 1]
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            if isLetter || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "'") || byte >= 0x80 {
                wordBegin -= 1
            } else {
                break
            }
        }
        if wordBegin == terminator { return true }
        // No abbreviation, initial or dotted acronym is this long: skip building the word.
        if terminator - wordBegin > maximumAbbreviationLength
            && !text[wordBegin..<terminator].contains(UInt8(ascii: "."))
        {
            return true
        }
        let before = String(decoding: UnsafeBufferPointer(rebasing: text[wordBegin..<terminator]), as: UTF8.self)
        // "SL Micro 6.X. SLFO was …": a version number, not an acronym, before the full stop.
        if wordBegin > 0 && text[wordBegin - 1] >= UInt8(ascii: "0") && text[wordBegin - 1] <= UInt8(ascii: "9") {
            return true
        }
        if before.contains(".") {
            // A dotted acronym: "U.S.", "a.m.".
            let nextWord = word(text, from: wordStart, end: end).lowercased()
            return sentenceOpeners.contains(nextWord)
        }
        if before.count == 1, let letter = before.unicodeScalars.first, letter.properties.isUppercase {
            return false  // an initial
        }
        return !abbreviations.contains(before.lowercased())
    }

    private static func word(_ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> String {
        var position = start
        while position < end {
            let (scalar, length) = UTF8Scalars.decode(text, at: position)
            guard UTF8Scalars.isWordScalar(scalar) else { break }
            position += length
        }
        return String(decoding: UnsafeBufferPointer(rebasing: text[start..<position]), as: UTF8.self)
    }
}
