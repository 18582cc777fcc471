import Foundation
import GRDB
import Testing

@testable import RedlineStore

/// URL keys follow RFC 3986's normalisation, and stores keyed before it are re-keyed and merged.
@Suite("URL keys and their migration")
struct KeyNormalisationTests {
    @Test("The spellings of one URL are one key: dot segments, percent-encoding, userinfo, ports, host dots")
    func spellingsOfOneURL() {
        let key = "https://example.com/news/~ed/caf%C3%A9/story"
        for spelling in [
            "https://example.com/news/~ed/caf%C3%A9/story",
            "HTTPS://EXAMPLE.com/news/./~ed/caf%C3%A9/story",
            "https://example.com/news/x/../~ed/caf%C3%A9/story",
            "https://example.com/news/%7Eed/caf%c3%a9/story",
            "https://example.com/news/%7eed/café/story",
            "https://user@example.com/news/~ed/caf%C3%A9/story",
            "https://user:secret@example.com:443/news/~ed/caf%C3%A9/story#comments",
            "https://example.com.:/news/~ed/caf%C3%A9/story?utm_source=rss",
            "https://example.com/news/%7Eed/%63af%C3%A9/./story",
            "https://example.com:0443/news/a/b/../../~ed/caf%C3%A9/story",
        ] {
            #expect(ArticleKey(spelling).value == key, "\(spelling)")
        }
    }

    @Test("What RFC 3986 does not make equal stays apart, and the key is still a valid URL")
    func differencesKept() {
        #expect(ArticleKey("https://example.com/a/b").value != ArticleKey("https://example.com/a/b/").value)
        #expect(ArticleKey("https://example.com/A").value != ArticleKey("https://example.com/a").value)
        // An encoded slash is a reserved character: not a path separator.
        #expect(ArticleKey("https://example.com/a%2fb").value == "https://example.com/a%2Fb")
        #expect(ArticleKey("https://example.com/?b=1&a=2").value == "https://example.com/?b=1&a=2")
        #expect(ArticleKey("https://example.com:8443/x").value == "https://example.com:8443/x")
        #expect(ArticleKey("http://[2001:DB8::1]:80/x").value == "http://[2001:db8::1]/x")
        #expect(ArticleKey("https://example.com/a b/100%").value == "https://example.com/a%20b/100%25")
        #expect(ArticleKey("https://example.com/..").value == "https://example.com/")
        #expect(ArticleKey("https://example.com/a/.").value == "https://example.com/a/")
        #expect(ArticleKey("https://example.com?q=%7e").value == "https://example.com/?q=~")
        #expect(ArticleKey("flood/./toll").value == "flood/./toll")  // not a URL: a name, kept as given
        for spelling in ["https://user@example.com/a/./b", "https://example.com/é?x=é"] {
            #expect(URL(string: ArticleKey(spelling).value) != nil, "\(spelling)")
        }
    }

    @Test("Opening an older store re-keys its articles and merges the ones that were one URL, in capture order")
    func migrationMergesDuplicates() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("redline-keys-\(UUID().uuidString)").appendingPathComponent(".redline")
        let store = try SQLiteStore.create(in: directory.path)
        let url = "https://example.com/news/flood"
        func text(_ toll: Int) -> [UInt8] {
            Array("The toll rose to \(toll) on Tuesday, officials said.\n\nRescuers reached the valley.\n".utf8)
        }
        // Three spellings of one URL, and a plain name, written as an older Redline keyed them.
        let spellings = ["https://example.com/news/./flood", url, "https://user@example.com/news/x/../flood"]
        let history: [(spelling: Int, toll: Int, time: Double)] = [
            (0, 12, 100), (1, 14, 200), (0, 15, 300), (2, 15, 400), (1, 19, 500), (2, 12, 600),
        ]
        for index in spellings.indices {
            for entry in history where entry.spelling == index {
                _ = try store.add(
                    text(entry.toll), to: ArticleKey("placeholder-\(index)"),
                    at: Date(timeIntervalSince1970: entry.time), metadata: .init())
            }
        }
        _ = try store.add(Array("A story with a name.\n".utf8), to: ArticleKey("storm"), metadata: .init())
        try store.recordFetch(
            of: ArticleKey("placeholder-2"),
            FetchState(
                url: url, etag: "\"v6\"", lastModified: nil, checkedAt: Date(timeIntervalSince1970: 650), changedAt: nil
            ))
        try store.recordFetch(
            of: ArticleKey("placeholder-1"),
            FetchState(
                url: url, etag: "\"v5\"", lastModified: nil, checkedAt: Date(timeIntervalSince1970: 550), changedAt: nil
            ))
        let path = store.path
        try store.pool.write { db in
            for (index, spelling) in spellings.enumerated() {
                try db.execute(
                    sql: "UPDATE articles SET key = ? WHERE key = ?", arguments: [spelling, "placeholder-\(index)"])
            }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3-normalised-keys'")
        }
        try store.pool.close()

        // A reader is enough: the store is upgraded where it may be written.
        let reopened = try SQLiteStore(path: path, access: .readOnly)
        let articles = try reopened.articles().map(\.key).sorted()
        #expect(articles == [url, "storm"])
        let revisions = try reopened.revisions(of: ArticleKey(url))
        // 12 → 14 → 15 (15 again at 400 adds nothing) → 19 → 12 (a return to revision 1).
        #expect(revisions.map(\.capturedAt.timeIntervalSince1970) == [100, 200, 300, 500, 600])
        #expect(revisions.last?.revertOf == 1)
        for (revision, toll) in zip(revisions, [12, 14, 15, 19, 12]) {
            #expect(try reopened.text(of: ArticleKey(url), .number(revision.number)).1 == text(toll))
        }
        #expect(try reopened.fetchState(of: ArticleKey(url))?.etag == "\"v6\"")
        #expect(try reopened.check().isEmpty)
        #expect(try reopened.statistics().articles == 2)
    }
}

/// Every read verifies the text against its SHA-256: a stored text changed behind Redline's back,
/// even one of the same length, is an error on every read path, not a silent wrong answer.
@Suite("Tampering")
struct TamperingTests {
    @Test("A revision whose stored digest no longer matches fails text(of:), export and check; others still read")
    func sameLengthTampering() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("redline-tamper-\(UUID().uuidString)").appendingPathComponent(".redline")
        let store = try SQLiteStore.create(in: directory.path)
        let key = ArticleKey("flood")
        for toll in [12, 14, 19] {
            _ = try store.add(
                Array("The toll rose to \(toll) on Tuesday.\n".utf8), to: key,
                at: Date(timeIntervalSince1970: Double(toll)), metadata: .init())
        }
        // Same length, other content: what a tampered or bit-rotted payload would decode to.
        let forged = Data(StoredRow.digest(Array("The toll rose to 99 on Tuesday.\n".utf8)))
        try store.pool.write { db in
            try db.execute(
                sql:
                    "UPDATE history SET digest = ? WHERE seq = 2 AND article_id = (SELECT id FROM articles WHERE key = 'flood')",
                arguments: [forged])
        }
        #expect(throws: StoreError.self) { try store.text(of: key, .number(2)) }
        // Its neighbours' own hashes still hold, so they read.
        #expect(try store.text(of: key, .number(1)).1 == Array("The toll rose to 12 on Tuesday.\n".utf8))
        #expect(try store.text(of: key, .latest).1 == Array("The toll rose to 19 on Tuesday.\n".utf8))
        #expect(throws: StoreError.self) { try Dump.export(store) { _ in } }
        let problems = try store.check()
        #expect(problems.map(\.revision).contains(2), "\(problems)")
    }
}
