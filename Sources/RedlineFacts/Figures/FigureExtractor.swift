/// Finds the figures of one sentence: amounts, percentages, counts, dates, times, durations,
/// scores and ranges, each with its hedge and the noun or verb it counts.
///
/// - Complexity: O(n) in the sentence's tokens (each pattern looks a bounded distance ahead).
struct FigureExtractor {
    let tokens: [Token]
    let bytes: [UInt8]
    private(set) var figures: [Figure] = []

    init(tokens: [Token], bytes: [UInt8]) {
        self.tokens = tokens
        self.bytes = bytes
    }

    static func figures(in tokens: [Token], bytes: [UInt8]) -> [Figure] {
        var extractor = FigureExtractor(tokens: tokens, bytes: bytes)
        extractor.run()
        return extractor.figures
    }

    private func lower(_ i: Int) -> String { i >= 0 && i < tokens.count ? tokens[i].lower : "" }
    private func isWord(_ i: Int, _ word: String) -> Bool { lower(i) == word }
    /// True when token `i` follows the previous one with no space ("5m", "24th", "3:15").
    private func attached(_ i: Int) -> Bool { i < tokens.count && !tokens[i].spaceBefore }

    private func mayStartFigure(_ token: Token) -> Bool {
        switch token.kind {
        case .number: true
        case .punctuation: Lexicon.currencySymbols[token.text] != nil || token.text == "~"
        case .word: token.has(.figureStart)
        }
    }

    /// True when token `i` exists and is in the list `flag` stands for.
    private func has(_ i: Int, _ flag: WordFlags) -> Bool { i >= 0 && i < tokens.count && tokens[i].has(flag) }

