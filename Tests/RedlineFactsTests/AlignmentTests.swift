import Testing

@testable import RedlineDiff
@testable import RedlineFacts

/// `FactDiff.alignment`: which sentence became which, over every sentence of both texts.
@Suite("Sentence alignment")
struct AlignmentTests {
    func alignment(_ old: String, _ new: String, by granularity: Granularity = .word) -> (
        SentenceAlignment, TextBytes, TextBytes
    ) {
        let diff = Diff(old, new, by: granularity)
        return (FactDiff(diff: diff).alignment, diff.oldBytes, diff.newBytes)
    }

    /// The entries as `change: old sentences → new sentences`, each sentence's text.
    func described(_ old: String, _ new: String, by granularity: Granularity = .word) -> [String] {
        let (alignment, oldBytes, newBytes) = self.alignment(old, new, by: granularity)
        func text(_ bytes: TextBytes, _ ranges: [Range<Int>]) -> String {
            ranges.map { range in String(decoding: bytes.withBytes { Array($0[range]) }, as: UTF8.self) }
                .joined(separator: " + ")
        }
        return alignment.entries.map { "\($0.change.rawValue): \(text(oldBytes, $0.old)) → \(text(newBytes, $0.new))" }
    }

    @Test("Unchanged, edited, added and removed sentences, in reading order")
    func basic() {
        let old = """
            The council met on Monday. It approved a budget of $4 million. The mayor was absent.

            Residents will vote in May.
            """
        let new = """
            The council met on Monday. It approved a budget of $6 million.

            Residents will vote in May. Turnout is expected to be low.
            """
        #expect(
            described(old, new) == [
                "unchanged: The council met on Monday. → The council met on Monday.",
                "edited: It approved a budget of $4 million. → It approved a budget of $6 million.",
                "removed: The mayor was absent. → ",
                "unchanged: Residents will vote in May. → Residents will vote in May.",
                "added:  → Turnout is expected to be low.",
            ])
    }

    @Test("A sentence split in two, and two merged into one")
    func splitAndMerge() {
        let old = """
            The council approved the budget on Monday after a long debate that ran past midnight in the old hall.

            The mayor spoke first. She thanked the staff for their work on the plan.
            """
        let new = """
            The council approved the budget on Monday. The debate ran past midnight in the old hall.

            The mayor spoke first and thanked the staff for their work on the plan.
            """
        let entries = described(old, new)
        #expect(entries.contains { $0.hasPrefix("split: The council approved") && $0.contains(" + The debate ran") })
        #expect(entries.contains { $0.hasPrefix("merged: The mayor spoke first. + She thanked") })
    }

    @Test("A merge is recognised when the new sentence keeps most words (7 of 9), not when it keeps few")
    func mergeThreshold() {
        let old = """
            The mayor spoke first. She thanked the staff for their work on the plan.
            """
        // "she" and "their" lost: 7 of the removed sentence's 9 words kept.
        let most = "The mayor spoke first and thanked the staff for all the work on the plan."
        #expect(described(old, most).contains { $0.hasPrefix("merged: The mayor spoke first. + She thanked") })
        // 3 of 9 kept: a sentence removed, not merged.
        let few = "The mayor spoke first and praised the new housing plan."
        let entries = described(old, few)
        #expect(!entries.contains { $0.hasPrefix("merged:") }, "\(entries)")
        #expect(entries.contains { $0.hasPrefix("removed: She thanked") }, "\(entries)")
        // A paragraph folded into the next one's sentence, keeping 6 of its 7 words: merged.
        let folded = described(
            "The mayor thanked the staff for their work.\n\nThe mayor spoke first on Monday.",
            "The mayor spoke first on Monday and thanked the staff for the work.")
        #expect(folded.contains { $0.hasPrefix("merged: The mayor thanked") }, "\(folded)")
    }

    @Test("A paragraph that moved is 'moved'; the rest 'unchanged'")
    func moved() {
        let old = """
            Flash floods hit the valley on Tuesday, officials said.

            Meteorologists said the valley received 140 millimetres of rain in six hours.

            Rescuers reached the last village on Wednesday.

            Schools will stay closed until next week.
            """
        let new = """
            Flash floods hit the valley on Tuesday, officials said.

            Rescuers reached the last village on Wednesday.

            Schools will stay closed until next week.

            Meteorologists said the valley received 140 millimetres of rain in six hours.
            """
        let entries = described(old, new)
        #expect(entries.contains { $0.hasPrefix("moved: Meteorologists said") })
        #expect(entries.filter { $0.hasPrefix("unchanged:") }.count == 3)
    }

    @Test("Every sentence of both texts appears exactly once, at every granularity")
    func covers() {
        let old = """
            The council met on Monday. It approved a budget of $4 million. The mayor was absent.

            Residents will vote in May. "It is a good day," said Ana Costa.
            """
        let new = """
            It approved a budget of $6 million. The council met on Monday.

            "It is a great day," said Ana Costa. Residents will vote in June. Turnout may be low.
            """
        for granularity in [Granularity.paragraph, .sentence, .word, .character] {
            let (alignment, oldBytes, newBytes) = self.alignment(old, new, by: granularity)
            let oldRanges = alignment.entries.flatMap(\.old).sorted { $0.lowerBound < $1.lowerBound }
            let newRanges = alignment.entries.flatMap(\.new).sorted { $0.lowerBound < $1.lowerBound }
            #expect(oldRanges == SentenceAlignment.sentences(of: oldBytes), "\(granularity)")
            #expect(newRanges == SentenceAlignment.sentences(of: newBytes), "\(granularity)")
        }
    }
}
