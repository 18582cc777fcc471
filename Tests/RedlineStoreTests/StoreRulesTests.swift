import Foundation
import GRDB
import RedlineTestSupport
import Testing

@testable import RedlineStore

#if Postgres
    import NIOCore
    import PostgresNIO
    @testable import RedlinePostgres
#endif

/// A store backend under test: how to make an empty store, open it again (another connection,
/// as another process would), and damage a stored payload behind the store's back.
struct Backend: Sendable {
    let name: String
    let make: @Sendable () throws -> any RevisionStore
    let reopen: @Sendable (any RevisionStore) throws -> any RevisionStore
    /// Flips a byte in the middle of revision `number`'s payload (a history row).
    let damage: @Sendable (any RevisionStore, Int) throws -> Void

    static let sqlite = Backend(
        name: "SQLite",
        make: {
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("redline-store-\(UUID().uuidString)").appendingPathComponent(".redline")
            return try SQLiteStore.create(in: directory.path)
        },
        reopen: { store in try SQLiteStore(path: store.location) },
        damage: { store, number in
            guard let store = store as? SQLiteStore else { return }
            try store.pool.write { db in
                let payload = try #require(
                    try Data.fetchOne(db, sql: "SELECT payload FROM history WHERE seq = ?", arguments: [number]))
                var bytes = [UInt8](payload)
                bytes[bytes.count / 2] ^= 0x5A
                try db.execute(
                    sql: "UPDATE history SET payload = ? WHERE seq = ?", arguments: [Data(bytes), number])
            }
        })

    #if Postgres
        static let postgres = Backend(
            name: "PostgreSQL",
            make: { try PostgresStore(address: try TestPostgres.freshAddress(), create: true) },
            reopen: { store in try PostgresStore(address: store.location) },
            damage: { store, number in
                guard let store = store as? PostgresStore else { return }
                try store.execute(
                    unsafeSQL: """
                        UPDATE redline.history SET payload = overlay(payload placing
                            decode(lpad(to_hex(get_byte(payload, length(payload) / 2) # 90), 2, '0'), 'hex')
                            from length(payload) / 2 + 1 for 1)
                        WHERE seq = \(number)
                        """)
            })
    #endif
}

/// The store's rules, checked the same way on every backend (the suites below run them).
enum StoreRules {
    /// A news-like text that changes a little at each revision.
    static func version(_ n: Int) -> [UInt8] { StoreTests.version(n) }

    static func longHistory(_ backend: Backend) throws {
        let store = try backend.make()
        let key = ArticleKey("flood")
        for n in 1...130 {
            let result = try store.add(
                version(n), to: key, at: Date(timeIntervalSince1970: Double(n)), metadata: .init())
            guard case .added(let revision) = result else {
                Issue.record("revision \(n) was not added")
                return
            }
            #expect(revision.number == n)
        }
        for n in [1, 2, 15, 16, 17, 63, 64, 65, 100, 127, 128, 129, 130] {
            let (revision, text) = try store.text(of: key, .number(n))
            #expect(text == version(n), "revision \(n)")
            #expect(revision.number == n)
            #expect(revision.capturedAt == Date(timeIntervalSince1970: Double(n)))
        }
        let revisions = try store.revisions(of: key)
        #expect(revisions.count == 130)
        #expect(revisions.last?.codec == .full)
        // Revisions 64 and 128 are keyframes (the documented interval), whole although older.
        #expect(PayloadCodec.keyframeInterval == 64)
        #expect(revisions.first { $0.number == 64 }?.codec == .full)
        #expect(revisions.first { $0.number == 128 }?.codec == .full)
        #expect(revisions.filter { $0.codec != .full }.count >= 120)
        let stats = try store.statistics()
        #expect(stats.revisions == 130 && stats.articles == 1)
        #expect(stats.storedBytes * 5 < stats.rawBytes)
        #expect(try store.check().isEmpty)
        #expect(try store.text(of: key, .latest).1 == version(130))
        #expect(try store.text(of: key, .back(1)).1 == version(129))
        #expect(try store.history(of: key).map(\.1) == (1...130).map(version))
    }

