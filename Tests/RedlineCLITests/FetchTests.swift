import Foundation
import Redline
import RedlineFetch
import RedlineZlib
import Testing

/// `redline snapshot URL` against a server on 127.0.0.1 that the test starts: pages that change
/// between requests, redirects, 304s, errors, slow and huge answers, gzip, non-HTML.
@Suite("Fetching pages", .serialized)
struct FetchTests {
    let cli = CLITests()

    final class Site: @unchecked Sendable {
        // @unchecked: `toll` is guarded by `lock`.
        let lock = NSLock()
        var toll = 14
        func page() -> [UInt8] {
            lock.lock()
            defer { lock.unlock() }
            let paragraphs = [
                "The number of people killed in the floods rose to \(toll) on Tuesday, officials said, as rescuers reached villages.",
                "Governor Ellen Park said 2,300 homes had been damaged and that the state would ask for federal aid next week.",
            ]
            return Array(
                WARCWriter.page(
                    headline: "Flood toll rises to \(toll)", paragraphs: paragraphs, url: "https://news.example/flood"
                ).utf8)
        }
    }

    /// 16 MiB of spaces in about 16 KB: a ratio over 1,000.
    static let bomb = (try? Zlib.deflate([UInt8](repeating: 0x20, count: 16 << 20), format: .gzip)) ?? []

    /// 1.5 MiB of varied letters: gzip shrinks them less than 2 times, well under the ratio
    /// limit, but they are over a 1 MiB --max-size once decompressed.
    static let bigGzip: [UInt8] = {
        var state: UInt32 = 7
        let text = (0..<(3 << 19)).map { _ -> UInt8 in
            state = state &* 1_103_515_245 &+ 12_345
            return UInt8(97 + (state >> 16) % 26)
        }
        return (try? Zlib.deflate(text, format: .gzip)) ?? []
    }()

