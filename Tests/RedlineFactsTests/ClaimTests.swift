import RedlineDiff
import Testing

@testable import RedlineFacts

/// Quotes, speakers and assertion signatures.
@Suite("Quotes and claims")
struct ClaimTests {
    @Test("A quote broken by an attribution is two quotes with one speaker")
    func interruptedQuote() throws {
        let marked = MarkedText(
            "“1️⃣We cannot let this happen again,” said council leader Hanna Brock. “2️⃣The town has suffered enough.”")
        let sheet = FactSheet(marked.text)
        #expect(sheet.quotes.count == 2)
        let first = try #require(sheet.quotes.first { $0.range.lowerBound == marked["1️⃣"] })
        let second = try #require(sheet.quotes.first { $0.range.lowerBound == marked["2️⃣"] })
        #expect(first.speaker == "Hanna Brock")
        #expect(second.speaker == "Hanna Brock")
    }

    @Test("Speakers: X said, said X, according to X, X told Y, and he resolved to the last person named")
    func speakers() {
        func speaker(_ text: String) -> String? { FactSheet(text).quotes.first?.speaker }
        #expect(speaker(#"Eli Cohen said: "We have never been closer to a deal.""#) == "Eli Cohen")
        #expect(speaker(#""We have never been closer to a deal," said Eli Cohen."#) == "Eli Cohen")
        #expect(speaker(#""We have never been closer to a deal," Cohen told reporters."#) == "Cohen")
        #expect(
            speaker(#"Mayor Greta Lund spoke first. "The tunnel will be finished next year," she said."#)
                == "Greta Lund")
        let according = FactSheet("The deal is close, according to the foreign ministry.").sentences.first
        #expect(according?.speaker == "the foreign ministry")
    }

    @Test("Scare quotes are not quotations")
    func scareQuotes() {
        #expect(FactSheet(#"Critics called the plan a "game changer" for the region."#).quotes.isEmpty)
    }

    @Test("Assertion signatures: attribution verbs, decline, negation, modality, frequency, status")
    func assertions() {
        func assertion(_ text: String) -> Assertion { FactSheet(text).sentences[0].assertion }
        #expect(assertion("The ministry confirmed the report.").verbs == ["confirm"])
        #expect(assertion("The ministry denied the report.").verbs == ["deny"])
        #expect(assertion("The ministry declined to confirm the report.").verbs == ["decline"])
        #expect(assertion("The plant will close.").modality == ["future"])
        #expect(assertion("The plant may close.").modality == ["possible"])
        #expect(assertion("The drug has never caused harm.").frequency == ["never"])
        #expect(assertion("The owner was not involved.").negated)
        #expect(assertion("A lawsuit alleged that the plant polluted the river.").verbs == ["claim"])
        #expect(assertion("The court ruled that the plant polluted the river.").status == ["ruled"])
        // Restating who said it is no change of claim.
        #expect(assertion("The ministry said the report was wrong.") == assertion("The report was wrong."))
        #expect(
            assertion("The minister warned of delays.") == assertion("The minister cautioned of delays."))
        #expect(assertion("Police reported two arrests.") == assertion("Police said two were arrested."))
    }

    @Test("Sentences survive abbreviations, initials, decimals, quotes and datelines")
    func sentences() throws {
        let text = """
            JERUSALEM (AP) — Mr. Herzog met Gen. John F. Kelly in the U.S. on Nov. 24 at 3.5 km from the border. \
            "It is over," he said. Then they left.
            """
        let sheet = FactSheet(text)
        #expect(sheet.sentences.count == 3)
        let first = try #require(sheet.sentences.first)
        #expect(first.dateline == "JERUSALEM (AP) —")
        #expect(first.text.hasPrefix("Mr. Herzog"))
        #expect(first.text.hasSuffix("border."))
        let wire = FactSheet("LONDON, Nov 24 (Reuters) - Britain raised rates to 5%.").sentences[0]
        #expect(wire.dateline == "LONDON, Nov 24 (Reuters) -")
        #expect(wire.figures.map(\.surface) == ["5%"])
    }

    @Test("Bylines and subheadings are not body sentences; 'By Tuesday' is")
    func bylinesAndSubheads() {
        let sheet = FactSheet(
            "Storm hits coast\n\nBy Nadia Karam and Tom Ellery\n\nThe storm killed four people.\n\nRescue Efforts Continue\n\nBy Tuesday the toll had risen to 30."
        )
        let byline = sheet.sentences.first { $0.text.hasPrefix("By Nadia") }
        #expect(byline?.isBoilerplate == true)
        let subhead = sheet.sentences.first { $0.text == "Rescue Efforts Continue" }
        #expect(subhead?.isHeadline == true)
        let body = sheet.sentences.first { $0.text.hasPrefix("By Tuesday") }
        #expect(body?.isBoilerplate == false && body?.isHeadline == false)
    }

    @Test("Boilerplate lines carry no facts")
    func boilerplate() {
        let sheet = FactSheet(
            "Updated 3:15 PM ET\n\nAdvertisement\n\nRead more: Floods kill 12\n\n(Photo: Jane Doe / Getty Images)")
        #expect(sheet.sentences.allSatisfy { $0.isBoilerplate })
    }
}
