import Foundation
import Testing

@testable import RedlineIngest

/// Inputs that are not pages, or are pages at their worst: a clear error or a sensible article,
/// never a crash.
@Suite("Bad input to the extractor")
struct BadInputTests {
    func read(_ text: String, format: InputFormat = .html) throws(IngestError) -> Article {
        try ArticleReader.read(Array(text.utf8), name: "page", format: format)
    }

    @Test("Binary junk is refused as binary, with the offset of the first NUL")
    func binary() {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
        bytes += (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect {
            try ArticleReader.read(bytes, name: "image.png", format: .html)
        } throws: { error in
            guard let error = error as? IngestError, case .binary(let offset) = error.reason else { return false }
            return offset == 8 && error.description.contains("image.png")
        }
    }

    @Test("Bytes that are mostly control characters, with no NUL, are binary too; a few are text")
    func controlCharacters() throws {
        // A terminal recording: escape sequences and control bytes, one in five.
        let junk: [UInt8] = (0..<400).map { (n: Int) -> UInt8 in n % 5 == 0 ? UInt8(1 + n % 8) : UInt8(0x61 + n % 26) }
        #expect {
            try ArticleReader.read(junk, name: "session.log", format: .text)
        } throws: { error in
            guard let error = error as? IngestError, case .binary(let offset) = error.reason else { return false }
            return offset == 0
        }
        // A form feed and a stray escape in a long text stay text.
        let text = "Page one.\u{0C}\n" + String(repeating: "The council met on Monday. ", count: 10) + "\u{1B}[0m\n"
        #expect(try ArticleReader.read(Array(text.utf8), name: "notes.txt", format: .text).body.contains("council"))
    }

    @Test("A canonical URL that is not http(s) or relative is ignored (it would become the article's id)")
    func canonicalSchemes() throws {
        func canonical(_ href: String, ogURL: String? = nil) throws -> String? {
            let og = ogURL.map { "<meta property=\"og:url\" content=\"\($0)\">" } ?? ""
            let page = """
                <html><head><link rel="canonical" href="\(href)">\(og)</head><body><article>
                <p>The council approved the budget on Tuesday after a long debate in the town hall.</p>
                </article></body></html>
                """
            return try read(page).canonicalURL
        }
        #expect(try canonical("javascript:alert(1)//news.example/a") == nil)
        #expect(try canonical("data:text/html,<b>x</b>") == nil)
        #expect(try canonical("file:///etc/passwd", ogURL: "https://news.example/a") == "https://news.example/a")
        #expect(try canonical("HTTPS://news.example/a") == "HTTPS://news.example/a")
        #expect(try canonical("/news/a") == "/news/a")
    }

    @Test("JSON-LD nested 100,000 deep, or larger than 8 MiB, is ignored; the page is still read")
    func linkedDataLimits() throws {
        let body =
            "<article><h1>Flood toll rises</h1><p>At least 12 people died when the river burst its banks.</p></article>"
        func page(_ json: String) -> String {
            "<html><head><script type=\"application/ld+json\">\(json)</script></head><body>\(body)</body></html>"
        }
        let deep =
            String(repeating: "[", count: 100_000) + "{\"@type\":\"NewsArticle\",\"headline\":\"Deep\"}"
            + String(repeating: "]", count: 100_000)
        let nested = try read(page(deep))
        #expect(nested.headline == "Flood toll rises" && nested.body.contains("At least 12"))
        let filler = String(repeating: "x", count: 8 << 20)
        let huge = try read(page("{\"@type\":\"NewsArticle\",\"headline\":\"Huge\",\"x\":\"\(filler)\"}"))
        #expect(huge.headline == "Flood toll rises")
        let small = try read(page("{\"@type\":\"NewsArticle\",\"headline\":\"From JSON-LD\"}"))
        #expect(small.headline == "From JSON-LD")
    }

