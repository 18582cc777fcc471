/// Finds the figures of one sentence: amounts, percentages, counts, dates, times, durations,
/// scores and ranges, each with its hedge and the noun or verb it counts.
///
/// - Complexity: O(n) in the sentence's tokens (each pattern looks a bounded distance ahead).
struct FigureExtractor {
    let tokens: [Token]
    let bytes: [UInt8]
    var figures: [Figure] = []

    init(tokens: [Token], bytes: [UInt8]) {
        self.tokens = tokens
        self.bytes = bytes
    }

    static func figures(in tokens: [Token], bytes: [UInt8]) -> [Figure] {
        var extractor = FigureExtractor(tokens: tokens, bytes: bytes)
        extractor.run()
        return extractor.figures
    }

    func lower(_ i: Int) -> String { i >= 0 && i < tokens.count ? tokens[i].lower : "" }
    func isWord(_ i: Int, _ word: String) -> Bool { lower(i) == word }
    /// True when token `i` follows the previous one with no space ("5m", "24th", "3:15").
    func attached(_ i: Int) -> Bool { i < tokens.count && !tokens[i].spaceBefore }

    func mayStartFigure(_ token: Token) -> Bool {
        switch token.kind {
        case .number: true
        case .punctuation: Lexicon.currencySymbols[token.text] != nil || token.text == "~"
        case .word: token.has(.figureStart)
        }
    }

    /// True when token `i` exists and is in the list `flag` stands for.
    func has(_ i: Int, _ flag: WordFlags) -> Bool { i >= 0 && i < tokens.count && tokens[i].has(flag) }

    mutating func run() {
        var i = 0
        while i < tokens.count {
            guard mayStartFigure(tokens[i]) else {
                i += 1
                continue
            }
            if let next = date(at: i) ?? time(at: i) ?? amount(at: i) ?? vague(at: i) {
                i = next
            } else {
                i += 1
            }
        }
    }

    mutating func add(
        _ kind: Figure.Kind, _ span: Range<Int>, value: Double, upper: Double? = nil, unit: String,
        hedge: (String, Figure.Bound?)? = nil, counted: String? = nil
    ) {
        let range = tokens[span.lowerBound].range.lowerBound..<tokens[span.upperBound - 1].range.upperBound
        figures.append(
            Figure(
                surface: String(decoding: bytes[range], as: UTF8.self), range: range, kind: kind, value: value,
                upper: upper, unit: unit, hedge: hedge?.0, bound: hedge?.1, counted: counted))
    }

    // MARK: Amounts

