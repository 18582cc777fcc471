/// The word tests the name rules ask of each token: does it start or continue a name, is it a
/// common word here, a known place or person, an ordinary word in capitals.
extension NameExtractor {
    func lower(_ i: Int) -> String { i < tokens.count ? tokens[i].lower : "" }

    func text(_ span: Range<Int>) -> String {
        let range = tokens[span.lowerBound].range.lowerBound..<tokens[span.upperBound - 1].range.upperBound
        return String(decoding: bytes[range], as: UTF8.self)
    }

    func startsName(_ i: Int) -> Bool {
        i < tokens.count && tokens[i].isWord
            && (tokens[i].isCapitalised || isHyphenatedName(i) || isLowerCaseBrand(i))
            && !isTitleCaseWord(i)
    }

    func isNamePart(_ i: Int) -> Bool {
        guard i < tokens.count, tokens[i].isWord else { return false }
        return (tokens[i].isCapitalised || isHyphenatedName(i) || isLowerCaseBrand(i)) && !isTitleCaseWord(i)
    }

    /// "openSUSE", "iPhone", "eBay": a name written with a lower-case first letter.
    func isLowerCaseBrand(_ i: Int) -> Bool { tokens[i].isLowerCaseBrand }

    /// In a title-case line, a common word capitalised only for the title ("Best", "Places").
    func isTitleCaseWord(_ i: Int) -> Bool {
        guard isTitleCase, !tokens[i].isAllCaps else { return false }
        let token = tokens[i]
        guard Lexicon.isCommon(token.lower, flags: token.flags) else { return false }
        return !isKnownPlaceOrPerson(i) && !token.has([.organisation, .title])
    }

    /// A common English word (the generated lexicon or the short list) that this document does not
    /// capitalise inside a sentence, and that is no known place or first name.
    func isCommonWord(_ i: Int, atStart: Bool) -> Bool {
        let token = tokens[i]
        guard Lexicon.isCommon(token.lower, flags: token.flags) else { return false }
        let capitalisedElsewhere = atStart ? isCapitalisedElsewhere(token.text) : isCapitalisedTwice(token.text)
        return !capitalisedElsewhere && !isKnownPlaceOrPerson(i) && !token.has([.organisation, .title])
    }

    /// "Kockman will also give a talk": a word no word list knows, opening the sentence as its
    /// subject (a lower-case word or a possessive follows) — a surname, not an ordinary word.
    func isUncommonSubject(_ i: Int) -> Bool {
        let token = tokens[i]
        // Plurals and verb or adverb forms are ordinary words: "Meteorologists", "Fuelling", "Undeniably".
        let lower = token.lower
        if lower.hasSuffix("s") || (lower.count > 5 && ["ing", "ed", "ly"].contains { lower.hasSuffix($0) }) {
            return false
        }
        guard token.text.utf8.count >= 3, !token.has([.common, .title, .demonym, .month, .weekday]),
            !GeneratedLexicon.commonWords.contains(token.lower), !isOrdinaryWord(token.lower),
            i + 1 < tokens.count
        else { return false }
        let next = tokens[i + 1]
        return (next.isWord && !next.isCapitalised && next.spaceBefore) || next.lower == "s" && !next.spaceBefore
    }

    /// A place or first name the word lists know: "Tunisia", "Lakewood", "Helen".
    func isKnownPlaceOrPerson(_ i: Int) -> Bool {
        let token = tokens[i]
        if token.has([.place, .givenName]) { return true }
        // A plain lower-case word is its own key; anything else is folded first.
        let plain = token.lower.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
        return GeneratedLexicon.places.contains(plain ? token.lower : Name.key(token.text))
            || GeneratedLexicon.givenNames.contains(token.lower)
    }

    /// "AgOpportunity", "GitHub", "iPhone": a capital after a lower-case letter marks a brand or name.
    func hasInnerCapital(_ word: String) -> Bool {
        var previousLower = false
        for byte in word.utf8 {
            if byte >= 0x41 && byte <= 0x5A && previousLower { return true }
            previousLower = byte >= 0x61 && byte <= 0x7A
        }
        return false
    }

