import Foundation
import Testing

/// The HTML report in a real browser (headless Chromium), and the Markdown report's escaping.
@Suite("HTML and Markdown reports", .serialized)
struct ReportFormatTests {
    let cli = CLITests()

    /// An article whose text is hostile markup, before and after an edit.
    static let hostileOld = """
        The council approved a budget of $4 million on Tuesday, officials said.

        <script>document.title = 'PWNED'; document.body.setAttribute('data-pwned', 'script')</script> was in the story.

        A link: <a href="javascript:document.body.setAttribute('data-pwned','link')">click</a> and </style><b>bold</b> text.
        """
    static let hostileNew = """
        The council approved a budget of $6 million on Tuesday, officials said.

        <script>document.title = 'PWNED'; document.body.setAttribute('data-pwned', 'script')</script> was in the story.

        A link: <a href="javascript:document.body.setAttribute('data-pwned','link')">click</a> and </style><b>bold</b> text.
        <img src=x onerror="document.body.setAttribute('data-pwned','img')"> </details> | **not bold** |
        """

    /// Chromium's DOM after loading the page (scripts, if any could run, would have run).
    func dumpDOM(_ path: String) throws -> String {
        guard let chromium = SystemTool.chromium.path else {
            Issue.record("headless Chromium is needed for this test: apt-get install chromium (.ci/run does)")
            return ""
        }
        return try CLITests.capture(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--virtual-time-budget=2000",
                "--dump-dom", URL(fileURLWithPath: path).absoluteString,
            ]
        ).output
    }

    @Test(
        "Hostile article text renders as text in Chromium: no script runs, no element is injected",
        SystemTool.chromium.trait)
    func hostileHTML() throws {
        let old = try cli.temporaryFile(Array(Self.hostileOld.utf8), name: "hostile-old.txt")
        let new = try cli.temporaryFile(Array(Self.hostileNew.utf8), name: "hostile-new.txt")
        let report = (try cli.temporaryDirectory("html") as NSString).appendingPathComponent("report.html")
        let result = try cli.run(["diff", old, new, "--format", "html", "-o", report])
        #expect(result.status == 1)
        let dom = try dumpDOM(report)
        #expect(dom.contains("<title>Redline: "))
        #expect(!dom.contains("PWNED</title>"))
        #expect(dom.range(of: #"<body[^>]*data-pwned"#, options: .regularExpression) == nil)
        #expect(dom.components(separatedBy: "<script").count == 1, "a script element in the DOM")
        #expect(!dom.contains("<img"))
        #expect(dom.range(of: #"<a [^>]*href="javascript:"#, options: .regularExpression) == nil)
        #expect(dom.contains("&lt;script&gt;document.title"))
        #expect(dom.contains("&lt;/style&gt;&lt;b&gt;bold&lt;/b&gt;"))
        // The report's own structure is intact: the figure change, the aligned changed row.
        #expect(dom.contains("<del>$4 million</del> → <ins>$6 million</ins>"))
        #expect(dom.contains("class=\"row changed\""))
        #expect(dom.contains("<del>4</del>"))
    }

    @Test(
        "The report of the bundled article: summary, metadata-free, moved paragraph marked, inline view present",
        SystemTool.chromium.trait)
    func fixtureHTML() throws {
        let report = (try cli.temporaryDirectory("html") as NSString).appendingPathComponent("flood.html")
        _ = try cli.run(["diff", cli.old, cli.new, "--format", "html", "-o", report])
        let dom = try dumpDOM(report)
        #expect(dom.contains("6 figures, 1 name, 1 quote, 2 claims changed"))
        #expect(dom.components(separatedBy: "class=\"row moved").count == 3)
        #expect(dom.contains("<del>Issac</del>"))
        #expect(dom.contains("class=\"inline\""))
        #expect(dom.contains("Content-Security-Policy"))
    }

    @Test("Markdown: hostile text cannot close <details>, break the table or add emphasis")
    func hostileMarkdown() throws {
        let old = try cli.temporaryFile(Array(Self.hostileOld.utf8), name: "hostile-old.md.txt")
        let new = try cli.temporaryFile(Array(Self.hostileNew.utf8), name: "hostile-new.md.txt")
        let result = try cli.run(["diff", old, new, "--format", "markdown"])
        let text = result.stdout
        #expect(text.components(separatedBy: "</details>").count == 2, "exactly the report's own </details>")
        #expect(!text.contains("<script"))
        #expect(text.contains("\\*\\*not bold\\*\\*"))
        let tableRows = text.split(separator: "\n").filter { $0.hasPrefix("| figure") }
        #expect(tableRows.count == 1)
        // Unescaped pipes: the five that delimit four cells.
        let row = String(tableRows.first ?? "")
        let characters = Array(row)
        let delimiters = characters.indices.filter { characters[$0] == "|" && ($0 == 0 || characters[$0 - 1] != "\\") }
        #expect(delimiters.count == 5, "\(row)")
        #expect(text.contains("| figure | modified | $4 million → $6 million |"))
    }
}
