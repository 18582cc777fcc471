import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What to fetch, with what the last fetch of it returned (for a conditional GET).
public struct FetchRequest: Sendable {
    public var url: URL
    /// `ETag` of the last response: sent as `If-None-Match`.
    public var etag: String?
    /// `Last-Modified` of the last response: sent as `If-Modified-Since`.
    public var lastModified: String?
    /// What is expected: a web page, or a feed (RSS, Atom, XML).
    public var kind: Kind

    public enum Kind: Sendable {
        case page
        case feed
    }

    public init(url: URL, etag: String? = nil, lastModified: String? = nil, kind: Kind = .page) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.kind = kind
    }
}

/// A page as fetched.
public struct FetchedPage: Sendable {
    /// The URL after redirects.
    public var finalURL: URL
    public var status: Int
    /// The `Content-Type` header (media type and charset).
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    /// The body, decompressed.
    public var body: [UInt8]
}

/// How a fetch ended when it did not bring a new page.
public enum FetchOutcome: Sendable {
    /// A page (status 2xx, HTML).
    case page(FetchedPage)
    /// `304 Not Modified` to a conditional GET: nothing new.
    case notModified(finalURL: URL)
}

/// Why a fetch brought nothing to store, said so that the user knows what to do.
public struct FetchError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// A 4xx or 5xx answer.
        case status(Int)
        /// Not a web page (`image/png`, `application/pdf`…).
        case notHTML(String)
        /// The body is larger than the limit.
        case tooLarge(limit: Int)
        case timedOut(seconds: Double)
        case tooManyRedirects
        /// DNS, connection, TLS…
        case network(String)
        /// Not an http or https URL.
        case unsupportedURL
    }

    public let reason: Reason
    public let url: String

    public var description: String {
        switch reason {
        case .status(let code):
            "\(url): the server answered \(code) \(HTTPURLResponse.localizedString(forStatusCode: code)); nothing was stored."
        case .notHTML(let type):
            "\(url): not a web page (\(type)); Redline tracks articles. Nothing was stored."
        case .tooLarge(let limit):
            "\(url): the response is larger than the \(limit >> 20) MiB limit; nothing was stored."
        case .timedOut(let seconds):
            "\(url): no complete answer within \(Int(seconds)) s; try again later or raise --timeout."
        case .tooManyRedirects: "\(url): too many redirects (more than 10)."
        case .network(let message): "\(url): \(message). Check the address and the network."
        case .unsupportedURL: "\(url): only http and https URLs can be fetched."
        }
    }
}

/// Fetches pages over HTTP(S) with URLSession: redirects followed (the final URL kept),
/// conditional GETs, gzip answers decompressed, a time limit and a size limit, non-HTML refused,
/// and politeness per host (at most `connectionsPerHost` requests at once, and `hostDelay`
/// seconds between the starts of two requests to one host).
public final class PageFetcher: Sendable {
    public static let userAgent = "Redline/0.1 (+https://github.com/redline-news/redline; tracks article revisions)"

    public let timeout: Double
    public let sizeLimit: Int
    private let session: URLSession
    private let delegate: FetchDelegate
    private let politeness: HostPoliteness

    public init(
        timeout: Double = 30, sizeLimit: Int = 16 << 20, connectionsPerHost: Int = 2, hostDelay: Double = 1.0,
        userAgent: String = PageFetcher.userAgent
    ) {
        self.timeout = timeout
        self.sizeLimit = sizeLimit
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpMaximumConnectionsPerHost = connectionsPerHost
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpAdditionalHeaders = [
            "User-Agent": userAgent, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        ]
        delegate = FetchDelegate(sizeLimit: sizeLimit)
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        politeness = HostPoliteness(connectionsPerHost: connectionsPerHost, delay: hostDelay)
    }

