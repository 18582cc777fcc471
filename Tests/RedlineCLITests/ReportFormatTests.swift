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

    /// A news page whose every metadata field is hostile and differs in version `n`: title,
    /// Open Graph headline, author, description (U+2028, U+2029, a bidi override), canonical URL
    /// (`javascript:`), dates, section (`</style>`), JSON-LD headline and author with `<\/script>`
    /// inside their strings and a `data:` URL; the heading, byline and body hostile too.
    static func hostilePage(_ n: Int, toll: Int) -> String {
        func pwn(_ tag: String) -> String { "document.body.setAttribute('data-pwned','\(tag)')" }
        func image(_ tag: String) -> String { "<img src=x onerror=\"\(pwn(tag))\">" }
        return """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
            <title>Flood toll rises v\(n) \(image("title")) &lt;/title&gt;&lt;script&gt;\(pwn("title2"))&lt;/script&gt;</title>
            <meta property="og:title" content="Flood v\(n) &quot;&gt;&lt;svg onload=&quot;\(pwn("og"))&quot;&gt;">
            <meta name="author" content="Ana Ruiz v\(n) &lt;/td&gt;&lt;script&gt;\(pwn("author"))&lt;/script&gt;">
            <meta name="description" content="Summary v\(n) &#x2028; line&#x2029;sep &#x202E;desrever&#x202C; &lt;iframe src=javascript:alert(1)&gt;">
            <link rel="canonical" href="javascript:\(pwn("canonical"))//news.example/flood-\(n)&quot;&gt;\(image("canon"))">
            <meta property="og:url" content="https://news.example/flood?v=\(n)&quot;&gt;&lt;img src=x onerror=&quot;\(pwn("ogurl"))&quot;&gt;">
            <meta property="article:published_time" content="2026-03-0\(n)T10:00:00Z">
            <meta property="article:modified_time" content="2026-03-0\(n)T11:00:00Z&lt;script&gt;alert(1)&lt;/script&gt;">
            <meta property="article:section" content="News v\(n) &lt;/style&gt;&lt;style&gt;body{display:none}&lt;/style&gt;">
            <script type="application/ld+json">{"@type":"NewsArticle",
            "headline":"Flood toll rises v\(n) <\\/script><script>\(pwn("jsonld"))<\\/script> \\u2028",
            "author":{"@type":"Person","name":"Ana Ruiz v\(n) <img src=x onerror=\\"\(pwn("ldauthor"))\\">"},
            "datePublished":"2026-03-0\(n)T10:00:00Z","url":"data:text/html,<script>alert(1)<\\/script>"}</script>
            </head><body><article><h1>Flood toll rises v\(n) \(image("h1"))</h1>
            <p class="byline">By Ana Ruiz \(image("byline"))</p>
            <p>At least \(toll) people died when the river burst its banks on Tuesday, the regional governor said.</p>
            <p>Officials said &lt;script&gt;\(pwn("body"))&lt;/script&gt; and &lt;a href="javascript:\(pwn("link"))"&gt;click&lt;/a&gt; \u{2028} &#x202E;txet&#x202C; were in the story v\(n).</p>
            <p>Some 1,200 homes were evacuated, the Red Cross said on Wednesday morning.</p></article></body></html>
            """
    }

    @Test(
        "Hostile metadata in every field of both versions is inert in Chromium; the real edit is shown",
        SystemTool.chromium.trait)
    func hostileMetadataHTML() throws {
        let old = try cli.temporaryFile(Array(Self.hostilePage(1, toll: 12).utf8), name: "hostile-old.html")
        let new = try cli.temporaryFile(Array(Self.hostilePage(2, toll: 15).utf8), name: "hostile-new.html")
        let report = (try cli.temporaryDirectory("html") as NSString).appendingPathComponent("report.html")
        let result = try cli.run(["diff", old, new, "--format", "html", "-o", report])
        #expect(result.status == 1, "\(result.stderr)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        // Every hostile field reached the report (escaped), so the check below covers them all.
        for field in ["Flood toll rises v2", "Ana Ruiz v2", "2026-03-02", "https://news.example/flood?v=2"] {
            #expect(html.contains(field), "\(field) missing from the report")
        }
        #expect(!html.contains("javascript:document.body.setAttribute(&#39;data-pwned&#39;,&#39;canonical"))
        #expect(!html.contains("data:text/html"), "a data: URL was kept as the canonical URL")
        #expect(!html.contains("\u{202E}"), "a bidi override left raw")
        #expect(html.contains("<span class=\"ctl\">U+202E</span>"))
        let dom = try dumpDOM(report)
        #expect(dom.contains("<title>Redline: "))
        #expect(dom.range(of: #"<body[^>]*data-pwned"#, options: .regularExpression) == nil, "a payload ran")
        #expect(dom.components(separatedBy: "<script").count == 1, "a script element in the DOM")
        for element in ["<img", "<svg", "<iframe", "<style>body"] {
            #expect(!dom.contains(element), "\(element) injected")
        }
        #expect(dom.range(of: #"<[a-z]+ [^>]*(href|src)="(javascript|data):"#, options: .regularExpression) == nil)
        // The report's own structure and the real edit survive.
        #expect(dom.contains("<del>12</del>") || dom.contains("<del>At least 12</del>"), "the figure edit")
        #expect(dom.contains("class=\"row changed\""))
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
