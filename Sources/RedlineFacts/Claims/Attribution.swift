/// Who a sentence attributes its content to: "X said", "said X", "according to X", "X told Y",
/// with "he" and "she" resolved to the last person named.
enum Attribution {
    static let speechVerbs: Set<String> = {
        var verbs = Set(Assertion.verbClasses.keys)
        verbs.formUnion(["asked", "asks", "testified", "shouted", "wrote", "sang", "joked", "conceded"])
        verbs.subtract(["according", "expect", "expects", "expected", "thinks", "think", "thought", "believe"])
        return verbs
    }()
    private static let adverbs: Set<String> = [
        "also", "later", "then", "has", "had", "have", "was", "is", "reportedly", "previously", "further", "earlier",
        "repeatedly", "publicly", "privately", "had", "once", "recently", "separately", "firmly", "flatly",
    ]
    private static let pronouns: Set<String> = ["he", "she"]
    private static let groupPronouns: Set<String> = ["they", "we", "i", "it"]
    /// Words a descriptor never reaches back over.
    private static let stops: Set<String> = ["and", "but", "that", "while", "as", "because", "which", "who", "when"]
    private static let determiners: Set<String> = ["the", "a", "an", "its", "his", "her", "their"]

    /// Tokens as written: spaced where the text had space.
    private static func joined(_ tokens: ArraySlice<Token>) -> String {
        var text = ""
        for token in tokens {
            if token.spaceBefore && !text.isEmpty { text += " " }
            text += token.text
        }
        return text
    }

    /// The speaker as written and its folded key, or nil when the sentence attributes nothing.
    static func find(in tokens: [Token], outside: [Bool], names: [Name], lastPerson: Name?) -> (String, String)? {
        func isOutside(_ k: Int) -> Bool { k >= outside.count || outside[k] }
        func name(endingAt k: Int) -> Name? {
            names.last { $0.range.upperBound == tokens[k].range.upperBound }
        }
        func name(startingAt k: Int) -> Name? {
            guard k < tokens.count else { return nil }
            return names.first { $0.range.lowerBound == tokens[k].range.lowerBound }
        }
        func result(_ name: Name) -> (String, String) { (name.surface, name.key) }
        func pronoun(_ k: Int) -> (String, String)? {
            guard let person = person(before: tokens[k].range.lowerBound) else { return nil }
            return result(person)
        }
        func person(before offset: Int) -> Name? {
            names.last { $0.kind == .person && $0.range.upperBound <= offset } ?? lastPerson
        }
        /// "the ministry", "a spokesman for the army", "officials": lower-case words back to a determiner.
        func descriptor(endingAt k: Int) -> (String, String)? {
            if Self.stops.contains(tokens[k].lower) || !tokens[k].isWord { return nil }
            var b = k
            while b > 0 && k - b < 5 && tokens[b - 1].isWord && isOutside(b - 1)
                && !Self.stops.contains(tokens[b - 1].lower)
                && !determiners.contains(tokens[b].lower)
            {
                b -= 1
            }
            if Self.stops.contains(tokens[b].lower) { return nil }
            // "a spokeswoman for the company": the holder of the office comes before "for"/"of".
            if determiners.contains(tokens[b].lower), b >= 2,
                ["for", "of", "at", "with"].contains(tokens[b - 1].lower),
                tokens[b - 2].isWord, isOutside(b - 2)
            {
                var c = b - 2
                while c > 0 && b - c < 4 && tokens[c - 1].isWord && isOutside(c - 1)
                    && !Self.stops.contains(tokens[c - 1].lower) && !determiners.contains(tokens[c].lower)
                {
                    c -= 1
                }
                if determiners.contains(tokens[c].lower) { b = c }
            }
            // "Lebanon's health ministry": the possessor belongs to the descriptor.
            if b >= 3 && tokens[b].lower == "s" && (tokens[b - 1].text == "'" || tokens[b - 1].text == "\u{2019}")
                && tokens[b - 2].isWord
            {
                b -= 2
            }
            let words = tokens[b...k].map(\.text)
            return (
                joined(tokens[b...k]),
                Folding.fold(words.filter { !determiners.contains($0.lowercased()) }.joined(), joined: true)
            )
        }
        func descriptor(startingAt k: Int) -> (String, String)? {
            var e = k
            while e < tokens.count && e - k < 6 && tokens[e].isWord && isOutside(e) { e += 1 }
            guard e > k else { return nil }
            let words = tokens[k..<e].map(\.text)
            return (
                joined(tokens[k..<e]),
                Folding.fold(words.filter { !determiners.contains($0.lowercased()) }.joined(), joined: true)
            )
        }

        for k in tokens.indices where tokens[k].has(.speechVerb) && isOutside(k) {
            let word = tokens[k].lower
            if word == "according" && k + 2 < tokens.count && tokens[k + 1].lower == "to" {
                if let speaker = name(startingAt: k + 2) { return result(speaker) }
                if let speaker = descriptor(startingAt: k + 2) { return speaker }
                continue
            }
            guard speechVerbs.contains(word) else { continue }
            // Subject before the verb.
            var b = k - 1
            while b >= 0 && adverbs.contains(tokens[b].lower) { b -= 1 }
            // "the county fire chief, Maria Ortiz, said": the name in apposition speaks.
            if b >= 1 && tokens[b].text == "," && isOutside(b - 1), let speaker = name(endingAt: b - 1) {
                return result(speaker)
            }
            if b >= 0 && isOutside(b) && tokens[b].isWord {
                if let speaker = name(endingAt: b) { return result(speaker) }
                // "The ministry confirmed the deaths and said …": the sentence's subject speaks.
                if tokens[b].lower == "and" {
                    if let subject = names.first,
                        subject.range.lowerBound <= tokens[min(2, tokens.count - 1)].range.lowerBound
                    {
                        return result(subject)
                    }
                    continue
                }
                if pronouns.contains(tokens[b].lower) { return pronoun(b) }
                if groupPronouns.contains(tokens[b].lower) { continue }
                if let speaker = descriptor(endingAt: b) { return speaker }
            }
            // Subject after: "said Herzog", "said the ministry".
            if k + 1 < tokens.count && isOutside(k + 1) {
                if let speaker = name(startingAt: k + 1) { return result(speaker) }
                // "said council leader Hanna Brock", "said union spokesman Erik Dahl"
                var d = k + 1
                while d < tokens.count && d - k <= 3 && tokens[d].isWord && !tokens[d].isCapitalised
                    && !determiners.contains(tokens[d].lower) && isOutside(d)
                {
                    d += 1
                }
                if d > k + 1, let speaker = name(startingAt: d) { return result(speaker) }
                if pronouns.contains(tokens[k + 1].lower) { return pronoun(k + 1) }
                if determiners.contains(tokens[k + 1].lower), let speaker = descriptor(startingAt: k + 1) {
                    return speaker
                }
            }
        }
        return nil
    }
}
