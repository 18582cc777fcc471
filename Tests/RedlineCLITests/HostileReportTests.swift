import Foundation
import Redline
import Testing

/// Hostile article text on every path of the HTML and Markdown reports — a moved paragraph, the
/// metadata table, fact rows, headings — comes out as text, never as markup.
@Suite("Hostile text in reports")
struct HostileReportTests {
    static let payloads = [
        "<img src=x onerror=alert(1)>", "<script>alert(2)</script>", "</style><svg onload=alert(3)>",
        "\"><iframe src=javascript:alert(4)>", "<a href=\"data:text/html,<script>alert(5)</script>\">x</a>",
    ]

    func comparison() throws -> Comparison {
        let moved = "Moved paragraph \(Self.payloads[0]) with the officials' statement about the floods in the valley."
        let steady = [
            "Rescuers searched the valley for a second day, helped by volunteers from three towns.",
            "Schools in the district will stay closed until the end of the week, the council said.",
            "The regional government has asked for help from the national emergency fund.",
            "Power was restored to most homes by Wednesday evening, the utility company said.",
        ]
        let old = [moved, "The toll rose to 12 on Tuesday, officials said \(Self.payloads[1])."] + steady
        let new = ["The toll rose to 14 on Tuesday, officials said \(Self.payloads[1])."] + steady + [moved]
        func article(_ paragraphs: [String], headline: String) -> Article {
            var article = Article(
                headline: headline, byline: "By \(Self.payloads[3])", published: "2026-11-24",
                canonicalURL: "javascript:alert(6)//\(Self.payloads[4])", paragraphs: paragraphs)
            article.language = "en"
            return article
        }
        let oldArticle = article(old, headline: "Flood \(Self.payloads[2]) toll 12")
        let newArticle = article(new, headline: "Flood \(Self.payloads[2]) toll 14")
        return Redline.compare(
            TextDocument(name: "old <b>.html", text: TextBytes(oldArticle.body + "\n"), article: oldArticle),
            TextDocument(name: "new <b>.html", text: TextBytes(newArticle.body + "\n"), article: newArticle))
    }

    @Test("HTML report: no payload survives as markup on any path; the real edit is still shown")
    func html() throws {
        let comparison = try comparison()
        #expect(!comparison.diff.moves.isEmpty, "the test needs a moved paragraph")
        #expect(!comparison.metadataChanges.isEmpty, "the test needs a metadata table")
        let page = String(decoding: HTMLReport().render(comparison), as: UTF8.self)
        for raw in [
            "<img src=x", "<script>alert", "<svg onload", "<iframe", "href=\"data:", "href=\"javascript:", "<b>",
        ] {
            #expect(!page.contains(raw), "\(raw) reached the page as markup")
        }
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(page.contains("14"))
    }

    @Test("Markdown report: payloads escaped in every section")
    func markdown() throws {
        let text = String(decoding: MarkdownReport().render(try comparison()), as: UTF8.self)
        for raw in ["<img src=x", "<script>", "<svg", "<iframe"] {
            #expect(!text.contains(raw), "\(raw) reached the Markdown as HTML")
        }
    }

    @Test("JSON report: </script>, U+2028 and U+2029 escaped, so it stays inert inside an HTML script")
    func json() throws {
        let old = "The toll rose to 12.\u{2028}</script><script>alert(1)</script> said \u{2029}officials.\n"
        let new = "The toll rose to 14.\u{2028}</script><script>alert(1)</script> said \u{2029}officials.\n"
        let comparison = Redline.compare(
            try TextDocument(name: "old.txt", text: TextBytes(old)),
            try TextDocument(name: "new.txt", text: TextBytes(new)))
        let bytes = JSONReport().render(comparison)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("</"), "a raw </ in the JSON")
        #expect(!text.contains("\u{2028}") && !text.contains("\u{2029}"))
        #expect(text.contains(#"<\/script>"#) && text.contains(#"\u2028"#) && text.contains(#"\u2029"#))
        // Still the same text once parsed.
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect("\(parsed)".contains("alert(1)"))
        #expect(
            String(data: try JSONSerialization.data(withJSONObject: parsed), encoding: .utf8)?.contains("officials")
                == true)
    }
}
