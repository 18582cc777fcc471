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

/// The network commands' numbers and failures: a clear exit 2, never a trap or a silent success.
@Suite("Network options and failures")
struct NetworkOptionTests {
    let cli = CLITests()

    @Test("--timeout, --host-delay and --per-host out of range (nan, inf, 1e300, 0) are exit 2 with the range")
    func outOfRange() throws {
        let store = try cli.newStore("net-options")
        for value in ["nan", "inf", "1e300", "0"] {
            let snapshot = try cli.run(["snapshot", "http://127.0.0.1:9/story", "--timeout", value, "--store", store])
            #expect(snapshot.status == 2, "\(value)")
            #expect(snapshot.stderr.contains("--timeout"), "\(value)")
        }
        for arguments in [
            ["--host-delay", "inf"], ["--timeout", "nan"], ["--per-host", "0"], ["--interval", "infs"],
        ] {
            let watch = try cli.run(["watch", "http://127.0.0.1:9/feed", "--once", "--store", store] + arguments)
            #expect(watch.status == 2, "\(arguments)")
            #expect(watch.stderr.contains(arguments[0]), "\(arguments)")
        }
    }

    @Test("watch --once when every feed failed is exit 2, not success")
    func everyFeedFailed() throws {
        let store = try cli.newStore("net-failed")
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        let watch = try cli.run(["watch", "http://127.0.0.1:9/feed.xml", "--once", "--timeout", "5", "--store", store])
        #expect(watch.status == 2)
        #expect(watch.stderr.contains("every feed failed"))
    }

    @Test("HTTP:// in capitals is a URL to fetch, not a file name; an empty --article is refused")
    func schemeCaseAndEmptyID() throws {
        let store = try cli.newStore("net-case")
        let fetch = try cli.run(["snapshot", "HTTP://127.0.0.1:9/story", "--timeout", "5", "--store", store])
        #expect(fetch.status == 2)
        #expect(!fetch.stderr.contains("No such file"))
        #expect(!fetch.stderr.contains("not an http"))
        for id in ["", "   "] {
            let local = try cli.run(["snapshot", cli.old, "--article", id, "--store", store])
            #expect(local.status == 2)
            #expect(local.stderr.contains("cannot be empty"))
        }
        #expect(try cli.run(["articles", "--store", store]).stdout.isEmpty)
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
}
