/// Finds names in one sentence without a model: runs of capitalised words joined by name
/// particles ("bin", "van", "al-"), with titles split off as roles, possessives dropped, dotted
/// and plain acronyms kept, and capitalised sentence openers filtered out.
///
/// - Complexity: O(n) in the sentence's tokens.
struct NameExtractor {
    let tokens: [Token]
    let bytes: [UInt8]
    /// True for a lower-cased word the document also uses in lower case (so a capitalised copy at
    /// the start of a sentence is an ordinary word).
    let isOrdinaryWord: (String) -> Bool
    /// True for a word (as written, capitalised) the document also capitalises inside a sentence.
    let isCapitalisedElsewhere: (String) -> Bool
    /// True for a word the document capitalises inside sentences twice or more (for a word that is
    /// itself inside its sentence, where one such use is this one).
    var isCapitalisedTwice: (String) -> Bool = { _ in false }
    /// The sentence is written in title case (a heading, a headline): its capitalised common words
    /// ("Best Places to Visit") are ordinary words, not names.
    var isTitleCase = false

    /// Words that may join two parts of an organisation or place name ("Bank of England").
    static let connectors: Set<String> = ["of", "for", "on", "the", "de", "del"]
    /// What completes a title: "Secretary of State".
    static let complements: Set<String> = [
        "state", "defense", "defence", "health", "justice", "homeland", "security", "finance", "interior",
    ]
    /// Words after which a lone name is a place: "in Gaza".
    static let placePrepositions: Set<String> = [
        "in", "from", "near", "across", "into", "outside", "inside", "toward", "towards", "through", "at", "to",
    ]
    /// Acronyms that are places.
    static let placeAcronyms: Set<String> = ["us", "usa", "uk", "uae", "drc", "prc", "eu"]
    /// Titles that are people's, so that the name they introduce is a person.
    static let organisationHeads: Set<String> = [
        "ministry", "department", "university", "bank", "museum", "institute", "house", "republic", "kingdom",
        "state", "states", "court", "church", "city", "gulf", "strait", "bay", "sea", "committee", "council",
        "office", "bureau", "secretary", "union", "league", "federation", "organization", "organisation", "board",
        "school", "college", "party", "academy", "society", "association", "commission", "agency", "centre", "center",
        "foundation", "fund",
    ]

    /// True for a title-case line: every word of four letters or more capitalised, at least two of them.
    static func isTitleCase(_ tokens: [Token]) -> Bool {
        var long = 0
        for token in tokens where token.isWord {
            if !token.isCapitalised {
                // Titles keep only short function words in lower case: "Best Places to Visit in Rome".
                guard token.text.utf8.count <= 4, token.has(.common) else { return false }
            } else if token.text.utf8.count >= 4 {
                long += 1
            }
        }
        return long >= 2 && !tokens.allSatisfy { !$0.isWord || $0.isAllCaps }
    }

