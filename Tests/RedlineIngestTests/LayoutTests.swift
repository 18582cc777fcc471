import Testing

@testable import RedlineIngest

/// Layouts real sites use that trip naive extractors.
@Suite("Body extraction on tricky layouts")
struct LayoutTests {
    let paragraphs = [
        "The city will spend $12 million to replace lead water pipes in 4,000 homes over the next three years, officials said on Monday.",
        "Work will start in the oldest neighbourhoods, where tests last spring found lead above the federal limit in one home in five.",
        "Residents will not pay for the work, which is funded by a state grant and a loan from the water utility, the mayor said.",
        "Crews will notify each street two weeks before digging starts, and water will be shut off for no more than a day per home.",
    ]

    func read(_ page: String) throws -> Article {
        try ArticleReader.read(Array(page.utf8), name: "page.html")
    }

    @Test("A whole page inside one ASP.NET <form>: the article is still found")
    func formWrapped() throws {
        let body = paragraphs.map { "<p>\($0)</p>" }.joined()
        let article = try read(
            """
            <html><body><form id="aspnetForm" action="/story.aspx"><div class="nav"><a href="/">Home</a></div>
            <div id="story"><h1>City to replace lead pipes</h1>\(body)</div></form></body></html>
            """)
        #expect(article.paragraphs == paragraphs)
    }

    @Test("A body split into sections by an ad and a related-links box keeps every section")
    func splitBody() throws {
        let article = try read(
            """
            <html><body><main>
            <section class="story-section"><p>\(paragraphs[0])</p><p>\(paragraphs[1])</p></section>
            <div class="ad-container"><p>Advertisement</p></div>
            <aside class="related-links"><h3>Related</h3><ul><li><a href="/a">Lead found in school fountains across the county</a></li></ul></aside>
            <section class="story-section"><p>\(paragraphs[2])</p><p>\(paragraphs[3])</p></section>
            </main><footer><p>Copyright 2026 The Daily</p></footer></body></html>
            """)
        #expect(article.paragraphs == paragraphs)
    }

    @Test("A second, weaker body block beside the main one (a fifth as strong or more) is kept")
    func weakerSecondBlock() throws {
        let main = (0..<8).map { "<p>\(paragraphs[$0 % 4]) (Part \($0 + 1).)</p>" }.joined()
        let second = (0..<3).map { "<p>Later: \(paragraphs[$0]) (Update \($0 + 1).)</p>" }.joined()
        let article = try read(
            """
            <html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div id="content">
            <h1>City to replace lead pipes</h1><div class="story-a">\(main)</div>
            <div class="ad">Advertisement</div><div class="story-b">\(second)</div></div>
            <footer><a href="/about">About</a></footer></body></html>
            """)
        #expect(article.paragraphs.count == 11, "\(article.paragraphs)")
        #expect(article.paragraphs.last?.hasSuffix("(Update 3.)") == true)
    }

    @Test("Captions and credits inside paragraphs, and screen-reader text, are left out")
    func inlineFurniture() throws {
        let article = try read(
            """
            <html><body><article>
            <p>\(paragraphs[0])<span class="visually-hidden"> (opens in a new window)</span></p>
            <p><span class="image-caption">Workers at a pipe yard in March.</span><span class="credit">Jane Roe/Daily</span></p>
            <p>\(paragraphs[1])</p><p>\(paragraphs[2])</p><p>\(paragraphs[3])</p>
            </article></body></html>
            """)
        #expect(article.paragraphs == paragraphs)
    }

    @Test("Text separated only by <br> in one container becomes paragraphs")
    func lineBreaks() throws {
        let article = try read(
            "<html><body><div id=\"content\">" + paragraphs.joined(separator: "<br><br>\n") + "</div></body></html>")
        #expect(article.paragraphs == paragraphs)
    }

    @Test("A comment thread longer than the article does not become the body")
    func longComments() throws {
        let comments = (0..<12).map {
            "<li class=\"comment\"><p>Comment \($0): I have lived here for thirty years, and nobody ever told us the pipes were lead, which is a scandal.</p></li>"
        }.joined()
        let article = try read(
            """
            <html><body><article><div class="article-body">\(paragraphs.map { "<p>\($0)</p>" }.joined())</div></article>
            <section id="comments"><h2>Comments</h2><ol>\(comments)</ol></section></body></html>
            """)
        #expect(article.paragraphs == paragraphs)
    }

    /// Twenty related-story teasers and fifteen comments, longer together than the article.
    static let furniture: String = {
        let teasers = (0..<20).map {
            "<article class=\"teaser\"><h3><a href=\"/s/\($0)\">Council weighs new plan for the river homes after storm \($0)</a></h3><p>Officials said the plan for new homes would be put to a vote next week.</p></article>"
        }.joined()
        let comments = (0..<15).map {
            "<div class=\"comment\"><p>Comment \($0): the council said the same thing last year, and the year before, and nothing changed for people here.</p></div>"
        }.joined()
        return
            "<section class=\"related-stories\"><h2>Related</h2>\(teasers)</section><div id=\"comments\" class=\"comments\">\(comments)</div>"
    }()

    @Test(
        "An article in a block whose class looks like furniture ('newsletter-post') survives long comments and teasers")
    func furnitureLookingContainer() throws {
        let article = try read(
            """
            <html><body><article class="typography newsletter-post post"><div class="body markup">
            \(paragraphs.map { "<p>\($0)</p>" }.joined())</div></article>\(Self.furniture)</body></html>
            """)
        #expect(article.paragraphs == paragraphs)
    }

    @Test("An article without <p> tags next to twenty teasers is an article, not a section front")
    func spanArticleWithTeasers() throws {
        let article = try read(
            """
            <html><body><div id="left">\(paragraphs.map { "<div class=\"text\"><span>\($0)</span></div>" }.joined())</div>
            \(Self.furniture)</body></html>
            """)
        #expect(article.paragraphs == paragraphs)
    }
}
