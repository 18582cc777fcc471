import Foundation
import Redline
import RedlineFeeds
import Testing

/// Every input the fuzzers ever crashed on (`Tests/Fuzz/Regressions/TARGET/`) goes through the
/// same code as its fuzz target in the ordinary test run, so a fixed crash cannot come back.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static func inputs(_ target: String) throws -> [Data] {
        let folder = CLITests.root.appendingPathComponent("Tests/Fuzz/Regressions/\(target)")
        // Git keeps no empty folder: a target that never crashed has none.
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? []
        return try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
    }

    @Test("HTTP responses: a chunk-size line cut off by the end of the body (found by fuzz-http)")
    func http() throws {
        let crashing = try Self.inputs("fuzz-http")
        #expect(!crashing.isEmpty)
        for input in crashing { _ = try? HTTPResponse.parse(Array(input), limit: 1 << 20) }
        // The chunks that arrived are kept; a size line with no data after it ends the body.
        for tail in ["5", "5\r", "5;ext=1", "0"] {
            let response = Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n\(tail)".utf8)
            #expect(try HTTPResponse.parse(response).body == Array("abc".utf8), "tail \(tail)")
        }
    }

    @Test("WARC: every record of a damaged archive read without a crash (found by fuzz-warc)")
    func warc() throws {
        let crashing = try Self.inputs("fuzz-warc")
        #expect(!crashing.isEmpty)
        for input in crashing {
            let path = NSTemporaryDirectory() + "redline-regression-\(UUID().uuidString).warc"
            try input.write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let reader = try WARCReader(path: path)
            var records = 0
            for _ in 0..<10_000 {
                do {
                    guard let record = try reader.next(wantsBlock: { _ in true }) else { break }
                    records += 1
                    if let block = record.block { _ = try? HTTPResponse.parse(block) }
                } catch {
                    if case .damagedMember = error.reason { try? reader.recover() }
                }
            }
            #expect(records > 0)
        }
    }

    @Test("Feeds, HTML, Markdown, facts and diff: every kept input replayed")
    func others() throws {
        let base = try #require(URL(string: "https://news.example/feed"))
        for input in try Self.inputs("fuzz-feed") {
            _ = try? Feed.parse(input, baseURL: base)
            _ = FeedList.parse(input)
        }
        for input in try Self.inputs("fuzz-html") {
            _ = try? ArticleReader.read(Array(input), name: "fuzz.html")
        }
        for input in try Self.inputs("fuzz-markdown") {
            _ = try? ArticleReader.read(Array(input), name: "fuzz.md")
        }
        for input in try Self.inputs("fuzz-facts") + Self.inputs("fuzz-diff") {
            let bytes = Array(input)
            let split = bytes.firstIndex(of: 0) ?? bytes.count / 2
            let old = String(decoding: bytes[..<split], as: UTF8.self)
            let new = String(decoding: bytes[min(bytes.count, split + 1)...], as: UTF8.self)
            _ = FactDiff(old: old, new: new).summary.line
            for granularity in Granularity.allCases {
                let diff = Diff(old, new, by: granularity)
                #expect(try diff.script.apply(to: old) == new)
            }
        }
    }
}
