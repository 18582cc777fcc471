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