    /// "Mai: opensuse-defrag@…", "Tel: 555 0100": one word before a colon, then a value in lower
    /// case, digits or an address — a field's label, not a name ("Trump: We will win" keeps its name).
    func isFieldLabel(_ span: Range<Int>) -> Bool {
        guard span.count == 1, span.upperBound + 1 < tokens.count, tokens[span.upperBound].text == ":",
            !tokens[span.upperBound].spaceBefore
        else { return false }
        let value = tokens[span.upperBound + 1]
        return value.isNumber || (value.isWord && !value.isCapitalised && !value.isLowerCaseBrand)
    }

    /// Spans that look like names and name nothing: one letter ("X", "B"), a holiday or season
    /// ("Christmas"), an acronym for a thing ("PDF", "CEO", "APIs"), a plural nationality ("Americans").
    func namesNothing(_ span: Range<Int>) -> Bool {
        var wordCount = 0
        var only = span.lowerBound
        for k in span where tokens[k].isWord {
            wordCount += 1
            only = k
        }
        guard wordCount > 0 else { return true }
        if wordCount == 1 {
            let word = tokens[only]
            var letters = 0
            for byte in word.text.utf8 where byte != UInt8(ascii: ".") { letters += 1 }
            if letters == 1 { return true }
            if word.has([.month, .weekday, .notName]) { return true }
            // "Services", "University" left alone in a title: the rest of the name was common words.
            if isTitleCase && !word.isAllCaps && word.has([.organisation, .placeWord, .title]) { return true }
            guard word.lower.utf8.last == UInt8(ascii: "s"), word.lower.utf8.count > 2 else { return false }
            let singular = String(word.lower.dropLast())
            // "APIs", "KPIs"
            if word.text.utf8.dropLast().allSatisfy({ $0 >= 0x41 && $0 <= 0x5A })
                && Lexicon.flags(of: singular).contains(.notName)
            {
                return true
            }
            // "Americans", "Fridays"
            return !Lexicon.flags(of: singular).isDisjoint(with: [.demonym, .weekday])
        }
        // "Christmas Day", "Easter Sunday", "New Year's Eve"
        guard tokens[span.lowerBound].has(.notName) else { return false }
        return tokens[span].allSatisfy {
            !$0.isWord || $0.has([.notName, .weekday]) || $0.lower == "day" || $0.lower == "eve"
        }
    }

    /// "al-Assad", "el-Sisi", "bin-Salman": a particle fused to a capitalised name.
    func isHyphenatedName(_ i: Int) -> Bool {
        let text = tokens[i].text
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "-") || $0 == 0xE2 }) else { return false }
        guard let hyphen = text.firstIndex(where: { $0 == "-" || $0 == "\u{2010}" }) else { return false }
        let head = text[..<hyphen].lowercased()
        guard Lexicon.particles.contains(head) || ["ad", "ash", "as", "at", "az", "an"].contains(head) else {
            return false
        }
        let rest = text[text.index(after: hyphen)...]
        return rest.first?.isUppercase ?? false
    }

    func isAfterOpeningPunctuation(_ i: Int) -> Bool {
        guard i > 0 else { return true }
        let previous = tokens[i - 1]
        guard previous.kind == .punctuation, let scalar = previous.text.unicodeScalars.first else { return false }
        switch scalar {
        case "\"", "\u{201C}", "\u{2018}", "(", "[", ":", "\u{2014}", "\u{2013}", "-", "\u{00AB}": return true
        default: return false
        }
    }

    func isOrdinary(_ i: Int) -> Bool {
        let token = tokens[i]
        guard !token.isAllCaps || token.lower.count == 1 else { return false }
        return token.has(.common) || isOrdinaryWord(token.lower) || isCommonWord(i, atStart: true)
    }
}