    /// One batch holding a whole history (as imports write them): the deltas worked out ahead,
    /// on several cores, are the ones stored, and everything reads back.
    static func batchedHistory(_ backend: Backend) throws {
        let store = try backend.make()
        let key = ArticleKey("batched")
        let versions = (1...70).map { n in
            NewRevision(text: version(n), article: key, capturedAt: Date(timeIntervalSince1970: Double(n)))
        }
        let prepared = try PayloadCodec.prepare(versions)
        #expect(prepared.dropFirst().allSatisfy { $0.deltaOfPrevious != nil })
        #expect(prepared.first?.deltaOfPrevious == nil)
        let results = try store.add(contentsOf: versions + [NewRevision(text: version(70), article: key)])
        #expect(results.last == .unchanged(try store.text(of: key, .latest).0))
        #expect(try store.history(of: key).map(\.1) == (1...70).map(version))
        let revisions = try store.revisions(of: key)
        #expect(revisions.filter { $0.codec != .full }.count == 68)  // all but the keyframe and the newest
        // Each added revision is reported as finally stored: the whole payload only where one is
        // kept (made for those two alone), the delta it became for the others.
        let reported = results.dropLast().compactMap { result -> Revision? in
            if case .added(let revision) = result { revision } else { nil }
        }
        #expect(reported.map(\.storedSize) == revisions.map(\.storedSize))
        #expect(reported.map(\.codec) == revisions.map(\.codec))
        #expect(revisions.allSatisfy { $0.storedSize > 0 })
        #expect(try store.check().isEmpty)
    }

    static func unchangedAndReverts(_ backend: Backend) throws {
        let store = try backend.make()
        let key = ArticleKey("story")
        let a = Array("A version.".utf8)
        let b = Array("B version.".utf8)
        _ = try store.add(a, to: key, metadata: .init())
        #expect(try store.add(a, to: key, metadata: .init()) == .unchanged(try store.text(of: key, .latest).0))
        _ = try store.add(b, to: key, metadata: .init())
        guard case .added(let revert) = try store.add(a, to: key, metadata: .init()) else {
            Issue.record("the revert was not added")
            return
        }
        #expect(revert.number == 3)
        #expect(revert.revertOf == 1)
        #expect(try store.text(of: key, .number(2)).1 == b)
        // The same text with a new headline is a new version of the page (and a "revert" to it).
        guard case .added(let retitled) = try store.add(a, to: key, metadata: .init(headline: "New")) else {
            Issue.record("the retitled page was not added")
            return
        }
        #expect(retitled.number == 4 && retitled.revertOf == 3)
    }

    static func metadata(_ backend: Backend) throws {
        let store = try backend.make()
        let key = ArticleKey("unicode")
        let texts = ["", "Erdoğan met Herzog in İstanbul 🇹🇷🇮🇱 — שלום", "", String(repeating: "ø", count: 50_000), "x"]
        let metadata: [RevisionMetadata] = [
            .init(headline: "Erdoğan meets Herzog", byline: "Dana Whitfield"),
            .init(headline: "Erdoğan meets Herzog", byline: "Dana Whitfield"),
            .init(),
            .init(headline: "Erdoğan meets Herzog"),
            .init(headline: "Erdoğan meets Herzog"),
        ]
        for (text, metadata) in zip(texts, metadata) {
            _ = try store.add(Array(text.utf8), to: key, metadata: metadata)
        }
        for (n, text) in texts.enumerated() {
            let (revision, bytes) = try store.text(of: key, .number(n + 1))
            #expect(String(decoding: bytes, as: UTF8.self) == text)
            #expect(revision.metadata == metadata[n], "revision \(n + 1)")
        }
        #expect(try store.revisions(of: key).map(\.metadata) == metadata)
    }