    @Test("Text that is not HTML at all, read as HTML, gives its text as the body")
    func notHTML() throws {
        let article = try read("The council met on Tuesday. It approved the budget of $4 million for the new bridge.")
        #expect(article.body.contains("approved the budget of $4 million"))
    }

    @Test("An empty page is an error that says there is no article text")
    func empty() {
        #expect(throws: IngestError.self) { try read("") }
    }

    @Test("Markup truncated mid-tag still yields the paragraphs before the cut")
    func truncated() throws {
        let page = """
            <html><head><title>Dam repairs to finish in May</title></head><body><article>
            <p>Repairs to the dam above the town will be finished in May, two months early, the water board said on Monday.</p>
            <p>The work, which cost $8 million, began after cracks were found in the spillway in 2025 and the reservoir was lowered.</p>
            <p>Residents downstream will be told when the reservoir is refilled, a spokes
            """
        let article = try read(String(page.dropLast(3)) + "<a hre")
        #expect(article.paragraphs.count >= 2)
        #expect(article.body.contains("two months early"))
    }

    @Test("100,000 nested elements: parsed without a crash, the text inside found")
    func deepNesting() throws {
        let depth = 100_000
        let page =
            "<html><body>" + String(repeating: "<div>", count: depth)
            + "<p>The deepest paragraph of the page says the library reopens on Friday, after a year of repairs, the council said.</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let article = try read(page)
        #expect(article.body.contains("library reopens on Friday"))
    }

    @Test("A 50 MB page is read within the size limit and gives its article")
    func hugePage() throws {
        var page = "<html><head><title>Long report</title></head><body><article>"
        let paragraph =
            "<p>The committee heard evidence from 14 witnesses over three days, and its report runs to 600 pages.</p>\n"
        page.reserveCapacity(52_000_000)
        while page.utf8.count < 50_000_000 { page += paragraph }
        page += "</article></body></html>"
        let article = try read(page)
        #expect(article.paragraphs.count > 100_000)
    }

    @Test("A page over the size limit is refused with the limit in the message")
    func overLimit() {
        let bytes = [UInt8](repeating: 0x20, count: ArticleReader.sizeLimit + 1)
        #expect {
            try ArticleReader.read(bytes, name: "big.html", format: .html)
        } throws: { error in
            guard let error = error as? IngestError, case .tooLarge = error.reason else { return false }
            return error.description.contains("64 MiB")
        }
    }

    @Test("Scripts, styles and comments never reach the body, even when they hold article-like text")
    func scriptsAndStyles() throws {
        let article = try read(
            """
            <html><body><article>
            <script>var text = "The mayor resigned on Monday after 12 years in office, officials said today.";</script>
            <style>p::after { content: "The mayor resigned on Monday after 12 years in office, officials said." }</style>
            <!-- The mayor resigned on Monday after 12 years in office, officials said in a comment. -->
            <p>The library will open on Sundays from next month, the council said, after 2,000 residents signed a petition.</p>
            </article></body></html>
            """)
        #expect(!article.body.contains("mayor"))
        #expect(article.body.contains("open on Sundays"))
    }

    @Test("JSON-LD listing 100,000 authors: read in linear time, the byline capped at 50 names")
    func manyAuthors() throws {
        let authors = (0..<100_000).map { "{\"@type\":\"Person\",\"name\":\"Author \($0) Name\"}" }.joined(
            separator: ",")
        let page =
            "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"author\":[\(authors)]}</script>"
            + "</head><body><article><p>The council approved the budget on Tuesday, officials said, after a long debate.</p>"
            + "<p>Work on the new library will start in the spring, the mayor said on Monday evening.</p></article></body></html>"
        let byline = try #require(try read(page).byline)
        #expect(byline.components(separatedBy: ", ").count == PageMetadata.bylineLimit)
        #expect(byline.hasPrefix("Author 0 Name, Author 1 Name"))
    }
}
