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

    func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("redline-fault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

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
        let directory = try temporaryDirectory()
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
        let directory = try temporaryDirectory()
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
}