    private mutating func run() {
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

    private mutating func add(
        _ kind: Figure.Kind, _ span: Range<Int>, value: Double, upper: Double? = nil, unit: String,
        hedge: (String, Figure.Bound?)? = nil, counted: String? = nil
    ) {
        let range = tokens[span.lowerBound].range.lowerBound..<tokens[span.upperBound - 1].range.upperBound
        figures.append(
            Figure(
                surface: String(decoding: bytes[range], as: UTF8.self), range: range, kind: kind, value: value,
                upper: upper, unit: unit, hedge: hedge?.0, bound: hedge?.1, counted: counted))
    }

    // MARK: Dates and times

    /// "Nov. 24", "24 November 2021", "November 2021", "in November", "Tuesday", "next month",
    /// "2014", "the 1990s". Returns the index after the date.
    private mutating func date(at i: Int) -> Int? {
        let token = tokens[i]
        if token.has(.month), token.isCapitalised, let month = Lexicon.months[token.lower] {
            var j = i + 1
            if j < tokens.count && tokens[j].text == "." && attached(j) { j += 1 }
            if let day = dayNumber(at: j) {
                return addCalendarDate(from: i, to: day.end, month: month, day: day.value, yearAfterComma: true)
            }
            if let year = year(at: j, allowComma: false) {
                add(.date, i..<year.end, value: Double(year.value * 100 + month), unit: "month-year")
                return year.end
            }
            // A month alone is a date after a preposition ("in November"); "May" and "March" need one.
            let before = lower(i - 1)
            if ["in", "since", "until", "by", "from", "last", "next", "this", "early", "late", "mid", "of", "through"]
                .contains(before), token.lower.count > 3 || token.text.hasSuffix(".") || j > i + 1
            {
                add(.date, i..<j, value: Double(month), unit: "month")
                return j
            }
            return nil
        }
        if token.isNumber, let dayValue = token.numberValue, dayValue >= 1, dayValue <= 31,
            dayValue == dayValue.rounded()
        {
            var j = i + 1
            if j < tokens.count, ["st", "nd", "rd", "th"].contains(tokens[j].lower), attached(j) { j += 1 }
            if j < tokens.count, tokens[j].isCapitalised, tokens[j].has(.month),
                let month = Lexicon.months[tokens[j].lower]
            {
                var end = j + 1
                if end < tokens.count && tokens[end].text == "." && attached(end) { end += 1 }
                return addCalendarDate(from: i, to: end, month: month, day: Int(dayValue), yearAfterComma: false)
            }
        }
        if token.has(.weekday) && token.isCapitalised {
            add(.date, i..<(i + 1), value: Double(weekdayIndex(token.lower)), unit: "weekday")
            return i + 1
        }
        if token.has(.dayWord) {
            add(.date, i..<(i + 1), value: token.lower == "yesterday" ? -1 : 1, unit: "relative-day")
            return i + 1
        }
        if token.has(.relativeHead) && has(i + 1, .relativeUnit) {
            // "earlier this month", "next week": the head decides the value.
            let heads = ["last": -1.0, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1]
            let unit = lower(i + 1)
            add(.date, i..<(i + 2), value: heads[token.lower] ?? 0, unit: "relative-\(unit)")
            return i + 2
        }
        if token.isNumber, token.text.count == 4, let value = token.numberValue, value >= 1800, value <= 2100 {
            // "the 1990s"
            if i + 1 < tokens.count, tokens[i + 1].lower == "s", attached(i + 1) {
                add(.year, i..<(i + 2), value: value, unit: "decade")
                return i + 2
            }
            // "2,000 troops" has a comma; "2000 troops" counts troops; "2014 election" is a year.
            let next = i + 1 < tokens.count ? tokens[i + 1] : nil
            let countsSomething =
                next.map {
                    $0.isWord && !$0.isCapitalised && $0.lower.hasSuffix("s") && !$0.lower.hasSuffix("ss")
                        && !["elections", "olympics", "games", "midterms"].contains($0.lower)
                } ?? false
            let afterMoney = i > 0 && Lexicon.currencySymbols[tokens[i - 1].text] != nil
            if !countsSomething && !afterMoney && !(next.map { $0.has(.scale) } ?? false) {
                add(.year, i..<(i + 1), value: value, unit: "year")
                return i + 1
            }
        }
        return nil
    }

    /// A day of a month from `start` to `end`, with the year that follows if any: "Nov. 24, 2021"
    /// is 20211124, "24 November" 1124. Returns the index after the date.
    private mutating func addCalendarDate(from start: Int, to end: Int, month: Int, day: Int, yearAfterComma: Bool)
        -> Int
    {
        var end = end
        var value = Double(month * 100 + day)
        var unit = "month-day"
        if let year = year(at: end, allowComma: yearAfterComma) {
            value += Double(year.value * 10000)
            unit = "date"
            end = year.end
        }
        add(.date, start..<end, value: value, unit: unit)
        return end
    }

    private func weekdayIndex(_ day: String) -> Int {
        ["monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7][day] ?? 0
    }

    private func dayNumber(at j: Int) -> (value: Int, end: Int)? {
        guard j < tokens.count, tokens[j].isNumber, let value = tokens[j].numberValue, value >= 1, value <= 31,
            value == value.rounded(), !tokens[j].text.contains(".")
        else { return nil }
        var end = j + 1
        if end < tokens.count, ["st", "nd", "rd", "th"].contains(tokens[end].lower), attached(end) { end += 1 }
        return (Int(value), end)
    }

    private func year(at j: Int, allowComma: Bool) -> (value: Int, end: Int)? {
        var k = j
        if allowComma && k < tokens.count && tokens[k].text == "," { k += 1 }
        guard k < tokens.count, tokens[k].isNumber, tokens[k].text.count == 4, let value = tokens[k].numberValue,
            value >= 1800, value <= 2100
        else { return nil }
        return (Int(value), k + 1)
    }

    /// "3:15 p.m.", "10 a.m. ET", "15:00", "at noon".
    private mutating func time(at i: Int) -> Int? {
        let token = tokens[i]
        if token.isWord && (token.lower == "noon" || token.lower == "midnight"),
            ["at", "by", "before", "after", "until", "around", "from"].contains(lower(i - 1))
        {
            add(.time, i..<(i + 1), value: token.lower == "noon" ? 720 : 0, unit: "time")
            return i + 1
        }
        guard token.isNumber, let hour = token.numberValue, hour >= 0, hour <= 24, hour == hour.rounded() else {
            return nil
        }
        var j = i + 1
        var minutes = 0.0
        var hasMinutes = false
        if j + 1 < tokens.count, tokens[j].text == ":", attached(j), tokens[j + 1].isNumber, attached(j + 1),
            tokens[j + 1].text.count == 2, let value = tokens[j + 1].numberValue
        {
            minutes = value
            hasMinutes = true
            j += 2
        }
        var meridiem: String?
        if j < tokens.count {
            let word = tokens[j].lower.replacingDots
            if word == "am" || word == "pm" {
                meridiem = word
                j += 1
            }
        }
        guard hasMinutes || meridiem != nil else { return nil }
        var h = hour
        if meridiem == "pm" && h < 12 { h += 12 }
        if meridiem == "am" && h == 12 { h = 0 }
        if has(j, .timeZone) { j += 1 }
        add(.time, i..<j, value: h * 60 + minutes, unit: "time")
        return j
    }

    // MARK: Amounts

    /// A hedge, a currency, a number (digits or words), a scale, a unit: "at least $5 million",
    /// "67 percent", "twenty-five people", "3-0", "10 to 15", "over a decade".
    private mutating func amount(at start: Int) -> Int? {
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

    private static let scoreWords: Set<String> = [
        "won", "win", "wins", "lost", "lose", "loss", "beat", "beats", "defeat", "defeated", "victory", "draw",
        "drew", "lead", "led", "score", "scored", "final", "match", "game", "trailing", "vote", "voted",
    ]

    /// Whether a dash pair like "3-0" reads as a score: a sports word nearby.
    private func isScoreContext(start: Int, end: Int) -> Bool {
        let window = max(0, start - 5)..<min(tokens.count, end + 3)
        return window.contains { Self.scoreWords.contains(tokens[$0].lower) }
    }

    /// A number that is part of a name: "COVID-19", "G7", "F-16", "Route 66", "Boeing 737".
    private func isIdentifier(at j: Int) -> Bool {
        guard j > 0 else { return false }
        let previous = tokens[j - 1]
        if !tokens[j].spaceBefore && previous.isWord { return true }  // "G7"
        if Tokenizer.isDash(previous.text) && !tokens[j].spaceBefore && j > 1 && !previous.spaceBefore
            && tokens[j - 2].isWord && tokens[j - 2].isCapitalised
        {
            return true  // "COVID-19", "F-16"
        }
        // "Route 66", "Flight 370", "Resolution 2334": a numbered thing.
        return previous.isWord && previous.isCapitalised && Self.numberedThings.contains(previous.lower)
    }

    private static let numberedThings: Set<String> = [
        "route", "flight", "resolution", "article", "section", "highway", "interstate", "chapter", "room", "gate",
        "terminal", "platform", "apollo", "boeing", "airbus", "proposition", "amendment", "bill", "title", "level",
        "phase", "stage", "category", "class", "unit", "block", "building", "ward", "precinct", "zone", "sector",
        "line", "lot", "pier", "track", "tower", "no", "number", "model", "version", "series", "road", "street",
        "avenue", "district", "squadron", "battalion", "brigade", "division", "regiment", "corps", "fleet",
    ]

    /// "one" is a figure in "one person died", not in "one of the", "no one" or "one day".
    private func oneIsFigure(at i: Int, end: Int) -> Bool {
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
    private func hedgeLength(at i: Int) -> (Int, Figure.Bound?)? {
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
    private static let hedgesByFirstWord: [String: [[String]]] = Dictionary(
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

    private func currencyPrefix(at j: Int) -> (code: String, end: Int)? {
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

    private func currencyWord(at j: Int) -> (code: String, end: Int)? {
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

    // MARK: Numbers

    struct Number {
        var value: Double
        var end: Int
        var isWords: Bool
        var ordinal: Bool
        /// The multiplier a scale word applied (1 when none).
        var scale: Double
        /// "hundreds of", "dozens of", "a dozen": a hedge the number carries itself.
        var approximate: String?
    }

    /// A number at `j`: digits with an optional scale ("5", "5,000", "1.2bn", "5 million"), or words
    /// ("six", "twenty-five", "three hundred", "a dozen", "half a million", "hundreds of").
    func number(at j: Int, afterHedge: Bool = false) -> Number? {
        guard j < tokens.count else { return nil }
        let token = tokens[j]
        if token.isNumber, var value = token.numberValue {
            var end = j + 1
            if end < tokens.count, attached(end), ["st", "nd", "rd", "th"].contains(tokens[end].lower),
                !token.text.contains(".")
            {
                return Number(value: value, end: end + 1, isWords: false, ordinal: true, scale: 1)
            }
            var scale = 1.0
            if end < tokens.count, attached(end), tokens[end].has(.scale),
                Lexicon.attachedScales.contains(tokens[end].lower),
                let multiplier = Lexicon.scales[tokens[end].lower]
            {
                scale = multiplier
                end += 1
            } else {
                while end < tokens.count, tokens[end].has(.scale), let multiplier = Lexicon.scales[tokens[end].lower],
                    tokens[end].lower.count > 2 || tokens[end].lower == "bn" || tokens[end].lower == "mn"
                {
                    scale *= multiplier
                    end += 1
                }
            }
            value *= scale
            return Number(value: value, end: end, isWords: false, ordinal: false, scale: scale)
        }
        guard token.isWord else { return nil }
        if token.has(.ordinal), let ordinal = Lexicon.ordinals[token.lower] {
            return Number(value: ordinal, end: j + 1, isWords: true, ordinal: true, scale: 1)
        }
        // "hundreds of", "tens of thousands of", "dozens of"
        if token.has(.approximateAmount), let amount = Lexicon.approximateAmounts[token.lower] {
            var end = j + 1
            var value = amount
            if lower(end) == "of", let next = Lexicon.approximateAmounts[lower(end + 1)], next > 10 {
                value *= next
                end += 2
            }
            guard lower(end) == "of" else { return nil }
            let phrase = tokens[j..<(end + 1)].map(\.text).joined(separator: " ")
            return Number(value: value, end: end + 1, isWords: true, ordinal: false, scale: 1, approximate: phrase)
        }
        // "a dozen", "a hundred", "a million", "a decade", "half a million"
        if token.lower == "a" || token.lower == "an" {
            let next = lower(j + 1)
            if next == "dozen" {
                return Number(value: 12, end: j + 2, isWords: true, ordinal: false, scale: 1)
            }
            if let scale = Lexicon.scales[next], next.count > 2 {
                return Number(value: scale, end: j + 2, isWords: true, ordinal: false, scale: scale)
            }
            // "a decade", "over a year": one of the unit that follows (a bare "a year" is no figure).
            if next == "decade" || next == "century" || (afterHedge && Lexicon.timeUnits[next] != nil) {
                return Number(value: 1, end: j + 1, isWords: true, ordinal: false, scale: 1)
            }
            return nil
        }
        if token.lower == "half", lower(j + 1) == "a", let scale = Lexicon.scales[lower(j + 2)], lower(j + 2).count > 2
        {
            return Number(value: scale / 2, end: j + 3, isWords: true, ordinal: false, scale: scale)
        }
        if token.lower == "dozen" {
            return Number(value: 12, end: j + 1, isWords: true, ordinal: false, scale: 1)
        }
        guard token.has(.numberWord), let first = wordValue(token.lower) else { return nil }
        var value = first
        var end = j + 1
        var group = first
        var total = 0.0
        // "twenty five", "three hundred (and) twenty", "two million"
        while end < tokens.count && tokens[end].has([.numberWord, .scale])
            || (end < tokens.count && tokens[end].lower == "and")
        {
            let word = tokens[end].lower
            if let unit = Lexicon.units[word], group >= 20, group.truncatingRemainder(dividingBy: 10) == 0, group < 100
            {
                group += unit
                end += 1
            } else if word == "hundred" {
                group *= 100
                end += 1
            } else if let scale = Lexicon.scales[word], word.count > 2, scale >= 1000 {
                total += group * scale
                group = 0
                end += 1
            } else if word == "and", end + 1 < tokens.count, let next = wordValue(tokens[end + 1].lower), next < 100,
                group >= 100 || total > 0
            {
                group += next
                end += 2
            } else if let next = wordValue(word), next < 100, group >= 100 || total > 0, next > 0 {
                group += next
                end += 1
            } else {
                break
            }
        }
        value = total + group
        let scale = total > 0 && group == 0 ? value / first : 1
        return Number(value: value, end: end, isWords: true, ordinal: false, scale: max(scale, 1))
    }

    /// "six" → 6, "twenty-five" → 25, "forty" → 40.
    private func wordValue(_ word: String) -> Double? {
        if let unit = Lexicon.units[word] { return unit }
        if let ten = Lexicon.tens[word] { return ten }
        guard word.utf8.count > 6, word.utf8.contains(where: { $0 == UInt8(ascii: "-") || $0 >= 0x80 }) else {
            return nil
        }
        let parts = word.split(whereSeparator: { $0 == "-" || $0 == "\u{2010}" || $0 == "\u{2011}" })
        if parts.count == 2, let ten = Lexicon.tens[String(parts[0])], let unit = Lexicon.units[String(parts[1])],
            unit < 10
        {
            return ten + unit
        }
        return nil
    }

    // MARK: Vague quantities

    /// "several times", "many people", "for years": recorded so that a number replacing them shows.
    private mutating func vague(at i: Int) -> Int? {
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
    private static let generic: Set<String> = [
        "people", "persons", "others", "civilians", "children", "adults", "residents", "soldiers", "troops",
        "police", "officers", "workers", "migrants", "refugees", "patients", "passengers", "men", "women",
    ]
    private static let skipped: Set<String> = [
        "of", "the", "a", "an", "and", "or", "in", "on", "at", "to", "for", "from", "with", "by", "were", "was", "have",
        "had", "been", "are", "is", "be", "being", "more", "other", "new", "additional", "further", "about",
    ]
    private static let linking: Set<String> = [
        "rose", "climbed", "reached", "stood", "increased", "fell", "dropped", "jumped", "soared", "grew", "was", "is",
        "at", "to", "of", "by", "from", "totaled", "totalled", "hit", "topped", "stands", "has", "had", "now",
        "the", "a", "an", "nearly", "about", "around", "some", "than", "least", "more", "over", "in", "within", "for",
        "after", "during", "less", "under", "only", "just", "aside", "almost", "roughly", "up", "as", "many", "much",
    ]

    /// The noun or verb a figure counts: the first content word after it ("bounty"; "killed" in
    /// "12 people were killed"), else the word it is the object of ("killing 12", "toll rose to 15").
    private func counted(after end: Int, before start: Int) -> String? {
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

extension String {
    /// "a.m." → "am".
    var replacingDots: String { filter { $0 != "." } }
}
