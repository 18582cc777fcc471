import Foundation
import RedlineDiff
import Testing

@testable import RedlineFacts

/// Scores fact comparison on the labelled revision pairs in `Fixtures/revisions/`: precision,
/// recall and F1 per kind must reach 0.90, and pairs labelled with no change must yield none.
@Suite("Fact changes on labelled revision pairs")
struct FixtureScoreTests {
    struct Expected: Decodable {
        struct Change: Decodable {
            var kind: String
            var change: String
            var old: String?
            var new: String?
        }
        var note: String
        var changes: [Change]
    }

    struct Pair {
        var name: String
        var old: String
        var new: String
        var expected: Expected
    }

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/revisions")

    static func pairs() throws -> [Pair] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        return try names.map { name in
            let folder = directory.appendingPathComponent(name)
            return Pair(
                name: name,
                old: try String(contentsOf: folder.appendingPathComponent("old.txt"), encoding: .utf8),
                new: try String(contentsOf: folder.appendingPathComponent("new.txt"), encoding: .utf8),
                expected: try JSONDecoder().decode(
                    Expected.self, from: Data(contentsOf: folder.appendingPathComponent("expected.json"))))
        }
    }

    /// Loose text equality: folded, punctuation ignored; a hedge or unit on one side only still matches.
    static func same(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        let x = Quote.normalize(a)
        let y = Quote.normalize(b)
        if x == y { return true }
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        return !short.isEmpty && (" " + long + " ").contains(" " + short + " ")
    }

    static func matches(_ change: FactChange, _ expected: Expected.Change) -> Bool {
        change.kind.rawValue == expected.kind && change.change.rawValue == expected.change
            && same(change.old, expected.old) && same(change.new, expected.new)
    }

    struct Score {
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        var recall: Double {
            truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    @Test("At least 30 labelled pairs, at least 8 of them with no fact change")
    func coverage() throws {
        let pairs = try Self.pairs()
        #expect(pairs.count >= 30)
        #expect(pairs.filter { $0.expected.changes.isEmpty }.count >= 8)
        let kinds = Set(pairs.flatMap { $0.expected.changes.map { "\($0.kind) \($0.change)" } })
        for kind in ["figure", "name", "quote", "claim"] {
            for change in ["added", "removed", "modified"] where !(kind == "claim" && change == "xx") {
                #expect(kinds.contains("\(kind) \(change)"), "no labelled \(kind) \(change)")
            }
        }
    }

    @Test("Precision, recall and F1 reach 0.90 for every kind; no false change in no-change pairs")
    func score() throws {
        var scores: [String: Score] = [:]
        for pair in try Self.pairs() {
            let facts = FactDiff(diff: Diff(pair.old, pair.new))
            var unmatched = pair.expected.changes
            for change in facts.changes {
                if let k = unmatched.firstIndex(where: { Self.matches(change, $0) }) {
                    unmatched.remove(at: k)
                    scores[change.kind.rawValue, default: Score()].truePositives += 1
                } else {
                    scores[change.kind.rawValue, default: Score()].falsePositives += 1
                    Issue.record(
                        "\(pair.name): unexpected \(change.kind) \(change.change): \(change.old ?? "nil") → \(change.new ?? "nil")"
                    )
                }
            }
            for missing in unmatched {
                scores[missing.kind, default: Score()].falseNegatives += 1
                Issue.record(
                    "\(pair.name): missed \(missing.kind) \(missing.change): \(missing.old ?? "nil") → \(missing.new ?? "nil")"
                )
            }
            if pair.expected.changes.isEmpty {
                #expect(facts.changes.isEmpty, "\(pair.name) has no fact change but Redline reported some")
            }
        }
        var table = "| kind | precision | recall | F1 | TP | FP | FN |\n|---|---|---|---|---|---|---|\n"
        for kind in ["figure", "name", "quote", "claim"] {
            let score = scores[kind] ?? Score()
            table +=
                "| \(kind) | \(Self.format(score.precision)) | \(Self.format(score.recall)) | \(Self.format(score.f1)) "
            table += "| \(score.truePositives) | \(score.falsePositives) | \(score.falseNegatives) |\n"
            #expect(score.precision >= 0.9, "\(kind) precision \(score.precision)")
            #expect(score.recall >= 0.9, "\(kind) recall \(score.recall)")
        }
        print(table)
    }

    static func format(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