    static func unknown(_ backend: Backend) throws {
        let store = try backend.make()
        _ = try store.add(Array("x".utf8), to: ArticleKey("flood-toll"), metadata: .init())
        #expect(throws: StoreError(.unknownArticle("flood", nearby: ["flood-toll"]))) {
            try store.text(of: ArticleKey("flood"), .latest)
        }
        #expect(throws: StoreError(.unknownRevision(article: "flood-toll", revision: "7", count: 1))) {
            try store.text(of: ArticleKey("flood-toll"), .number(7))
        }
        #expect(try store.latestRevision(of: ArticleKey("nothing")) == nil)
    }

    static func corruption(_ backend: Backend) throws {
        let store = try backend.make()
        let key = ArticleKey("flood")
        for n in 1...20 { _ = try store.add(version(n), to: key, metadata: .init()) }
        // Damage revision 18 (a delta against 19; 1–17 chain through it, 19–20 do not).
        try backend.damage(store, 18)
        let problems = try store.check()
        #expect(problems.contains { $0.revision == 18 && $0.article == "flood" }, "\(problems)")
        #expect(!problems.contains { $0.revision == 19 || $0.revision == 20 })
        #expect(try store.text(of: key, .number(20)).1 == version(20))
        #expect(problems.contains { $0.revision == 5 && $0.detail.contains("unreadable") })
        #expect(throws: StoreError.self) { try store.text(of: key, .number(18)) }
    }

    /// A history with reverts, metadata, sub-second times, Unicode keys.
    static func fill(_ store: any RevisionStore) throws {
        let metadata = RevisionMetadata(headline: "Floods", sourceURL: "https://example.com/a")
        for n in 1...40 {
            let text = n % 7 == 0 ? version(1) : version(n)  // reverts included
            _ = try store.add(
                text, to: ArticleKey("flood"), at: Date(timeIntervalSince1970: 1_767_225_600.125 + 1.5 * Double(n)),
                metadata: n < 30 ? metadata : .init(headline: "Floods: \(n / 10)"))
            _ = try store.add(
                Array("Ünïcode \(n % 3)".utf8), to: ArticleKey("https://Example.com/b?utm_x=1"), metadata: .init())
        }
    }

    static func export(_ store: any RevisionStore) throws -> [String] {
        var lines: [String] = []
        try Dump.export(store) { lines.append($0) }
        return lines
    }

    static func dumpRoundTrip(_ backend: Backend) throws {
        let store = try backend.make()
        try fill(store)
        let lines = try export(store)
        let copy = try backend.make()
        var stored = 0
        let counts = try Dump.load(lines.joined(separator: "\n") + "\n\n", into: copy, batch: 7) { _ in stored += 1 }
        #expect(counts.added == lines.count && counts.unchanged == 0 && stored == lines.count)
        // Loading it again stores nothing: every line is a revision already there.
        let twice = try Dump.load(lines.joined(separator: "\n"), into: copy)
        #expect(twice.added == 0 && twice.alreadyStored == lines.count, "\(twice)")
        #expect(try export(copy) == lines)
        // A load cut short (killed after some batches) and run again adds only what is missing.
        let resumed = try backend.make()
        _ = try Dump.load(lines.prefix(23).joined(separator: "\n"), into: resumed, batch: 4)
        let rest = try Dump.load(lines.joined(separator: "\n"), into: resumed, batch: 4)
        #expect(rest.alreadyStored == 23 && rest.added == lines.count - 23, "\(rest)")
        #expect(try export(resumed) == lines)
        // The same text as the latest revision, under another number, is still "unchanged".
        let latest = try #require(lines.last).replacingOccurrences(of: "\"revision\":40", with: "\"revision\":41")
        #expect(try Dump.load(latest, into: copy).unchanged == 1)
        #expect(try copy.check().isEmpty)
    }

    /// Four writers, each with its own connection, add to one shared article and one of their own
    /// at once: every revision is there, numbered without gaps, none twice.
    static func concurrentWriters(_ backend: Backend) throws {
        let store = try backend.make()
        _ = try store.add(Array("seed\n".utf8), to: ArticleKey("shared"), metadata: .init())
        let writers = try (0..<4).map { _ in try backend.reopen(store) }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: writers.count) { writer in
            do {
                for n in 0..<25 {
                    let own = Array("writer \(writer) revision \(n)\n".utf8)
                    _ = try writers[writer].add(own, to: ArticleKey("own-\(writer)"), metadata: .init())
                    _ = try writers[writer].add(
                        Array("shared text from writer \(writer), step \(n)\n".utf8), to: ArticleKey("shared"),
                        metadata: .init())
                }
            } catch {
                failures.record("\(error)")
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        #expect(try store.revisions(of: ArticleKey("shared")).map(\.number) == Array(1...101))
        for writer in 0..<4 {
            #expect(try store.revisions(of: ArticleKey("own-\(writer)")).map(\.number) == Array(1...25))
        }
        #expect(try store.statistics().revisions == 201)
        #expect(try store.check().isEmpty)
    }
}

