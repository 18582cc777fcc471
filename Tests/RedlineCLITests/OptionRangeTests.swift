import Foundation
import Testing

/// Numeric options at the edges of their range: no trap, a report or a clear exit 2.
@Suite("Numeric options at their limits")
struct OptionRangeTests {
    let cli = CLITests()

    @Test("--context as large as an Int holds gives the whole text as context, in every format")
    func hugeContext() throws {
        for format in ["text", "unified", "json", "markdown", "html"] {
            let result = try cli.run([
                "diff", cli.old, cli.new, "--format", format, "--context", "4611686018427387904", "--color", "never",
            ])
            #expect(result.status == 1, "\(format)")
            #expect(result.stderr.isEmpty, "\(format)")
        }
    }
}

/// Inputs that hold no article: an error, never an empty revision.
@Suite("Pages without article text")
struct EmptyArticleTests {
    let cli = CLITests()

    @Test("extract exits 2 on a page with no article text; snapshot refuses it and stores nothing")
    func noArticleText() throws {
        let page = try cli.temporaryFile(
            Array(
                "<html><head><title>Gallery</title></head><body><nav><a href=\"/\">Home</a></nav></body></html>".utf8),
            name: "empty-\(UUID().uuidString).html")
        let extract = try cli.run(["extract", page])
        #expect(extract.status == 2)
        #expect(extract.stderr.contains("no article text"))
        let store = try cli.newStore("empty")
        let snapshot = try cli.run(["snapshot", page, "--article", "gallery", "--store", store])
        #expect(snapshot.status == 2)
        #expect(try cli.run(["log", "gallery", "--store", store]).status == 2)
        let markdown = try cli.temporaryFile(
            Array("---\ntitle: Only a title\n---\n".utf8), name: "empty-\(UUID().uuidString).md")
        #expect(try cli.run(["extract", markdown]).status == 2)
    }
}
