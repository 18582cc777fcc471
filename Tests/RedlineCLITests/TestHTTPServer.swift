import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for the tests: one thread per connection, one request
/// per connection, answers from a handler the test supplies. No test touches the internet.
final class TestHTTPServer: @unchecked Sendable {
    // @unchecked: `handler` is set once before `start`; `requests` is guarded by `lock`.
    struct Request {
        var method: String
        var path: String
        var headers: [String: String]
        var body: [UInt8] = []
    }

    struct Response {
        var status: Int = 200
        var headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")]
        var body: [UInt8] = []
        /// Seconds to wait before answering.
        var delay: Double = 0
    }

    let port: UInt16
    private let socket: Int32
    private let handler: @Sendable (Request) -> Response
    private let lock = NSLock()
    private var log: [Request] = []

    var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return log
    }

    init(handler: @escaping @Sendable (Request) -> Response) throws {
        self.handler = handler
        (socket, port) = try Self.listen()
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// A listening socket on 127.0.0.1 and the port the kernel chose.
    private static func listen() throws -> (Int32, UInt16) {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, Glibc.listen(fd, 64) == 0 else { throw POSIXError(.EADDRINUSE) }
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    deinit { close(socket) }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    private func acceptLoop() {
        while true {
            let client = accept(socket, nil, nil)
            guard client >= 0 else { return }
            Thread { [self] in serve(client) }.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 8192)
        while !data.contains(subsequence: [13, 10, 13, 10]) {
            let n = recv(client, &chunk, chunk.count, 0)
            if n <= 0 { return }
            data += chunk[0..<n]
        }
        let head = String(decoding: data, as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2 else { return }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        // The body, when there is one (webhook POSTs).
        let headEnd = (0...(data.count - 4)).first { data[$0..<$0 + 4].elementsEqual([13, 10, 13, 10]) } ?? data.count
        var body = Array(data[min(data.count, headEnd + 4)...])
        let expected = Int(headers["content-length"] ?? "") ?? 0
        while body.count < expected {
            let n = recv(client, &chunk, chunk.count, 0)
            if n <= 0 { break }
            body += chunk[0..<n]
        }
        let request = Request(method: String(parts[0]), path: String(parts[1]), headers: headers, body: body)
        lock.lock()
        log.append(request)
        lock.unlock()
        let response = handler(request)
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        var text = "HTTP/1.1 \(response.status) \(response.status == 200 ? "OK" : "Status")\r\n"
        for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        let bytes = Array(text.utf8) + response.body
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
    }
}

extension Array where Element == UInt8 {
    func contains(subsequence: [UInt8]) -> Bool {
        guard count >= subsequence.count else { return false }
        for start in 0...(count - subsequence.count)
        where self[start..<start + subsequence.count].elementsEqual(subsequence) {
            return true
        }
        return false
    }
}