/// Errors from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func record(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}

@Suite("Store rules on SQLite")
struct SQLiteStoreRules {
    @Test("130 revisions round-trip across keyframes; the newest whole, older ones deltas")
    func longHistory() throws { try StoreRules.longHistory(.sqlite) }
    @Test("Unchanged text adds nothing; a return to an earlier text is a revert")
    func reverts() throws { try StoreRules.unchangedAndReverts(.sqlite) }
    @Test("A whole history in one batch: deltas worked out ahead are stored, and read back")
    func batchedHistory() throws { try StoreRules.batchedHistory(.sqlite) }
    @Test("Metadata, empty texts and Unicode round-trip; metadata kept only where it changed reads back whole")
    func metadata() throws { try StoreRules.metadata(.sqlite) }
    @Test("Unknown articles and revisions are errors that say what exists")
    func unknown() throws { try StoreRules.unknown(.sqlite) }
    @Test("A flipped byte in a payload is found by check, named, and other revisions still read")
    func corruption() throws { try StoreRules.corruption(.sqlite) }
    @Test("Export then import gives the same dump, byte for byte; a second or resumed load adds what is missing")
    func dumpRoundTrip() throws { try StoreRules.dumpRoundTrip(.sqlite) }
    @Test("Four writers at once: every revision there, numbered without gaps")
    func concurrentWriters() throws { try StoreRules.concurrentWriters(.sqlite) }
}