    func names() -> [Name] {
        var names: [Name] = []
        var i = 0
        let firstWord = tokens.firstIndex { $0.isWord } ?? 0
        while i < tokens.count {
            guard startsName(i) else {
                i += 1
                continue
            }
            // Titles first: "President", "Prime Minister", "Dr.", "Secretary of State".
            let start = i
            var roleEnd = i
            var k = i
            while k < tokens.count, tokens[k].isWord, tokens[k].isCapitalised || !tokens[k].spaceBefore,
                tokens[k].has(.title), !tokens[k].isAllCaps || tokens[k].lower == "ceo"
            {
                k += 1
                if k < tokens.count && tokens[k].text == "." && !tokens[k].spaceBefore { k += 1 }
                // "Secretary of State", "Minister for Foreign Affairs"
                if (lower(k) == "of" || lower(k) == "for") && k + 1 < tokens.count && tokens[k + 1].isCapitalised
                    && (tokens[k + 1].has(.title)
                        || ["state", "defense", "defence", "health", "justice", "foreign", "homeland"].contains(
                            tokens[k + 1].lower))
                {
                    k += 2
                    while k < tokens.count && tokens[k].isCapitalised && tokens[k].has(.title) {
                        k += 1
                    }
                }
                roleEnd = k
            }
            let hasRole =
                roleEnd > start && roleEnd < tokens.count && startsName(roleEnd)
                && !tokens[roleEnd].has(.title)
            let nameStart = hasRole ? roleEnd : start
            var end = nameStart + 1
            // The rest of the name: capitalised words, particles before one, connectors inside organisations.
            while end < tokens.count {
                let token = tokens[end]
                guard token.isWord, token.spaceBefore else { break }
                if isNamePart(end) && !token.has(.weekday) {
                    end += 1
                    // "Donald J. Trump": a middle initial's full stop stays inside the name.
                    if end + 1 < tokens.count, tokens[end].text == ".", !tokens[end].spaceBefore,
                        tokens[end - 1].text.utf8.count == 1, isNamePart(end + 1), tokens[end + 1].spaceBefore
                    {
                        end += 1
                    }
                } else if token.has(.particle) && !token.isCapitalised
                    && end + 1 < tokens.count && isNamePart(end + 1)
                {
                    end += 2
                } else if Self.connectors.contains(token.lower) && !token.isCapitalised && end + 1 < tokens.count
                    && isNamePart(end + 1) && !tokens[end + 1].isAllCaps
                    && !tokens[end + 1].has([.weekday, .month])
                    && tokens[nameStart..<end].contains(where: {
                        Self.organisationHeads.contains($0.lower) || $0.has(.placeWord)
                    })
                {
                    end += 2
                } else {
                    break
                }
            }
            var first = nameStart
            // A capitalised sentence opener is an ordinary word: "The", "But", "Officials".
            while first < end && (first == firstWord || isAfterOpeningPunctuation(first)) && isOrdinary(first)
                && !(hasRole && first == nameStart && first > start)
            {
                first += 1
            }
            while first < end && (isOrdinary(first) && first == nameStart && tokens[first].lower == "the") {
                first += 1
            }
            // Months, weekdays and lone ordinary words are not names.
            if end - first == 1 {
                let word = tokens[first].lower
                if tokens[first].has([.month, .weekday]) || word == "i"
                    || (tokens[first].has(.common) && !tokens[first].isAllCaps)
                {
                    first = end
                }
            }
            // One capitalised word opening a sentence is a name only if the document capitalises it
            // elsewhere too, or it is a known place or given name, or it speaks: "Helicopters were used".
            if end - first == 1 && (first == firstWord || isAfterOpeningPunctuation(first)) && !hasRole {
                let word = tokens[first].lower
                // "Herzog said" names someone; "Meteorologists said" does not.
                let speaks =
                    end < tokens.count && tokens[end].has(.speechVerb) && tokens[end].lower != "according"
                    && (!word.hasSuffix("s") || tokens[first].has(.organisation))
                if !tokens[first].isAllCaps && !isCapitalisedElsewhere(tokens[first].text)
                    && !isKnownPlaceOrPerson(first) && !speaks && !isHyphenatedName(first)
                    && !hasInnerCapital(tokens[first].text) && !isUncommonSubject(first)
                {
                    first = end
                }
            }
            // Common words opening a sentence or a list item ("Information Technology programs",
            // "Weight Management 34%") name nothing unless the text capitalises them elsewhere.
            if first < end && !hasRole && (start == firstWord || isAfterOpeningPunctuation(start))
                && (first..<end).allSatisfy({ isCommonWord($0, atStart: $0 == start) })
            {
                first = end
            }
            // "Farmer Elena Sorrow said": an ordinary noun opening the sentence describes the person.
            var descriptor: String?
            if end - first >= 3 && first == firstWord && !hasRole {
                let word = tokens[first].lower
                if !isCapitalisedElsewhere(tokens[first].text)
                    && !tokens[first].has([.givenName, .place, .placeOpener, .organisation]) && !tokens[first].isAllCaps
                    && !Self.organisationHeads.contains(word)
                    && !tokens[first + 1..<end].contains(where: { Self.connectors.contains($0.lower) })
                {
                    descriptor = tokens[first].text
                    first += 1
                }
            }
            // Nationalities and titles inside the run are the role: "Lebanese Prime Minister Najib
            // Mikati", "Parliament Speaker Nabih Berri", "U.S. Secretary of State Antony Blinken".
            var role = hasRole ? text(start..<roleEnd) : descriptor
            if let split = titleSplit(first..<end) {
                role = text(first..<split)
                first = split
            }
            // "Israeli strikes", "French envoys": a nationality names no one.
            if end - first == 1 && tokens[first].has(.demonym) { first = end }
            // A title alone ("the President said") names no one.
            if tokens[first..<end].allSatisfy({ $0.has(.title) }) { first = end }
            // Trailing particles and connectors are not part of it.
            while end > first && !tokens[end - 1].isCapitalised && !isHyphenatedName(end - 1) { end -= 1 }
            if first < end && !namesNothing(first..<end) && !isFieldLabel(first..<end) {
                names.append(makeName(first..<end, role: role))
            }
            i = max(end, i + 1)
        }
        return names
    }

