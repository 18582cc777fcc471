import RedlineZlib

/// An HTTP response as a WARC `response` record holds it: status, headers, and the body with its
/// transfer coding (chunked) and content coding (gzip, deflate) undone.
public struct HTTPResponse: Sendable {
    /// The status code (200, 404…).
    public var status: Int
    /// Header fields in order, names as sent.
    public var headers: [(name: String, value: String)]
    /// The body, with chunked transfer and content encodings undone.
    public var body: [UInt8]

    /// The first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    /// The media type without parameters, lower-cased (`text/html`).
    public var mediaType: String? {
        header("Content-Type")?.split(separator: ";").first.map { $0.trimmingWhitespace.lowercased() }
    }

    /// Why a response could not be read.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        /// What is wrong with the response.
        public var description: String
    }

    /// Parses a response; `limit` bounds the decoded body.
    public static func parse(_ bytes: [UInt8], limit: Int = 64 << 20) throws(ParseError) -> HTTPResponse {
        // The head ends at the first blank line (CRLF CRLF, or LF LF from sloppy servers).
        var headEnd = -1
        var bodyStart = 0
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A {
                if bytes[index + 1] == 0x0A {
                    headEnd = index
                    bodyStart = index + 2
                    break
                }
                if bytes[index + 1] == 0x0D, index + 2 < bytes.count, bytes[index + 2] == 0x0A {
                    headEnd = index
                    bodyStart = index + 3
                    break
                }
            }
            index += 1
        }
        guard headEnd >= 0 else { throw ParseError(description: "no end to the HTTP header") }
        let head = String(decoding: bytes[0..<headEnd], as: UTF8.self)
        // "\r\n" is one Character in Swift: split on either line ending.
        var lines = head.split { $0 == "\n" || $0 == "\r\n" }
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/") else {
            throw ParseError(description: "not an HTTP response")
        }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]) else {
            throw ParseError(description: "no status code in \(statusLine.prefix(40))")
        }
        lines.removeFirst()
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append(
                (
                    String(line[..<colon]).trimmingWhitespace,
                    String(line[line.index(after: colon)...]).trimmingWhitespace
                ))
        }
        var response = HTTPResponse(status: status, headers: headers, body: Array(bytes[bodyStart...]))
        if response.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            response.body = try dechunk(response.body)
        }
        switch response.header("Content-Encoding")?.lowercased().trimmingWhitespace {
        case nil, "", "identity": break
        case "gzip", "x-gzip":
            do {
                response.body = try Zlib.inflate(response.body, format: .gzip, limit: limit)
            } catch {
                throw ParseError(description: "gzip body: \(error)")
            }
        case "deflate":
            do {
                response.body = try Zlib.inflate(response.body, format: .zlib, limit: limit)
            } catch {
                do {
                    response.body = try Zlib.inflate(response.body, format: .raw, limit: limit)
                } catch {
                    throw ParseError(description: "deflate body: \(error)")
                }
            }
        case let other?:
            throw ParseError(description: "body in an unsupported content coding (\(other))")
        }
        return response
    }

    /// Undoes `Transfer-Encoding: chunked`; a body cut short keeps the chunks that arrived.
    static func dechunk(_ body: [UInt8]) throws(ParseError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var index = 0
        while index < body.count {
            var size = 0
            var digits = 0
            while index < body.count, let value = hexValue(body[index]) {
                size = size * 16 + value
                digits += 1
                index += 1
                guard size <= body.count else { throw ParseError(description: "a chunk size larger than the body") }
            }
            guard digits > 0 else { throw ParseError(description: "a malformed chunk size") }
            while index < body.count, body[index] != 0x0A { index += 1 }  // chunk extensions, CR
            // A size line cut off by the end of the body announces a chunk that never came.
            guard index < body.count, size > 0 else { break }
            index += 1
            let end = min(body.count, index + size)
            output.append(contentsOf: body[index..<end])
            index = end
            while index < body.count, body[index] == 0x0D || body[index] == 0x0A { index += 1 }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: nil
        }
    }
}
