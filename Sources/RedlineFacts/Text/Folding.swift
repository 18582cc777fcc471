/// Folds text for comparison: lower case, no diacritics, and the letters that Unicode
/// decomposition leaves alone mapped by hand (ø → o, ł → l, ß → ss, ı → i, æ → ae, œ → oe,
/// đ → d, ð → d, þ → th).
///
/// Standard library only: a Latin letter's base is read from its Unicode name
/// ("LATIN SMALL LETTER G WITH BREVE" → "g"), computed once per letter.
public enum Folding {
    /// Folds `text`. With `joined`, spaces, hyphens, apostrophes and dots are dropped as well, so
    /// that "Exxon Mobil" and "ExxonMobil", or "U.S." and "US", fold alike.
    public static func fold(_ text: String, joined: Bool = false) -> String {
        // ASCII fast path: lower-case, and drop separators when joined.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let hasWork = text.utf8.contains { byte in
                (byte >= 0x41 && byte <= 0x5A)
                    || (joined && (byte == 0x20 || byte == 0x2D || byte == 0x27 || byte == 0x2E))
            }
            guard hasWork else { return text }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                if joined && (byte == 0x20 || byte == 0x2D || byte == 0x27 || byte == 0x2E) { continue }
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let v = scalar.value
                if joined && (v == 0x20 || v == 0x2D || v == 0x27 || v == 0x2E) { continue }
                result.unicodeScalars.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v | 0x20)) : scalar)
                continue
            }
            if Tokenizer.isMark(scalar) { continue }
            if joined && (Tokenizer.isApostrophe(scalar) || Tokenizer.isHyphen(scalar) || Tokenizer.isSpace(scalar)) {
                continue
            }
            if let folded = latin[scalar.value] {
                result.unicodeScalars.append(contentsOf: folded.unicodeScalars)
            } else {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars where !Tokenizer.isMark(lower) {
                    result.unicodeScalars.append(lower)
                }
            }
        }
        return result
    }

    /// Latin-1 Supplement, Latin Extended-A/B and Latin Extended Additional, folded.
    private static let latin: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        let special: [String: String] = [
            "SHARP S": "ss", "DOTLESS I": "i", "AE": "ae", "LIGATURE OE": "oe", "ETH": "d", "THORN": "th",
            "LIGATURE IJ": "ij", "KRA": "k", "ENG": "n", "LONG S": "s",
        ]
        let ranges: [ClosedRange<UInt32>] = [0xC0...0x24F, 0x1E00...0x1EFF]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value), let name = scalar.properties.name else { continue }
                let parts = name.split(separator: " ", maxSplits: 3)
                guard parts.count >= 4, parts[0] == "LATIN", parts[2] == "LETTER" || parts[2] == "LIGATURE"
                else { continue }
                let rest = parts[2] == "LIGATURE" ? "LIGATURE " + parts[3] : String(parts[3])
                let letter = String(rest.split(separator: " WITH ").first ?? "")
                if let mapped = special[letter] {
                    table[value] = mapped
                } else if letter.count == 1 {
                    table[value] = letter.lowercased()
                }
            }
        }
        return table
    }()

    /// Damerau–Levenshtein distance (adjacent transpositions count one), stopping early past `limit`.
    public static func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }
}
