import Foundation
import Testing

@testable import RedlineIngest

/// Layouts found on the real-page development set (`Benchmarks/realpages/`), reduced to their
/// structure: each test fails when the rule that handles its class of page is removed.
@Suite("Body extraction on layouts from real pages")
struct RealLayoutTests {
    let paragraphs = [
        "Understanding the types of cloud resources can be time-consuming and costly, and the choice is rarely final.",
        "Enterprises need to buy physical servers through procurement processes that can take months, the report says.",
        "The acquired systems require a physical space, typically a specialised room with sufficient power and cooling.",
        "After configuring and deploying the systems, enterprises need expert personnel to manage them for years.",
        "This long process is difficult to scale when demand spikes or business expands, analysts at the firm said.",
        "Companies can instead rent what they need by the hour, and hand back what they no longer use, it concludes.",
    ]

    func read(_ page: String) throws -> Article {
        try ArticleReader.read(Array(page.utf8), name: "page.html")
    }

    @Test("An end tag closes the elements left open inside it (HTML5), not the rest of the page")
    func unclosedDivInsideButton() throws {
        // libxml2 2.9 ignores </button> while a <div> inside it is open, so the page nested inside
        // the header's menu button, and everything was dropped with it.
        let article = try read(
            """
            <html><body><header class="site-header"><div class="menu"><button class="menu-button"><div class="icon">
            </button></div><a href="/">Home</a></header>
            <main><article><div class="article-body">\(paragraphs.map { "<p>\($0)</p>" }.joined())</div></article></main>
            <footer><p>About us: a newsroom in the city since 1901, at 14 Harbour Street.</p></footer></body></html>
            """)
        #expect(article.paragraphs == paragraphs)
    }

    @Test("An unclosed <div> inside a <section> does not swallow the following sections")
    func unclosedDivInsideSection() throws {
        let article = try read(
            """
            <html><body><main><section class="intro"><div class="lede"><p>\(paragraphs[0])</p></section>
            <section class="rest"><p>\(paragraphs[1])</p><p>\(paragraphs[2])</p><p>\(paragraphs[3])</p>
            <p>\(paragraphs[4])</p><p>\(paragraphs[5])</p></section></main>
            <aside class="rail"><p>Sign up for our morning briefing, delivered to your inbox every weekday.</p></aside>
            </body></html>
            """)
        let tree = try Array(
            """
            <div id="a"><section><div id="b"></section><p id="c">x</p></div>
            """.utf8
        ).withUnsafeBytes { try HTMLParser.parse($0) }
        // The paragraph after </section> is the section's sibling, as a browser builds it.
        let section = try #require(tree.nodes.indices.first { tree.nodes[$0].name == "section" })
        let paragraph = try #require(tree.nodes.indices.first { tree.nodes[$0].name == "p" })
        #expect(tree.nodes[paragraph].parent == tree.nodes[section].parent)
        #expect(article.paragraphs.suffix(5) == paragraphs.suffix(5))
    }

    @Test("React's streamed content (<div hidden id=\"S:0\">) is read; other hidden blocks are not")
    func streamedContent() throws {
        let article = try read(
            """
            <html><body><div id="root"><p>Loading…</p></div>
            <div hidden id="S:0"><main><article>\(paragraphs.map { "<p>\($0)</p>" }.joined())</article></main></div>
            <div hidden id="promo"><p>Subscribe now and get three months of unlimited access for the price of one.</p></div>
            </body></html>
            """)
        #expect(article.paragraphs == paragraphs)
    }

    @Test("An article split into sections of one shape, each scored alone, is read whole; the sidebar is not")
    func sectionsOfOneShape() throws {
        // Sections of unequal length, each nested four deep: no section's score reaches the
        // container of them all, and only the first is long enough to win on its own.
        let lengths = [3, 1, 1, 1]
        var next = 0
        var expected: [String] = []
        var sections = ""
        for (number, count) in lengths.enumerated() {
            let texts = (0..<count).map { _ in
                defer { next += 1 }
                return paragraphs[next % paragraphs.count] + " (\(next))"
            }
            expected += texts
            sections += """
                <section class="jump-section s\(number)"><div class="module"><div class="module-inner"><div class="copy">\
                \(texts.map { "<p>\($0)</p>" }.joined())</div></div></div></section>
                """
        }
        let teasers = (0..<6).map {
            "<div class=\"item\"><a href=\"/t/\($0)\">Story \($0)</a><p>A summary of another story, with a few words of its own.</p></div>"
        }.joined()
        let article = try read(
            """
            <html><body><div class="page"><div class="main-col"><div class="sections">\(sections)</div></div>
            <div class="side-col"><div class="box most-read">\(teasers)</div></div></div></body></html>
            """)
        #expect(article.paragraphs == expected)
    }

