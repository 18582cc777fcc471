import Foundation
import Redline
import RedlineFeeds
import Testing

/// External entities and entity expansion bombs are inert in every parser Redline feeds
/// untrusted bytes to: libxml2's HTML parser and Foundation's XMLParser for feeds.
@Suite("Parser safety")
struct ParserSafetyTests {
    static let laughs = (1...9).map { level in
        "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
    }.joined()

    @Test("HTML: an external entity is not read and an entity bomb is not expanded")
    func html() throws {
        let page = """
            <!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol0 "lol">\(Self.laughs)]>
            <html><body><article><h1>Flood</h1>
            <p>Officials said 12 people died in the floods on Tuesday &xxe; as rescuers searched.</p>
            <p>The council said &lol9; more help would come soon from the national fund.</p></article></body></html>
            """
        let started = Date()
        let article = try ArticleReader.read(Array(page.utf8), name: "x.html")
        #expect(!article.body.contains("root:"))
        #expect(article.body.utf8.count < 10_000, "\(article.body.utf8.count) bytes: the bomb went off")
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("Feeds: an external entity is not read and an entity bomb is not expanded")
    func feed() throws {
        let rss = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol0 "lol">\(Self.laughs)]>
            <rss version="2.0"><channel><title>&xxe;</title>
            <item><title>&lol9;</title><link>https://news.example/a</link></item></channel></rss>
            """
        let started = Date()
        let parsed = try? Feed.parse(Data(rss.utf8), baseURL: URL(string: "https://news.example/")!)
        #expect(parsed?.title?.contains("root:") != true)
        #expect((parsed?.entries.first?.title?.utf8.count ?? 0) < 10_000)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("Feeds: invalid UTF-8 in an element name is repaired, not a crash (found by fuzz-feed)")
    func invalidUTF8Feed() throws {
        let regression = CLITests.root.appendingPathComponent(
            "Tests/Fuzz/Regressions/fuzz-feed/crash-3a36d614c1ea84bf05ba22faee8b68c56653bf2e")
        let crashing = try Data(contentsOf: regression)
        #expect(crashing == Data([0x3C, 0x50, 0xDD, 0x62, 0xDC, 0x08, 0xF4]))
        #expect(throws: Feed.ParseError.self) { try Feed.parse(crashing, baseURL: URL(string: "https://x.example/")!) }
        // A real feed with a stray invalid byte in an element name still gives its entries.
        var rss = Array(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>A</title>".utf8)
        rss +=
            [0x3C, 0x78, 0xDD, 0x3E]
            + Array("junk</x\u{FFFD}><link>https://news.example/a</link></item></channel></rss>".utf8)
        let feed = try? Feed.parse(Data(rss), baseURL: URL(string: "https://news.example/")!)
        #expect(feed == nil || feed?.entries.first?.link.absoluteString == "https://news.example/a")
    }
}
