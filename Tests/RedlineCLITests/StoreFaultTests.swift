import Foundation
import Redline
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The store under several writers and under SIGKILL, through the real binary.
@Suite("Store under concurrency and crashes", .serialized)
struct StoreFaultTests {
    let cli = CLITests()

    /// A dump of `count` revisions alternating between `own` and `shared`, every text distinct.
    func dump(writer: Int, count: Int, own: String, shared: String) -> String {
        (0..<count).map { n in
            let article = n % 2 == 0 ? own : shared
            let text = "Writer \(writer), revision \(n): the toll rose to \(n * 3 + writer) on day \(n)."
            return Dump.line(
                article: article, revision: n + 1, capturedAt: Date(timeIntervalSince1970: Double(n)), text: text)
        }.joined(separator: "\n") + "\n"
    }

    func launch(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = arguments
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }

    @Test("Four processes write 200 revisions each into one store at once: all 800 there, no gaps")
    func fourWriters() throws {
        let directory = try cli.temporaryDirectory("fault")
        #expect(try cli.run(["init", directory]).status == 0)
        var processes: [Process] = []
        for writer in 0..<4 {
            let path = (directory as NSString).appendingPathComponent("dump-\(writer).jsonl")
            try dump(writer: writer, count: 200, own: "own-\(writer)", shared: "shared").write(
                toFile: path, atomically: true, encoding: .utf8)
            processes.append(try launch(["import", "--jsonl", path, "--batch", "1", "--store", directory]))
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let store = try SQLiteStore(path: StoreLocation.find(explicit: directory))
        #expect(try store.statistics().revisions == 800)
        #expect(try store.revisions(of: ArticleKey("shared")).map(\.number) == Array(1...400))
        for writer in 0..<4 {
            #expect(try store.revisions(of: ArticleKey("own-\(writer)")).map(\.number) == Array(1...100))
        }
        #expect(try store.check().isEmpty)
        #expect(try cli.run(["fsck", "--store", directory]).status == 0)
    }

    @Test(
        "A writer killed with SIGKILL at random moments, 20 times: the store opens, fsck is clean, nothing committed is lost"
    )
    func killedWriter() throws {
        let directory = try cli.temporaryDirectory("fault")
        #expect(try cli.run(["init", directory]).status == 0)
        var generator = SystemRandomNumberGenerator()
        var committed: [String] = []
        for round in 0..<20 {
            let path = (directory as NSString).appendingPathComponent("dump-\(round).jsonl")
            try dump(writer: round, count: 3000, own: "round-\(round)", shared: "shared").write(
                toFile: path, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = CLITests.binary
            process.arguments = ["import", "--jsonl", path, "--batch", "1", "--progress", "--store", directory]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = Pipe()
            try process.run()
            usleep(UInt32.random(in: 30_000...400_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let reported = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            committed += reported.split(separator: "\n").map(String.init)

            let store = try SQLiteStore(path: StoreLocation.find(explicit: directory))
            #expect(try store.check().isEmpty, "round \(round): fsck found damage")
            for line in reported.split(separator: "\n").suffix(3) {
                let reference = line.split(separator: "@")
                guard reference.count == 2, let number = Int(reference[1]) else { continue }
                #expect(throws: Never.self) { try store.text(of: ArticleKey(String(reference[0])), .number(number)) }
            }
        }
        // Every revision any child reported as committed is there.
        let store = try SQLiteStore(path: StoreLocation.find(explicit: directory))
        var present = Set<String>()
        for article in try store.articles() {
            for revision in try store.revisions(of: ArticleKey(article.key)) {
                present.insert("\(article.key)@\(revision.number)")
            }
        }
        #expect(!committed.isEmpty)
        #expect(committed.allSatisfy { present.contains($0) })
        #expect(try cli.run(["fsck", "--store", directory]).status == 0)
    }

    /// A store with two revisions of one article, and the texts.
    func smallStore() throws -> (directory: String, texts: [String]) {
        let directory = try cli.temporaryDirectory("fault")
        #expect(try cli.run(["init", directory]).status == 0)
        let texts = ["The toll rose to 12 on Tuesday.\n", "The toll rose to 14 on Tuesday, officials said.\n"]
        for text in texts {
            let result = try cli.run(["snapshot", "-", "--article", "flood", "--store", directory], stdin: text)
            #expect(result.status == 0)
        }
        return (directory, texts)
    }

    /// After a failed write: the store opens, fsck is clean, and it holds exactly `texts`.
    func expectIntact(_ directory: String, texts: [String]) throws {
        let store = try SQLiteStore(path: StoreLocation.find(explicit: directory))
        #expect(try store.check().isEmpty)
        #expect(try store.revisions(of: ArticleKey("flood")).count == texts.count)
        for (index, text) in texts.enumerated() {
            #expect(try store.text(of: ArticleKey("flood"), .number(index + 1)).1 == Array(text.utf8))
        }
        #expect(try cli.run(["fsck", "--store", directory]).status == 0)
    }

    @Test("A store this user cannot write: reads work, a snapshot exits 2 saying so, the store is intact")
    func readOnlyStore() throws {
        let (directory, texts) = try smallStore()
        let storeDirectory = (directory as NSString).appendingPathComponent(".redline")
        let database = (storeDirectory as NSString).appendingPathComponent("store.sqlite")
        var launcher: [String] = []
        var binary = CLITests.binary
        if geteuid() == 0 {
            // Root ignores permissions: run as `nobody`, from a copy of the binary it can reach.
            launcher = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
            binary = URL(fileURLWithPath: directory).appendingPathComponent("redline")
            try FileManager.default.copyItem(at: CLITests.binary, to: binary)
            for path in [directory, storeDirectory] { chmod(path, 0o755) }
            chmod(database, 0o644)
        } else {
            chmod(database, 0o444)
            chmod(storeDirectory, 0o555)
        }
        defer {
            chmod(storeDirectory, 0o755)
            chmod(database, 0o644)
        }
        let shown = try cli.run(["show", "flood@1", "--store", directory], launcher: launcher, binary: binary)
        #expect(shown.status == 0)
        #expect(shown.stdout == texts[0])
        #expect(try cli.run(["fsck", "--store", directory], launcher: launcher, binary: binary).status == 0)
        let written = try cli.run(
            ["snapshot", "-", "--article", "flood", "--store", directory], stdin: "The toll rose to 20.\n",
            launcher: launcher, binary: binary)
        #expect(written.status == 2)
        #expect(written.stderr.contains("read-only"))
        #expect(written.stderr.contains(database))
        chmod(storeDirectory, 0o755)
        chmod(database, 0o644)
        try expectIntact(directory, texts: texts)
    }

    @Test("The disk fills up during a write (a file-size limit): exit 2 saying so, nothing half-written")
    func fullDisk() throws {
        let (directory, texts) = try smallStore()
        // 1.6 MB of words that deflate poorly, under a 256 KiB file-size limit; SIGXFSZ ignored so
        // the write fails with EFBIG, as it would with ENOSPC on a full disk.
        var generator = SystemRandomNumberGenerator()
        let words = (0..<4000).map { _ in String((0..<7).map { _ in "abcdefghij".randomElement(using: &generator)! }) }
        let big = (0..<200_000).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
        let path = (directory as NSString).appendingPathComponent("big.txt")
        try big.write(toFile: path, atomically: true, encoding: .utf8)
        let limited = ["/bin/sh", "-c", "trap '' XFSZ; ulimit -f 256; exec \"$0\" \"$@\""]
        let result = try cli.run(
            ["snapshot", path, "--article", "flood", "--store", directory], launcher: limited)
        #expect(result.status == 2)
        #expect(result.stderr.contains("disk is full"))
        try expectIntact(directory, texts: texts)
        // With room again, the same write succeeds.
        #expect(try cli.run(["snapshot", path, "--article", "flood", "--store", directory]).status == 0)
    }
}
