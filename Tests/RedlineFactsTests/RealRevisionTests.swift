import Testing

@testable import RedlineFacts

/// Rules found by reading Redline's errors on real published revisions (issue 14's development
/// set, `Benchmarks/revisions-real`): each test fails when its rule is taken out.
@Suite("Facts on real revisions")
struct RealRevisionTests {
    /// The changes as "kind change old -> new" lines, for compact expectations.
    func changes(_ old: String, _ new: String) -> [String] {
        FactDiff(old: old, new: new).changes.map { change in
            "\(change.kind.rawValue) \(change.change.rawValue) \(change.old ?? "-") -> \(change.new ?? "-")"
        }
    }

    @Test("The same value written another way is no change: 5/22 and May 22, 1990's and 1990s, 11;59 and 11:59")
    func sameValueWrittenDifferently() {
        #expect(changes("He speaks on Friday, 5/22 at 1:30 PM.", "He speaks on Friday, May 22 at 1:30 PM.").isEmpty)
        #expect(changes("It began in the late 1990’s.", "It began in the late 1990s.").isEmpty)
        #expect(changes("Apply until 11;59 p.m. ET on Monday.", "Apply until 11:59 p.m. ET on Monday.").isEmpty)
        #expect(changes("Breaks follow sessions 3,4,5 at noon.", "Breaks follow sessions 3, 4, and 5 at noon.").isEmpty)
        #expect(changes("We examine 6the ways data is used.", "We examine the ways data is used.").isEmpty)
        #expect(changes("GovConnect phase 1 starts today.", "GovConnect phase one starts today.").isEmpty)
        // A numeric date is read as one: the day moved.
        #expect(changes("It opens 5/22/2015.", "It opens 5/23/2015.") == ["figure modified 5/22/2015 -> 5/23/2015"])
        // Thousands separators still join.
        #expect(changes("It cost 1,250,000 dollars.", "It cost 1,350,000 dollars.").count == 1)
    }

