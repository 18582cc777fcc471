import Foundation
import Redline
import RedlineZlib
import Testing

/// WARC archives, written by the tests: the reader on its own, and `redline import` into a store.
@Suite("WARC reading and import")
struct WARCImportTests {
    let cli = CLITests()

    static let paragraphs = [
        "The number of people killed in the floods rose to 14 on Tuesday, officials said, as rescuers reached cut-off villages.",
        "Governor Ellen Park said 2,300 homes had been damaged and that the state would ask for federal aid next week.",
        "Another 50 millimetres of rain could fall by Thursday, the weather service said, warning residents to be ready.",
    ]

    static func edited(_ toll: Int) -> [String] {
        var copy = paragraphs
        copy[0] = copy[0].replacingOccurrences(of: "14", with: "\(toll)")
        return copy
    }

    @Test(
        "The reader: every record of a plain and of a gzip file, with types, URIs, dates and offsets",
        arguments: [false, true])
    func reader(gzip: Bool) throws {
        var writer = WARCWriter()
        writer.record(
            type: "warcinfo", uri: nil, date: "2026-11-24T10:00:00Z", contentType: "application/warc-fields",
            block: Array("software: test\r\n".utf8))
        writer.request(uri: "https://news.example/a", date: "2026-11-24T10:00:01Z")
        try writer.response(uri: "https://news.example/a", date: "2026-11-24T10:00:01Z", body: "<p>hello</p>")
        writer.revisit(uri: "https://news.example/a", date: "2026-11-24T11:00:00Z")
        let path = (try cli.temporaryDirectory("warc") as NSString).appendingPathComponent(
            gzip ? "a.warc.gz" : "a.warc")
        let bytes = try writer.bytes(gzip: gzip)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let reader = try WARCReader(path: path)
        var records: [WARCRecord] = []
        while let record = try reader.next(wantsBlock: { $0.type == "response" }) { records.append(record) }
        #expect(records.map(\.type) == ["warcinfo", "request", "response", "revisit"])
        #expect(records[2].targetURI == "https://news.example/a")
        #expect(records[2].date == "2026-11-24T10:00:01Z")
        #expect(records[2].block.map { String(decoding: $0, as: UTF8.self).hasSuffix("<p>hello</p>") } == true)
        #expect(records[1].block == nil)
        // Offsets: the record's own start in a plain file, its gzip member's start in a .gz.
        var expected: [Int64] = []
        var offset: Int64 = 0
        for record in writer.records {
            expected.append(offset)
            offset += Int64(gzip ? try Zlib.deflate(record, format: .gzip).count : record.count)
        }
        #expect(records.map(\.offset) == expected)
        #expect(reader.bytesDecoded == Int64(writer.records.reduce(0) { $0 + $1.count }))
    }

    @Test("HTTP bodies in chunked transfer coding and gzip content coding are decoded")
    func httpCodings() throws {
        var writer = WARCWriter()
        let page = WARCWriter.page(
            headline: "Flood toll rises", paragraphs: Self.paragraphs, url: "https://news.example/flood")
        try writer.response(
            uri: "https://news.example/flood", date: "2026-11-24T10:00:00Z", body: page, gzip: true, chunked: true)
        let record = try #require(writer.records.first)
        let blockStart = try #require(String(decoding: record, as: UTF8.self).range(of: "\r\n\r\nHTTP/1.1"))
        let offset =
            String(decoding: record, as: UTF8.self).utf8.distance(
                from: String(decoding: record, as: UTF8.self).startIndex, to: blockStart.lowerBound) + 4
        let block = Array(record[offset..<(record.count - 4)])
        let response = try HTTPResponse.parse(block)
        #expect(response.status == 200)
        #expect(response.mediaType == "text/html")
        #expect(String(decoding: response.body, as: UTF8.self) == page)
    }

