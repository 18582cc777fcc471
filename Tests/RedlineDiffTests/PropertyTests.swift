import PropertyBased
import RedlineTestSupport
import Testing

@testable import RedlineDiff

/// Words, spaces, punctuation and a few non-ASCII characters, so every tokenizer path is used.
let vocabulary = [
    "the", "a", "minister", "said", " ", " ", "  ", "\n", "\n\n", ".", ",", "5,000", "3.5", "don't", "Erdoğan",
    "e\u{301}", "👩🏽‍⚕️", "ğ", "ı", "שלום", "مرحبا", "—", "\"", "Mr.", "He", "It", "\r\n", "🇮🇱",
]

let textGenerator = Gen.int(in: 0...(vocabulary.count - 1)).array(of: 0...40).map { indices in
    indices.map { vocabulary[$0] }.joined()
}

/// Checks that `diff` is a valid account of old → new: edits cover both texts in order, and the
/// script rebuilds the new text.
func checkConsistent(_ diff: Diff, _ old: String, _ new: String) throws {
    #expect(try diff.script.apply(to: old) == new)
    var oldPosition = 0
    var newPosition = 0
    for edit in diff.edits {
        #expect(edit.old.lowerBound == oldPosition)
        #expect(edit.new.lowerBound == newPosition)
        if edit.kind == .equal {
            #expect(diff.oldText(edit.old) == diff.newText(edit.new))
        }
        oldPosition = edit.old.upperBound
        newPosition = edit.new.upperBound
    }
    #expect(oldPosition == diff.oldBytes.count)
    #expect(newPosition == diff.newBytes.count)
}

/// The exact edit distance (deletions + insertions) from the standard library's Myers.
func oracleDistance(_ old: String, _ new: String, _ granularity: Granularity) -> Int {
    let a = granularity.tokens(of: old)
    let b = granularity.tokens(of: new)
    return b.difference(from: a).count
}

/// Edit distance from a brute-force longest common subsequence table.
func lcsDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
        for j in stride(from: b.count - 1, through: 0, by: -1) {
            table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
        }
    }
    return a.count + b.count - 2 * table[0][0]
}

@Suite("Diff properties")
struct PropertyTests {
    @Test("Applying the script to OLD gives NEW, at every granularity and mode", arguments: Granularity.allCases)
    func scriptRebuildsNew(granularity: Granularity) async {
        await propertyCheck(count: 300, input: textGenerator, textGenerator) { old, new in
            for options in [Diff.Options(), Diff.Options(minimal: true), Diff.Options(hierarchical: false)] {
                let diff = Diff(old, new, by: granularity, options: options)
                try checkConsistent(diff, old, new)
                #expect(diff.isIdentical == (old == new))
            }
        }
    }

    @Test("Edits of related texts rebuild NEW", arguments: Granularity.allCases)
    func relatedTexts(granularity: Granularity) async {
        // Most random pairs are unrelated; derive NEW from OLD by small edits to exercise equal runs.
        await propertyCheck(count: 300, input: textGenerator, Gen.int(in: 0...1000).array(of: 1...6)) { old, cuts in
            var tokens = Granularity.word.tokens(of: old).map(String.init)
            for cut in cuts {
                let position = tokens.isEmpty ? 0 : cut % tokens.count
                switch cut % 3 {
                case 0: tokens.insert(vocabulary[cut % vocabulary.count], at: position)
                case 1: if !tokens.isEmpty { tokens.remove(at: position) }
                default: if !tokens.isEmpty { tokens[position] = vocabulary[(cut / 3) % vocabulary.count] }
                }
            }
            let new = tokens.joined()
            for options in [Diff.Options(), Diff.Options(minimal: true)] {
                try checkConsistent(Diff(old, new, by: granularity, options: options), old, new)
            }
        }
    }

    @Test("Minimal mode finds the exact shortest script", arguments: Granularity.allCases)
    func minimalMatchesOracle(granularity: Granularity) async {
        await propertyCheck(count: 300, input: textGenerator, textGenerator) { old, new in
            let diff = Diff(old, new, by: granularity, options: Diff.Options(minimal: true))
            let counts = diff.counts
            let distance = oracleDistance(old, new, granularity)
            #expect(counts.deletedTokens + counts.insertedTokens == distance)
            let a = granularity.tokens(of: old)
            let b = granularity.tokens(of: new)
            if a.count * b.count <= 2_500 {
                #expect(lcsDistance(a, b) == distance)
            }
        }
    }

    @Test("The engine is exact on every pair of short strings over a tiny alphabet")
    func exhaustiveSmallInputs() {
        // All strings of length 0...5 over {0, 1, 2}: 364 strings, 132,496 pairs.
        var strings: [[Int32]] = [[]]
        var frontier: [[Int32]] = [[]]
        for _ in 1...5 {
            frontier = frontier.flatMap { s in (0..<3).map { s + [Int32($0)] } }
            strings += frontier
        }
        for a in strings {
            for b in strings {
                let (changedA, changedB) = Myers.changes(old: a, new: b, idCount: 3, minimal: true)
                let kept = a.indices.filter { !changedA[$0] }.map { a[$0] }
                let keptB = b.indices.filter { !changedB[$0] }.map { b[$0] }
                #expect(kept == keptB)
                let cost = changedA.filter { $0 }.count + changedB.filter { $0 }.count
                #expect(cost == lcsDistance(a, b), "\(a) → \(b)")
            }
        }
    }

