import Foundation
import RedlineSystem
import Testing

@testable import RedlineStore

/// `import --jsonl` streams: the dump is read in chunks, never whole.
@Suite("Streaming dump import")
struct DumpStreamingTests {
    func file(_ bytes: [UInt8]) throws -> FileDescriptor {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dump-\(UUID().uuidString).jsonl").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try FileDescriptor.open(path, for: .reading)
    }

    @Test("Lines across chunk boundaries, blank lines, CRLF and a last line without a break", arguments: [1, 3, 7, 64])
    func lines(chunk: Int) throws {
        let text = "first line\n\n  \nsecond, a little longer than the chunk\r\nthird\n\nlast without a break"
        let descriptor = try file(Array(text.utf8))
        defer { try? descriptor.close() }
        var lines = DumpLines(descriptor, chunk: chunk)
        var read: [String] = []
        var number = 0
        while let line = try lines.next(number: number) {
            number += 1
            read.append(String(decoding: line, as: UTF8.self))
        }
        #expect(
            read == ["first line", "second, a little longer than the chunk\r", "third", "last without a break"])
        #expect(lines.bytesRead == Int64(text.utf8.count))
    }

    @Test("A dump loaded from a file equals the same dump loaded from a string; progress follows the bytes")
    func loadFromFile() throws {
        let lines = (1...40).map { n in
            Dump.line(
                article: "story-\(n % 3)", revision: n / 3 + 1, capturedAt: Date(timeIntervalSince1970: Double(n)),
                text: "The toll rose to \(n) on day \(n), officials said.\n")
        }
        let dump = lines.joined(separator: "\n") + "\n"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("redline-\(UUID().uuidString)")
        let fromFile = try SQLiteStore.create(in: directory.appendingPathComponent("a/.redline").path)
        let fromString = try SQLiteStore.create(in: directory.appendingPathComponent("b/.redline").path)
        let descriptor = try file(Array(dump.utf8))
        defer { try? descriptor.close() }
        var reports: [Int64] = []
        let counts = try Dump.load(
            reading: descriptor, into: fromFile, batch: 7, progress: { bytes, _ in reports.append(bytes) })
        #expect(counts == (try Dump.load(dump, into: fromString, batch: 7)))
        #expect(counts.added == 40)
        #expect(reports.count == 6 && reports.last == Int64(dump.utf8.count), "\(reports)")
        var a: [String] = []
        var b: [String] = []
        try Dump.export(fromFile) { a.append($0) }
        try Dump.export(fromString) { b.append($0) }
        #expect(a == b && !a.isEmpty)
        // A damaged line is reported with its number; the batches before it stay.
        let damaged = try file(Array((lines[0] + "\n{not json}\n").utf8))
        defer { try? damaged.close() }
        let store = try SQLiteStore.create(in: directory.appendingPathComponent("c/.redline").path)
        #expect {
            try Dump.load(reading: damaged, into: store, batch: 1)
        } throws: { error in
            "\(error)".contains("line 2 of the dump")
        }
        #expect(try store.statistics().revisions == 1)
    }
}
