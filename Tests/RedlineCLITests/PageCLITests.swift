import Foundation
import Redline
import Testing

/// Web pages through the library and the command: captures that differ only in noise compare
/// equal; real edits are found with their fact and metadata changes.
@Suite("Pages: noise suppression, edits, metadata, extract")
struct PageCLITests {
    let cli = CLITests()
    static let pairs = CLITests.root.appendingPathComponent("Fixtures/html-pairs")
    static let pages = CLITests.root.appendingPathComponent("Fixtures/html")

    func comparison(_ pair: String) throws -> Comparison {
        let a = try TextDocument.load(Self.pairs.appendingPathComponent("\(pair)/a.html").path)
        let b = try TextDocument.load(Self.pairs.appendingPathComponent("\(pair)/b.html").path)
        return Redline.compare(a, b, facts: .always)
    }

    @Test(
        "Captures differing only in ads, stamps, counters, related links, asset URLs and script order: no change",
        arguments: ["noise-wordpress", "noise-nextjs", "noise-guardian"])
    func noise(_ pair: String) throws {
        let comparison = try comparison(pair)
        #expect(comparison.diff.isIdentical)
        #expect(comparison.facts?.changes.isEmpty == true)
        #expect(!comparison.metadataChanges.contains { $0.isSignificant })
        let result = try cli.run([
            "diff", Self.pairs.appendingPathComponent("\(pair)/a.html").path,
            Self.pairs.appendingPathComponent("\(pair)/b.html").path,
        ])
        #expect(result.status == 0, "\(result.stdout)")
    }

    @Test("A real edit among the noise: the figures and the headline change are found")
    func figureEdit() throws {
        let comparison = try comparison("edit-wordpress")
        let figures = comparison.facts?.changes.filter { $0.kind == .figure } ?? []
        #expect(figures.count == 2)
        #expect(figures.contains { $0.old?.contains("14") == true && $0.new?.contains("17") == true })
        #expect(figures.contains { $0.old?.contains("2,300") == true && $0.new?.contains("3,100") == true })
        #expect(comparison.metadataChanges.map(\.field) == [.headline, .modified])
        #expect(comparison.diff.counts.deletedTokens == 2)
    }

    @Test("A corrected name and a reworded quote are found")
    func nameAndQuote() throws {
        let comparison = try comparison("edit-guardian")
        let kinds = Set(comparison.facts?.changes.map(\.kind) ?? [])
        #expect(kinds == [.name, .quote])
        #expect(comparison.metadataChanges.isEmpty)
    }

    @Test("redline diff on pages: metadata section first, in text and in JSON; exit 1")
    func diffReport() throws {
        let a = Self.pairs.appendingPathComponent("edit-wordpress/a.html").path
        let b = Self.pairs.appendingPathComponent("edit-wordpress/b.html").path
        let text = try cli.run(["diff", a, b, "--color", "never"])
        #expect(text.status == 1)
        let metadata = try #require(text.stdout.range(of: "Metadata: 2 fields changed"))
        let facts = try #require(text.stdout.range(of: "Facts: 2 figures changed"))
        #expect(metadata.lowerBound < facts.lowerBound)
        #expect(
            text.stdout.contains(
                "Headline: [-“Flood toll rises to 14 in river valley”-] → {+“Flood toll rises to 17 in river valley”+}")
        )
        let json = try cli.run(["diff", a, b, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let changes = try #require(object["metadata"] as? [[String: Any]])
        #expect(changes.first?["field"] as? String == "headline")
        #expect(changes.first?["new"] as? String == "Flood toll rises to 17 in river valley")
        #expect((object["new"] as? [String: Any])?["headline"] as? String == "Flood toll rises to 17 in river valley")
    }

    @Test("redline extract --format json prints exactly the documented keys, body = paragraphs joined, encoding")
    func extractJSON() throws {
        let result = try cli.run([
            "extract", Self.pages.appendingPathComponent("amp-article.html").path, "--format", "json",
        ])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "schemaVersion", "headline", "byline", "published", "modified", "canonicalURL", "language",
                "paragraphs", "body", "encoding",
            ])
        let encoding = try #require(object["encoding"] as? [String: Any])
        #expect(encoding["name"] as? String == "UTF-8")
        #expect(encoding["source"] as? String == "meta")
        let paragraphs = try #require(object["paragraphs"] as? [String])
        #expect(object["body"] as? String == paragraphs.joined(separator: "\n\n"))
        #expect(object["byline"] as? String == "Tom Okafor, Lena Fischer")
    }

    @Test("redline extract on a live blog: printed with a warning; on binary junk: exit 2; diff refuses the live blog")
    func extractRefusals() throws {
        let page = Self.pages.appendingPathComponent("liveblog.html").path
        let live = try cli.run(["extract", page])
        #expect(live.status == 0)
        #expect(live.stderr.contains("looks like a live blog, not an article"))
        #expect(live.stdout.contains("Riverside has re-elected its sitting member"))
        let diff = try cli.run(["diff", page, page])
        #expect(diff.status == 2)
        #expect(diff.stderr.contains("live blog, not an article"))
        let junk = try cli.temporaryFile(
            [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + Array(repeating: 0, count: 64))
        let binary = try cli.run(["extract", junk])
        #expect(binary.status == 2)
        #expect(binary.stderr.contains("binary"))
    }

    @Test("--input text compares a page as plain text; Markdown files are read as articles")
    func inputOverride() throws {
        let page = Self.pages.appendingPathComponent("amp-article.html").path
        let asText = try cli.run(["extract", page, "--input", "text"])
        #expect(asText.stdout.contains("<amp-img"))
        let markdown = try cli.temporaryFile(
            Array("---\ntitle: Ferry cut\n---\n\nThe ferry will run **four** sailings.\n".utf8), name: "ferry.md")
        let extracted = try cli.run(["extract", markdown])
        #expect(extracted.stdout == "Ferry cut\n\nThe ferry will run four sailings.\n")
    }

    @Test("Snapshots of pages: keyed by canonical URL, noise adds nothing, an edit adds a revision with its metadata")
    func snapshots() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "redline-pages-\(UUID().uuidString)"
        ).path
        #expect(try cli.run(["init", directory]).status == 0)
        func snapshot(_ pair: String, _ side: String) throws -> CLITests.Result {
            try cli.run([
                "snapshot", Self.pairs.appendingPathComponent("\(pair)/\(side).html").path, "--store", directory,
            ])
        }
        let key = "https://valleycourier.example/2026/11/24/flood-toll-rises/"
        let first = try snapshot("noise-wordpress", "a")
        #expect(first.stdout.hasPrefix("\(key)@1: added"))
        #expect(try snapshot("noise-wordpress", "b").stdout.hasPrefix("\(key)@1: unchanged"))
        #expect(try snapshot("edit-wordpress", "b").stdout.hasPrefix("\(key)@2: added"))
        let diff = try cli.run(["diff", "\(key)@1", "\(key)@2", "--store", directory, "--color", "never"])
        #expect(diff.status == 1)
        #expect(
            diff.stdout.contains(
                "Headline: [-“Flood toll rises to 14 in river valley”-] → {+“Flood toll rises to 17 in river valley”+}")
        )
        #expect(diff.stdout.contains("Figures (2)"))
    }
}
