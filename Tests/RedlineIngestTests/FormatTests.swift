import Foundation
import Testing

@testable import RedlineIngest

@Suite("Input formats, encodings, Markdown and dates")
struct FormatTests {
    func sniff(_ text: String, name: String = "-") -> InputFormat {
        Array(text.utf8).withUnsafeBytes { InputFormat.detect(name: name, bytes: $0) }
    }

    @Test("The format comes from the extension, then from the content")
    func detection() {
        #expect(sniff("anything", name: "story.html") == .html)
        #expect(sniff("anything", name: "story.md") == .markdown)
        #expect(sniff("<p>x</p>", name: "story.txt") == .text)
        #expect(sniff("  <!DOCTYPE html><html><body></body></html>") == .html)
        #expect(sniff("\u{FEFF}<html lang=\"en\">") == .html)
        #expect(sniff("---\ntitle: A story\n---\nBody") == .markdown)
        #expect(sniff("The toll rose to 14.\n\nOfficials said.") == .text)
        #expect(sniff("<3 is how some people write love") == .text)
    }

    @Test("The HTTP Content-Type charset wins over the page's own meta charset")
    func httpCharset() throws {
        let page =
            "<html><head><meta charset=\"utf-8\"></head><body><p>Caf\u{E9} owners won the long dispute over fees with the city council on Friday.</p></body></html>"
        let latin1 = Array(page.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        let article = try latin1.withUnsafeBytes {
            try ArticleReader.read($0, format: .html, httpContentType: "text/html; charset=ISO-8859-1")
        }
        #expect(article.body.hasPrefix("Café owners"))
    }

    @Test("A page declared UTF-8 whose bytes are not UTF-8 is read as windows-1252")
    func mislabelled() throws {
        var bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><p>".utf8)
        bytes += [0x93] + Array("We are relieved,".utf8) + [0x94] + Array(" said the owner of the caf".utf8) + [0xE9]
        bytes += Array(" on the square, after the council cut the fee.</p></body></html>".utf8)
        let article = try ArticleReader.read(bytes, name: "page.html")
        #expect(
            article.body
                == "“We are relieved,” said the owner of the café on the square, after the council cut the fee.")
    }

