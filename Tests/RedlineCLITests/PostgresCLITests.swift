import Foundation
import Redline
import RedlineTestSupport
import Testing

#if Postgres
    import RedlinePostgres

    /// The commands on a PostgreSQL store, through the real binary (a build with the `Postgres`
    /// trait): several writers, writers killed, `follow` across a server restart, and moving a
    /// store between the backends.
    @Suite(
        "redline on PostgreSQL", .serialized,
        .enabled(if: TestPostgres.runs, Comment(rawValue: TestPostgres.skipReason)))
    struct PostgresCLITests {
        let cli = CLITests()

        @Test("Four processes write 200 revisions each at once: all 800 there, numbered without gaps")
        func fourWriters() throws { try StoreFaults.fourWriters(in: .postgres(cli)) }

        @Test("A writer killed with SIGKILL at random moments, 10 times: fsck clean, nothing committed lost")
        func killedWriter() throws {
            // A PostgreSQL writer connects first: killed a little later than a SQLite one.
            try StoreFaults.killedWriter(in: .postgres(cli), rounds: 10, killAfter: 200_000...900_000)
        }

        @Test("export from SQLite, import into PostgreSQL, export again: the same bytes; and back")
        func betweenBackends() throws {
            let directory = try cli.newStore("sqlite")
            let texts = ["The toll rose to 12.\n", "The toll rose to 14, police said.\n", "The toll rose to 12.\n"]
            for text in texts {
                #expect(
                    try cli.run(["snapshot", "-", "--article", "flood", "--store", directory], stdin: text).status == 0)
            }
            let fromSQLite = try cli.run(["export", "--store", directory])
            let address = try TestPostgres.freshAddress()
            #expect(try cli.run(["init", "--store", address]).status == 0)
            let imported = try cli.run(["import", "--jsonl", "-", "--store", address], stdin: fromSQLite.stdout)
            #expect(imported.status == 0, "\(imported.stderr)")
            let fromPostgres = try cli.run(["export", "--store", address])
            #expect(fromPostgres.stdout == fromSQLite.stdout && !fromPostgres.stdout.isEmpty)
            let back = try cli.newStore("back")
            #expect(try cli.run(["import", "--jsonl", "-", "--store", back], stdin: fromPostgres.stdout).status == 0)
            #expect(try cli.run(["export", "--store", back]).stdout == fromSQLite.stdout)
            // The same commands read it: log, show, diff ARTICLE@REV, fsck, stats.
            #expect(try cli.run(["log", "flood", "--store", address]).stdout.contains("reverts to @1"))
            #expect(try cli.run(["show", "flood@2", "--store", address]).stdout == texts[1])
            let diff = try cli.run(["diff", "flood@1", "flood@2", "--store", address])
            #expect(diff.status == 1 && diff.stdout.contains("14"))
            #expect(try cli.run(["fsck", "--store", address]).status == 0)
            #expect(try cli.run(["stats", "--store", address]).stdout.contains("revisions      3"))
        }

        @Test("The server killed during an import: exit 2 saying so, nothing half-written; run again, it finishes")
        func serverKilledMidImport() throws {
            let cluster = try TestPostgres.privateCluster()
            defer { cluster.stop() }
            let address = cluster.base + "/killed"
            #expect(try cli.run(["init", "--store", address]).status == 0)
            let dumps = try cli.temporaryDirectory("dumps")
            let path = (dumps as NSString).appendingPathComponent("dump.jsonl")
            try StoreFaults.history("killed", count: 3000).write(toFile: path, atomically: true, encoding: .utf8)
            let importer = Process()
            importer.executableURL = CLITests.binary
            importer.arguments = ["import", "--jsonl", path, "--batch", "1", "--progress", "--store", address]
            let output = Pipe()
            let errors = Pipe()
            importer.standardOutput = output
            importer.standardError = errors
            try importer.run()
            // The server is killed once the import is under way: 20 revisions reported committed
            // (however slow the machine is to start the importer).
            var early = Data()
            let started = Date().addingTimeInterval(60)
            while early.count(where: { $0 == UInt8(ascii: "\n") }) < 20, importer.isRunning, Date() < started {
                early.append(output.fileHandleForReading.availableData)
            }
            try TestPostgres.cluster("kill", cluster.directory)
            // PostgresNIO can drop a query issued as the channel closes; the store must still answer
            // (`WaitedConnection`). Killed after a minute so that a regression fails rather than hangs.
            let deadline = Date().addingTimeInterval(60)
            while importer.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
            if importer.isRunning {
                kill(importer.processIdentifier, SIGKILL)
                importer.waitUntilExit()
                Issue.record("the importer did not exit within 60 s of the server's death")
                return
            }
            let reported = String(decoding: early + output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .split(separator: "\n").map(String.init)
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            importer.waitUntilExit()
            #expect(importer.terminationStatus == 2, "\(message)")
            #expect(message.contains("trying again (2 of 4)"), "the retries are logged: \(message)")
            #expect(message.contains("nothing of this write was saved"), "\(message)")
            #expect(message.contains("cannot be reached (Connection refused)"), "\(message)")
            #expect(!message.contains("Generic description"), "the driver's reasons are spelled out: \(message)")
            #expect(!reported.isEmpty && reported.count < 3000)
            // The server back: the store checks clean, every revision reported is there, and the
            // same import, run again, adds exactly what is missing.
            try TestPostgres.cluster("start", cluster.directory, String(cluster.port))
            #expect(try cli.run(["fsck", "--store", address]).status == 0)
            let store = try PostgresStore(address: address)
            var present = Set<String>()
            for article in try store.articles() {
                let numbers = try store.revisions(of: ArticleKey(article.key)).map(\.number)
                #expect(numbers == Array(1...max(1, numbers.count)))
                for number in numbers { present.insert("\(article.key)@\(number)") }
            }
            #expect(reported.allSatisfy { present.contains($0) })
            let again = try cli.run(["import", "--jsonl", path, "--store", address])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(
                again.stderr.contains(
                    "imported \(3000 - present.count) revisions; skipped 0 unchanged and \(present.count) already stored"
                ),
                "\(again.stderr)")
            #expect(try store.statistics().revisions == 3000)
            #expect(try cli.run(["fsck", "--store", address]).status == 0)
        }

        @Test("follow prints each revision as it commits, and resumes after a restart of the server")
        func followAcrossRestart() throws {
            let cluster = try TestPostgres.privateCluster()
            defer { cluster.stop() }
            let directory = cluster.directory
            let address = cluster.base + "/followed"
            #expect(try cli.run(["init", "--store", address]).status == 0)
            let follower = Process()
            follower.executableURL = CLITests.binary
            follower.arguments = ["follow", "--since", "0", "--count", "4", "--format", "json", "--store", address]
            let output = Pipe()
            let errors = Pipe()
            follower.standardOutput = output
            follower.standardError = errors
            try follower.run()
            func snapshot(_ text: String) throws {
                let result = try cli.run(["snapshot", "-", "--article", "live", "--store", address], stdin: text)
                #expect(result.status == 0, "\(result.stderr)")
            }
            try snapshot("The toll rose to 12.\n")
            try snapshot("The toll rose to 14, police said.\n")
            Thread.sleep(forTimeInterval: 1)
            try TestPostgres.cluster("restart", directory)
            try snapshot("The toll rose to 19, police said on Monday.\n")
            try snapshot("The toll rose to 21, Mayor Ann Smith said on Monday.\n")
            let deadline = Date().addingTimeInterval(60)
            while follower.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
            if follower.isRunning { follower.terminate() }
            let lines = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .split(separator: "\n")
            let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(follower.terminationStatus == 0, "\(log)")
            let entries = try lines.map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            }
            #expect(entries.map { $0["revision"] as? Int } == [1, 2, 3, 4])
            #expect(entries.map { $0["event"] as? Int } == [1, 2, 3, 4])
            #expect(entries.map { $0["article"] as? String } == ["live", "live", "live", "live"])
            #expect(entries[1]["summary"] as? String == "1 figure changed")
            let facts = entries[3]["facts"] as? [[String: Any]] ?? []
            #expect(facts.contains { $0["kind"] as? String == "name" && $0["change"] as? String == "added" })
            #expect(log.contains("lost the connection") && log.contains("reconnected"), "\(log)")
            // Resuming from an event: only what came after it.
            let resumed = try cli.run(["follow", "--since", "2", "--count", "2", "--store", address])
            #expect(resumed.stdout.hasPrefix("event 3: live@3"), "\(resumed.stdout)")
        }
    }
#endif

/// Without the `Postgres` trait a `postgres://` store is refused, saying how to get one.
@Suite("PostgreSQL stores in a build without PostgreSQL")
struct PostgresAbsentTests {
    @Test(
        "A postgres:// store exits 2 and says how to rebuild",
        .enabled(if: !TestPostgres.compiled, "this build has PostgreSQL (the Postgres trait)"))
    func refused() throws {
        let result = try CLITests().run(["log", "flood", "--store", "postgres://nobody@127.0.0.1/none"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--traits Postgres"), "\(result.stderr)")
    }

    @Test("follow on a SQLite store exits 2, naming what to use instead")
    func followNeedsPostgres() throws {
        let cli = CLITests()
        let directory = try cli.newStore("follow")
        let result = try cli.run(["follow", "--store", directory])
        #expect(result.status == 2 && result.stderr.contains("PostgreSQL store"))
    }
}
