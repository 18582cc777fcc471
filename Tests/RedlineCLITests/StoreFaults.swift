import Foundation
import Redline
import RedlineTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

#if Postgres
    import RedlinePostgres
#endif

/// A store the fault tests write through the real binary: a SQLite directory or a PostgreSQL
/// database, named the way `--store` takes it.
struct StoreUnderTest {
    /// What `--store` is given.
    let argument: String
    /// Opens it in this process, to look at what the processes wrote.
    let open: () throws -> any RevisionStore

    /// A new SQLite store in a temporary directory.
    static func sqlite(_ cli: CLITests) throws -> StoreUnderTest {
        let directory = try cli.temporaryDirectory("fault")
        #expect(try cli.run(["init", directory]).status == 0)
        return StoreUnderTest(argument: directory) { try SQLiteStore(path: StoreLocation.find(explicit: directory)) }
    }

    #if Postgres
        /// A new PostgreSQL store in a database of its own (`redline init --store`).
        static func postgres(_ cli: CLITests) throws -> StoreUnderTest {
            let address = try TestPostgres.freshAddress()
            let created = try cli.run(["init", "--store", address])
            #expect(created.status == 0, "\(created.stderr)")
            return StoreUnderTest(argument: address) { try PostgresStore(address: address) }
        }
    #endif
}

/// Writers at once and writers killed, the same on every backend.
enum StoreFaults {
    /// A dump of `count` revisions of one article, numbered as the store will number them.
    static func history(_ article: String, count: Int) -> String {
        (1...count).map { n in
            Dump.line(
                article: article, revision: n, capturedAt: Date(timeIntervalSince1970: Double(n)),
                text: "Revision \(n): the toll rose to \(n * 3) on day \(n).")
        }.joined(separator: "\n") + "\n"
    }

    /// A dump of `count` revisions alternating between `own` and `shared`, every text distinct.
    static func dump(writer: Int, count: Int, own: String, shared: String) -> String {
        (0..<count).map { n in
            let article = n % 2 == 0 ? own : shared
            let text = "Writer \(writer), revision \(n): the toll rose to \(n * 3 + writer) on day \(n)."
            return Dump.line(
                article: article, revision: n + 1, capturedAt: Date(timeIntervalSince1970: Double(n)), text: text)
        }.joined(separator: "\n") + "\n"
    }

    static func launch(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = arguments
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }

    /// Four `import --batch 1` processes, 200 revisions each, half of them into one shared article.
    static func fourWriters(in target: StoreUnderTest) throws {
        let cli = CLITests()
        let directory = try cli.temporaryDirectory("dumps")
        var processes: [Process] = []
        for writer in 0..<4 {
            let path = (directory as NSString).appendingPathComponent("dump-\(writer).jsonl")
            try dump(writer: writer, count: 200, own: "own-\(writer)", shared: "shared").write(
                toFile: path, atomically: true, encoding: .utf8)
            processes.append(try launch(["import", "--jsonl", path, "--batch", "1", "--store", target.argument]))
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let store = try target.open()
        #expect(try store.statistics().revisions == 800)
        #expect(try store.revisions(of: ArticleKey("shared")).map(\.number) == Array(1...400))
        for writer in 0..<4 {
            #expect(try store.revisions(of: ArticleKey("own-\(writer)")).map(\.number) == Array(1...100))
        }
        #expect(try store.check().isEmpty)
        #expect(try cli.run(["fsck", "--store", target.argument]).status == 0)
    }

    /// A writer committing one revision per transaction, killed at a random moment `rounds` times:
    /// each time the store opens and checks clean, and every revision it reported is there.
    static func killedWriter(
        in target: StoreUnderTest, rounds: Int, killAfter window: ClosedRange<UInt32> = 30_000...400_000
    ) throws {
        let cli = CLITests()
        let directory = try cli.temporaryDirectory("dumps")
        var generator = SystemRandomNumberGenerator()
        var committed: [String] = []
        for round in 0..<rounds {
            let path = (directory as NSString).appendingPathComponent("dump-\(round).jsonl")
            try dump(writer: round, count: 3000, own: "round-\(round)", shared: "shared").write(
                toFile: path, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = CLITests.binary
            process.arguments = ["import", "--jsonl", path, "--batch", "1", "--progress", "--store", target.argument]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = Pipe()
            try process.run()
            usleep(UInt32.random(in: window, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let reported = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            committed += reported.split(separator: "\n").map(String.init)

            let store = try target.open()
            #expect(try store.check().isEmpty, "round \(round): fsck found damage")
            for line in reported.split(separator: "\n").suffix(3) {
                let reference = line.split(separator: "@")
                guard reference.count == 2, let number = Int(reference[1]) else { continue }
                #expect(throws: Never.self) { try store.text(of: ArticleKey(String(reference[0])), .number(number)) }
            }
        }
        // Every revision any child reported as committed is there, numbered without gaps.
        let store = try target.open()
        var present = Set<String>()
        for article in try store.articles() {
            let numbers = try store.revisions(of: ArticleKey(article.key)).map(\.number)
            #expect(numbers == Array(1...max(1, numbers.count)), "\(article.key)")
            for number in numbers { present.insert("\(article.key)@\(number)") }
        }
        #expect(!committed.isEmpty)
        #expect(committed.allSatisfy { present.contains($0) })
        #expect(try cli.run(["fsck", "--store", target.argument]).status == 0)
    }
}
