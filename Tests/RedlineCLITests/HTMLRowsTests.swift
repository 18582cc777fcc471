import Foundation
import Redline
import Testing

@testable import RedlineReport

/// The side-by-side rows of the HTML report: a huge paragraph pair reuses the text diff's edits.
@Suite("HTML report rows")
struct HTMLRowsTests {
    /// `old` turned into `new` by `edits` (offsets relative to each paragraph).
    func applied(_ edits: [Edit], old: [UInt8], new: [UInt8]) -> [UInt8]? {
        var result: [UInt8] = []
        var oldAt = 0
        var newAt = 0
        for edit in edits {
            guard edit.old.lowerBound == oldAt, edit.new.lowerBound == newAt else { return nil }
            switch edit.kind {
            case .equal:
                guard Array(old[edit.old]) == Array(new[edit.new]) else { return nil }
                result += old[edit.old]
            case .delete: break
            case .insert: result += new[edit.new]
            }
            oldAt = edit.old.upperBound
            newAt = edit.new.upperBound
        }
        return oldAt == old.count && newAt == new.count ? result : nil
    }

    @Test("Clipped edits rebuild each paragraph of a pair the diff made, on 200 random edits")
    func clippedEditsRebuild() {
        var generator = SystemRandomNumberGenerator()
        var clipped = 0
        let words = "the council said a plan for new river homes after storm police report".split(separator: " ")
        for _ in 0..<200 {
            let paragraphs = (0..<4).map { _ in
                (0..<Int.random(in: 8...30, using: &generator)).map { _ in
                    String(words.randomElement(using: &generator)!)
                }
            }
            let edited = paragraphs.map { paragraph in
                paragraph.enumerated().compactMap { index, word -> String? in
                    switch Int.random(in: 0..<10, using: &generator) {
                    case 0: return nil
                    case 1: return word + " " + String(words.randomElement(using: &generator)!)
                    case 2 where index > 0: return "X" + word
                    default: return word
                    }
                }
            }
            let old = paragraphs.map { $0.joined(separator: " ") }
            let new = edited.map { $0.joined(separator: " ") }
            let diff = Diff(old.joined(separator: "\n\n") + "\n", new.joined(separator: "\n\n") + "\n")
            var oldStart = 0
            var newStart = 0
            for (a, b) in zip(old, new) {
                let oldRange = oldStart..<(oldStart + a.utf8.count)
                let newRange = newStart..<(newStart + b.utf8.count)
                oldStart = oldRange.upperBound + 2
                newStart = newRange.upperBound + 2
                guard let edits = HTMLReport.clippedEdits(diff, old: oldRange, new: newRange) else { continue }
                clipped += 1
                #expect(applied(edits, old: Array(a.utf8), new: Array(b.utf8)) == Array(b.utf8), "\(a) → \(b)")
            }
        }
        // Most of the 800 pairs are paired by the diff itself, so the check above ran on them.
        #expect(clipped > 400, "only \(clipped) pairs clipped")
    }

    @Test("A pair the diff did not make (other paragraphs) gives nil; a pair it made gives its edits")
    func clippedEditsOnlyForDiffPairs() {
        let old = "The toll rose to 12 on Tuesday.\n\nRescuers searched the valley.\n"
        let new = "The toll rose to 14 on Tuesday.\n\nRescuers searched the valley.\n"
        let diff = Diff(old, new)
        let first = 0..<31
        let edits = HTMLReport.clippedEdits(diff, old: first, new: first)
        let oldBytes = [UInt8](old.utf8)
        let twelve = [UInt8]("12".utf8)
        #expect(edits?.contains { $0.kind == .delete && [UInt8](oldBytes[$0.old]) == twelve } == true)
        #expect(HTMLReport.clippedEdits(diff, old: first, new: 33..<61) == nil)
    }

    @Test("Escaping: markup characters as entities, controls and bidi overrides as visible marks, the rest kept")
    func escaping() {
        let escaped = HTMLReport.escape("a<b>&\"'\u{202E}x\u{2066}\u{1B}\u{85}é\tz\n€")
        let mark = { (code: String) in "<span class=\"ctl\">U+\(code)</span>" }
        #expect(
            escaped
                == "a&lt;b&gt;&amp;&quot;&#39;" + mark("202E") + "x" + mark("2066") + mark("001B") + mark("0085")
                + "é\tz\n€")
        #expect(HTMLReport.escape("") == "")
        #expect(HTMLReport.escape("plain text") == "plain text")
    }
}
