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
