import Foundation
import Testing

@testable import RedlineDiff

/// Golden tests on the article revisions in `Fixtures/articles/`: the changes a reader must see.
@Suite("Fixture articles")
struct GoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/articles")

    func diff(_ name: String, by granularity: Granularity = .word) throws -> Diff {
        let folder = Self.fixtures.appendingPathComponent(name)
        let old = try String(contentsOf: folder.appendingPathComponent("old.txt"), encoding: .utf8)
        let new = try String(contentsOf: folder.appendingPathComponent("new.txt"), encoding: .utf8)
        let diff = Diff(old, new, by: granularity)
        #expect(try diff.script.apply(to: old) == new)
        return diff
    }

    /// Each change outside moves as (deleted text, inserted text); a pure insertion has "" deleted.
    func changes(_ diff: Diff) -> [Change] {
        var result: [Change] = []
        var pending: Change?
        for edit in diff.edits {
            guard edit.move == nil else { continue }
            switch edit.kind {
            case .equal:
                if let change = pending { result.append(change) }
                pending = nil
            case .delete:
                if let change = pending { result.append(change) }
                pending = Change(diff.oldText(edit.old), "")
            case .insert:
                if let change = pending, change.inserted.isEmpty {
                    pending = Change(change.deleted, diff.newText(edit.new))
                } else {
                    if let change = pending { result.append(change) }
                    pending = Change("", diff.newText(edit.new))
                }
            }
        }
        if let change = pending { result.append(change) }
        return result
    }

    struct Change: Equatable, CustomStringConvertible {
        var deleted: String
        var inserted: String
        init(_ deleted: String, _ inserted: String) {
            self.deleted = deleted
            self.inserted = inserted
        }
        var description: String { "[-\(deleted)-]{+\(inserted)+}" }
    }

    @Test("Figures, a corrected name and a moved paragraph")
    func floodToll() throws {
        let diff = try diff("flood-toll")
        let found = changes(diff)
        for expected in [
            Change("12", "19"), Change("Tuesday", "Wednesday"), Change("Issac", "Isaac"), Change("24", "48"),
            Change("5", "10"), Change("", "still "),
        ] {
            #expect(found.contains(expected), "missing \(expected) in \(found)")
        }
        #expect(found.filter { $0 == Change("12", "19") }.count == 2)
        // Only the meteorology paragraph moved; the edited quote and budget paragraphs stayed put.
        #expect(diff.moves.count == 1)
        let move = try #require(diff.moves.first)
        #expect(diff.oldText(move.old).hasPrefix("Meteorologists said"))
        #expect(!move.isEdited)
        #expect(found.contains { $0.deleted.isEmpty && $0.inserted.contains("Correction: An earlier version") })
        // No confetti: every change is a whole word or more.
        for change in found {
            #expect(change.deleted.isEmpty || change.deleted.first?.isLetter != nil)
        }
    }

    @Test("A moved paragraph and an inserted sentence")
    func harbourBridge() throws {
        let diff = try diff("harbour-bridge")
        #expect(diff.moves.count == 1)
        let move = try #require(diff.moves.first)
        #expect(diff.newText(move.new).hasPrefix("The bridge carries about 31,000 vehicles a day."))
        let found = changes(diff)
        #expect(
            found == [
                Change(
                    "",
                    " The repairs are estimated to cost $48 million, to be shared between the city and the port authority."
                )
            ])
    }

    @Test("A softened verb, a reworded sentence and a reformatted percentage")
    func ministryDenial() throws {
        let diff = try diff("ministry-denial")
        let found = changes(diff)
        #expect(found.contains(Change("confirms", "denies")))
        #expect(found.contains(Change("confirmed", "denied")))
        #expect(found.contains(Change("%", " percent")))
        #expect(diff.moves.isEmpty)
    }

    @Test("Unicode names, diacritics and dotted capitals")
    func unicodeNames() throws {
        let diff = try diff("unicode-names")
        let found = changes(diff)
        #expect(found.filter { $0 == Change("Erdogan", "Erdoğan") }.count == 2)
        #expect(found.filter { $0 == Change("Istanbul", "İstanbul") }.count == 2)
        #expect(found.contains(Change("15", "14")))
        #expect(found.contains(Change("8", "8.9")))
        #expect(found.contains(Change("", " and invited Erdoğan to Jerusalem")))
        // The Hebrew passage and the flag emoji are untouched.
        #expect(!found.contains { $0.deleted.contains("שלום") || $0.deleted.contains("🇮🇱") })
    }

    @Test("Every granularity and mode gives a script that rebuilds every fixture", arguments: Granularity.allCases)
    func allFixturesRebuild(granularity: Granularity) throws {
        for name in ["flood-toll", "harbour-bridge", "ministry-denial", "unicode-names"] {
            let folder = Self.fixtures.appendingPathComponent(name)
            let old = try String(contentsOf: folder.appendingPathComponent("old.txt"), encoding: .utf8)
            let new = try String(contentsOf: folder.appendingPathComponent("new.txt"), encoding: .utf8)
            for options in [Diff.Options(), Diff.Options(minimal: true)] {
                let diff = Diff(old, new, by: granularity, options: options)
                #expect(try diff.script.apply(to: old) == new)
                #expect(!diff.isIdentical)
            }
        }
    }

    @Test("Hunks keep one paragraph of context and point at the right lines")
    func hunks() throws {
        let diff = try diff("ministry-denial")
        let hunks = diff.hunks(context: 1)
        #expect(hunks.first?.oldLines.lowerBound == 0)
        for hunk in hunks {
            #expect(hunk.edits.contains { $0.kind != .equal })
            #expect(hunk.oldLines.count > 0)
        }
        let identical = Diff("same text\n", "same text\n")
        #expect(identical.isIdentical)
        #expect(identical.hunks().isEmpty)
    }
}
