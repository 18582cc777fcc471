import Foundation
import Redline
import Testing

/// Control characters in article text and ids never reach a terminal raw: escape sequences in an
/// article cannot clear the screen, retitle the window, hide text or reorder it.
@Suite("Terminal safety")
struct TerminalSafetyTests {
    let cli = CLITests()

    @Test("TerminalSafe: C0 controls, DEL, C1 controls and bidi overrides escaped; tab, newline and text kept")
    func escaping() {
        #expect(TerminalSafe.escaped("plain text, café, 東京\tand\nlines") == "plain text, café, 東京\tand\nlines")
        #expect(TerminalSafe.escaped("a\u{1B}[2Jb") == "a^[[2Jb")
        #expect(TerminalSafe.escaped("title\u{1B}]0;pwned\u{07}x") == "title^[]0;pwned^Gx")
        #expect(TerminalSafe.escaped("over\rwrite") == "over^Mwrite")
        #expect(TerminalSafe.escaped("del\u{7F}") == "del^?")
        #expect(TerminalSafe.escaped("csi\u{9B}31m") == "csi<U+9B>31m")
        #expect(TerminalSafe.escaped("abc\u{202E}fed") == "abc<U+202E>fed")
        #expect(TerminalSafe.escaped("iso\u{2066}x\u{2069}") == "iso<U+2066>x<U+2069>")
        #expect(TerminalSafe.escaped("two\nlines", keepingNewlines: false) == "two^Jlines")
        // Neighbours of the unsafe ranges stay: U+00A0, U+2029, U+2070.
        #expect(TerminalSafe.escaped("\u{A0}\u{2029}\u{2070}") == "\u{A0}\u{2029}\u{2070}")
    }

    @Test("An article holding escape sequences: the text report, facts and extract print them escaped")
    func articleText() throws {
        let old = try cli.temporaryFile(Array("Officials said 12 people died.\n".utf8), name: "old.txt")
        let new = try cli.temporaryFile(
            Array("Officials said 14 people died.\u{1B}[2J\u{1B}]0;pwned\u{07}\u{202E}\n".utf8), name: "new.txt")
        for arguments in [
            ["diff", "--color", "never", old, new], ["diff", "--color", "always", old, new],
            ["diff", "--color", "never", "--by", "char", old, new], ["facts", new],
        ] {
            let result = try cli.run(arguments)
            let withoutColour = result.stdout.replacingOccurrences(
                of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
            #expect(!withoutColour.contains("\u{1B}") && !withoutColour.contains("\u{07}"), "\(arguments)")
            #expect(!withoutColour.contains("\u{202E}"), "\(arguments)")
            if arguments[0] == "diff" { #expect(withoutColour.contains("^[[2J"), "\(arguments): \(withoutColour)") }
        }
        // JSON escapes control characters itself, exactly.
        let json = try cli.run(["diff", "--format", "json", old, new])
        #expect(json.stdout.contains("\\u001b[2J"), "\(json.stdout)")
    }

    @Test("Ids with escapes or newlines print as one escaped line; show is exact when piped")
    func ids() throws {
        let directory = try cli.newStore("safety")
        let file = try cli.temporaryFile(Array("Text with \u{1B}[31mred\u{1B}[0m inside.\n".utf8))
        let id = "flood\u{1B}[2J\nsecond line"
        let added = try cli.run(["snapshot", file, "--article", id, "--store", directory])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("flood^[[2J^Jsecond line@1: added, "), "\(added.stdout)")
        #expect(added.stdout.filter { $0 == "\n" }.count == 1)
        let listed = try cli.run(["articles", "--store", directory])
        #expect(listed.stdout.hasPrefix("flood^[[2J^Jsecond line\t1 revision"), "\(listed.stdout)")
        let missing = try cli.run(["show", "nope\u{1B}[2J", "--store", directory])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope^[[2J") && !missing.stderr.contains("\u{1B}"), "\(missing.stderr)")
        // Piped, `show` gives the stored text byte for byte.
        let shown = try cli.run(["show", id, "--store", directory])
        #expect(shown.stdout == "Text with \u{1B}[31mred\u{1B}[0m inside.\n")
    }
}
