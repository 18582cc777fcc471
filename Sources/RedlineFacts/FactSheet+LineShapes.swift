/// What a line or sentence looks like: a headline, a subhead, a dateline, a back-reference.
extension FactSheet {
    /// True when a sentence refers back to someone named before it ("he", "she", "they", "his",
    /// "her", "their", "the minister"…): then the sentence before is analysed with it.
    static func mentionsSomeoneEarlier(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var k = range.lowerBound
        while k < range.upperBound {
            while k < range.upperBound && !DocumentSearch.isWordByte(bytes[k]) { k += 1 }
            let start = k
            while k < range.upperBound && DocumentSearch.isWordByte(bytes[k]) { k += 1 }
            let length = k - start
            guard length >= 2 && length <= 5 else { continue }
            // Packs the lower-cased word into an integer: no allocation per word.
            var packed: UInt64 = 0
            for b in bytes[start..<k] { packed = packed << 8 | UInt64(b | 0x20) }
            if Self.backReferences.contains(packed) { return true }
        }
        return false
    }

    /// "he", "she", "his", "her", "him", "they", "their", "them", packed as by ``mentionsSomeoneEarlier``.
    private static let backReferences: Set<UInt64> = Set(
        ["he", "she", "his", "her", "him", "they", "their", "them"].map { word in
            word.utf8.reduce(0) { $0 << 8 | UInt64($1) }
        })

    /// How many unpunctuated lines before the body can be its headline and deck.
    static let headlineLines = 2

    /// A headline: a short first line that does not end like a sentence.
    static func looksLikeHeadline(_ line: String) -> Bool {
        let trimmed = line.trimmingSpaces
        guard let last = trimmed.last else { return false }
        let words = trimmed.split(separator: " ").count
        return words <= 20 && !".!?\u{201D}\"".contains(last)
    }

    /// A subheading inside the body: a short line in title case that does not end like a sentence
    /// ("Rescue Efforts Continue").
    static func looksLikeSubhead(_ line: String) -> Bool {
        guard line.utf8.count <= 100 else { return false }
        let trimmed = line.trimmingSpaces
        guard let last = trimmed.last, !".!?,;:\u{201D}\"".contains(last) else { return false }
        let words = trimmed.split(separator: " ")
        guard words.count >= 2 && words.count <= 10 else { return false }
        let capitalised = words.filter { $0.first?.isUppercase ?? false }.count
        return capitalised * 3 >= words.count * 2
    }

    /// Where a dateline ends: "JERUSALEM (AP) — ", "WASHINGTON, D.C. — ", "LONDON: ".
    /// After a dateline's place, a date such as "Nov 24", "November 24, 2023": where it ends
    /// (spaces after it skipped), or nil. `wordStart` is the month's capital letter.
    private static func datelineDate(_ bytes: [UInt8], wordStart: Int, end: Int) -> Int? {
        guard wordStart >= 2, bytes[wordStart - 1] == 0x20, bytes[wordStart - 2] == UInt8(ascii: ",") else {
            return nil
        }
        var k = wordStart
        while k < end && ((bytes[k] | 0x20) >= 0x61 && (bytes[k] | 0x20) <= 0x7A) { k += 1 }
        let month = String(decoding: bytes[wordStart..<k], as: UTF8.self).lowercased()
        guard Lexicon.months[month] != nil else { return nil }
        if k < end && bytes[k] == UInt8(ascii: ".") { k += 1 }
        while k < end && bytes[k] == 0x20 { k += 1 }
        let digits = k
        while k < end && bytes[k] >= 0x30 && bytes[k] <= 0x39 { k += 1 }
        guard k > digits, k - digits <= 2 else { return nil }
        // ", 2023"
        if k + 6 <= end && bytes[k] == UInt8(ascii: ",") && bytes[k + 1] == 0x20
            && bytes[(k + 2)..<(k + 6)].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        {
            k += 6
        }
        while k < end && bytes[k] == 0x20 { k += 1 }
        return k
    }

    static func datelineEnd(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var k = range.lowerBound
        var letters = 0
        // Capitals, spaces, commas, dots and apostrophes.
        while k < range.upperBound {
            let byte = bytes[k]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                letters += 1
            } else if byte == 0x20 || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-")
            {
                // part of the place
            } else if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") {
                // "WASHINGTON, D.C." is capitals; lower case means prose ("Washington, Tuesday"), unless
                // it is the date of a wire dateline: "LONDON, Nov 24 (Reuters) -".
                guard let afterDate = datelineDate(bytes, wordStart: k - 1, end: range.upperBound) else { return nil }
                k = afterDate
                break
            } else {
                break
            }
            k += 1
        }
        guard letters >= 3, k < range.upperBound else { return nil }
        var j = k
        if bytes[j] == UInt8(ascii: "(") {
            while j < range.upperBound && bytes[j] != UInt8(ascii: ")") { j += 1 }
            guard j < range.upperBound else { return nil }
            j += 1
            while j < range.upperBound && bytes[j] == 0x20 { j += 1 }
        }
        // A dash (—, –, -- or -) or a colon.
        let dashes: [[UInt8]] = [[0xE2, 0x80, 0x94], [0xE2, 0x80, 0x93], [0x2D, 0x2D], [0x2D], [0x3A]]
        for dash in dashes where j + dash.count <= range.upperBound && Array(bytes[j..<(j + dash.count)]) == dash {
            let end = j + dash.count
            guard end < range.upperBound, bytes[end] == 0x20 else { continue }
            return end
        }
        return nil
    }
}
