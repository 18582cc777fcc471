import Foundation
import Redline
import RedlineFeeds
import RedlineSystem
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Feeds as sites write them, the re-check schedule, and `redline watch` against a local server.
@Suite("Feeds and redline watch", .serialized)
struct WatchTests {
    let cli = CLITests()

    @Test("RSS quirks: CDATA, HTML in descriptions, missing dates, relative links, permalink guids")
    func rss() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
            <title>Valley Courier</title><link>https://valley.example/news/</link>
            <item><title><![CDATA[Flood toll rises to <b>14</b>]]></title><link>/2026/11/24/flood</link>
              <description><![CDATA[<p>The toll <em>rose</em>…</p>]]></description>
              <pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item>
            <item><title>No date here</title><link>https://valley.example/2026/11/24/bridge</link>
              <description>&lt;p&gt;Escaped HTML&lt;/p&gt;</description></item>
            <item><title>Only a guid</title><guid isPermaLink="true">https://valley.example/2026/11/24/school</guid>
              <dc:date>2026-11-24T09:30:00Z</dc:date></item>
            <item><title>Not a link</title><guid isPermaLink="false">urn:uuid:1234</guid></item>
            </channel></rss>
            """
        let feed = try Feed.parse(Data(xml.utf8), baseURL: URL(string: "https://valley.example/rss.xml")!)
        #expect(feed.title == "Valley Courier")
        #expect(
            feed.entries.map(\.link.absoluteString) == [
                "https://valley.example/2026/11/24/flood", "https://valley.example/2026/11/24/bridge",
                "https://valley.example/2026/11/24/school",
            ])
        #expect(feed.entries[0].title == "Flood toll rises to <b>14</b>")
        #expect(feed.entries[0].date == Date(timeIntervalSince1970: 1_795_514_400))
        #expect(feed.entries[1].date == nil)
        #expect(feed.entries[2].date == Date(timeIntervalSince1970: 1_795_512_600))
    }

    @Test("Atom: link rel=alternate (not self or enclosure), xml:base-free relative links, published before updated")
    func atom() throws {
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Times</title>
            <link rel="self" href="https://harbour.example/feed.atom"/><link href="https://harbour.example/"/>
            <entry><title type="html">Port strike &lt;em&gt;ends&lt;/em&gt;</title>
              <link rel="enclosure" href="https://harbour.example/img.jpg"/>
              <link rel="alternate" type="text/html" href="/business/port-strike-ends"/>
              <id>tag:harbour.example,2026:1</id><updated>2026-10-02T13:10:00Z</updated><published>2026-10-02T10:30:00Z</published></entry>
            <entry><title>Second</title><link href="https://harbour.example/second"/><id>2</id></entry>
            </feed>
            """
        let feed = try Feed.parse(Data(xml.utf8), baseURL: URL(string: "https://harbour.example/feed.atom")!)
        #expect(
            feed.entries.map(\.link.absoluteString) == [
                "https://harbour.example/business/port-strike-ends", "https://harbour.example/second",
            ])
        #expect(feed.entries[0].title == "Port strike <em>ends</em>")
        #expect(feed.entries[0].date == Date(timeIntervalSince1970: 1_790_937_000))
        #expect(feed.entries[1].date == nil)
    }

    @Test("Not a feed: HTML and broken XML are errors that say so")
    func notFeeds() {
        #expect(throws: Feed.ParseError.self) {
            try Feed.parse(
                Data("<html><body><p>hi</p></body></html>".utf8), baseURL: URL(string: "https://x.example/")!)
        }
        #expect(throws: Feed.ParseError.self) {
            try Feed.parse(Data("<rss><channel><item>".utf8), baseURL: URL(string: "https://x.example/")!)
        }
    }

    @Test("Feed lists: one URL per line with comments, or OPML")
    func feedLists() {
        let lines = "# my feeds\nhttps://a.example/rss\n\n  https://b.example/atom  \n"
        #expect(
            FeedList.parse(Data(lines.utf8)).map(\.absoluteString) == [
                "https://a.example/rss", "https://b.example/atom",
            ])
        let opml = """
            <?xml version="1.0"?><opml version="2.0"><body><outline text="News">
            <outline type="rss" text="A" xmlUrl="https://a.example/rss"/><outline type="rss" text="B" xmlUrl="https://b.example/atom"/>
            </outline></body></opml>
            """
        #expect(
            FeedList.parse(Data(opml.utf8)).map(\.absoluteString) == [
                "https://a.example/rss", "https://b.example/atom",
            ])
    }

    @Test("The schedule slows as an article settles and stops past --max-age")
    func schedule() {
        let schedule = RecheckSchedule(maxAge: 7 * 86_400)
        #expect(schedule.interval(sinceChange: 3600) == 900)
        #expect(schedule.interval(sinceChange: 5 * 3600) == 3600)
        #expect(schedule.interval(sinceChange: 2 * 86_400) == 3 * 3600)
        #expect(schedule.interval(sinceChange: 10 * 86_400) == 12 * 3600)
        let now = Date()
        #expect(schedule.isDue(firstSeen: now - 3600, lastChanged: now - 3600, lastChecked: now - 1000, now: now))
        #expect(!schedule.isDue(firstSeen: now - 3600, lastChanged: now - 3600, lastChecked: now - 600, now: now))
        #expect(
            !schedule.isDue(firstSeen: now - 8 * 86_400, lastChanged: now - 3600, lastChecked: now - 90_000, now: now))
    }

    final class Newsroom: @unchecked Sendable {
        // @unchecked: guarded by `lock`.
        let lock = NSLock()
        var toll = 14
        var webhooks: [[UInt8]] = []

        func page(_ story: String) -> [UInt8] {
            lock.lock()
            defer { lock.unlock() }
            let number = story == "flood" ? toll : 3
            return Array(
                WARCWriter.page(
                    headline: "\(story) story",
                    paragraphs: [
                        "The number of people killed in the \(story) rose to \(number) on Tuesday, officials said, as rescuers arrived.",
                        "Governor Ellen Park said 2,300 homes had been damaged and that the state would ask for federal aid.",
                    ], url: "https://news.example/\(story)"
                ).utf8)
        }
    }

    func newsroom(_ room: Newsroom) throws -> TestHTTPServer {
        try TestHTTPServer { request in
            switch request.path {
            case "/rss":
                let rss = """
                    <?xml version="1.0"?><rss version="2.0"><channel><title>Local</title><link>/</link>
                    <item><title>Flood</title><link>/flood</link><pubDate>\(Self.rfc822(Date()))</pubDate></item>
                    <item><title>Fire</title><link>/fire</link></item></channel></rss>
                    """
                return .init(headers: [("Content-Type", "application/rss+xml")], body: Array(rss.utf8))
            case "/metadata-rss":
                // A feed pointing at the cloud metadata service, by address, in decimal, and in IPv6.
                let rss = """
                    <?xml version="1.0"?><rss version="2.0"><channel><title>Bait</title>
                    <item><title>A</title><link>http://169.254.169.254/latest/meta-data/</link></item>
                    <item><title>B</title><link>http://2852039166/latest/meta-data/</link></item>
                    <item><title>C</title><link>http://[fe80::1]/</link></item></channel></rss>
                    """
                return .init(headers: [("Content-Type", "application/rss+xml")], body: Array(rss.utf8))
            case "/flood", "/fire":
                return .init(body: room.page(String(request.path.dropFirst())))
            case "/hook":
                room.lock.lock()
                room.webhooks.append(request.body)
                room.lock.unlock()
                return .init(status: 204)
            default: return .init(status: 404)
            }
        }
    }

    static func rfc822(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    @Test("watch --once: every linked article snapshotted; a later edit found on re-check, announced, posted and piped")
    func watchOnce() throws {
        let room = Newsroom()
        let server = try newsroom(room)
        let directory = try cli.newStore("watch")
        let first = try cli.run(["watch", server.url("/rss"), "--once", "--store", directory])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("\(server.url("/flood"))@1: new article"))
        #expect(first.stdout.contains("\(server.url("/fire"))@1: new article"))
        // --max-new bounds the new articles taken from one feed in one pass.
        let capped = try cli.run([
            "watch", server.url("/rss"), "--once", "--max-new", "1", "--store", try cli.newStore("cap"),
        ])
        #expect(capped.stdout.split(separator: "\n").count == 1, "\(capped.stdout)")
        #expect(capped.stderr.contains("more than 1 new articles; the rest wait for the next pass"), "\(capped.stderr)")
        // The pass ends with its summary on stderr; --verbose adds each request, --quiet hides the summary.
        #expect(
            first.stderr.contains("redline: pass 1: 1 feed read; 2 articles checked, 2 new revisions ("),
            "\(first.stderr)")
        #expect(!first.stderr.contains("GET "))
        // Nothing changed: a second pass adds nothing (the articles are not due yet either).
        let quiet = try cli.run(["watch", server.url("/rss"), "--once", "--quiet", "--store", directory])
        #expect(quiet.stdout.isEmpty, "\(quiet.stdout)")
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
        let verbose = try cli.run(["watch", server.url("/rss"), "--once", "--verbose", "--store", directory])
        #expect(verbose.stderr.contains("redline: GET \(server.url("/rss")): 200"), "\(verbose.stderr)")
        #expect(verbose.stderr.contains("redline: pass 1: 1 feed read; 0 articles checked, 0 new revisions ("))
        // The toll rises; make the article due by backdating its last check.
        room.lock.lock()
        room.toll = 19
        room.lock.unlock()
        let store = try SQLiteStore(path: StoreLocation.find(explicit: directory))
        let key = ArticleKey(server.url("/flood"))
        var state = try #require(try store.fetchState(of: key))
        state.checkedAt = Date().addingTimeInterval(-3600)
        try store.recordFetch(of: key, state)
        let output = (directory as NSString).appendingPathComponent("report.json")
        let second = try cli.run([
            "watch", server.url("/rss"), "--once", "--store", directory, "--webhook", server.url("/hook"), "--exec",
            "cat > '\(output)'",
        ])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == "\(server.url("/flood"))@2: 1 figure changed\n")
        let piped =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any]
        #expect((piped?["summary"] as? [String: Any]) != nil)
        room.lock.lock()
        let hooks = room.webhooks
        room.lock.unlock()
        #expect(hooks.count == 1)
        #expect(String(decoding: hooks.first ?? [], as: UTF8.self).contains("\"schemaVersion\":1"))
    }

    @Test("Links to link-local addresses (cloud metadata) are refused before any connection, unless allowed")
    func linkLocal() throws {
        let server = try newsroom(Newsroom())
        let directory = try cli.newStore("watch")
        let started = Date()
        let result = try cli.run(["watch", server.url("/metadata-rss"), "--once", "--store", directory])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        for host in ["169.254.169.254", "2852039166", "fe80::1"] {
            #expect(result.stderr.contains("refused: \(host) is a link-local address"), "\(host): \(result.stderr)")
        }
        #expect(result.stderr.contains("3 articles checked, 0 new revisions, 3 failed"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(NetworkAddress.isLinkLocal("169.254.169.254"))
        #expect(NetworkAddress.isLinkLocal("0xA9FEA9FE"))
        #expect(NetworkAddress.isLinkLocal("[fe80::1%25eth0]") && NetworkAddress.isLinkLocal("fe80::1"))
        #expect(NetworkAddress.isLinkLocal("::ffff:169.254.1.1"))
        for allowed in ["127.0.0.1", "10.0.0.7", "192.168.1.1", "localhost", "::1", "example.invalid"] {
            #expect(!NetworkAddress.isLinkLocal(allowed), "\(allowed)")
        }
    }

    @Test("Ctrl-C during watch finishes cleanly with status 0")
    func interrupt() throws {
        let room = Newsroom()
        let server = try newsroom(room)
        let directory = try cli.newStore("watch")
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = ["watch", server.url("/rss"), "--interval", "1h", "--store", directory]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        // Wait for the first pass to announce both articles.
        let deadline = Date().addingTimeInterval(20)
        var seen = ""
        while Date() < deadline, seen.components(separatedBy: "new article").count < 3 {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(seen.components(separatedBy: "new article").count == 3, "\(seen)")
        #expect(process.terminationStatus == 0)
        #expect(try SQLiteStore(path: StoreLocation.find(explicit: directory)).check().isEmpty)
    }
}
