import Foundation
import Testing

@testable import RedlineFacts

/// The generated word lists (`Sources/RedlineFacts/Lexicons/generate.py`) and the name rules
/// that stand on them (issue 14, class 3: name precision).
@Suite("Lexicons and name precision")
struct LexiconTests {
    func names(_ text: String) -> [String] {
        FactSheet(text).sentences.flatMap(\.names).map(\.surface)
    }

    @Test("The generated tables: samples of each, and words that must not be there")
    func tables() {
        #expect(GeneratedLexicon.commonWords.contains("residents"))
        #expect(GeneratedLexicon.commonWords.contains("best"))
        #expect(!GeneratedLexicon.commonWords.contains("tunisia"))
        #expect(!GeneratedLexicon.commonWords.contains("x"))
        #expect(GeneratedLexicon.places.contains("tunisia"))
        #expect(GeneratedLexicon.places.contains("newyork"))
        #expect(GeneratedLexicon.places.contains("lakewood"))
        #expect(!GeneratedLexicon.places.contains("police"))  // Police, Poland: a common word first
        #expect(GeneratedLexicon.givenNames.contains("jennifer"))
        #expect(!GeneratedLexicon.givenNames.contains("will"))
        #expect(GeneratedLexicon.usStates["co"] == "colorado")
        // The tables are sorted, so that the binary search finds every entry.
        for table in [GeneratedLexicon.commonWords, GeneratedLexicon.places, GeneratedLexicon.givenNames] {
            let records = table.table.withUTF8Buffer { Array($0) }
            #expect(records.count == table.width * table.count)
            var previous: ArraySlice<UInt8> = []
            for k in 0..<table.count {
                let record = records[(k * table.width)..<((k + 1) * table.width)]
                #expect(previous.lexicographicallyPrecedes(record))
                previous = record
            }
        }
    }

    @Test("The compiled word-flag table holds exactly the flags the word lists give")
    func generatedFlags() throws {
        let source = StaticWordFlagTable.source(for: Lexicon.computedFlags)
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(
                "Sources/RedlineFacts/Lexicons/WordFlags.generated.swift")
        if ProcessInfo.processInfo.environment["REDLINE_WRITE_WORD_FLAGS"] == "1" {
            try source.write(to: path, atomically: true, encoding: .utf8)
        }
        let current = try String(contentsOf: path, encoding: .utf8)
        #expect(
            current == source,
            "WordFlags.generated.swift is out of date: REDLINE_WRITE_WORD_FLAGS=1 swift test --filter generatedFlags")
        let wrong = Lexicon.computedFlags.filter { Lexicon.generatedFlagTable[$0.key] != $0.value }
        #expect(wrong.isEmpty)
        #expect(Lexicon.generatedFlagTable["notaword"] == nil)
    }

    @Test("Ordinary capitalised words at a sentence, list item or heading start are not names")
    func ordinaryOpeners() {
        #expect(names("Residents fled the flood.").isEmpty)
        #expect(names("Pro tip: Use a password manager for the team.").isEmpty)
        #expect(names("Information Technology certification programs are popular.").isEmpty)
        #expect(names("Best Places to Visit in Rome") == ["Rome"])
        #expect(names("Improved Customer Service") == [])
        // Known places and first names at the start stay names.
        #expect(names("Tunisia declared a state of emergency.") == ["Tunisia"])
        #expect(names("Lakewood opened a new office.") == ["Lakewood"])
        #expect(names("Jennifer said the plan was sound.") == ["Jennifer"])
        // A word the text capitalises inside a sentence stays a name at the start.
        #expect(names("Apple sold more phones. Analysts said Apple would gain.").contains("Apple"))
    }

    @Test("Contractions, single letters, acronyms for things, holidays, seasons and plural nationalities")
    func thingsThatNameNobody() {
        #expect(names("We've seen this before, and I’m sure of it.").isEmpty)
        #expect(names("Option B was cheaper than plan X for the city.").isEmpty)
        #expect(names("The PDF and the PNG files list the CEO and the FAQ.").isEmpty)
        #expect(names("Teams shared APIs and KPIs with the EU.") == ["EU"])
        #expect(names("Shops close for Christmas and Ramadan, and again in Winter.").isEmpty)
        #expect(names("Many Americans and Tunisians travelled on Fridays.").isEmpty)
        #expect(names("Aligning AgOpportunity with the budget was hard.") == ["AgOpportunity"])
        // A field's label is no name; a speaker before a colon is.
        #expect(names("You can reach us on Signal or Mai: opensuse-defrag@example.net").contains("Mai") == false)
        #expect(names("He quoted Lopez: We will win the state.").contains("Lopez"))
    }

    @Test("Spans stop before a weekday and keep a middle initial")
    func spans() {
        #expect(names("Gunmen stormed the Bardo National Museum on Wednesday.") == ["Bardo National Museum"])
        #expect(names("He met President-elect Donald J. Trump in New York.").contains("Donald J. Trump"))
    }

    @Test("Name comparison: plurals, hyphenated surnames, US state codes, respelt headings")
    func comparisons() {
        func changes(_ old: String, _ new: String) -> [String] {
            FactDiff(old: old, new: new).changes.map {
                "\($0.kind.rawValue) \($0.change.rawValue) \($0.old ?? "-") -> \($0.new ?? "-")"
            }
        }
        #expect(
            changes(
                "Ask your Information System Security Officer for help.",
                "Ask your Information System Security Officers for help."
            ).isEmpty)
        #expect(
            changes("Thanks to Rebecca Refoy-Sidibe for the review.", "Thanks to Rebecca Refoy for the review.")
                == ["name modified Rebecca Refoy-Sidibe -> Rebecca Refoy"])
        #expect(
            changes(
                "The Colorado office has staff in Lakewood, CO, for years.",
                "The Colorado office has staff in Lakewood, Colorado, for years."
            ).isEmpty)
        let body = "\n\nThe program was named AgOpportunity by the department.\n"
        #expect(
            changes("Aligning AgOpporunity with Priorities" + body, "Aligning AgOpportunity with Priorities" + body)
                == ["name modified AgOpporunity -> AgOpportunity"])
    }
}
