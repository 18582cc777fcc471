/// Numbers in digits and in words, with their scales.
extension FigureExtractor {

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
            // "about a mile", "nearly a kilometre": one of the measure after a hedge.
            if next == "decade" || next == "century"
                || (afterHedge && (Lexicon.timeUnits[next] != nil || Lexicon.measureUnits[next] != nil))
            {
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
    func wordValue(_ word: String) -> Double? {
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
}