#if Postgres
    @Suite("Store rules on PostgreSQL", .enabled(if: TestPostgres.runs, Comment(rawValue: TestPostgres.skipReason)))
    struct PostgresStoreRules {
        @Test("130 revisions round-trip across keyframes; the newest whole, older ones deltas")
        func longHistory() throws { try StoreRules.longHistory(.postgres) }
        @Test("Unchanged text adds nothing; a return to an earlier text is a revert")
        func reverts() throws { try StoreRules.unchangedAndReverts(.postgres) }
        @Test("A whole history in one batch: deltas worked out ahead are stored, and read back")
        func batchedHistory() throws { try StoreRules.batchedHistory(.postgres) }
        @Test("Metadata, empty texts and Unicode round-trip; metadata kept only where it changed reads back whole")
        func metadata() throws { try StoreRules.metadata(.postgres) }
        @Test("Unknown articles and revisions are errors that say what exists")
        func unknown() throws { try StoreRules.unknown(.postgres) }
        @Test("A flipped byte in a payload is found by check, named, and other revisions still read")
        func corruption() throws { try StoreRules.corruption(.postgres) }
        @Test("Export then import gives the same dump, byte for byte; a second or resumed load adds what is missing")
        func dumpRoundTrip() throws { try StoreRules.dumpRoundTrip(.postgres) }
        @Test("Four writers at once, each on its own connection: every revision there, numbered without gaps")
        func concurrentWriters() throws { try StoreRules.concurrentWriters(.postgres) }

        @Test("SQLite → PostgreSQL → SQLite: the same dump, byte for byte, both ways")
        func betweenBackends() throws {
            let sqlite = try Backend.sqlite.make()
            try StoreRules.fill(sqlite)
            let lines = try StoreRules.export(sqlite)
            let postgres = try Backend.postgres.make()
            _ = try Dump.load(lines.joined(separator: "\n"), into: postgres)
            #expect(try StoreRules.export(postgres) == lines)
            let back = try Backend.sqlite.make()
            _ = try Dump.load(try StoreRules.export(postgres).joined(separator: "\n"), into: back)
            #expect(try StoreRules.export(back) == lines)
        }

        @Test("A query fails, not waits, once its connection is closed; none stays registered")
        func queriesEndWithTheirConnection() throws {
            let address = try PostgresAddress((TestPostgres.server?.base ?? "") + "/postgres")
            let store = try PostgresStore(address: try TestPostgres.freshAddress(), create: true)
            let connection = try PostgresStore.connect(address, logger: store.driverLogger)
            for n in 1...200 {
                let rows = try connection.run("SELECT \(n)::INT8", logger: store.driverLogger).rows
                #expect(try rows.first?.decode(Int64.self) == Int64(n))
            }
            #expect(connection.queriesWaiting == 0)
            // A query under way when the connection closes, and one issued after: both end in an
            // error (PostgresNIO alone leaves the second waiting for ever). Each runs on a thread
            // of its own, so that a regression fails here rather than hangs the suite.
            func started(_ query: PostgresQuery) -> Outcome {
                let outcome = Outcome()
                Thread.detachNewThread { outcome.set(Result { try connection.run(query, logger: store.driverLogger) }) }
                return outcome
            }
            let slow = started("SELECT pg_sleep(30)")
            Thread.sleep(forTimeInterval: 0.3)
            connection.close()
            let late = started("SELECT 1")
            for (outcome, name) in [(slow, "under way"), (late, "issued after the close")] {
                #expect(outcome.done.wait(timeout: .now() + 10) == .success, "the query \(name) was left waiting")
                #expect(throws: (any Error).self, "the query \(name)") { try outcome.result?.get() }
            }
            #expect(connection.queriesWaiting == 0)
        }

        /// A result handed over from another thread.
        final class Outcome: @unchecked Sendable {
            let done = DispatchSemaphore(value: 0)
            private(set) var result: Result<PostgresQueryResult, any Error>?
            func set(_ result: Result<PostgresQueryResult, any Error>) {
                self.result = result
                done.signal()
            }
        }

        @Test("A TCP connection probes a silent server: keepalive after 30 s idle, 60 s for unacknowledged data")
        func keepalive() async throws {
            let address = try PostgresAddress((TestPostgres.server?.base ?? "") + "/postgres")
            let endpoint = try #require(address.endpoint)
            let channel = try await PostgresAddress.openChannel(host: endpoint.host, port: endpoint.port)
            defer { channel.close(promise: nil) }
            // Read back from the socket (getsockopt): what the kernel will do, not what was asked.
            #expect(try await channel.getOption(.socketOption(.so_keepalive)).get() != 0)
            let expected: [(name: Int32, value: Int)] = [
                (TCP_KEEPIDLE, 30), (TCP_KEEPINTVL, 10), (TCP_KEEPCNT, 3), (TCP_USER_TIMEOUT, 60_000),
            ]
            for (name, value) in expected {
                #expect(try await channel.getOption(.socket(SocketOptionLevel(IPPROTO_TCP), name)).get() == value)
            }
        }

        @Test("A store address without a schema, or on no server, is a clear error")
        func missingStore() throws {
            #expect {
                try PostgresStore(address: (TestPostgres.server?.base ?? "") + "/postgres")
            } throws: { error in
                "\(error)".contains("redline init --store")
            }
            #expect {
                try PostgresStore(address: try TestPostgres.freshAddress())
            } throws: { error in
                "\(error)".contains("does not exist")
            }
            #expect {
                try PostgresStore(address: "postgres://nobody@127.0.0.1:9/none")
            } throws: { error in
                "\(error)".contains("could not connect to postgres://nobody@127.0.0.1:9/none")
            }
        }
    }
#endif