    /// A hedge, a currency, a number (digits or words), a scale, a unit: "at least $5 million",
    /// "67 percent", "twenty-five people", "3-0", "10 to 15", "over a decade".
    mutating func amount(at start: Int) -> Int? {
        var i = start
        var hedge: (String, Figure.Bound?)?
        if let (length, bound) = hedgeLength(at: i) {
            let words = tokens[i..<(i + length)].map(\.text).joined(separator: " ")
            hedge = (words, bound)
            i += length
        }
        guard i < tokens.count else { return nil }
        // "between 10 and 15"
        let between = lower(i) == "between"
        let first = i
        if between { i += 1 }

        var currency: String?
        var j = i
        if j < tokens.count, let code = currencyPrefix(at: j) {
            currency = code.code
            j = code.end
        }
        guard let number = number(at: j, afterHedge: hedge != nil) else { return nil }
        if hedge == nil && currency == nil && !number.isWords && isIdentifier(at: j) { return nil }
        // "phase one", "Apollo Eleven": a numbered thing, in words.
        if hedge == nil && currency == nil && number.isWords && isNumberedThing(j - 1) { return nil }
        if hedge == nil && currency == nil && number.approximate == nil && number.isWords && number.value == 1
            && !oneIsFigure(at: j, end: number.end)
        {
            return nil
        }
        if let approximate = number.approximate { hedge = hedge ?? (approximate, .approximately) }
        var end = number.end
        var value = number.value
        var kind: Figure.Kind = .count
        var unit = ""
        var upper: Double?

        // Ordinals: "24th", "third" (word ordinals only before a noun that makes them a figure).
        if number.ordinal {
            guard !number.isWords || has(end, .ordinalNoun) else { return nil }
            add(.ordinal, i..<end, value: value, unit: "ordinal", hedge: hedge, counted: counted(after: end, before: i))
            return end
        }

        // Ages: "52-year-old", "a 20+-year-old system", "over 20 year old", "more than 20 years old".
        if !number.isWords || number.value > 1, let age = ageEnd(after: end) {
            let bound: (String, Figure.Bound?)? = age.plus ? ("+", .atLeast) : hedge
            add(.quantity, i..<age.end, value: value, unit: "age", hedge: bound)
            return age.end
        }

        // Scores and ranges: "3-0", "10-15", "10 to 15", "between 10 and 15".
        if end + 1 < tokens.count {
            let separator = tokens[end]
            let isDashPair = Tokenizer.isDash(separator.text) && !separator.spaceBefore && !tokens[end + 1].spaceBefore
            let isWordPair = (separator.lower == "to" && !between) || (separator.lower == "and" && between)
            if isDashPair || isWordPair {
                var k = end + 1
                if currency != nil, let prefix = currencyPrefix(at: k) { k = prefix.end }
                if let second = self.number(at: k), !second.ordinal {
                    let digitsOnly = !number.isWords && !second.isWords && number.scale == 1 && second.scale == 1
                    if isDashPair && digitsOnly && value <= 30 && second.value <= 30 && currency == nil
                        && isScoreContext(start: i, end: second.end)
                    {
                        add(.score, i..<second.end, value: value, upper: second.value, unit: "score", hedge: hedge)
                        return second.end
                    }
                    // "5 to 10 million": the scale of the second number applies to the first.
                    if number.scale == 1 && second.scale > 1 { value *= second.scale }
                    upper = second.value
                    end = second.end
                }
            }
        }
        if between && upper == nil { return nil }

        // Units after the number.
        var unitEnd = end
        if let code = currency {
            kind = .money
            unit = code
            if let word = currencyWord(at: unitEnd) { unitEnd = word.end }  // "$5 million dollars"
        } else if let word = currencyWord(at: unitEnd) {
            kind = .money
            unit = word.code
            unitEnd = word.end
        } else if unitEnd < tokens.count && tokens[unitEnd].text == "%" {
            kind = .percent
            unit = "%"
            unitEnd += 1
        } else if lower(unitEnd) == "percent" || lower(unitEnd) == "pct" {
            kind = .percent
            unit = "%"
            unitEnd += 1
            if lower(unitEnd) == "points" {
                unit = "pp"
                unitEnd += 1
            }
        } else if lower(unitEnd) == "per" && lower(unitEnd + 1) == "cent" {
            kind = .percent
            unit = "%"
            unitEnd += 2
        } else if lower(unitEnd) == "percentage" && (lower(unitEnd + 1) == "points" || lower(unitEnd + 1) == "point") {
            kind = .percent
            unit = "pp"
            unitEnd += 2
        } else if has(unitEnd, .timeUnit), let time = Lexicon.timeUnits[lower(unitEnd)] {
            kind = .duration
            unit = time
            unitEnd += 1
            if time == "decade" {
                value *= 10
                upper = upper.map { $0 * 10 }
                unit = "year"
            } else if time == "century" {
                value *= 100
                upper = upper.map { $0 * 100 }
                unit = "year"
            }
        } else if has(unitEnd, .measureUnit), let measure = Lexicon.measureUnits[lower(unitEnd)],
            !(measure == "lb" && currency == nil && kind == .money)
        {
            kind = .quantity
            unit = measure
            unitEnd += 1
        }
        if kind == .count, number.isWords, number.value == 1, hedge == nil, lower(number.end) == "of" { return nil }
        let figureStart = hedge == nil ? first : start
        add(
            kind, figureStart..<unitEnd, value: value, upper: upper, unit: unit, hedge: hedge,
            counted: counted(after: unitEnd, before: figureStart))
        return unitEnd
    }

