import Foundation
import Testing

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

/// Files that are not what the command needs: exit 2 saying so, nothing created.
@Suite("Inputs that are not what they claim to be")
struct WrongInputTests {
    let cli = CLITests()

    @Test("An empty file or a text file given to import as a WARC is exit 2, not a silent success")
    func notAWARC() throws {
        let store = try cli.newStore("not-warc")
        for contents in ["", "hello world\n"] {
            let file = try cli.temporaryFile(Array(contents.utf8), name: "\(UUID().uuidString).warc")
            let result = try cli.run(["import", file, "--store", store])
            #expect(result.status == 2, "\(contents.debugDescription)")
            #expect(result.stderr.contains("no WARC record found"))
        }
    }

    @Test("--store naming a device is not a store, and nothing is created beside it")
    func deviceAsStore() throws {
        let result = try cli.run(["snapshot", cli.old, "--article", "x", "--store", "/dev/null"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a store"))
        #expect(!FileManager.default.fileExists(atPath: "/dev/null-journal"))
    }

    @Test("A stream that starts like a binary file is refused at once, not read to the 1 GiB limit")
    func binaryStream() throws {
        let started = Date()
        let result = try cli.run(["diff", "/dev/zero", cli.old])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("/dev/zero: looks like a binary file (NUL byte at offset 0)"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 5)
    }
}
