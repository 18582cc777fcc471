import Foundation
import GRDB
import RedlineZlib
import Testing

@testable import RedlineStore

/// The SQLite store: every revision reads back exactly, whatever the history.
@Suite("Revision store")
struct StoreTests {
    func temporaryStore() throws -> SQLiteStore {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("redline-store-\(UUID().uuidString)").appendingPathComponent(".redline")
        return try SQLiteStore.create(in: directory.path)
    }

    /// A news-like text that changes a little at each revision.
    static func version(_ n: Int) -> [UInt8] {
        var paragraphs = (0..<12).map { p in
            "Paragraph \(p) of the story: officials said the toll rose to \(p * 3) as rescuers searched the valley."
        }
        paragraphs[n % 12] = "Update \(n): the toll now stands at \(n * 7), officials said on day \(n)."
        if n % 5 == 0 { paragraphs.append("Correction \(n): an earlier version misspelt a name.") }
        return Array(paragraphs.joined(separator: "\n\n").utf8)
    }

    @Test("130 revisions round-trip exactly across keyframes; the newest is whole, older ones deltas")
    func longHistory() throws {
        let store = try temporaryStore()
        let key = ArticleKey("flood")
        for n in 1...130 {
            let result = try store.add(
                Self.version(n), to: key, at: Date(timeIntervalSince1970: Double(n)), metadata: .init())
            guard case .added(let revision) = result else {
                Issue.record("revision \(n) was not added")
                return
            }
            #expect(revision.number == n)
        }
        for n in [1, 2, 15, 16, 17, 63, 64, 65, 100, 127, 128, 129, 130] {
            let (revision, text) = try store.text(of: key, .number(n))
            #expect(text == Self.version(n), "revision \(n)")
            #expect(revision.number == n)
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
        #expect(stats.storedBytes * 5 < stats.rawBytes)
        #expect(try store.check().isEmpty)
        #expect(try store.text(of: key, .latest).1 == Self.version(130))
        #expect(try store.text(of: key, .back(1)).1 == Self.version(129))
    }

    @Test("Unchanged text adds nothing; a return to an earlier text is a new revision marked as a revert")
    func unchangedAndReverts() throws {
        let store = try temporaryStore()
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
    }

    @Test("Empty texts, Unicode and metadata round-trip")
    func edgeTexts() throws {
        let store = try temporaryStore()
        let key = ArticleKey("unicode")
        let texts = ["", "Erdoğan met Herzog in İstanbul 🇹🇷🇮🇱 — שלום", "", String(repeating: "ø", count: 50_000)]
        let metadata = RevisionMetadata(headline: "Erdoğan meets Herzog", byline: "Dana Whitfield")
        for text in texts { _ = try store.add(Array(text.utf8), to: key, metadata: metadata) }
        for (n, text) in texts.enumerated() {
            let (revision, bytes) = try store.text(of: key, .number(n + 1))
            #expect(String(decoding: bytes, as: UTF8.self) == text)
            #expect(revision.metadata == metadata)
        }
    }

    @Test("Unknown articles and revisions are errors that say what exists")
    func unknown() throws {
        let store = try temporaryStore()
        _ = try store.add(Array("x".utf8), to: ArticleKey("flood-toll"), metadata: .init())
        #expect(throws: StoreError(.unknownArticle("flood", nearby: ["flood-toll"]))) {
            try store.text(of: ArticleKey("flood"), .latest)
        }
        #expect(throws: StoreError(.unknownRevision(article: "flood-toll", revision: "7", count: 1))) {
            try store.text(of: ArticleKey("flood-toll"), .number(7))
        }
    }

    @Test("A flipped byte in a payload is found by check, named, and other revisions still read")
    func corruption() throws {
        let store = try temporaryStore()
        let key = ArticleKey("flood")
        for n in 1...20 { _ = try store.add(Self.version(n), to: key, metadata: .init()) }
        // Damage revision 18 (a delta against 19; 1–17 chain through it, 19–20 do not).
        try store.pool.write { db in
            let payload = try Data.fetchOne(db, sql: "SELECT payload FROM history WHERE seq = 18")!
            var bytes = [UInt8](payload)
            bytes[bytes.count / 2] ^= 0x5A
            try db.execute(sql: "UPDATE history SET payload = ? WHERE seq = 18", arguments: [Data(bytes)])
        }
        let problems = try store.check()
        #expect(problems.contains { $0.revision == 18 && $0.article == "flood" })
        #expect(!problems.contains { $0.revision == 19 || $0.revision == 20 })
        #expect(try store.text(of: key, .number(20)).1 == Self.version(20))
        #expect(problems.contains { $0.revision == 5 && $0.detail.contains("unreadable") })
        #expect(throws: StoreError.self) { try store.text(of: key, .number(18)) }
    }

    @Test("A store from a newer schema is refused")
    func newerSchema() throws {
        let store = try temporaryStore()
        try store.pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        #expect(throws: StoreError(.newerSchema)) { try SQLiteStore(path: store.path) }
    }

    @Test("URL keys are canonical: case, default ports, fragments and tracking parameters")
    func keys() {
        #expect(
            ArticleKey("HTTPS://Example.COM:443/news/story?utm_source=x&id=3&fbclid=y#top").value
                == "https://example.com/news/story?id=3")
        #expect(ArticleKey("http://example.com").value == "http://example.com/")
        #expect(ArticleKey("  my-story ").value == "my-story")
    }

    @Test("Export then import into an empty store gives the same dump, byte for byte")
    func dumpRoundTrip() throws {
        let store = try temporaryStore()
        let metadata = RevisionMetadata(headline: "Floods", sourceURL: "https://example.com/a")
        for n in 1...40 {
            let text = n % 7 == 0 ? Self.version(1) : Self.version(n)  // reverts included
            _ = try store.add(
                text, to: ArticleKey("flood"), at: Date(timeIntervalSince1970: 1.5 * Double(n)), metadata: metadata)
            _ = try store.add(
                Array("Ünïcode \(n % 3)".utf8), to: ArticleKey("https://Example.com/b?utm_x=1"), metadata: .init())
        }
        var lines: [String] = []
        try Dump.export(store) { lines.append($0) }
        let copy = try temporaryStore()
        var stored = 0
        let counts = try Dump.load(lines.joined(separator: "\n") + "\n\n", into: copy, batch: 7) { _ in stored += 1 }
        #expect(counts.added == lines.count && counts.unchanged == 0 && stored == lines.count)
        // Loading it again stores nothing: every line is a revision already there (same article,
        // number and SHA-256).
        let twice = try Dump.load(lines.joined(separator: "\n"), into: copy)
        #expect(twice.added == 0 && twice.alreadyStored == lines.count, "\(twice)")
        var again: [String] = []
        try Dump.export(copy) { again.append($0) }
        #expect(again == lines)
        // A load cut short (killed after some batches) and run again adds only what is missing.
        let resumed = try temporaryStore()
        _ = try Dump.load(lines.prefix(23).joined(separator: "\n"), into: resumed, batch: 4)
        let rest = try Dump.load(lines.joined(separator: "\n"), into: resumed, batch: 4)
        #expect(rest.alreadyStored == 23 && rest.added == lines.count - 23, "\(rest)")
        var resumedLines: [String] = []
        try Dump.export(resumed) { resumedLines.append($0) }
        #expect(resumedLines == lines)
        // The same text as the latest revision, under another number, is still "unchanged".
        let latest = lines.last!.replacingOccurrences(of: "\"revision\":40", with: "\"revision\":41")
        #expect(try Dump.load(latest, into: copy).unchanged == 1)
        #expect(try copy.check().isEmpty)
        // Every line says its format's version; a line without one (an older dump) still reads,
        // a line from a newer format is refused with its line number.
        #expect(lines.allSatisfy { $0.contains("\"schema_version\":1") })
        let older = lines[0].replacingOccurrences(of: "\"schema_version\":1,", with: "")
        #expect(throws: Never.self) { try Dump.record(Substring(older), number: 1) }
        let newer = lines[0].replacingOccurrences(of: "\"schema_version\":1", with: "\"schema_version\":2")
        #expect {
            try Dump.record(Substring(newer), number: 7)
        } throws: { error in
            "\(error)".contains("newer")
        }
    }

    @Test("The edit-script codecs rebuild texts exactly and refuse scripts that reach outside their base")
    func editScripts() throws {
        for n in 1...40 {
            let base = Self.version(n + 1)
            let text = Self.version(n)
            let script = EditScriptCodec.encode(text, base: base)
            #expect(try EditScriptCodec.decode(script, base: base, limit: text.count) == text)
            // A paragraph rewritten is a small script: a fraction of the text.
            #expect(script.count * 4 < text.count, "revision \(n): \(script.count) bytes")
            for (codec, payload) in [
                (PayloadCodec.edits, script), (.deflatedEdits, try Zlib.deflate(script, format: .raw, level: 9)),
            ] {
                #expect(try PayloadCodec.decode(payload, codec: codec, base: base, size: text.count) == text)
            }
        }
        // The implicit copy of the base's tail, a dropped tail (a final skip), empty texts.
        let base = Array("one two three four".utf8)
        for text in ["one two three four", "one two", "one two three four five", "zero one two three four", "", "x"] {
            let script = EditScriptCodec.encode(Array(text.utf8), base: base)
            #expect(
                try EditScriptCodec.decode(script, base: base, limit: text.utf8.count) == Array(text.utf8), "\(text)")
            #expect(
                try EditScriptCodec.decode(
                    EditScriptCodec.encode(Array(text.utf8), base: []), base: [], limit: text.utf8.count)
                    == Array(text.utf8))
        }
        let script = EditScriptCodec.encode(Self.version(1), base: Self.version(2))
        #expect(throws: (any Error).self) { try EditScriptCodec.decode(script, base: [], limit: 1 << 20) }
        #expect(throws: (any Error).self) { try EditScriptCodec.decode(script, base: Self.version(2), limit: 10) }
        #expect(throws: (any Error).self) { try EditScriptCodec.decode([0x83], base: base, limit: 100) }
        #expect(throws: (any Error).self) { try EditScriptCodec.decode([0xFF], base: base, limit: 100) }
    }

    @Test("Schema-v1 word scripts (deflated, absolute offsets) still decode")
    func legacyScripts() throws {
        // copy 0..<4 ("one "), insert "2 ", copy 8..<18 ("three four"): what schema v1 wrote.
        let ops: [UInt8] = [0, 0, 4, 1, 2] + Array("2 ".utf8) + [0, 8, 10]
        let payload = try Zlib.deflate(ops, format: .raw, level: 9)
        let base = Array("one two three four".utf8)
        #expect(
            try PayloadCodec.decode(payload, codec: .script, base: base, size: 16) == Array("one 2 three four".utf8))
        #expect(throws: (any Error).self) {
            try PayloadCodec.decode(payload, codec: .script, base: Array(base.prefix(9)), size: 16)
        }
    }
}