    static let scoreWords: Set<String> = [
        "won", "win", "wins", "lost", "lose", "loss", "beat", "beats", "defeat", "defeated", "victory", "draw",
        "drew", "lead", "led", "score", "scored", "final", "match", "game", "trailing", "vote", "voted",
    ]

    /// Where an age written after a number ends: "-year-old", " year old", " years old", with a
    /// "+" before it ("20+-year-old") for "more than".
    func ageEnd(after start: Int) -> (end: Int, plus: Bool)? {
        var k = start
        var plus = false
        if k < tokens.count, tokens[k].text == "+", attached(k) {
            plus = true
            k += 1
        }
        if k < tokens.count, Tokenizer.isDash(tokens[k].text), attached(k) { k += 1 }
        guard k < tokens.count else { return nil }
        let word = tokens[k].lower
        if word == "year-old" || word == "years-old" { return (k + 1, plus) }
        if (word == "year" || word == "years") && lower(k + 1) == "old" { return (k + 2, plus) }
        return nil
    }

    /// Whether a dash pair like "3-0" reads as a score: a sports word nearby.
    func isScoreContext(start: Int, end: Int) -> Bool {
        let window = max(0, start - 5)..<min(tokens.count, end + 3)
        return window.contains { Self.scoreWords.contains(tokens[$0].lower) }
    }

    /// A number that is part of a name: "COVID-19", "G7", "F-16", "Route 66", "Boeing 737".
    func isIdentifier(at j: Int) -> Bool {
        guard j > 0 else { return false }
        let previous = tokens[j - 1]
        if !tokens[j].spaceBefore && previous.isWord { return true }  // "G7"
        // "3D", "5G", "6the": letters glued after the digits that are no unit or suffix.
        if j + 1 < tokens.count, tokens[j + 1].isWord, !tokens[j + 1].spaceBefore,
            !tokens[j + 1].has([.measureUnit, .timeUnit, .scale, .currencyCode, .month]),
            !["s", "am", "pm", "a", "p", "st", "nd", "rd", "th", "x", "c", "f", "ft", "lb", "oz"].contains(
                tokens[j + 1].lower.replacingDots)
        {
            return true
        }
        if Tokenizer.isDash(previous.text) && !tokens[j].spaceBefore && j > 1 && !previous.spaceBefore
            && tokens[j - 2].isWord && tokens[j - 2].isCapitalised
        {
            return true  // "COVID-19", "F-16"
        }
        // "Route 66", "Flight 370", "Resolution 2334": a numbered thing; "phase 1", "stage 3" in lower case too.
        return isNumberedThing(j - 1)
    }

