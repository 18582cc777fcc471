import RedlineDiff
import Testing

@testable import RedlineFacts

/// Random texts made of the pieces extractors care about (quotes, dashes, numbers, currencies,
/// abbreviations, names, non-ASCII letters): nothing traps, and every fact points at its own text.
@Suite("Facts on random text")
struct RobustnessTests {
    static let pieces = [
        "“", "”", "\"", "'", "’", "‘", "«", "»", "$", "€", "₺", "%", "5", "12", "3.5", "5,000,000", "2014", "24th",
        "3-0", "—", "-", "(", ")", ":", ",", ".", "!", "?", "…", "million", "bn", "percent", "at least", "about",
        "Mr.", "U.S.", "Nov.", "Tuesday", "Isaac", "Herzog", "al-Assad", "Erdoğan", "İstanbul", "said", "told",
        "according to", "he", "she", "the", "a", "dozen", "hundreds of", "several", "never", "may", "not",
        "declined to confirm", "Updated", "By", "\n", "\n\n", " ", "  ", "JERUSALEM (AP) —", "#", "ø", "ß", "ı",
    ]

    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func text(words: Int) -> String {
            (0..<words).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined(separator: " ")
        }
    }

    static func check(_ sheet: FactSheet, _ text: String) {
        let bytes = Array(text.utf8)
        for sentence in sheet.sentences {
            #expect(sentence.range.upperBound <= bytes.count)
            for figure in sentence.figures {
                #expect(String(decoding: bytes[figure.range], as: UTF8.self) == figure.surface)
            }
            for name in sentence.names {
                #expect(String(decoding: bytes[name.range], as: UTF8.self) == name.surface)
            }
        }
        for quote in sheet.quotes {
            #expect(String(decoding: bytes[quote.range], as: UTF8.self) == quote.text)
        }
    }

    @Test("Extraction never traps and every surface is the text at its range")
    func extraction() {
        var generator = Generator(state: 7)
        for _ in 0..<300 {
            let text = generator.text(words: Int(generator.next() % 60))
            Self.check(FactSheet(text), text)
        }
    }

    @Test("Fact diffs of random edits never trap, and a text against itself changes nothing")
    func comparison() {
        var generator = Generator(state: 11)
        for _ in 0..<200 {
            let old = generator.text(words: Int(generator.next() % 50) + 1)
            var words = old.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<3 where !words.isEmpty {
                words[Int(generator.next() % UInt64(words.count))] = generator.text(words: 1)
            }
            let new = words.joined(separator: " ")
            let facts = FactDiff(old: old, new: new)
            Self.check(facts.old, old)
            Self.check(facts.new, new)
            for change in facts.changes {
                #expect(change.old != nil || change.new != nil)
                if let range = change.newRange { #expect(range.upperBound <= new.utf8.count) }
                if let range = change.oldRange { #expect(range.upperBound <= old.utf8.count) }
            }
            #expect(FactDiff(old: old, new: old).changes.isEmpty)
        }
    }
}