    @Test("Markdown: front matter is metadata, syntax is stripped, paragraphs kept")
    func markdown() throws {
        let text = """
            ---
            title: "Ferry service cut to four sailings a day"
            author: Ines Barros
            date: 2026-02-03T09:30:00+01:00
            canonical_url: https://islands.example/ferry-cuts
            lang: en
            ---

            # Ferry service cut to four sailings a day

            The island ferry will run **four** sailings a day from March, down from *six*, the operator said.
            It blamed a shortage of [qualified crew](https://islands.example/crew).

            ![The ferry at the pier](ferry.jpg)

            > "We cannot run boats without people," said manager `Tom Reyes`.

            - Saturday sailings are unchanged.
            - Fares rise by 5%.

            ## What next

            | Route | Sailings |
            |---|---|
            | North | 4 |
            """
        let article = try ArticleReader.read(Array(text.utf8), name: "ferry.md")
        #expect(article.headline == "Ferry service cut to four sailings a day")
        #expect(article.byline == "Ines Barros")
        #expect(article.published == "2026-02-03T08:30:00Z")
        #expect(article.canonicalURL == "https://islands.example/ferry-cuts")
        #expect(article.language == "en")
        #expect(
            article.paragraphs == [
                "The island ferry will run four sailings a day from March, down from six, the operator said. It blamed a shortage of qualified crew.",
                "\"We cannot run boats without people,\" said manager Tom Reyes.",
                "Saturday sailings are unchanged.",
                "Fares rise by 5%.",
                "What next",
                "Route Sailings",
                "North 4",
            ])
    }

    @Test("Markdown read on many threads at once reads as on one (cmark-gfm's shared table)")
    func markdownOnManyThreads() {
        let text = "~~Old~~ New rates apply from *March*.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        let expected = ["Old New rates apply from March.", "a b", "1 2"]
        let wrong = Counter()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<150 where MarkdownArticleReader.read(text).paragraphs != expected { wrong.add() }
        }
        #expect(wrong.value == 0, "\(wrong.value) of 1,200 parses differed")
    }

    /// A count shared between threads.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    @Test("Markdown read by parsers: entities, autolinks, reference definitions, setext headings, stars, YAML lists")
    func markdownParsed() throws {
        let text = """
            ---
            title: Port fees rise
            authors:
              - Ines Barros
              - Tom Reyes
            date: 2026-02-03
            ---

            Port fees rise
            ==============

            The levy rose to &pound;5m, up from 5 * 3 million a decade ago, the port said.
            Figures are at <https://port.example/fees> and in the [annual report][1].

            [1]: https://port.example/report.pdf

            Port fees rise
            --------------

            ~~Old~~ New rates apply from *March*.
            """
        let article = try ArticleReader.read(Array(text.utf8), name: "port.md")
        #expect(article.headline == "Port fees rise")
        #expect(article.byline == "Ines Barros, Tom Reyes")
        #expect(article.published == "2026-02-03")
        #expect(
            article.paragraphs == [
                "The levy rose to £5m, up from 5 * 3 million a decade ago, the port said. Figures are at https://port.example/fees and in the annual report.",
                "Port fees rise",
                "Old New rates apply from March.",
            ])
        // Malformed front matter costs the metadata, never the body.
        let broken = try ArticleReader.read(Array("---\ntitle: [unclosed\n---\n\nThe body stays.\n".utf8), name: "b.md")
        #expect(broken.paragraphs == ["The body stays."])
    }

    @Test("Markdown nested 100,000 deep (block quotes, brackets, emphasis, lists) is read without exhausting the stack")
    func markdownNesting() throws {
        let quotes = String(repeating: ">", count: 100_000) + " The toll rose to 14.\n"
        #expect(try ArticleReader.read(Array(quotes.utf8), name: "q.md").body == "The toll rose to 14.")
        let brackets = String(repeating: "[", count: 8000) + "x" + String(repeating: "](y)", count: 8000) + "\n"
        #expect(try ArticleReader.read(Array(brackets.utf8), name: "b.md").body.contains("[x]"))
        let stars = String(repeating: "*", count: 50_000) + "x" + String(repeating: "*", count: 50_000) + "\n"
        #expect(try ArticleReader.read(Array(stars.utf8), name: "e.md").body.contains("x"))
        let lists = (0..<3000).map { String(repeating: "  ", count: $0) + "- item \($0)\n" }.joined()
        #expect(try ArticleReader.read(Array(lists.utf8), name: "l.md").paragraphs.last == "item 2999")
    }

    @Test("Dates from pages are normalised to ISO 8601 UTC, dates alone kept as dates")
    func dates() {
        #expect(ISODate.normalised("2026-03-05T12:00:00+02:00") == "2026-03-05T10:00:00Z")
        #expect(ISODate.normalised("2026-03-05T10:00:00.000Z") == "2026-03-05T10:00:00Z")
        #expect(ISODate.normalised("2026-03-05 10:00Z") == "2026-03-05T10:00:00Z")
        #expect(ISODate.normalised("2026-01-01T01:30:00+0300") == "2025-12-31T22:30:00Z")
        #expect(ISODate.normalised("2024-02-28T23:00:00-02:00") == "2024-02-29T01:00:00Z")
        #expect(ISODate.normalised("2026-03-05T10:00") == "2026-03-05T10:00:00")
        #expect(ISODate.normalised("2026-03-05") == "2026-03-05")
        #expect(ISODate.normalised("March 5, 2026") == nil)
        #expect(ISODate.normalised("2026-13-05") == nil)
    }

    @Test("Bylines as pages write them become name lists")
    func bylines() {
        #expect(
            Byline.names(in: ["By ", "Tom Okafor", " and ", "Lena Fischer", " · ", "Oct. 2, 2026"]) == [
                "Tom Okafor", "Lena Fischer",
            ])
        #expect(Byline.names(in: ["Jo Martin", "Culture reporter"]) == ["Jo Martin"])
        #expect(Byline.names(in: ["By Sam Whitfield", "Staff Writer"]) == ["Sam Whitfield"])
        #expect(Byline.names(in: ["By Ana de la Cruz, Reuters"]) == ["Ana de la Cruz"])
    }

    @Test("Furniture paragraphs are recognised; article sentences are not")
    func boilerplate() {
        for furniture in [
            "Updated 3:15 PM ET", "5 minutes ago", "Nov. 24, 2026 10:02 a.m. EST", "Advertisement", "Read more:",
            "Share this article", "12,345 views", "Comments (12)", "By Jane Doe and John Roe", "6 min read",
            "Photo: Jane Smith/Getty Images", "Sign up for our morning newsletter",
        ] {
            #expect(BoilerplateText.isBoilerplate(furniture), "\(furniture)")
        }
        for sentence in [
            "The toll rose to 14 on Tuesday.", "By Friday, 3,000 people had left.", "Updated figures show 20 dead.",
            "Share prices fell 4% on Monday.", "Read the full report here, the minister urged reporters.",
        ] {
            #expect(!BoilerplateText.isBoilerplate(sentence), "\(sentence)")
        }
    }
}