    @Test("The cost limit still gives a valid (if longer) script on large unrelated inputs")
    func costLimitValid() {
        var generator = SplitMix(seed: 7)
        let a = (0..<20_000).map { _ in Int32(generator.next() % 50) }
        let b = (0..<20_000).map { _ in Int32(generator.next() % 50) }
        let heuristic = Myers.changes(old: a, new: b, idCount: 50, minimal: false)
        let keptA = a.indices.filter { !heuristic.changedOld[$0] }.map { a[$0] }
        let keptB = b.indices.filter { !heuristic.changedNew[$0] }.map { b[$0] }
        #expect(keptA == keptB)
        let heuristicCost = heuristic.changedOld.filter { $0 }.count + heuristic.changedNew.filter { $0 }.count
        let exact = b.difference(from: a).count
        #expect(heuristicCost >= exact)
    }

    @Test("Below the cost limit the heuristic is exact: a few scattered edits in a long text cost what they are")
    func costLimitExactWhenCheap() {
        var generator = SplitMix(seed: 11)
        let a = (0..<20_000).map { _ in Int32(generator.next() % 5_000) }
        var b = a
        // Twelve replacements spread over the text: 24 changed tokens, far below the limit (√N).
        for k in 0..<12 { b[k * 1_600 + 37] = Int32(5_000 + k) }
        let heuristic = Myers.changes(old: a, new: b, idCount: 5_012, minimal: false)
        let cost = heuristic.changedOld.filter { $0 }.count + heuristic.changedNew.filter { $0 }.count
        #expect(cost == 24)
    }

    @Test("Below the cost limit the fast path is exact: its cost equals --minimal's on 300 random pairs")
    func exactBelowCostLimit() {
        var generator = SplitMix(seed: 29)
        for _ in 0..<300 {
            let count = 40 + Int(generator.next() % 160)
            let a = (0..<count).map { _ in Int32(generator.next() % 4) }
            var b = a
            // 5 to 60 random edits: costs far below the limit of 256, never trivial.
            for _ in 0..<(5 + Int(generator.next() % 56)) {
                let at = Int(generator.next() % UInt64(b.count + 1))
                if generator.next() % 2 == 0, at < b.count {
                    b.remove(at: at)
                } else {
                    b.insert(Int32(generator.next() % 4), at: at)
                }
            }
            func cost(_ minimal: Bool) -> Int {
                let changes = Myers.changes(old: a, new: b, idCount: 4, minimal: minimal)
                return changes.changedOld.filter { $0 }.count + changes.changedNew.filter { $0 }.count
            }
            let exact = cost(true)
            #expect(cost(false) == exact, "\(a.count) → \(b.count) tokens")
            #expect(exact == lcsDistance(a, b))
        }
    }

    @Test("Repetitive text with many small edits is diffed word by word, not replaced whole")
    func repetitiveParagraph() {
        // 3,000 words from a vocabulary of 12, then 300 of them altered into distinct new words:
        // few distinct words on one side, many on the other, yet nearly every word in common.
        var generator = SplitMix(seed: 5)
        let vocabulary = "council river homes storm police report bridge water people officials budget court"
            .split(separator: " ").map(String.init)
        let old = (0..<3_000).map { _ in vocabulary[Int(generator.next() % 12)] }
        var new = old
        for k in stride(from: 5, to: 3_000, by: 10) { new[k] = "altered\(k)word" }
        let diff = Diff(old.joined(separator: " ") + "\n", new.joined(separator: " ") + "\n")
        #expect(diff.counts.deletedTokens == 300 && diff.counts.insertedTokens == 300, "\(diff.counts)")
    }

    @Test("--by char on a line over 1 MiB: words first, then characters inside changed words; the script rebuilds it")
    func hugeCharacterLine() throws {
        var generator = SplitMix(seed: 9)
        let vocabulary = "council river homes storm police report bridge water people officials budget court"
            .split(separator: " ").map(String.init)
        let words = (0..<160_000).map { _ in vocabulary[Int(generator.next() % 12)] }
        var edited = words
        for k in stride(from: 7, to: words.count, by: 4_000) { edited[k] = "X" + words[k].dropFirst() }
        let old = words.joined(separator: " ")
        let new = edited.joined(separator: " ")
        #expect(old.utf8.count > 1 << 20)
        let diff = Diff(old, new, by: .character)
        #expect(try diff.script.apply(to: old) == new)
        // One letter replaced per edited word: 40 deleted and 40 inserted characters.
        #expect(diff.counts.deletedTokens == 40 && diff.counts.insertedTokens == 40, "\(diff.counts)")
        // A wholly different huge line is replaced, not compared character by character.
        let other = String(repeating: "zz ", count: 400_000)
        #expect(try Diff(old, other, by: .character).script.apply(to: old) == other)
    }
}
