import RedlineDiff
import Testing

@testable import RedlineFacts

/// Names found where the markers say, with their role, type and folded key.
@Suite("Names")
struct NameTests {
    func names(_ marked: MarkedText) -> [Name] {
        FactSheet(marked.text).sentences.flatMap(\.names)
    }

    func name(at offset: Int, in names: [Name]) -> Name? {
        names.first { $0.range.lowerBound == offset }
    }

    @Test("Titles are roles; possessives and sentence openers are not part of the name")
    func rolesAndOpeners() throws {
        let marked = MarkedText(
            "But President 1️⃣Isaac Herzog's office said Lebanese Prime Minister 2️⃣Najib Mikati met 3️⃣Bashar al-Assad in 4️⃣Damascus."
        )
        let found = names(marked)
        let herzog = try #require(name(at: marked["1️⃣"], in: found))
        #expect(herzog.surface == "Isaac Herzog" && herzog.role == "President" && herzog.kind == .person)
        let mikati = try #require(name(at: marked["2️⃣"], in: found))
        #expect(mikati.surface == "Najib Mikati" && mikati.role == "Lebanese Prime Minister")
        let assad = try #require(name(at: marked["3️⃣"], in: found))
        #expect(assad.surface == "Bashar al-Assad")
        #expect(try #require(name(at: marked["4️⃣"], in: found)).kind == .place)
        #expect(!found.contains { $0.surface == "But" || $0.surface == "Lebanese" })
    }

    @Test("Acronyms, dotted or not, and organisations with 'of'")
    func acronyms() throws {
        let marked = MarkedText("The 1️⃣IDF and the 2️⃣U.S. told the 3️⃣Bank of England about the 4️⃣UAE deal.")
        let found = names(marked)
        #expect(try #require(name(at: marked["1️⃣"], in: found)).kind == .organisation)
        let us = try #require(name(at: marked["2️⃣"], in: found))
        #expect(us.surface == "U.S." && us.key == "us" && us.kind == .place)
        #expect(try #require(name(at: marked["3️⃣"], in: found)).surface == "Bank of England")
        #expect(try #require(name(at: marked["4️⃣"], in: found)).surface == "UAE")
    }

    @Test("Folded keys: case, diacritics, ø ł ß ı, spacing and Arabic articles")
    func keys() {
        #expect(Name.key("Erdoğan") == Name.key("Erdogan"))
        #expect(Name.key("Søren Kierkegaard") == Name.key("Soren Kierkegaard"))
        #expect(Name.key("Lech Wałęsa") == Name.key("Lech Walesa"))
        #expect(Name.key("Straße") == Name.key("Strasse"))
        #expect(Name.key("Kılıçdaroğlu") == Name.key("Kilicdaroglu"))
        #expect(Name.key("Exxon Mobil") == Name.key("ExxonMobil"))
        #expect(Name.key("Bashar al-Assad") == Name.key("Bashar Assad"))
        #expect(Name.key("Isaac Herzog") != Name.key("Issac Herzog"))
    }

    @Test("A surname alone is linked to the full name given earlier")
    func surnames() throws {
        let marked = MarkedText("Foreign Minister Eli Cohen arrived on Monday. 1️⃣Cohen said the talks went well.")
        let found = names(marked)
        let cohen = try #require(name(at: marked["1️⃣"], in: found))
        #expect(cohen.fullName == "Eli Cohen")
        #expect(cohen.key == Name.key("Eli Cohen"))
        #expect(cohen.kind == .person)
    }

    @Test("Capitalised words that open a sentence are names only when the text treats them so")
    func sentenceOpeners() {
        let found = names(MarkedText("Helicopters lifted 63 residents. Meteorologists said rain would continue."))
        #expect(found.isEmpty)
    }

    @Test("Spelling variants are close; different names are not")
    func spelling() {
        func name(_ surface: String) -> Name {
            Name(surface: surface, range: 0..<0, key: Name.key(surface), kind: .person)
        }
        #expect(Similarity.isSpellingVariant(name("Issac Herzog"), name("Isaac Herzog")))
        #expect(Similarity.isSpellingVariant(name("Erdgoan"), name("Erdogan")))
        #expect(!Similarity.isSpellingVariant(name("John Smith"), name("Jane Smith")))
        #expect(!Similarity.isSpellingVariant(name("Aron Feld"), name("Yael Brenner")))
    }
}