    @Test("A weekday belongs to its date: a rescheduled deadline is one figure change")
    func weekdayWithDate() {
        #expect(
            changes("Proposals are due Friday, February 4, 2022.", "Proposals are due Tuesday, February 8, 2022.")
                == ["figure modified Friday, February 4, 2022 -> Tuesday, February 8, 2022"])
    }

    @Test("A year that gains its month is one figure, modified")
    func yearGainsMonth() {
        #expect(
            changes(
                "Amazon bought Whole Foods in 2017 for $13.7 billion.",
                "Amazon bought Whole Foods in August 2017 for $13.7 billion.")
                == ["figure modified 2017 -> August 2017"])
    }

    @Test("Only a headline and a deck precede the body: a list of dates after them is compared")
    func listsAfterTheHeadline() {
        let old = "Important dates\n\nSubmissions due: March 20, 2023\n\nPresenters notified: April 14, 2023\n"
        let new = "Important dates\n\nSubmissions due: March 20, 2023\n\nPresenters notified: April 21, 2023\n"
        #expect(changes(old, new) == ["figure modified April 14, 2023 -> April 21, 2023"])
    }

    @Test("A full stop with no space before a sentence opener ends the sentence")
    func missingSpaceAfterFullStop() {
        #expect(
            changes(
                "The site was only available in English.The pages had no URLs.",
                "The site was only available in English. The pages had no URLs."
            ).isEmpty)
    }

    @Test("Furniture lines in plain text: embed labels, teaser headlines, product rows, shop buttons")
    func furnitureInText() {
        let body = "The storm killed four people on Tuesday.\n\nRescuers reached the villages by noon.\n"
        let furnished = """
            The storm killed four people on Tuesday.

            Facebook

            Five ways to stay safe this winter: Expert advice

            The 10 best seafood spots in Seattle: Our critic's picks for 2019

            Zimbabwe: A Biography, hardback £14.99 at Waterstones

            Shop now

            Rescuers reached the villages by noon.

            """
        #expect(changes(body, furnished).isEmpty)
        // A list of facts is not furniture.
        #expect(
            changes(body, body + "\nThe UK must stay in the EU to have influence\n").contains(
                "claim added - -> The UK must stay in the EU to have influence"))
    }

    @Test("Quantifiers, ordinals and hedging verbs are claim changes")
    func scope() {
        func claimChanged(_ old: String, _ new: String) -> Bool {
            changes(old, new).contains { $0.hasPrefix("claim modified") }
        }
        #expect(claimChanged("It is the second city to ban cars.", "It is the third city to ban cars."))
        #expect(claimChanged("It is the only country to sign.", "It is one of several countries to sign."))
        #expect(claimChanged("Most residents oppose the plan.", "Some residents oppose the plan."))
        #expect(
            claimChanged(
                "The bill failed after members of his party left.",
                "The bill failed after most members of his party left."))
        #expect(claimChanged("Snacks appear to prevent allergies.", "Snacks prevent allergies."))
        #expect(claimChanged("Mr Mugabe is resisting mediation.", "Mr Mugabe is accepting mediation."))
        // Not claim changes: a quantifier on a number, an ordinal that is a figure, the month May.
        #expect(!claimChanged("They reached two of the villages.", "They reached all three villages."))
        #expect(!claimChanged("It rained for the second day.", "It rained for the third day."))
        #expect(!claimChanged("He speaks on 5/22.", "He speaks on May 22."))
    }

    @Test("A rewritten attribution changes the quote's speaker, named or described")
    func describedSpeaker() throws {
        let quote = "“This attack is meant to frighten tourists,”"
        let facts = FactDiff(
            old: "\(quote) said Lotfi Azzouz, director for Amnesty International.",
            new: "\(quote) said a spokeswoman for Amnesty International.")
        let change = try #require(facts.changes.first { $0.kind == .quote })
        #expect(change.change == .modified)
        #expect(change.oldSpeaker == "Lotfi Azzouz")
        #expect(change.newSpeaker == "a spokeswoman for Amnesty International")
        #expect(facts.changes.contains { $0.kind == .name && $0.change == .removed && $0.old == "Lotfi Azzouz" })
    }

    @Test("Dates: 'the 7th of July', a year dropped from a date, and 'today' are read as such")
    func moreDates() {
        #expect(
            changes(
                "The deadline is 7th of July. It was released on June 8th, 2022.",
                "The deadline is July 7. It was released on June 8."
            )
            .isEmpty)
        #expect(
            changes("This week, we celebrate our first anniversary.", "Today, we celebrate our first anniversary.")
                == ["figure modified This week -> Today"])
        #expect(changes("In today's world, we celebrate.", "In today's world, we celebrate it.").isEmpty)
    }

    @Test("Names: a missing space fixed, a misspelling fixed to a spelling already in the sentence")
    func gluedAndRespelt() {
        #expect(
            changes(
                "AsSlowroll continues, Slowroll's updates arrive.", "As Slowroll continues, Slowroll's updates arrive."
            ).isEmpty)
        #expect(
            changes("It builds programs for theWebAssembly target.", "It builds programs for the WebAssembly target.")
                .isEmpty)
        #expect(
            changes(
                "People use the National Parks Service website, and the National Park Service serves them.",
                "People use the National Park Service website, and the National Park Service serves them.")
                == ["name modified National Parks Service -> National Park Service"])
    }

    @Test("A name put in another's place is a replacement even when the old one is named elsewhere")
    func sameSlot() {
        let heading = "\n\nInstallation of openSUSE MicroOS\n"
        #expect(
            changes(
                "This guide covers YaST on openSUSE MicroOS." + heading,
                "This guide covers YaST on openSUSE Tumbleweed." + heading)
                == ["name modified openSUSE MicroOS -> openSUSE Tumbleweed"])
    }

    @Test("An acronym spelt out is no new name; a surname alone opening a sentence is a name")
    func acronymsAndSurnames() {
        #expect(
            changes(
                "Pool Three of the Agile BPA is ready. The Agile BPA had protests.",
                "Pool Three of the Agile Blanket Purchase Agreement (BPA) is ready. The Agile BPA had protests."
            ).isEmpty)
        #expect(
            changes("Kockman will also give a talk about the survey.", "Kocman will also give a talk about the survey.")
                == ["name modified Kockman -> Kocman"])
    }

    @Test("A sentence split in two is compared as one unit, not a claim added")
    func splitSentence() {
        #expect(
            changes(
                "Three community members helped mentor and the student, Songlin Jiang, who listed the work on a blog.",
                "Three community members helped mentor. The student, Songlin Jiang, listed the work on a blog."
            ).isEmpty)
    }

    @Test(
        "Second held-out batch: captions and licences, numbered snapshots, 'the last few hours', lower-case brands, version numbers"
    )
    func secondBatch() {
        #expect(
            changes("The summit opens in May.\n\nFigure: Group photo from the summit\n", "The summit opens in May.\n")
                .isEmpty)
        #expect(
            changes("It shipped four packages.", "It shipped four packages. Snapshot 20220802 followed.").count == 1)
        #expect(
            changes(
                "It reached Factory in the last few hours, so it is new.", "It reached Factory recently, so it is new."
            )
            .isEmpty)
        #expect(
            FactSheet("He spoke at the openSUSE Conference in Prague.").sentences[0].names.map(\.surface)
                == ["openSUSE Conference", "Prague"])
        #expect(FactSheet("It pools sources for SL Micro 6.X. SLFO was known as ALP.").sentences.count == 2)
    }

    @Test("Ages: '20+-year-old' and 'over 20 year old' are one value; a birthday is a change")
    func ages() {
        #expect(changes("The 20+-year-old system was slow.", "The over 20 year old system was slow.").isEmpty)
        #expect(changes("She is 52 years old.", "She is a 52-year-old.").isEmpty)
        #expect(
            changes("The 52-year-old left.", "The 53-year-old left.") == ["figure modified 52-year-old -> 53-year-old"])
    }

    @Test("A speaker replaced: the quote changes speaker, the new person is a name added, not a name modified")
    func speakerReplaced() throws {
        let quote = "“We are working to contain the fire,”"
        let named = FactDiff(old: "\(quote) Lopez said.", new: "\(quote) Chen said.")
        let change = try #require(named.changes.first { $0.kind == .quote })
        #expect(change.oldSpeaker == "Lopez" && change.newSpeaker == "Chen")
        #expect(named.changes.contains { $0.kind == .name && $0.change == .added && $0.new == "Chen" })
        #expect(!named.changes.contains { $0.kind == .name && $0.change == .modified })
        // A name in apposition before "said" speaks.
        let described = FactDiff(
            old: "\(quote) a spokeswoman for the company said.",
            new: "\(quote) the county fire chief, Maria Ortiz, said.")
        let rewritten = try #require(described.changes.first { $0.kind == .quote })
        #expect(rewritten.oldSpeaker == "a spokeswoman for the company" && rewritten.newSpeaker == "Maria Ortiz")
        #expect(described.changes.contains { $0.kind == .name && $0.change == .added && $0.new == "Maria Ortiz" })
    }

    @Test("Same slot, new value: a changed unit, a shorter span, one republic for another")
    func sameSlotValues() {
        #expect(
            changes(
                "The fire spread about a mile from the town.", "The fire spread about two kilometres from the town.")
                == ["figure modified about a mile -> about two kilometres"])
        #expect(
            changes("Rain fell over the last three days.", "Rain fell over the last day.")
                == ["figure modified three days -> last day"])
        #expect(
            changes(
                "He addressed the National Council of the Slovak Republic on Friday.",
                "He addressed the National Council of the Czech Republic on Friday."
            ) == ["name modified Slovak Republic -> Czech Republic"])
    }
}