    @Test("A page whose every article block has a furniture-looking class is read without the class rules")
    func everyBlockLooksLikeFurniture() throws {
        let widgets = paragraphs.map {
            "<div class=\"elementor-widget elementor-widget-text-editor\"><div class=\"widget-container\"><p>\($0)</p></div></div>"
        }.joined()
        let article = try read(
            """
            <html><body><header><nav><a href="/">Home</a></nav></header>
            <main><article class="post"><div class="entry-content">\(widgets)</div></article></main></body></html>
            """)
        #expect(article.paragraphs == paragraphs)
    }

    @Test("Parsers on many threads at once: libxml2 is initialised once, no deadlock")
    func parallelParsers() async throws {
        let page = "<html><body><article>\(paragraphs.map { "<p>\($0)</p>" }.joined())</article></body></html>"
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<32 {
                group.addTask { try read(page).paragraphs.count }
            }
            for try await count in group { #expect(count == paragraphs.count) }
        }
    }

    @Test("A section whose id is its heading made into an anchor is not judged by the words of the heading")
    func headingSlugIDs() throws {
        let article = try read(
            """
            <html><body><div class="content"><div class="section" id="evolve-shared-history">
            <p>\(paragraphs[0])</p><p>\(paragraphs[1])</p>
            <div class="section" id="sharing-with-a-single-developer"><h2>Sharing with a single developer</h2>
            <p>\(paragraphs[2])</p><p>\(paragraphs[3])</p><p>\(paragraphs[4])</p><p>\(paragraphs[5])</p></div>
            </div></div><div class="share-tools" id="share-bar"><p>Share this on social media with your friends today.</p></div>
            </body></html>
            """)
        #expect(article.paragraphs == Array(paragraphs[0...1]) + ["Sharing with a single developer"] + paragraphs[2...])
    }

    @Test("A copy of the article hidden by a site builder's condition class is not read twice")
    func conditionallyInvisibleCopy() throws {
        let body = paragraphs.map { "<p>\($0)</p>" }.joined()
        let article = try read(
            """
            <html><body><div class="layout__normal"><div class="rte w-richtext">\(body)</div></div>
            <div class="layout__gated w-condition-invisible"><div class="rte w-richtext">\(body)</div></div></body></html>
            """)
        #expect(article.paragraphs == paragraphs)
    }

