import Testing

@testable import RedlineDiff

@Suite("Tokenizers")
struct TokenizerTests {
    @Test("Words, spaces and punctuation are separate tokens that rebuild the text")
    func words() {
        let text = "Mr. O’Neill said: \"don't pay $5,000,000 (3.5%)\" — twice."
        let tokens = Granularity.word.tokens(of: text)
        #expect(tokens.joined() == text)
        #expect(tokens.contains("O’Neill"))
        #expect(tokens.contains("don't"))
        #expect(tokens.contains("5,000,000"))
        #expect(tokens.contains("3.5"))
        #expect(tokens.contains("—"))
        #expect(tokens.contains("Mr"))
        #expect(tokens.contains("."))
    }

    @Test("Words of any script stay whole, with their combining marks")
    func unicodeWords() {
        let text = "Erdoğan, İstanbul, ışık, שָׁלוֹם, مرحبا, Zoë, e\u{301}te"
        let tokens = Granularity.word.tokens(of: text).filter { $0 != ", " && $0 != "," && $0 != " " }
        #expect(tokens == ["Erdoğan", "İstanbul", "ışık", "שָׁלוֹם", "مرحبا", "Zoë", "e\u{301}te"])
    }

    @Test("Characters are grapheme clusters: emoji sequences, flags, combining marks, CR LF")
    func graphemes() {
        let text = "a👩🏽‍⚕️b🇮🇱e\u{301}\r\nğ"
        let tokens = Granularity.character.tokens(of: text)
        #expect(tokens == ["a", "👩🏽‍⚕️", "b", "🇮🇱", "e\u{301}", "\r\n", "ğ"])
        #expect(tokens.count == text.count)
    }

    @Test("Sentences survive abbreviations, initials, decimals, acronyms and quotes")
    func sentences() {
        let text =
            "JERUSALEM (AP) — Mr. Herzog met Gen. Smith on Nov. 24 at 3.5 p.m. in the U.S. Embassy. "
            + "John F. Kennedy was cited. \"It is over.\" She left… Then it rained! "
            + "He flew to the U.S. The talks ended.\nNew line here."
        let sentences = Granularity.sentence.tokens(of: text).map { $0.trimmingSuffix() }
        #expect(
            sentences == [
                "JERUSALEM (AP) — Mr. Herzog met Gen. Smith on Nov. 24 at 3.5 p.m. in the U.S. Embassy.",
                "John F. Kennedy was cited.",
                "\"It is over.\"",
                "She left…",
                "Then it rained!",
                "He flew to the U.S.",
                "The talks ended.",
                "New line here.",
            ])
    }

    @Test("Lines keep their newline; a last line may have none")
    func lines() {
        #expect(Granularity.paragraph.tokens(of: "a\n\nb\nc") == ["a\n", "\n", "b\n", "c"])
        #expect(Granularity.paragraph.tokens(of: "") == [])
    }
}

extension Substring {
    func trimmingSuffix() -> String {
        var text = String(self)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
