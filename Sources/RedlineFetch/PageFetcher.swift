import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix
import RedlineSystem

/// Fetches pages over HTTP(S) with AsyncHTTPClient (SwiftNIO; no libcurl): redirects followed
/// to http and https only (the final URL kept), conditional GETs, gzip and deflate answers
/// decompressed under a ratio limit, the body streamed under a size limit, one deadline for the
/// whole exchange, non-HTML refused, and politeness per host (a connection pool of at most
/// `connectionsPerHost`, at most that many requests at once, and `hostDelay` seconds between the
/// starts of two requests to one host).
///
/// Call ``shutdown()`` when done; a fetcher dropped without it shuts its client down in the
/// background.
public final class PageFetcher: Sendable {
    /// The `User-Agent` sent unless another is given.
    public static let userAgent = "Redline/0.1 (+https://github.com/redline-news/redline; tracks article revisions)"
    /// The largest expansion a compressed answer may have (a larger one is a decompression bomb).
    public static let decompressionRatio = 200

    /// Seconds for the whole exchange: connection, redirects, headers and body.
    public let timeout: Double
    /// The largest body accepted, in bytes, after decompression.
    public let sizeLimit: Int
    private let client: HTTPClient
    private let userAgent: String
    private let politeness: HostPoliteness
    private let logger: Logger
    /// Whether link-local destinations (169.254.0.0/16, fe80::/10) may be fetched.
    public let allowsLinkLocal: Bool
    /// The most redirects followed for one fetch.
    public static let maximumRedirects = 10

