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