    @Test("A list of links that a sentence introduces is kept; a list of related links is not")
    func introducedLinkList() throws {
        let article = try read(
            """
            <html><body><article><p>\(paragraphs[0])</p><p>\(paragraphs[1])</p>
            <p>Regular practice has been shown to help improve:</p>
            <ul><li><a href="https://example.org/1">Stress levels</a></li><li><a href="https://example.org/2">Sleep</a></li></ul>
            <p>\(paragraphs[2])</p><p>\(paragraphs[3])</p>
            <h3>Read next</h3><ul><li><a href="/a">Why the city is rethinking its parks</a></li>
            <li><a href="/b">Five questions for the new mayor</a></li></ul></article></body></html>
            """)
        #expect(
            article.paragraphs == Array(paragraphs[0...1]) + [
                "Regular practice has been shown to help improve:", "Stress levels", "Sleep",
            ]
                + paragraphs[2...3])
    }

    @Test("The byte search that filters paragraphs by JSON-LD's articleBody finds exactly the substrings")
    func byteSearch() {
        let haystack = Array("thecouncilapprovedthebudgetontuesday".utf8)
        for needle in ["the", "budget", "tuesday", "thecouncil", "t", "approvedthe"] {
            #expect(LinkedBody.contains(haystack, Array(needle.utf8)), "\(needle)")
        }
        for needle in ["budgets", "mondaythe", "x", "thecouncilapprovedthebudgetontuesdayx"] {
            #expect(!LinkedBody.contains(haystack, Array(needle.utf8)), "\(needle)")
        }
        #expect(LinkedBody.contains(haystack, []))
    }

    @Test(
        "A body-like class on paragraphs (Word's MsoBodyText) does not make them the article without their neighbours")
    func paragraphStyleIsNotABody() throws {
        // Long paragraphs (a marked body needs 140 bytes of text), most of them styled.
        let long = paragraphs.map { $0 + " " + $0 }
        let styled = long.enumerated().map { index, text in
            index % 3 != 2 ? "<p class=\"MsoBodyText\"><span>\(text)</span></p>" : "<p>\(text)</p>"
        }.joined()
        let article = try read(
            "<html><body><div id=\"main\"><div class=\"pane-description\">\(styled)</div></div></body></html>")
        #expect(article.paragraphs == long)
    }

    @Test(
        "A lead paragraph between the headline and the body's container is read; a dek repeating the description is not"
    )
    func leadOutsideContainer() throws {
        let lead =
            "The city will rent its computing from three providers from next year, ending a decade of running its own servers."
        let dek = "How the city decided to stop running its own servers, and what it will cost over five years."
        let article = try read(
            """
            <html><head><meta name="description" content="\(dek)"></head><body><div class="page">
            <h1>The city moves to the cloud</h1><div class="standout"><p>\(dek)</p></div>
            <div class="lede"><p>\(lead)</p></div><div class="meta"><span>By Jo Martin</span></div>
            <div class="article-body">\(paragraphs.map { "<p>\($0)</p>" }.joined())</div></div></body></html>
            """)
        #expect(article.paragraphs == [lead] + paragraphs)
    }

    @Test("A <body> whose id looks like an article body marks nothing: the sidebar stays out")
    func bodyIDIsNotTheArticle() throws {
        let sidebar = (0..<4).map {
            "<div class=\"box\"><p>Recent post number \($0) from this blog, with a few words.</p></div>"
        }
        .joined()
        let article = try read(
            """
            <html><body id="article-main"><div id="main"><div id="content"><div class="article-body">\(paragraphs.map { "<p>\($0)</p>" }.joined())</div></div>
            <div id="links">\(sidebar)</div></div></body></html>
            """)
        #expect(article.paragraphs == paragraphs)
    }

    @Test("Replies marked with the article's own body class are not read as more of the article")
    func repliesWithTheBodyClass() throws {
        let replies = (0..<6).map {
            "<div class=\"reply\"><div class=\"post-content\"><p>Reply \($0): I rent my servers too, and the bill was a shock every single month of the year. We moved back to our own machines after two years, and the savings paid for a new team.</p></div></div>"
        }.joined()
        let long = paragraphs.map { $0 + " " + $0 }
        let article = try read(
            """
            <html><body><div class="main-column"><section class="post"><article><div class="post-content">
            \(long.map { "<p>\($0)</p>" }.joined())</div></article></section>
            <section class="js_replies"><div class="replies-wrapper">\(replies)</div></section></div></body></html>
            """)
        #expect(article.paragraphs == long)
    }

    @Test("A body cut into marked rich-text blocks keeps the headings between them")
    func markedPiecesWithHeadings() throws {
        let long = paragraphs.map { $0 + " " + $0 }
        let article = try read(
            """
            <html><body><div class="blog"><div class="blog-side"><ul><li><a href="#a">Contents</a></li></ul></div>
            <div class="blog-main"><h2>How much does it cost</h2><div class="rich-text"><p>\(long[0])</p><p>\(long[1])</p></div>
            <h2>What affects the cost</h2><div class="rich-text"><p>\(long[2])</p><p>\(long[3])</p></div>
            <h2>How to save money</h2><div class="rich-text"><p>\(long[4])</p><p>\(long[5])</p></div></div></div></body></html>
            """)
        #expect(
            article.paragraphs == [
                "How much does it cost", long[0], long[1], "What affects the cost", long[2], long[3],
                "How to save money",
                long[4], long[5],
            ])
    }

    @Test(
        "Product listing lines inside an article (prices at shops, 'Shop now') are furniture; prices in prose are not")
    func productListing() throws {
        let article = try read(
            """
            <html><body><article><p>\(paragraphs[0])</p><p>\(paragraphs[1])</p>
            <h3>Our pick: the Acme Cloud Box</h3><p>$29.99 at Amazon</p><p>£19 from Currys</p><p>Shop now</p>
            <p>\(paragraphs[2])</p><p>Tickets cost $25 at the door, the organisers said on Monday.</p></article></body></html>
            """)
        #expect(
            article.paragraphs == Array(paragraphs[0...1]) + [
                "Our pick: the Acme Cloud Box", paragraphs[2],
                "Tickets cost $25 at the door, the organisers said on Monday.",
            ])
    }
}