    func isNumberedThing(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].isWord, Self.numberedThings.contains(tokens[i].lower) else {
            return false
        }
        return tokens[i].isCapitalised || Self.lowerCaseNumberedThings.contains(tokens[i].lower)
    }

    static let lowerCaseNumberedThings: Set<String> = [
        "phase", "stage", "section", "chapter", "article", "route", "flight", "gate", "terminal", "platform",
        "amendment", "proposition", "version", "snapshot", "build", "issue", "bug", "ticket", "episode", "volume",
        "patch",
    ]

    static let numberedThings: Set<String> = [
        "route", "flight", "resolution", "article", "section", "highway", "interstate", "chapter", "room", "gate",
        "terminal", "platform", "apollo", "boeing", "airbus", "proposition", "amendment", "bill", "title", "level",
        "phase", "stage", "category", "class", "unit", "block", "building", "ward", "precinct", "zone", "sector",
        "line", "lot", "pier", "track", "tower", "no", "number", "model", "version", "series", "road", "street",
        "avenue", "district", "squadron", "battalion", "brigade", "division", "regiment", "corps", "fleet",
        "snapshot", "build", "issue", "bug", "ticket", "episode", "volume", "page", "patch", "release", "figure",
        "table",
    ]

    /// "one" is a figure in "one person died", not in "one of the", "no one" or "one day".
    func oneIsFigure(at i: Int, end: Int) -> Bool {
        let before = lower(i - 1)
        if ["no", "any", "every", "each", "the", "this", "that", "which", "someone", "anyone", "only"].contains(before)
        {
            return false
        }
        let after = lower(end)
        guard end < tokens.count, tokens[end].isWord else { return false }
        return !["of", "another", "day", "way", "thing", "side", "hand", "point", "who", "that", "which"].contains(
            after)
    }

    /// The length and bound of a hedge starting at `i`, when a figure follows it.
    func hedgeLength(at i: Int) -> (Int, Figure.Bound?)? {
        guard i < tokens.count, tokens[i].has(.hedgeStart) || tokens[i].text == "~",
            let candidates = Self.hedgesByFirstWord[tokens[i].lower]
        else { return nil }
        for hedge in candidates where i + hedge.count < tokens.count {
            guard hedge.indices.allSatisfy({ tokens[i + $0].lower == hedge[$0] }) else { continue }
            let next = i + hedge.count
            let followed =
                number(at: next, afterHedge: true) != nil
                || currencyPrefix(at: next).map { number(at: $0.end) != nil } ?? false
            guard followed else { continue }
            let phrase = hedge.joined(separator: " ")
            return (hedge.count, Self.bound(of: phrase))
        }
        return nil
    }

    /// Hedges by their first word, longest first.
    static let hedgesByFirstWord: [String: [[String]]] = Dictionary(
        grouping: Lexicon.hedges.sorted { $0.count > $1.count }, by: { $0[0] })

    static func bound(of hedge: String) -> Figure.Bound? {
        switch hedge.lowercased() {
        case "at least", "more than", "over", "above", "upwards of", "in excess of", "no fewer than", "well over",
            "just over":
            .atLeast
        case "up to", "at most", "less than", "fewer than", "under", "below", "no more than", "as many as",
            "as much as", "just under", "as few as":
            .atMost
        case "about", "around", "roughly", "approximately", "nearly", "almost", "some", "an estimated", "estimated",
            "close to", "approx", "~", "barely":
            .approximately
        default:
            nil  // "only", "just", "exactly": no bound
        }
    }

    func currencyPrefix(at j: Int) -> (code: String, end: Int)? {
        guard j < tokens.count else { return nil }
        if let code = Lexicon.currencySymbols[tokens[j].text] { return (code, j + 1) }
        let word = tokens[j]
        if word.isWord, j + 1 < tokens.count, tokens[j + 1].text == "$", attached(j + 1) {
            let codes = ["us": "USD", "a": "AUD", "c": "CAD", "hk": "HKD", "nz": "NZD", "s": "SGD"]
            if let code = codes[word.lower] { return (code, j + 2) }
        }
        if word.isAllCaps && word.has(.currencyCode) && j + 1 < tokens.count
            && tokens[j + 1].isNumber
        {
            return (word.lower == "nis" ? "ILS" : word.text.uppercased(), j + 1)
        }
        return nil
    }

    func currencyWord(at j: Int) -> (code: String, end: Int)? {
        guard j < tokens.count, tokens[j].isWord else { return nil }
        var k = j
        if tokens[k].lower == "us", k + 1 < tokens.count, tokens[k + 1].lower.hasPrefix("dollar") { k += 1 }
        if tokens[k].has(.currencyWord), let code = Lexicon.currencyWords[tokens[k].lower] {
            // "pounds" after a count is a weight unless money is clear; "won" is a verb unless capitalised as KRW.
            if tokens[k].lower == "won" { return nil }
            return (code, k + 1)
        }
        if tokens[k].isAllCaps && tokens[k].has(.currencyCode) {
            return (tokens[k].lower == "nis" ? "ILS" : tokens[k].text.uppercased(), k + 1)
        }
        return nil
    }

}

extension String {
    /// "a.m." → "am".
    var replacingDots: String { filter { $0 != "." } }
}
