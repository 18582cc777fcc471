import Foundation
import RedlineZlib

/// Writes WARC files for the tests, record by record, plain or one gzip member per record.
struct WARCWriter {
    var records: [[UInt8]] = []

    static func page(headline: String, paragraphs: [String], url: String) -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(headline)</title>
        <link rel="canonical" href="\(url)"></head><body><nav><a href="/">Home</a></nav>
        <article><h1>\(headline)</h1>\(paragraphs.map { "<p>\($0)</p>" }.joined())</article></body></html>
        """
    }

    /// An HTTP response record; `chunked` and `gzip` code the body as a server might have.
    mutating func response(
        uri: String, date: String, body: String, contentType: String = "text/html; charset=utf-8", status: Int = 200,
        gzip: Bool = false, chunked: Bool = false
    ) throws {
        var payload = Array(body.utf8)
        var head = "HTTP/1.1 \(status) OK\r\nContent-Type: \(contentType)\r\n"
        if gzip {
            payload = try Zlib.deflate(payload, format: .gzip)
            head += "Content-Encoding: gzip\r\n"
        }
        if chunked {
            let half = payload.count / 2
            var coded: [UInt8] = []
            for part in [payload[..<half], payload[half...]] {
                coded += Array(String(part.count, radix: 16).utf8) + [13, 10] + part + [13, 10]
            }
            payload = coded + Array("0\r\n\r\n".utf8)
            head += "Transfer-Encoding: chunked\r\n"
        } else {
            head += "Content-Length: \(payload.count)\r\n"
        }
        let block = Array((head + "\r\n").utf8) + payload
        record(type: "response", uri: uri, date: date, contentType: "application/http; msgtype=response", block: block)
    }

    mutating func revisit(uri: String, date: String) {
        record(
            type: "revisit", uri: uri, date: date, contentType: "application/http; msgtype=response",
            block: Array("HTTP/1.1 200 OK\r\n\r\n".utf8))
    }

    mutating func request(uri: String, date: String) {
        record(
            type: "request", uri: uri, date: date, contentType: "application/http; msgtype=request",
            block: Array("GET / HTTP/1.1\r\nHost: example\r\n\r\n".utf8))
    }

    mutating func record(type: String, uri: String?, date: String, contentType: String, block: [UInt8]) {
        var header = "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:\(UUID().uuidString)>\r\n"
        header += "WARC-Date: \(date)\r\n"
        if let uri { header += "WARC-Target-URI: \(uri)\r\n" }
        header += "Content-Type: \(contentType)\r\nContent-Length: \(block.count)\r\n\r\n"
        records.append(Array(header.utf8) + block + Array("\r\n\r\n".utf8))
    }

    /// Raw bytes appended as they are (damage).
    mutating func raw(_ bytes: [UInt8]) {
        records.append(bytes)
    }

    /// The file: plain, or each record its own gzip member.
    func bytes(gzip: Bool) throws -> [UInt8] {
        guard gzip else { return records.flatMap { $0 } }
        return try records.flatMap { try Zlib.deflate($0, format: .gzip) }
    }
}
