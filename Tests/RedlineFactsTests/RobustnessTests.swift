import PropertyBased
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

    static let text = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...60).map { indices in
        indices.map { pieces[$0] }.joined(separator: " ")
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
    func extraction() async {
        await propertyCheck(count: 300, input: Self.text) { text in
            Self.check(FactSheet(text), text)
        }
    }

    @Test("Fact diffs of random edits never trap, and a text against itself changes nothing")
    func comparison() async {
        let edits = Gen.int(in: 0...1000).array(of: 1...3)
        await propertyCheck(count: 200, input: Self.text, edits, Self.text) { old, positions, insertion in
            var words = old.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            for position in positions where !words.isEmpty {
                words[position % words.count] = insertion
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
