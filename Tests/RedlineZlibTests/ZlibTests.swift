import Testing

@testable import RedlineZlib

@Suite("Zlib")
struct ZlibTests {
    let article = Array(
        String(repeating: "The regional government has set aside $5 million for housing. ", count: 200).utf8)

    @Test("Deflate then inflate gives the input back, in every format", arguments: [ZlibFormat.raw, .zlib, .gzip])
    func roundTrip(format: ZlibFormat) throws {
        let compressed = try Zlib.deflate(article, format: format)
        #expect(compressed.count < article.count / 10)
        #expect(try Zlib.inflate(compressed, format: format) == article)
    }

    @Test("Empty input round-trips")
    func empty() throws {
        let compressed = try Zlib.deflate([], format: .raw)
        #expect(try Zlib.inflate(compressed, format: .raw) == [])
    }

    @Test("A preset dictionary (the previous revision) shrinks a similar text, and is needed to read it back")
    func dictionary() throws {
        let previous = Array("Flash floods kill 12 in northern valley as rescuers search for the missing.".utf8)
        let next = Array("Flash floods kill 19 in northern valley as rescuers search for the missing.".utf8)
        let plain = try Zlib.deflate(next, format: .raw)
        let delta = try Zlib.deflate(next, format: .raw, dictionary: previous)
        #expect(delta.count < plain.count / 2)
        #expect(try Zlib.inflate(delta, format: .raw, dictionary: previous) == next)
        #expect(throws: ZlibError.self) { try Zlib.inflate(delta, format: .raw) }
        let zlibDelta = try Zlib.deflate(next, format: .zlib, dictionary: previous)
        #expect(throws: ZlibError(reason: .dictionaryMismatch)) { try Zlib.inflate(zlibDelta, format: .zlib) }
        #expect(try Zlib.inflate(zlibDelta, format: .zlib, dictionary: previous) == next)
    }

    @Test("Truncated data is reported as truncated, not returned short")
    func truncated() throws {
        let compressed = try Zlib.deflate(article, format: .gzip)
        #expect(throws: ZlibError(reason: .truncated)) {
            try Zlib.inflate(Array(compressed.prefix(compressed.count / 2)), format: .gzip)
        }
    }

    @Test("Corrupt data is an error")
    func corrupt() throws {
        var compressed = try Zlib.deflate(article, format: .zlib)
        compressed[0] ^= 0xFF
        #expect(throws: ZlibError.self) { try Zlib.inflate(compressed, format: .zlib) }
    }

    @Test("The output limit stops a decompression bomb")
    func outputLimit() throws {
        let bomb = try Zlib.deflate([UInt8](repeating: 0, count: 10_000_000), format: .raw)
        #expect(bomb.count < 20_000)
        #expect(throws: ZlibError(reason: .outputLimitExceeded(limit: 1_000_000))) {
            try Zlib.inflate(bomb, format: .raw, limit: 1_000_000)
        }
    }
}