    func server(_ site: Site) throws -> TestHTTPServer {
        try TestHTTPServer { request in
            switch request.path {
            case "/flood":
                let body = site.page()
                let etag = "\"\(body.count)-\(body.reduce(0) { ($0 &* 31) &+ Int($1) })\""
                if request.headers["if-none-match"] == etag { return .init(status: 304, headers: [], body: []) }
                return .init(headers: [("Content-Type", "text/html; charset=utf-8"), ("ETag", etag)], body: body)
            case "/old-address":
                return .init(status: 301, headers: [("Location", "/flood")], body: [])
            case "/gzip":
                let body = (try? Zlib.deflate(site.page(), format: .gzip)) ?? []
                return .init(headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], body: body)
            case "/broken": return .init(status: 500, body: Array("oops".utf8))
            case "/missing": return .init(status: 404, body: Array("not here".utf8))
            case "/image": return .init(headers: [("Content-Type", "image/png")], body: [0x89, 0x50, 0x4E, 0x47])
            case "/slow": return .init(body: site.page(), delay: 3)
            case "/huge": return .init(body: [UInt8](repeating: 0x61, count: 3 << 20))
            case "/br":
                return .init(headers: [("Content-Type", "text/html"), ("Content-Encoding", "br")], body: site.page())
            case "/cut-short": return .init(body: Array(site.page().prefix(500)), declaredLength: 5000)
            case "/trickle": return .init(body: site.page(), trickle: (bytes: 5, every: 0.5))
            case "/no-article":
                return .init(
                    body: Array("<html><head><title>Home</title></head><body><nav>Home</nav></body></html>".utf8))
            case "/to-metadata":
                return .init(status: 302, headers: [("Location", "http://169.254.169.254/latest/meta-data/")], body: [])
            case "/to-file": return .init(status: 302, headers: [("Location", "file:///etc/passwd")], body: [])
            case "/loop": return .init(status: 302, headers: [("Location", "/loop2")], body: [])
            case "/loop2": return .init(status: 302, headers: [("Location", "/loop")], body: [])
            case let path where path.hasPrefix("/hop/"):
                let next = (Int(path.dropFirst(5)) ?? 0) + 1
                return .init(status: 301, headers: [("Location", "/hop/\(next)")], body: [])
            case "/bomb":
                return .init(headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], body: Self.bomb)
            case "/big-gzip":
                return .init(
                    headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], body: Self.bigGzip)
            default: return .init(status: 404)
            }
        }
    }

    @Test("A page that changes between requests: added, then 304 adds nothing, then the edit is a new revision")
    func changingPage() throws {
        let site = Site()
        let server = try server(site)
        let directory = try cli.newStore("fetch")
        let url = server.url("/flood")
        let first = try cli.run(["snapshot", url, "--store", directory])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(
            first.stdout.hasSuffix("@1: added, \(first.stdout.split(separator: " ")[2]) bytes\n")
                || first.stdout.contains("@1: added"))
        let second = try cli.run(["snapshot", url, "--store", directory])
        #expect(second.stdout.contains("not modified (304), nothing added"))
        #expect(server.requests.last?.headers["if-none-match"] != nil)
        #expect(server.requests.last?.headers["user-agent"]?.hasPrefix("Redline/") == true)
        site.lock.lock()
        site.toll = 19
        site.lock.unlock()
        let third = try cli.run(["snapshot", url, "--store", directory])
        #expect(third.stdout.contains("@2: added"))
        let diff = try cli.run(["diff", "\(url)@1", "\(url)@2", "--store", directory, "--color", "never"])
        #expect(diff.status == 1)
        #expect(diff.stdout.contains("[-14-]{+19+}"))
    }

    @Test("Redirects are followed and the final URL reported; gzip answers are decompressed")
    func redirectsAndGzip() throws {
        let server = try server(Site())
        let directory = try cli.newStore("fetch")
        let moved = try cli.run(["snapshot", server.url("/old-address"), "--store", directory])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout.contains("(from \(server.url("/flood")))"))
        let gzip = try cli.run(["snapshot", server.url("/gzip"), "--store", directory])
        #expect(gzip.status == 0, "\(gzip.stderr)")
        let shown = try cli.run(["show", server.url("/gzip"), "--store", directory])
        #expect(shown.stdout.contains("rose to 14 on Tuesday"))
    }

    @Test("Errors, non-HTML, slow and huge answers: exit 2 with the reason, nothing stored")
    func refusals() throws {
        let server = try server(Site())
        let directory = try cli.newStore("fetch")
        let cases: [(String, [String], String)] = [
            ("/broken", [], "answered 500"),
            ("/missing", [], "answered 404"),
            ("/image", [], "not a web page (image/png)"),
            ("/slow", ["--timeout", "1"], "no complete answer within 1 s"),
            ("/huge", ["--max-size", "1"], "larger than the 1 MiB limit"),
            ("/to-file", [], "redirected to file:///etc/passwd, which is not an http or https URL"),
            ("/loop", [], "redirects in a loop (http://127.0.0.1:"),
            ("/hop/1", [], "too many redirects (more than 10)"),
            ("/bomb", [], "refused as a decompression bomb"),
            ("/big-gzip", ["--max-size", "1"], "larger than the 1 MiB limit"),
            ("/to-metadata", [], "refused: 169.254.169.254 is a link-local address"),
            ("/br", [], "encoded as 'br', which Redline did not ask for and cannot decode"),
            ("/cut-short", [], "closed the connection before the answer was complete"),
            ("/no-article", [], "no article text found in the page"),
        ]
        for (path, options, message) in cases {
            let result = try cli.run(["snapshot", server.url(path), "--store", directory] + options)
            #expect(result.status == 2, "\(path)")
            #expect(result.stderr.contains(message), "\(path): \(result.stderr)")
        }
        let store = try SQLiteStore(path: StoreLocation.find(explicit: directory))
        #expect(try store.statistics().revisions == 0)
        // A server that trickles 5 bytes every half second: --timeout bounds the whole transfer.
        let slowStart = Date()
        let trickled = try cli.run(["snapshot", server.url("/trickle"), "--timeout", "2", "--store", directory])
        #expect(trickled.status == 2)
        #expect(trickled.stderr.contains("no complete answer within 2 s"), "\(trickled.stderr)")
        #expect(Date().timeIntervalSince(slowStart) < 6)
        // Nobody listens on port 9 of the loopback: the system's reason at once (no retries until
        // the 30 s deadline), and what to do.
        let started = Date()
        let refused = try cli.run(["snapshot", "http://127.0.0.1:9/story", "--store", directory])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("Connection refused. Check the address and the network."), "\(refused.stderr)")
    }

    @Test("Politeness: one request at a time to a host, and the minimum delay between their starts")
    func politeness() async throws {
        let starts = Starts()
        let server = try TestHTTPServer { _ in
            starts.record()
            return .init(
                body: Array(
                    "<html><body><p>A page long enough to be an article about the weather today.</p></body></html>".utf8
                ), delay: 0.2)
        }
        let fetcher = PageFetcher(timeout: 10, connectionsPerHost: 1, hostDelay: 0.5)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<3 {
                group.addTask { _ = try await fetcher.fetch(FetchRequest(url: URL(string: server.url("/p\(index)"))!)) }
            }
            try await group.waitForAll()
        }
        let times = starts.times.sorted()
        #expect(times.count == 3)
        // Never two at once: each answer takes 0.2 s. The starts are seen by the server, after a
        // connection's set-up, so the 0.5 s between the client's starts shows over the whole run.
        for (earlier, later) in zip(times, times.dropFirst()) {
            #expect(later.timeIntervalSince(earlier) >= 0.19, "\(times)")
        }
        if let first = times.first, let last = times.last {
            #expect(last.timeIntervalSince(first) >= 0.8, "\(times)")
        }
    }

    final class Starts: @unchecked Sendable {
        // @unchecked: guarded by `lock`.
        private let lock = NSLock()
        private var list: [Date] = []
        func record() {
            lock.lock()
            list.append(Date())
            lock.unlock()
        }
        var times: [Date] {
            lock.lock()
            defer { lock.unlock() }
            return list
        }
    }
}
