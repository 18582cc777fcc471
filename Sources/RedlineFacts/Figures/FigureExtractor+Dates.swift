/// Dates and times: "Nov. 24", "24 November 2021", "Tuesday", "next month", "2014", "3:15 p.m.".
extension FigureExtractor {

    /// "Nov. 24", "24 November 2021", "November 2021", "in November", "Tuesday", "next month",
    /// "2014", "the 1990s". Returns the index after the date.
    mutating func date(at i: Int) -> Int? {
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
            if j < tokens.count, ["st", "nd", "rd", "th"].contains(tokens[j].lower), attached(j) {
                j += 1
                // "the 7th of July"
                if j + 1 < tokens.count, tokens[j].lower == "of", tokens[j + 1].isCapitalised, tokens[j + 1].has(.month)
                {
                    j += 1
                }
            }
            if j < tokens.count, tokens[j].isCapitalised, tokens[j].has(.month),
                let month = Lexicon.months[tokens[j].lower]
            {
                var end = j + 1
                if end < tokens.count && tokens[end].text == "." && attached(end) { end += 1 }
                return addCalendarDate(from: i, to: end, month: month, day: Int(dayValue), yearAfterComma: false)
            }
        }
        if token.has(.weekday) && token.isCapitalised {
            // "Friday, March 6", "Tuesday 8 February": the weekday belongs to the date it names.
            var j = i + 1
            if j < tokens.count && tokens[j].text == "," { j += 1 }
            let count = figures.count
            if j < tokens.count, j > i + 1 || !tokens[j].spaceBefore || tokens[j].isCapitalised || tokens[j].isNumber,
                let end = date(at: j), figures.count == count + 1, figures[count].kind == .date,
                figures[count].unit != "weekday"
            {
                extend(count, from: i)
                return end
            }
            figures.removeSubrange(count...)
            add(.date, i..<(i + 1), value: Double(weekdayIndex(token.lower)), unit: "weekday")
            return i + 1
        }
        // "5/22", "5/22/2015": a US numeric date (the day above 12 or a year, so "1/2" stays a fraction).
        if token.isNumber, let month = token.numberValue, month >= 1, month <= 12, month == month.rounded(),
            i + 2 < tokens.count, tokens[i + 1].text == "/", attached(i + 1), attached(i + 2),
            let day = dayNumber(at: i + 2), day.end == i + 3
        {
            var end = day.end
            var year: Int?
            if end + 1 < tokens.count, tokens[end].text == "/", attached(end), attached(end + 1),
                tokens[end + 1].isNumber,
                let value = tokens[end + 1].numberValue, [2, 4].contains(tokens[end + 1].text.count)
            {
                year = Int(value) < 100 ? 2000 + Int(value) : Int(value)
                end += 2
            }
            if day.value > 12 || year != nil {
                var value = Double(Int(month) * 100 + day.value)
                if let year { value += Double(year * 10000) }
                add(.date, i..<end, value: value, unit: year == nil ? "month-day" : "date")
                return end
            }
        }
        if token.has(.dayWord) {
            // "today's world" names no day.
            if i + 1 < tokens.count, tokens[i + 1].lower == "s", attached(i + 1) { return nil }
            let offsets = ["yesterday": -1.0, "today": 0, "tonight": 0, "tomorrow": 1]
            add(.date, i..<(i + 1), value: offsets[token.lower] ?? 0, unit: "relative-day")
            return i + 1
        }
        // "the last day", "the past hour": a span of one unit, a duration like "the last three days".
        if token.has(.relativeHead), i > 0, has(i + 1, .timeUnit), lower(i - 1) == "the",
            ["last", "past", "next"].contains(token.lower), ["day", "hour", "minute"].contains(lower(i + 1)),
            let unit = Lexicon.timeUnits[lower(i + 1)]
        {
            add(.duration, i..<(i + 2), value: 1, unit: unit)
            return i + 2
        }
        if token.has(.relativeHead) && has(i + 1, .relativeUnit) {
            // "earlier this month", "next week": the head decides the value.
            let heads = ["last": -1.0, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1]
            let unit = lower(i + 1)
            add(.date, i..<(i + 2), value: heads[token.lower] ?? 0, unit: "relative-\(unit)")
            return i + 2
        }
        if token.isNumber, token.text.count == 4, let value = token.numberValue, value >= 1800, value <= 2100 {
            // "the 1990s", "the 1990's"
            if i + 1 < tokens.count, tokens[i + 1].lower == "s", attached(i + 1) {
                add(.year, i..<(i + 2), value: value, unit: "decade")
                return i + 2
            }
            if i + 2 < tokens.count, ["'", "\u{2019}"].contains(tokens[i + 1].text), tokens[i + 2].lower == "s",
                attached(i + 1), attached(i + 2)
            {
                add(.year, i..<(i + 3), value: value, unit: "decade")
                return i + 3
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
    mutating func addCalendarDate(from start: Int, to end: Int, month: Int, day: Int, yearAfterComma: Bool)
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

    /// Widens figure `index` to start at token `start` ("Friday, March 6" from "March 6").
    mutating func extend(_ index: Int, from start: Int) {
        let range = tokens[start].range.lowerBound..<figures[index].range.upperBound
        figures[index].range = range
        figures[index].surface = String(decoding: bytes[range], as: UTF8.self)
    }

    func weekdayIndex(_ day: String) -> Int {
        ["monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7][day] ?? 0
    }

    func dayNumber(at j: Int) -> (value: Int, end: Int)? {
        guard j < tokens.count, tokens[j].isNumber, let value = tokens[j].numberValue, value >= 1, value <= 31,
            value == value.rounded(), !tokens[j].text.contains(".")
        else { return nil }
        var end = j + 1
        if end < tokens.count, ["st", "nd", "rd", "th"].contains(tokens[end].lower), attached(end) { end += 1 }
        return (Int(value), end)
    }

    func year(at j: Int, allowComma: Bool) -> (value: Int, end: Int)? {
        var k = j
        if allowComma && k < tokens.count && tokens[k].text == "," { k += 1 }
        guard k < tokens.count, tokens[k].isNumber, tokens[k].text.count == 4, let value = tokens[k].numberValue,
            value >= 1800, value <= 2100
        else { return nil }
        return (Int(value), k + 1)
    }

    /// "3:15 p.m.", "10 a.m. ET", "15:00", "at noon".
    mutating func time(at i: Int) -> Int? {
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
        // "11;59 p.m." is a typing slip for "11:59 p.m." (only with a.m./p.m. after it).
        let semicolon =
            j + 2 < tokens.count && tokens[j].text == ";"
            && ["am", "pm"].contains(tokens[j + 2].lower.replacingDots)
        if j + 1 < tokens.count, tokens[j].text == ":" || semicolon, attached(j), tokens[j + 1].isNumber,
            attached(j + 1),
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
}