    /// POSTs a JSON document (a webhook); the answer's status, or the failure.
    public func post(json: [UInt8], to url: URL) async throws(FetchError) -> Int {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(json)
        let (_, response, failure, _) = await delegate.run(session.dataTask(with: request))
        if let failure { throw FetchError(reason: .network(failure.localizedDescription), url: url.absoluteString) }
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    /// Fetches one page.
    public func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchOutcome {
        let address = request.url.absoluteString
        guard let scheme = request.url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = request.url.host
        else {
            throw FetchError(reason: .unsupportedURL, url: address)
        }
        var urlRequest = URLRequest(
            url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        if let etag = request.etag { urlRequest.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified = request.lastModified {
            urlRequest.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since")
        }
        await politeness.enter(host)
        defer { Task { await politeness.leave(host) } }
        let (data, response, failure, oversized) = await delegate.run(session.dataTask(with: urlRequest))
        if oversized { throw FetchError(reason: .tooLarge(limit: sizeLimit), url: address) }
        if let failure {
            switch failure.code {
            case .timedOut: throw FetchError(reason: .timedOut(seconds: timeout), url: address)
            case .httpTooManyRedirects: throw FetchError(reason: .tooManyRedirects, url: address)
            case .dataLengthExceedsMaximum: throw FetchError(reason: .tooLarge(limit: sizeLimit), url: address)
            default: throw FetchError(reason: .network(failure.localizedDescription), url: address)
            }
        }
        guard let response else { throw FetchError(reason: .network("no answer"), url: address) }
        guard let http = response as? HTTPURLResponse else {
            throw FetchError(reason: .network("not an HTTP answer"), url: address)
        }
        let finalURL = http.url ?? request.url
        if http.statusCode == 304 { return .notModified(finalURL: finalURL) }
        guard (200..<300).contains(http.statusCode) else {
            throw FetchError(reason: .status(http.statusCode), url: address)
        }
        guard data.count <= sizeLimit else { throw FetchError(reason: .tooLarge(limit: sizeLimit), url: address) }
        let contentType = http.value(forHTTPHeaderField: "Content-Type")
        let mediaType = contentType?.split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        let acceptable =
            switch request.kind {
            case .page: { (type: String) in type.contains("html") || type == "text/plain" }
            case .feed:
                { (type: String) in
                    type.contains("xml") || type.contains("rss") || type.contains("atom") || type.hasPrefix("text/")
                }
            }
        if let mediaType, !acceptable(mediaType) {
            throw FetchError(reason: .notHTML(mediaType), url: address)
        }
        return .page(
            FetchedPage(
                finalURL: finalURL, status: http.statusCode, contentType: contentType,
                etag: http.value(forHTTPHeaderField: "ETag"),
                lastModified: http.value(forHTTPHeaderField: "Last-Modified"),
                body: [UInt8](data)))
    }
}

/// Collects each task's body, cancelling it as soon as it passes the size limit (announced by
/// `Content-Length` or counted as it arrives), and hands the result to the waiting fetch.
final class FetchDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `lock`.
    private let lock = NSLock()
    private let sizeLimit: Int
    private var bodies: [Int: Data] = [:]
    private var waiting: [Int: CheckedContinuation<(Data, URLResponse?, URLError?, Bool), Never>] = [:]
    private var oversized: Set<Int> = []

    init(sizeLimit: Int) {
        self.sizeLimit = sizeLimit
    }

    /// Runs a task: its body, response, failure, and whether it was cut off for size.
    func run(_ task: URLSessionDataTask) async -> (Data, URLResponse?, URLError?, Bool) {
        await withCheckedContinuation { continuation in
            lock.lock()
            waiting[task.taskIdentifier] = continuation
            bodies[task.taskIdentifier] = Data()
            lock.unlock()
            task.resume()
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        if response.expectedContentLength > Int64(sizeLimit) {
            lock.lock()
            oversized.insert(dataTask.taskIdentifier)
            lock.unlock()
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock()
        bodies[dataTask.taskIdentifier, default: Data()].append(data)
        let tooBig = (bodies[dataTask.taskIdentifier]?.count ?? 0) > sizeLimit
        if tooBig {
            oversized.insert(dataTask.taskIdentifier)
            bodies[dataTask.taskIdentifier] = Data()
        }
        lock.unlock()
        if tooBig { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        lock.lock()
        let body = bodies.removeValue(forKey: task.taskIdentifier) ?? Data()
        let continuation = waiting.removeValue(forKey: task.taskIdentifier)
        let failure = error.map { ($0 as? URLError) ?? URLError(.unknown) }
        let cutOff = oversized.remove(task.taskIdentifier) != nil
        lock.unlock()
        continuation?.resume(returning: (body, task.response, failure, cutOff))
    }
}

/// At most N requests at once to a host, and a minimum delay between the starts of two.
actor HostPoliteness {
    let connectionsPerHost: Int
    let delay: Double
    private var active: [String: Int] = [:]
    private var lastStart: [String: ContinuousClock.Instant] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    init(connectionsPerHost: Int, delay: Double) {
        self.connectionsPerHost = max(1, connectionsPerHost)
        self.delay = delay
    }

    func enter(_ host: String) async {
        while active[host, default: 0] >= connectionsPerHost {
            await withCheckedContinuation { waiting[host, default: []].append($0) }
        }
        active[host, default: 0] += 1
        if let last = lastStart[host] {
            let wait = Duration.seconds(delay) - (ContinuousClock.now - last)
            if wait > .zero {
                lastStart[host] = ContinuousClock.now + wait
                try? await Task.sleep(for: wait)
                return
            }
        }
        lastStart[host] = ContinuousClock.now
    }

    func leave(_ host: String) {
        active[host, default: 1] -= 1
        if var queue = waiting[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[host] = queue
            next.resume()
        }
    }
}