    @Test("Import: captures grouped by canonical URI, ordered by WARC-Date, revisits and repeats add nothing")
    func importOrdered() throws {
        let dir = try cli.temporaryDirectory("warc")
        #expect(try cli.run(["init", dir]).status == 0)
        var writer = WARCWriter()
        let url = "https://news.example/flood"
        // Out of date order in the file; one with tracking parameters (same article); a repeat; a revisit.
        try writer.response(
            uri: url + "?utm_source=rss", date: "2026-11-24T12:00:00Z",
            body: WARCWriter.page(headline: "Flood toll rises to 17", paragraphs: Self.edited(17), url: url))
        try writer.response(
            uri: url, date: "2026-11-24T10:00:00Z",
            body: WARCWriter.page(headline: "Flood toll rises to 14", paragraphs: Self.paragraphs, url: url))
        try writer.response(
            uri: url, date: "2026-11-24T11:00:00Z",
            body: WARCWriter.page(headline: "Flood toll rises to 14", paragraphs: Self.paragraphs, url: url), gzip: true
        )
        writer.revisit(uri: url, date: "2026-11-24T13:00:00Z")
        try writer.response(
            uri: "https://news.example/other", date: "2026-11-24T10:30:00Z",
            body: WARCWriter.page(
                headline: "Bridge to reopen", paragraphs: Self.paragraphs.reversed(), url: "https://news.example/other")
        )
        let path = (dir as NSString).appendingPathComponent("crawl.warc.gz")
        try Data(try writer.bytes(gzip: true)).write(to: URL(fileURLWithPath: path))

        let result = try cli.run(["import", path, "--store", dir])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("imported 3 revisions of 2 articles from 5 records"))
        #expect(result.stdout.contains("1 revisits"))
        let store = try SQLiteStore(path: StoreLocation.find(explicit: dir))
        let revisions = try store.revisions(of: ArticleKey(url))
        #expect(revisions.count == 2)
        // 2026-11-24T10:00:00Z and 12:00:00Z.
        #expect(revisions.map { Int($0.capturedAt.timeIntervalSince1970) } == [1_795_514_400, 1_795_521_600])
        #expect(revisions.last?.metadata.headline == "Flood toll rises to 17")
        let (_, text) = try store.text(of: ArticleKey(url), .number(2))
        #expect(String(decoding: text, as: UTF8.self).contains("rose to 17 on Tuesday"))
        // Importing the same archive again adds nothing.
        let again = try cli.run(["import", path, "--store", dir])
        #expect(again.stdout.contains("imported 0 revisions"))
    }

    @Test(
        "Damage: a truncated gzip member, a bad record header and a non-HTML record are reported with offsets; the rest imports; exit 1"
    )
    func damaged() throws {
        let dir = try cli.temporaryDirectory("warc")
        #expect(try cli.run(["init", dir]).status == 0)
        let url = "https://news.example/flood"
        var good = WARCWriter()
        try good.response(
            uri: url, date: "2026-11-24T10:00:00Z",
            body: WARCWriter.page(headline: "Flood toll rises to 14", paragraphs: Self.paragraphs, url: url))
        try good.response(
            uri: url, date: "2026-11-24T12:00:00Z",
            body: WARCWriter.page(headline: "Flood toll rises to 19", paragraphs: Self.edited(19), url: url))
        try good.response(
            uri: "https://news.example/logo.png", date: "2026-11-24T12:00:01Z", body: "PNG...", contentType: "image/png"
        )
        var damagedFile: [UInt8] = []
        var offsets: [Int] = []
        for (index, record) in good.records.enumerated() {
            offsets.append(damagedFile.count)
            let member = try Zlib.deflate(record, format: .gzip)
            damagedFile += member
            if index == 0 {
                // A member cut in half, then a member holding a record with a broken header.
                offsets.append(damagedFile.count)
                let cut = try Zlib.deflate(good.records[1], format: .gzip)
                damagedFile += cut[..<(cut.count / 2)]
                offsets.append(damagedFile.count)
                damagedFile += try Zlib.deflate(Array("WARX/1.1\r\nWARC-Type: response\r\n\r\n".utf8), format: .gzip)
            }
        }
        let path = (dir as NSString).appendingPathComponent("damaged.warc.gz")
        try Data(damagedFile).write(to: URL(fileURLWithPath: path))
        let result = try cli.run(["import", path, "--store", dir])
        #expect(result.status == 1)
        #expect(result.stderr.contains("offset \(offsets[1]): damaged gzip member"), "\(result.stderr)")
        #expect(result.stderr.contains("offset \(offsets[2]): not a WARC record"), "\(result.stderr)")
        #expect(result.stderr.contains("offset \(offsets[4]): not HTML (image/png)"), "\(result.stderr)")
        let store = try SQLiteStore(path: StoreLocation.find(explicit: dir))
        #expect(try store.revisions(of: ArticleKey(url)).count == 2)
    }

    @Test(
        "Resynchronisation: junk before a record, a junk gzip member, a bomb member and a record whose Content-Length runs on lose no good record",
        arguments: ["junk-member", "junk-before", "huge-length", "huge-length-plain", "bomb-member"])
    func resynchronisation(damage: String) throws {
        let dir = try cli.temporaryDirectory("warc")
        #expect(try cli.run(["init", dir]).status == 0)
        var good = WARCWriter()
        for index in 1...3 {
            let url = "https://news.example/story-\(index)"
            try good.response(
                uri: url, date: "2026-11-2\(index)T10:00:00Z",
                body: WARCWriter.page(headline: "Story \(index)", paragraphs: Self.paragraphs, url: url))
        }
        var file: [UInt8]
        var expected = 3
        switch damage {
        case "junk-member":
            // A gzip member of junk with no line break, glued to the first record's member.
            file = try Zlib.deflate(Array("junk".utf8), format: .gzip) + good.bytes(gzip: true)
        case "junk-before":
            // 100 bytes of junk directly before `WARC/1.1` in a plain file.
            file = [UInt8](repeating: 0x78, count: 100) + (try good.bytes(gzip: false))
        case "huge-length", "huge-length-plain":
            // The first record claims 10^15 bytes: it is damaged, the two after it are not lost
            // (in a gzip file, found at the next member; in a plain one, at the next `WARC/` line).
            var first = good.records[0]
            let header = String(decoding: first.prefix(400), as: UTF8.self)
            let length = try #require(header.range(of: #"Content-Length: \d+"#, options: .regularExpression))
            let old = String(header[length])
            first = Array(
                String(decoding: first, as: UTF8.self).replacingOccurrences(
                    of: old, with: "Content-Length: 1000000000000000", options: [], range: nil
                ).utf8)
            if damage == "huge-length" {
                file = try Zlib.deflate(first, format: .gzip)
                for record in good.records.dropFirst() { file += try Zlib.deflate(record, format: .gzip) }
            } else {
                file = first + good.records.dropFirst().flatMap { $0 }
            }
            expected = 2
        default:
            // A member that inflates to 16 MiB of NULs, then the three records.
            file = try Zlib.deflate([UInt8](repeating: 0, count: 16 << 20), format: .gzip) + good.bytes(gzip: true)
        }
        let path = (dir as NSString).appendingPathComponent(
            "damaged-\(damage).warc\(["junk-before", "huge-length-plain"].contains(damage) ? "" : ".gz")")
        try Data(file).write(to: URL(fileURLWithPath: path))
        let result = try cli.run(["import", path, "--store", dir])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("at offset 0:"), "\(result.stderr)")
        let store = try SQLiteStore(path: StoreLocation.find(explicit: dir))
        #expect(try store.articles().count == expected, "\(damage): \(result.stderr)")
    }
}
