import Foundation

/// What to fetch, with what the last fetch of it returned (for a conditional GET).
public struct FetchRequest: Sendable {
    /// The address (http or https).
    public var url: URL
    /// `ETag` of the last response: sent as `If-None-Match`.
    public var etag: String?
    /// `Last-Modified` of the last response: sent as `If-Modified-Since`.
    public var lastModified: String?
    /// What is expected: a web page, or a feed (RSS, Atom, XML).
    public var kind: Kind

    /// The kinds of document a fetch accepts (others are refused by media type).
    public enum Kind: Sendable {
        /// HTML or plain text.
        case page
        /// RSS, Atom or other XML.
        case feed
    }

    /// A request for `url`, conditional when `etag` or `lastModified` is given.
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
    /// The HTTP status (2xx).
    public var status: Int
    /// The `Content-Type` header (media type and charset).
    public var contentType: String?
    /// The `ETag` header, kept for the next conditional GET.
    public var etag: String?
    /// The `Last-Modified` header, kept for the next conditional GET.
    public var lastModified: String?
    /// The body, decompressed.
    public var body: [UInt8]
}

/// How a fetch ended when it did not fail.
public enum FetchOutcome: Sendable {
    /// A page (status 2xx, HTML).
    case page(FetchedPage)
    /// `304 Not Modified` to a conditional GET: nothing new.
    case notModified(finalURL: URL)
}

/// Why a fetch brought nothing to store, said so that the user knows what to do.
public struct FetchError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// A 4xx or 5xx answer (or a 3xx that could not be followed).
        case status(Int)
        /// Not a web page (`image/png`, `application/pdf`…).
        case notHTML(String)
        /// Not a feed (`image/png`, `application/json`…) where a feed was expected.
        case notFeed(String)
        /// The body (decompressed) is larger than the limit.
        case tooLarge(limit: Int)
        /// A body in a content encoding Redline did not ask for and cannot decode (`br`, `zstd`).
        case unsupportedEncoding(String)
        /// A compressed body that would expand more than the ratio limit: a decompression bomb.
        case compressionBomb(ratio: Int)
        /// No complete answer in time.
        case timedOut(seconds: Double)
        /// More than 10 redirects.
        case tooManyRedirects
        /// A redirect back to an address already visited: the chain, first to last.
        case redirectLoop([String])
        /// A redirect to something that is not http or https (`file:`, `ftp:`…).
        case unsupportedRedirect(String)
        /// A link-local destination (169.254.0.0/16, fe80::/10), refused unless allowed.
        case linkLocal(String)
        /// DNS, connection, TLS…
        case network(String)
        /// Not an http or https URL.
        case unsupportedURL
    }

    /// What went wrong.
    public let reason: Reason
    /// The address asked for.
    public let url: String

    /// A failure of `url`.
    public init(reason: Reason, url: String) {
        self.reason = reason
        self.url = url
    }

    /// What went wrong and what to do, in one sentence.
    public var description: String {
        switch reason {
        case .status(let code):
            "\(url): the server answered \(code) \(Self.statusText(code)); nothing was stored."
        case .notHTML(let type):
            "\(url): not a web page (\(type)); Redline tracks articles. Nothing was stored."
        case .tooLarge(let limit):
            "\(url): the response is larger than the \(limit >> 20) MiB limit; nothing was stored."
        case .notFeed(let type):
            "\(url): not a feed (\(type)); give the address of an RSS or Atom feed."
        case .unsupportedEncoding(let encoding):
            "\(url): the server sent the body encoded as '\(encoding)', which Redline did not ask for and cannot "
                + "decode (it accepts gzip and deflate); nothing was stored."
        case .compressionBomb(let ratio):
            "\(url): the compressed answer expands more than \(ratio) times; refused as a decompression bomb."
        case .timedOut(let seconds):
            "\(url): no complete answer within \(Self.seconds(seconds)) s; try again later or raise --timeout."
        case .tooManyRedirects: "\(url): too many redirects (more than 10); nothing was fetched."
        case .redirectLoop(let chain):
            "\(url): redirects in a loop (\(chain.joined(separator: " → "))); nothing was fetched."
        case .unsupportedRedirect(let target):
            "\(url): redirected to \(target), which is not an http or https URL; nothing was fetched."
        case .linkLocal(let host):
            "\(url): refused: \(host) is a link-local address (169.254.0.0/16 or fe80::/10, where cloud metadata "
                + "services answer); pass --allow-link-local to fetch it anyway."
        case .network(let message): "\(url): \(message). Check the address and the network."
        case .unsupportedURL: "\(url): only http and https URLs can be fetched."
        }
    }

    /// `1` for 1.0, `2.5` for 2.5.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// The reason phrase of the common statuses (RFC 9110).
    static func statusText(_ code: Int) -> String {
        switch code {
        case 300: "Multiple Choices"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 451: "Unavailable For Legal Reasons"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: code >= 500 ? "(server error)" : code >= 400 ? "(client error)" : "(unexpected status)"
        }
    }
}