    /// A fetcher with its own connection pool.
    /// - Parameters:
    ///   - timeout: Seconds for a whole exchange.
    ///   - sizeLimit: The largest body accepted, in bytes, after decompression.
    ///   - connectionsPerHost: At most this many connections and requests at once to one host.
    ///   - hostDelay: Seconds between the starts of two requests to one host.
    ///   - userAgent: The `User-Agent` header.
    ///   - allowLinkLocal: Fetch link-local addresses too (cloud metadata services live there: refused
    ///     by default, whether named by a feed, a redirect or a host name that resolves there).
    ///   - logger: Where each request's outcome is logged (at debug level: `GET URL: 200, 4821 bytes in 12 ms`).
    public init(
        timeout: Double = 30, sizeLimit: Int = 16 << 20, connectionsPerHost: Int = 2, hostDelay: Double = 1.0,
        userAgent: String = PageFetcher.userAgent, allowLinkLocal: Bool = false,
        logger: Logger = Logger(label: "redline.fetch")
    ) {
        self.allowsLinkLocal = allowLinkLocal
        self.timeout = timeout
        self.sizeLimit = sizeLimit
        self.userAgent = userAgent
        self.logger = logger
        let perHost = max(1, connectionsPerHost)
        var configuration = HTTPClient.Configuration(
            // Redirects are followed here, hop by hop, so that each target is checked (scheme, link-local).
            redirectConfiguration: .disallow,
            timeout: .init(connect: Self.amount(min(timeout, 15)), read: Self.amount(timeout)),
            connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: perHost),
            ignoreUncleanSSLShutdown: false,
            decompression: .enabled(limit: .ratio(Self.decompressionRatio)))
        configuration.httpVersion = .automatic
        // A refused or failed connection is reported at once (AsyncHTTPClient would retry until the
        // deadline): `snapshot` says why straight away, and `watch` tries again on its next pass.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        politeness = HostPoliteness(connectionsPerHost: perHost, delay: hostDelay)
    }

    deinit {
        client.shutdown { _ in }
    }

    /// Closes the connections and waits for the client to stop.
    public func shutdown() async {
        try? await client.shutdown()
    }

    /// POSTs a JSON document (a webhook); the answer's status, or the failure.
    public func post(json: [UInt8], to url: URL) async throws(FetchError) -> Int {
        do {
            try checkDestination(url, address: url.absoluteString)
        } catch {
            throw (error as? FetchError) ?? FetchError(reason: .network("\(error)"), url: url.absoluteString)
        }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "User-Agent", value: userAgent)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: json))
        do {
            let response = try await client.execute(request, timeout: Self.amount(timeout))
            return Int(response.status.code)
        } catch {
            throw FetchError(reason: reason(for: error), url: url.absoluteString)
        }
    }

    /// Fetches one page.
    public func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchOutcome {
        let address = request.url.absoluteString
        guard let scheme = request.url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = request.url.host, !host.isEmpty
        else {
            throw FetchError(reason: .unsupportedURL, url: address)
        }
        var outgoing = HTTPClientRequest(url: address)
        outgoing.headers.add(name: "User-Agent", value: userAgent)
        outgoing.headers.add(name: "Accept", value: Self.accept(request.kind))
        outgoing.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        if let etag = request.etag { outgoing.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified = request.lastModified {
            outgoing.headers.add(name: "If-Modified-Since", value: lastModified)
        }
        await politeness.enter(host)
        let started = ContinuousClock.now
        do {
            let outcome = try await Self.within(timeout, url: address) { [self, outgoing] in
                try await exchange(outgoing, kind: request.kind, address: address, fallback: request.url)
            }
            await politeness.leave(host)
            logger.debug("GET \(address): \(Self.describe(outcome)) in \(Self.milliseconds(since: started)) ms")
            return outcome
        } catch {
            await politeness.leave(host)
            let failure = (error as? FetchError) ?? FetchError(reason: reason(for: error), url: address)
            logger.debug("GET \(address): failed in \(Self.milliseconds(since: started)) ms: \(failure)")
            throw failure
        }
    }

    /// One fetch: each hop's destination checked, redirects (301, 302, 303, 307, 308) followed to
    /// http and https only, at most ``maximumRedirects`` and never in a loop; then the status
    /// decides, and the body is streamed in under the size limit.
    private func exchange(
        _ first: HTTPClientRequest, kind: FetchRequest.Kind, address: String, fallback: URL
    ) async throws -> FetchOutcome {
        var outgoing = first
        var current = fallback
        var visited: Set<String> = [fallback.absoluteString]
        var chain = [fallback.absoluteString]
        var hops = 0
        while true {
            try checkDestination(current, address: address)
            let response = try await client.execute(outgoing, deadline: .now() + Self.amount(timeout))
            let status = Int(response.status.code)
            if [301, 302, 303, 307, 308].contains(status), let location = response.headers.first(name: "Location") {
                guard let target = URL(string: location, relativeTo: current)?.absoluteURL else {
                    throw FetchError(reason: .unsupportedRedirect(location), url: address)
                }
                guard let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
                    throw FetchError(reason: .unsupportedRedirect(target.absoluteString), url: address)
                }
                hops += 1
                guard visited.insert(target.absoluteString).inserted else {
                    throw FetchError(reason: .redirectLoop(chain + [target.absoluteString]), url: address)
                }
                guard hops <= Self.maximumRedirects else { throw FetchError(reason: .tooManyRedirects, url: address) }
                chain.append(target.absoluteString)
                outgoing.url = target.absoluteString
                current = target
                continue
            }
            return try await page(response, status: status, finalURL: current, kind: kind, address: address)
        }
    }

    /// Refuses a destination that is, or resolves to, a link-local address (unless allowed).
    private func checkDestination(_ url: URL, address: String) throws {
        guard !allowsLinkLocal, let host = url.host, NetworkAddress.isLinkLocal(host) else { return }
        throw FetchError(reason: .linkLocal(host), url: address)
    }

    /// A final answer: 304, an error status, or a page read under the limits.
    private func page(
        _ response: HTTPClientResponse, status: Int, finalURL: URL, kind: FetchRequest.Kind, address: String
    ) async throws -> FetchOutcome {
        if status == 304 { return .notModified(finalURL: finalURL) }
        guard (200..<300).contains(status) else { throw FetchError(reason: .status(status), url: address) }
        let contentType = response.headers.first(name: "Content-Type")
        let mediaType = contentType?.split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        if let mediaType, !Self.acceptable(mediaType, for: kind) {
            throw FetchError(reason: kind == .page ? .notHTML(mediaType) : .notFeed(mediaType), url: address)
        }
        let encoding =
            response.headers.first(name: "Content-Encoding")?.trimmingCharacters(in: .whitespaces)
            .lowercased() ?? ""
        // NIO's decompressor undoes gzip and deflate; anything else would be stored still encoded.
        guard ["", "identity", "gzip", "deflate"].contains(encoding) else {
            throw FetchError(reason: .unsupportedEncoding(encoding), url: address)
        }
        let encoded = !encoding.isEmpty && encoding != "identity"
        if !encoded, let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > sizeLimit {
            throw FetchError(reason: .tooLarge(limit: sizeLimit), url: address)
        }
        var body: [UInt8] = []
        for try await part in response.body {
            guard body.count + part.readableBytes <= sizeLimit else {
                throw FetchError(reason: .tooLarge(limit: sizeLimit), url: address)
            }
            body.append(contentsOf: part.readableBytesView)
        }
        return .page(
            FetchedPage(
                finalURL: finalURL, status: status, contentType: contentType,
                etag: response.headers.first(name: "ETag"),
                lastModified: response.headers.first(name: "Last-Modified"), body: body))
    }

    /// Runs `work`, failing with a time-out once `seconds` have passed: the whole exchange —
    /// connection, redirects, headers and every byte of the body — is bounded, so a server that
    /// trickles a few bytes at a time cannot hold a fetch (or a `watch` pass) longer than that.
    static func within<T: Sendable>(
        _ seconds: Double, url: String, _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int64(max(1, (seconds * 1000).rounded()))))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw FetchError(reason: .timedOut(seconds: seconds), url: url)
            }
            return value
        }
    }

    /// The user's reason for a client or connection error.
    private func reason(for error: any Error) -> FetchError.Reason {
        if let failure = error as? FetchError { return failure.reason }
        if let client = error as? HTTPClientError {
            switch client {
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .tlsHandshakeTimeout,
                .getConnectionFromPoolTimeout:
                return .timedOut(seconds: timeout)
            case .redirectLimitReached, .redirectCycleDetected: return .tooManyRedirects
            case .remoteConnectionClosed:
                return .network("the server closed the connection before the answer was complete")
            case .invalidURL, .emptyHost, .emptyScheme: return .unsupportedURL
            default: return .network(String(describing: client))
            }
        }
        if error is NIOTooManyBytesError { return .tooLarge(limit: sizeLimit) }
        if let parser = error as? HTTPParserError {
            return parser == .invalidEOFState
                ? .network("the server closed the connection before the answer was complete")
                : .network("the server's answer is not valid HTTP (\(parser))")
        }
        if let decompression = error as? NIOHTTPDecompression.DecompressionError {
            return decompression == .limit
                ? .compressionBomb(ratio: Self.decompressionRatio) : .network("the compressed answer is corrupt")
        }
        if error is NIOHTTPDecompression.ExtraDecompressionError {
            return .network("the compressed answer is truncated or corrupt")
        }
        if let connection = error as? NIOConnectionError {
            if connection.dnsAAAAError != nil, connection.dnsAError != nil, connection.connectionErrors.isEmpty {
                return .network("the host name does not resolve")
            }
            return .network(
                "cannot connect: " + (connection.connectionErrors.first.map { Self.text($0.error) } ?? "refused"))
        }
        if let io = error as? IOError { return .network("connection failed: " + Self.text(io)) }
        return .network(String(describing: error))
    }

    /// A socket error as the system says it ("Connection refused"), else NIO's description.
    private static func text(_ error: any Error) -> String {
        guard let io = error as? IOError else { return String(describing: error) }
        return SystemError(code: io.errnoCode).description
    }

    /// The `Accept` header for what is expected.
    private static func accept(_ kind: FetchRequest.Kind) -> String {
        switch kind {
        case .page: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
        case .feed: "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
        }
    }

    /// Whether a media type is what `kind` expects.
    private static func acceptable(_ type: String, for kind: FetchRequest.Kind) -> Bool {
        switch kind {
        case .page: type.contains("html") || type == "text/plain"
        case .feed: type.contains("xml") || type.contains("rss") || type.contains("atom") || type.hasPrefix("text/")
        }
    }

    /// Seconds as NIO's time amount (at least a millisecond).
    private static func amount(_ seconds: Double) -> TimeAmount {
        .milliseconds(Int64(max(1, (seconds * 1000).rounded())))
    }

    /// Whole milliseconds since `start`.
    private static func milliseconds(since start: ContinuousClock.Instant) -> Int64 {
        let elapsed = ContinuousClock.now - start
        return elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
    }

    private static func describe(_ outcome: FetchOutcome) -> String {
        switch outcome {
        case .page(let page): "\(page.status), \(page.body.count) bytes"
        case .notModified: "304 not modified"
        }
    }
}
