import RedlineDiff
import Testing

@testable import RedlineFacts

/// Rules that hand-made mutations once removed without any test noticing (issue 16): each test
/// here fails when its rule is broken.
@Suite("Rules guarded against mutation")
struct MutationGuardTests {
    func figures(_ text: String) -> [Figure] {
        FactSheet(text).sentences.flatMap(\.figures)
    }

    func names(_ text: String) -> [Name] {
        FactSheet(text).sentences.flatMap(\.names)
    }

    @Test("Spelled-out scales multiply: two thousand is 2,000, three million is 3,000,000")
    func spelledScales() {
        #expect(figures("Two thousand people were evacuated on Monday.").map(\.value).contains(2000))
        #expect(figures("The fund holds three million dollars.").map(\.value).contains(3_000_000))
        #expect(figures("About forty thousand homes lost power.").map(\.value).contains(40_000))
        #expect(!figures("Two thousand people were evacuated on Monday.").map(\.value).contains(2))
    }

    @Test("Sentence openers are not names, nor part of one: 'But Erdogan', 'Yesterday Macron'")
    func openers() {
        let found = names("But Erdogan said the talks would go on. Yesterday Macron spoke to reporters in Paris.")
        #expect(found.contains { $0.surface == "Erdogan" }, "\(found.map(\.surface))")
        #expect(found.contains { $0.surface == "Macron" }, "\(found.map(\.surface))")
        #expect(!found.contains { $0.surface.hasPrefix("But") || $0.surface.hasPrefix("Yesterday") })
    }

    @Test("'The Foreign Ministry said nothing' names an organisation, not a person called Ministry")
    func ministry() {
        let found = names("The Foreign Ministry said nothing about the talks on Tuesday.")
        #expect(!found.contains { $0.kind == .person }, "\(found.map { ($0.surface, $0.kind, $0.role ?? "") })")
        #expect(!found.contains { $0.surface == "Ministry" && $0.role == "Foreign" })
    }

    @Test("Two spellings that both occur in both versions are not a spelling correction")
    func bothSpellingsBothVersions() {
        let old = "Jon Smith chaired the meeting. Later, Jon Smyth presented the budget to the council."
        let new = "Jon Smyth chaired the meeting. Later, Jon Smith presented the budget to the council."
        let changes = FactDiff(old: old, new: new).changes
        #expect(!changes.contains { $0.kind == .name && $0.change == .modified }, "\(changes)")
    }

    @Test("A real misspelling fixed is one modified name")
    func realCorrection() {
        let old = "The coordinator, Maria Dussalt, said crews would stay overnight."
        let new = "The coordinator, Maria Dussault, said crews would stay overnight."
        let changes = FactDiff(old: old, new: new).changes.filter { $0.kind == .name }
        #expect(changes.count == 1 && changes.first?.change == .modified, "\(changes)")
    }

    @Test("A name ending in a place word is a place: 'the Hollin Valley', 'Marston Road'")
    func placeWords() {
        let found = names("Rescuers reached the Hollin Valley on Tuesday, and crews cleared Marston Road by noon.")
        #expect(found.first { $0.surface == "Hollin Valley" }?.kind == .place, "\(found.map { ($0.surface, $0.kind) })")
        #expect(found.first { $0.surface == "Marston Road" }?.kind == .place)
    }

    @Test("A title makes the name it introduces a person: 'Secretary Mayorkas', 'Governor Vidal'")
    func roleMakesPerson() {
        let found = names("Secretary Mayorkas said the plan would work. Later, Governor Marta Vidal spoke in Ohio.")
        #expect(found.first { $0.surface == "Mayorkas" }?.kind == .person, "\(found.map { ($0.surface, $0.kind) })")
        #expect(found.first { $0.surface == "Mayorkas" }?.role == "Secretary")
        #expect(found.first { $0.surface == "Marta Vidal" }?.kind == .person)
    }

    @Test("A new sentence sharing only half its words with its neighbour's old one is a new claim")
    func halfSharedSentenceIsNewClaim() {
        let old = "The council approved the budget on Monday after a long debate."
        let new =
            "The council approved the budget on Tuesday after a long debate. "
            + "The mayor said the council would debate the budget again."
        let claims = FactDiff(old: old, new: new).changes.filter { $0.kind == .claim }
        #expect(
            claims.contains { $0.change == .added && $0.new?.contains("debate the budget again") == true },
            "\(claims)")
        // Nearly every word kept: the same claim split in two, not a new one.
        let split =
            "The council approved the budget on Monday. The approval came after a long debate."
        let joined = FactDiff(old: old, new: split).changes.filter { $0.kind == .claim && $0.change == .added }
        #expect(joined.isEmpty, "\(joined)")
    }

    @Test("Document search finds whole needles only, overlapping hits included")
    func documentSearchExact() {
        func hits(_ needle: String, _ haystack: String) -> [Int] {
            var found: [Int] = []
            DocumentSearch.forEachHit(Array(needle.utf8), in: Array(haystack.utf8)) {
                found.append($0); return true
            }
            return found
        }
        #expect(hits("Smyth", "Smyte and Smyth and Smyt") == [10])
        #expect(hits("aa", "aaaa") == [0, 1, 2])
        #expect(hits("ab", "ba") == [])
        #expect(!DocumentSearch.search(Array("Smyth".utf8), in: Array("Jon Smyte".utf8), wordBounded: true))
        #expect(DocumentSearch.search(Array("Smyth".utf8), in: Array("Jon Smyth.".utf8), wordBounded: true))
    }
}
