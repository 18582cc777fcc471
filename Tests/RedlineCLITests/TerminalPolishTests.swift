import Foundation
import Redline
import Testing

/// Width-aware wrapping, `--stat` and `--quiet`.
@Suite("Terminal output polish")
struct TerminalPolishTests {
    let cli = CLITests()

    func comparison() throws -> Comparison {
        let old = try TextDocument.load(cli.old)
        let new = try TextDocument.load(cli.new)
        return Redline.compare(old, new)
    }

    @Test(
        "Wrapped at 60 columns: no line longer (but a word longer than the width), same words, indents kept",
        arguments: [false, true])
    func wrapping(color: Bool) throws {
        let comparison = try comparison()
        let wide = String(decoding: TextReport(color: color).render(comparison), as: UTF8.self)
        let narrow = String(decoding: TextReport(color: color, width: 60).render(comparison), as: UTF8.self)
        let visible = narrow.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        for line in visible.split(separator: "\n") {
            let longestWord = line.split(separator: " ").map(\.count).max() ?? 0
            #expect(line.count <= 60 || longestWord > 60 - 8, "\(line)")
        }
        func words(_ text: String) -> [Substring] {
            text.replacingOccurrences(
                of: "\u{1B}\\[[0-9;]*m|\\[-|-\\]|\\{\\+|\\+\\}", with: " ", options: .regularExpression
            )
            .split { $0 == " " || $0 == "\n" }
        }
        #expect(words(narrow) == words(wide))
        // Continuation lines of an indented line keep its indent.
        #expect(visible.contains("      in: Flash floods tore through three villages in the\n      northern"))
    }

    @Test("Wrapping counts display columns: CJK and emoji take two, and CJK lines break between characters")
    func wideCharacters() throws {
        let paragraph = "東京都は月曜日、新しい防災計画を発表した。計画では避難所を三百か所増やし、住民への連絡を強化する。🌊🚒 The plan costs ¥5 billion."
        let old = TextDocument(name: "old.txt", text: paragraph + "\n")
        let new = TextDocument(name: "new.txt", text: paragraph.replacingOccurrences(of: "三百", with: "四百") + "\n")
        let comparison = Redline.compare(old, new)
        func columns(_ line: Substring) -> Int {
            line.unicodeScalars.reduce(0) { total, scalar in
                let v = scalar.value
                let wide =
                    (0x3000...0x9FFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1F6FF).contains(v)
                return total + (wide ? 2 : 1)
            }
        }
        for width in [24, 40] {
            let text = String(decoding: TextReport(color: false, width: width).render(comparison), as: UTF8.self)
            for line in text.split(separator: "\n") {
                #expect(columns(line) <= width, "\(width): \(line) is \(columns(line)) columns")
            }
            let unwrapped = String(decoding: TextReport(color: false).render(comparison), as: UTF8.self)
            func squeezed(_ text: String) -> String {
                // A mark is closed before a break and opened after it: compare the characters only.
                text.replacingOccurrences(of: "\\[-|-\\]|\\{\\+|\\+\\}", with: "", options: .regularExpression)
                    .filter { $0 != " " && $0 != "\n" }
            }
            #expect(squeezed(text) == squeezed(unwrapped))
        }
    }

    @Test("--stat: one line with the file, changed paragraphs, token counts, a bar and the facts")
    func stat() throws {
        let result = try cli.run(["diff", cli.old, cli.new, "--stat"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stdout.hasPrefix("\(cli.new) | 7 paragraphs changed, +69 −41 tokens +"))
        #expect(result.stdout.contains("1 moved paragraph | 6 figures, 1 name, 1 quote, 2 claims\n"))
        let same = try cli.run(["diff", cli.old, cli.old, "--stat"])
        #expect(same.status == 0)
        #expect(same.stdout == "\(cli.old) | no change\n")
    }

    @Test("--quiet: nothing printed, the exit status says it")
    func quiet() throws {
        let different = try cli.run(["diff", cli.old, cli.new, "--quiet"])
        #expect(different.status == 1)
        #expect(different.stdout.isEmpty && different.stderr.isEmpty)
        let same = try cli.run(["diff", cli.old, cli.old, "-q"])
        #expect(same.status == 0)
        #expect(same.stdout.isEmpty)
    }

    @Test("Piped output is never wrapped")
    func pipedUnwrapped() throws {
        let result = try cli.run(["diff", cli.old, cli.new, "--color", "never"], environment: ["COLUMNS": "40"])
        #expect(result.stdout.split(separator: "\n").contains { $0.count > 100 })
    }
}