    /// Where the name starts after a role inside a capitalised run: after its last title word
    /// (and an "of State"-like complement), when one to four name words follow.
    private func titleSplit(_ span: Range<Int>) -> Int? {
        var split: Int?
        var k = span.lowerBound
        while k < span.upperBound {
            if tokens[k].has(.title) && !tokens[k].isAllCaps {
                var after = k + 1
                while after + 1 < span.upperBound && (lower(after) == "of" || lower(after) == "for")
                    && Self.complements.contains(lower(after + 1))
                {
                    after += 2
                }
                if after < span.upperBound { split = after }
                k = after
            } else {
                k += 1
            }
        }
        guard let split, split > span.lowerBound, span.upperBound - split <= 4,
            (split..<span.upperBound).allSatisfy({
                tokens[$0].isCapitalised || tokens[$0].has(.particle) || isHyphenatedName($0)
            }),
            !tokens[split].has(.title),
            // "Foreign Ministry", "Health Department": an organisation's name, not a role and a person.
            !Self.organisationHeads.contains(lower(span.upperBound - 1))
        else { return nil }
        // Everything before the title must be a nationality, acronym or title-like word.
        let before = tokens[span.lowerBound..<split]
        guard
            before.allSatisfy({
                $0.has([.title, .demonym]) || $0.isAllCaps
                    || ["of", "for"].contains($0.lower) || Self.complements.contains($0.lower) || $0.isCapitalised
            })
        else { return nil }
        return split
    }

    private func makeName(_ span: Range<Int>, role: String?) -> Name {
        let surface = text(span)
        let words = tokens[span].filter { $0.isWord }
        let range = tokens[span.lowerBound].range.lowerBound..<tokens[span.upperBound - 1].range.upperBound
        let key = Name.key(surface)
        return Name(
            surface: surface, range: range, key: key,
            kind: kind(of: words, key: key, role: role, before: span.lowerBound - 1, after: span.upperBound),
            role: role)
    }

    /// A guess from the words themselves and their neighbours.
    private func kind(of words: [Token], key: String, role: String?, before: Int, after: Int) -> Name.Kind {
        // "Secretary Mayorkas", "Lebanese Prime Minister Najib Mikati": a role is a person's.
        if role != nil { return .person }
        if words.count == 1 && words[0].isAllCaps {
            return Self.placeAcronyms.contains(Folding.fold(words[0].text, joined: true)) ? .place : .organisation
        }
        if words.contains(where: { $0.has(.organisation) }) { return .organisation }
        if words.contains(where: { $0.has(.placeWord) }) && words.count > 1 { return .place }
        if words.allSatisfy({ $0.has(.place) })
            || (words.count <= 3 && GeneratedLexicon.places.contains(key))
        {
            return .place
        }
        if words.contains(where: \.isAllCaps) { return .organisation }
        if words.count >= 2, let first = words.first,
            first.has(.givenName) || GeneratedLexicon.givenNames.contains(first.lower)
        {
            return .person
        }
        let previous = before >= 0 ? tokens[before].lower : ""
        if Self.placePrepositions.contains(previous) && !(words.first?.has(.givenName) ?? false) {
            return .place
        }
        if let first = words.first, first.has(.placeOpener), words.count >= 2 { return .place }
        if words.count >= 2 && words.count <= 4 { return .person }
        return .unknown
    }
}
