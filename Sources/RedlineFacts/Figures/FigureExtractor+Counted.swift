/// Vague quantities, and the noun or verb a figure counts.
extension FigureExtractor {
    // MARK: Vague quantities

    /// "several times", "many people", "for years": recorded so that a number replacing them shows.
    mutating func vague(at i: Int) -> Int? {
        let token = tokens[i]
        guard token.isWord else { return nil }
        if token.has(.vague) || (token.lower == "a" && lower(i + 1) == "few") {
            let end = token.lower == "a" ? i + 2 : i + 1
            guard end < tokens.count, tokens[end].isWord, !tokens[end].isCapitalised,
                !["of", "and", "or", "were", "are", "have", "had", "who", "in", "to"].contains(tokens[end].lower)
            else { return nil }
            add(.vague, i..<end, value: 0, unit: "", counted: counted(after: end, before: i))
            return end
        }
        if token.lower == "for", ["years", "decades", "months", "weeks", "days", "hours"].contains(lower(i + 1)) {
            add(.vague, (i + 1)..<(i + 2), value: 0, unit: Lexicon.timeUnits[lower(i + 1)] ?? "", counted: nil)
            return i + 2
        }
        return nil
    }

    // MARK: What is counted

    /// Nouns that stand for whatever a verb says happened to them: "12 people were killed".
    static let generic: Set<String> = [
        "people", "persons", "others", "civilians", "children", "adults", "residents", "soldiers", "troops",
        "police", "officers", "workers", "migrants", "refugees", "patients", "passengers", "men", "women",
    ]
    static let skipped: Set<String> = [
        "of", "the", "a", "an", "and", "or", "in", "on", "at", "to", "for", "from", "with", "by", "were", "was", "have",
        "had", "been", "are", "is", "be", "being", "more", "other", "new", "additional", "further", "about",
    ]
    static let linking: Set<String> = [
        "rose", "climbed", "reached", "stood", "increased", "fell", "dropped", "jumped", "soared", "grew", "was", "is",
        "at", "to", "of", "by", "from", "totaled", "totalled", "hit", "topped", "stands", "has", "had", "now",
        "the", "a", "an", "nearly", "about", "around", "some", "than", "least", "more", "over", "in", "within", "for",
        "after", "during", "less", "under", "only", "just", "aside", "almost", "roughly", "up", "as", "many", "much",
    ]

    /// The noun or verb a figure counts: the first content word after it ("bounty"; "killed" in
    /// "12 people were killed"), else the word it is the object of ("killing 12", "toll rose to 15").
    func counted(after end: Int, before start: Int) -> String? {
        var k = end
        var noun: String?
        var steps = 0
        while k < tokens.count && steps < 5 {
            let token = tokens[k]
            guard token.isWord else { break }
            if Self.skipped.contains(token.lower) && noun == nil {
                if ["of", "and", "or", "in", "on", "at", "for", "from", "with", "by", "to"].contains(token.lower) {
                    break
                }
                k += 1
                steps += 1
                continue
            }
            if noun == nil {
                if token.isCapitalised && k > end { break }
                noun = token.lower
                guard Self.generic.contains(token.lower) else { return token.lower }
            } else if ["and", "or", "but", "while", "as"].contains(token.lower) {
                break
            } else if token.lower.hasSuffix("ed") || ["dead", "missing", "hurt", "killed"].contains(token.lower) {
                return token.lower
            } else if !Self.skipped.contains(token.lower) {
                break
            }
            k += 1
            steps += 1
        }
        if let noun { return noun }
        k = start - 1
        steps = 0
        while k >= 0 && steps < 5 {
            let token = tokens[k]
            guard token.isWord else { break }
            if !Self.linking.contains(token.lower) { return token.lower }
            k -= 1
            steps += 1
        }
        return nil
    }
}
