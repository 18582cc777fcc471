import Foundation
import Testing

/// `redline init`, `snapshot`, `log`, `show`, `articles`, `fsck`, `stats`, run as a user would.
@Suite("Store commands")
struct StoreCLITests {
    let cli = CLITests()

    @Test("A history: snapshot, unchanged, revert; log, show, articles, fsck, stats")
    func history() throws {
        let directory = try cli.temporaryDirectory("cli")
        let store = ["--store", directory]
        #expect(try cli.run(["init", directory]).status == 0)
        #expect(try cli.run(["init", directory]).status == 2)  // already there
        let first = try cli.run(["snapshot", cli.old, "--article", "flood", "--at", "2026-11-24T08:00:00Z"] + store)
        #expect(first.status == 0 && first.stdout.contains("flood@1: added"))
        #expect(try cli.run(["snapshot", cli.new, "--article", "flood"] + store).stdout.contains("flood@2: added"))
        #expect(try cli.run(["snapshot", cli.new, "--article", "flood"] + store).stdout.contains("unchanged"))
        let revert = try cli.run(["snapshot", cli.old, "--article", "flood"] + store)
        #expect(revert.stdout.contains("flood@3: added") && revert.stdout.contains("a return to revision 1"))

        let log = try cli.run(["log", "flood", "--facts"] + store)
        #expect(log.status == 0)
        #expect(log.stdout.split(separator: "\n").count == 3)
        #expect(log.stdout.contains("2026-11-24 08:00:00Z"))
        #expect(log.stdout.contains("1 name"))
        // Stamps in UTC, zero-padded, whole seconds: text and JSON.
        _ = try cli.run(["snapshot", cli.old, "--article", "early", "--at", "2026-01-02T03:04:05Z"] + store)
        #expect(try cli.run(["log", "early"] + store).stdout.contains("@1  2026-01-02 03:04:05Z"))
        #expect(try cli.run(["log", "early", "--format", "json"] + store).stdout.contains("\"2026-01-02T03:04:05Z\""))

        let shown = try cli.run(["show", "flood@1"] + store)
        #expect(shown.stdout == (try String(contentsOfFile: cli.old, encoding: .utf8)))
        #expect(
            try cli.run(["show", "flood@-1"] + store).stdout == (try String(contentsOfFile: cli.new, encoding: .utf8)))
        #expect(try cli.run(["articles"] + store).stdout.contains("flood\t3 revisions"))
        let fsck = try cli.run(["fsck"] + store)
        #expect(fsck.status == 0 && fsck.stdout.contains("all intact"))
        #expect(try cli.run(["stats"] + store).stdout.contains("revisions      4"))

        let diff = try cli.run(["diff", "flood@1", "flood@2", "--color", "never"] + store)
        #expect(diff.status == 1 && diff.stdout.contains("$5 million → $10 million"))
        #expect(try cli.run(["diff", "flood@1", "flood@latest"] + store).status == 0)  // the revert
        #expect(try cli.run(["diff", "flood@-1", cli.new] + store).status == 0)
    }

    @Test("init --store and REDLINE_STORE make the store where the same --store finds it")
    func initAtStore() throws {
        let directory = try cli.temporaryDirectory("init")
        func made(_ given: String, at file: String, environment: [String: String] = [:]) throws {
            let arguments = environment.isEmpty ? ["init", "--store", given] : ["init"]
            let result = try cli.run(arguments, environment: environment)
            #expect(result.status == 0 && result.stdout.contains(file), "\(given): \(result.stdout)\(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: file), "\(given) → \(file)")
            let added = try cli.run(
                ["snapshot", "-", "--article", "a", "--store", given], stdin: "Text of \(given).\n")
            #expect(added.status == 0 && added.stdout.contains("a@1: added"), "\(given): \(added.stderr)")
            #expect(try cli.run(["fsck", "--store", given]).stdout == "1 revision of 1 article checked: all intact.\n")
            #expect(try cli.run(["init", "--store", given]).status == 2)  // already there
        }
        try made("\(directory)/news.sqlite", at: "\(directory)/news.sqlite")
        try made("\(directory)/made/", at: "\(directory)/made/.redline/store.sqlite")
        try made(directory, at: "\(directory)/.redline/store.sqlite")
        try made("\(directory)/other/.redline", at: "\(directory)/other/.redline/store.sqlite")
        try made(
            "\(directory)/env.sqlite", at: "\(directory)/env.sqlite",
            environment: ["REDLINE_STORE": "\(directory)/env.sqlite"])
        let both = try cli.run(["init", directory, "--store", "\(directory)/x.sqlite"])
        #expect(both.status == 2 && both.stderr.contains("either PATH or --store"))
    }

    @Test("Unknown articles, revisions and missing stores: exit 2 saying what exists")
    func trouble() throws {
        let directory = try cli.temporaryDirectory("cli")
        let store = ["--store", directory]
        let missing = try cli.run(["articles"] + store)
        #expect(missing.status == 2 && missing.stderr.contains("redline init"))
        _ = try cli.run(["init", directory])
        _ = try cli.run(["snapshot", cli.old, "--article", "flood-toll"] + store)
        let unknown = try cli.run(["show", "flood"] + store)
        #expect(unknown.status == 2 && unknown.stderr.contains("Did you mean: flood-toll?"))
        let revision = try cli.run(["show", "flood-toll@4"] + store)
        #expect(revision.status == 2 && revision.stderr.contains("has no revision 4; it has 1"))
        let stdin = try cli.run(["snapshot", "-"] + store, stdin: "text")
        #expect(stdin.status == 2 && stdin.stderr.contains("--article"))
    }
}
