import RedlineDiff
import Testing

@testable import RedlineFacts

/// Figures found where the markers say, with the value, unit, hedge and counted word expected.
@Suite("Figures")
struct FigureTests {
    func figures(_ marked: MarkedText) -> [Figure] {
        FactSheet(marked.text).sentences.flatMap(\.figures).filter { $0.kind != .vague }
    }

    func figure(at offset: Int, in figures: [Figure]) -> Figure? {
        figures.first { $0.range.lowerBound == offset }
    }

    @Test("Counts with hedges and the verb they count")
    func counts() throws {
        let marked = MarkedText("Floods killed 1️⃣at least 12 people and injured 2️⃣more than 40 on Tuesday.")
        let found = figures(marked)
        let toll = try #require(figure(at: marked["1️⃣"], in: found))
        #expect(toll.surface == "at least 12")
        #expect(toll.value == 12)
        #expect(toll.bound == .atLeast)
        #expect(toll.counted == "people")
        let injured = try #require(figure(at: marked["2️⃣"], in: found))
        #expect(injured.value == 40)
        #expect(injured.counted == "injured")
    }

    @Test("Money by symbol, code and word, with scales; the same amount written two ways has one key")
    func money() throws {
        let marked = MarkedText(
            "The U.S. offered a 1️⃣$5 million bounty, Turkey paid 2️⃣₺3bn and Israel 3️⃣40 million shekels; 4️⃣USD 2,500 more.")
        let found = figures(marked)
        let bounty = try #require(figure(at: marked["1️⃣"], in: found))
        #expect(bounty.kind == .money && bounty.unit == "USD" && bounty.value == 5_000_000)
        #expect(bounty.counted == "bounty")
        let lira = try #require(figure(at: marked["2️⃣"], in: found))
        #expect(lira.unit == "TRY" && lira.value == 3e9)
        let shekels = try #require(figure(at: marked["3️⃣"], in: found))
        #expect(shekels.unit == "ILS" && shekels.value == 40e6)
        let dollars = try #require(figure(at: marked["4️⃣"], in: found))
        #expect(dollars.unit == "USD" && dollars.value == 2500)
        let other = try #require(figures(MarkedText("They offered $5,000,000 for it.")).first)
        #expect(other.key == bounty.key)
    }

    @Test("Percentages and percentage points")
    func percentages() throws {
        let marked = MarkedText("Turnout rose to 1️⃣67%, or 2️⃣67 per cent, a gain of 3️⃣4 percentage points.")
        let found = figures(marked)
        let a = try #require(figure(at: marked["1️⃣"], in: found))
        let b = try #require(figure(at: marked["2️⃣"], in: found))
        let c = try #require(figure(at: marked["3️⃣"], in: found))
        #expect(a.key == b.key)
        #expect(a.unit == "%" && c.unit == "pp" && c.value == 4)
    }

    @Test("Number words, a dozen, hundreds of, ordinals")
    func numberWords() throws {
        let marked = MarkedText(
            "1️⃣Twenty-five miners and 2️⃣a dozen rescuers worked as 3️⃣hundreds of people waited; it was the 4️⃣third time.")
        let found = figures(marked)
        #expect(try #require(figure(at: marked["1️⃣"], in: found)).value == 25)
        #expect(try #require(figure(at: marked["2️⃣"], in: found)).value == 12)
        let hundreds = try #require(figure(at: marked["3️⃣"], in: found))
        #expect(hundreds.value == 100 && hundreds.bound == .approximately)
        let third = try #require(figure(at: marked["4️⃣"], in: found))
        #expect(third.kind == .ordinal && third.value == 3)
        #expect(figures(MarkedText("six people")).first?.key == figures(MarkedText("6 people")).first?.key)
    }

    @Test("Dates, times, years and durations")
    func dates() throws {
        let marked = MarkedText(
            "On 1️⃣Tuesday, 2️⃣Nov. 24, at 3️⃣3:15 p.m., officials said the plan from 4️⃣2014 would take 5️⃣over a decade, starting 6️⃣next month."
        )
        let found = figures(marked)
        // The weekday belongs to the date it names: one figure, "Tuesday, Nov. 24".
        let day = try #require(figure(at: marked["1️⃣"], in: found))
        #expect(day.kind == .date && day.value == 1124 && day.surface == "Tuesday, Nov. 24")
        #expect(figure(at: marked["2️⃣"], in: found) == nil)
        #expect(try #require(figures(MarkedText("1️⃣Tuesday was calm.")).first).unit == "weekday")
        let time = try #require(figure(at: marked["3️⃣"], in: found))
        #expect(time.kind == .time && time.value == 15 * 60 + 15)
        #expect(try #require(figure(at: marked["4️⃣"], in: found)).kind == .year)
        let decade = try #require(figure(at: marked["5️⃣"], in: found))
        #expect(decade.kind == .duration && decade.value == 10 && decade.unit == "year" && decade.bound == .atLeast)
        #expect(try #require(figure(at: marked["6️⃣"], in: found)).unit == "relative-month")
        let longForm = figures(MarkedText("It happened on November 24."))
        #expect(longForm.first?.key == day.key)
    }

    @Test("Ranges and scores")
    func rangesAndScores() throws {
        let marked = MarkedText("Valdera won 1️⃣3-0 after 2️⃣10 to 15 minutes; tickets cost 3️⃣between 40 and 90 euros.")
        let found = figures(marked)
        let score = try #require(figure(at: marked["1️⃣"], in: found))
        #expect(score.kind == .score && score.value == 3 && score.upper == 0)
        let range = try #require(figure(at: marked["2️⃣"], in: found))
        #expect(range.value == 10 && range.upper == 15 && range.unit == "minute")
        let price = try #require(figure(at: marked["3️⃣"], in: found))
        #expect(price.kind == .money && price.unit == "EUR" && price.upper == 90)
    }

    @Test("Numbers that are part of a name are not figures")
    func identifiers() {
        let found = figures(MarkedText("COVID-19 kept G7 leaders apart; Flight 370 and Route 66 were closed."))
        #expect(found.isEmpty)
        let marked = MarkedText("Israel paid 1️⃣40 million shekels.")
        #expect(figure(at: marked["1️⃣"], in: figures(marked))?.unit == "ILS")
    }

    @Test("Vague quantities are not figures, and 'one of' is no count")
    func notFigures() {
        let found = figures(
            MarkedText("Several people said many homes and one of the bridges had been damaged for years."))
        #expect(found.isEmpty)
    }
}
