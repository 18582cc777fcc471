import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP/1.1 server on 127.0.0.1 for the tests, on SwiftNIO: answers from a handler the test
/// supplies, one request per connection, optionally after a delay. No test touches the internet.
final class TestHTTPServer: Sendable {
    /// A request as received (header names lowercased).
    struct Request: Sendable {
        var method: String
        var path: String
        var headers: [String: String]
        var body: [UInt8] = []
    }

    /// What to answer.
    struct Response: Sendable {
        var status: Int = 200
        var headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")]
        var body: [UInt8] = []
        /// Seconds to wait before answering.
        var delay: Double = 0
        /// The `Content-Length` announced, when it should differ from the body's (a cut-short answer).
        var declaredLength: Int? = nil
        /// Send the body this many bytes at a time, `trickle` seconds apart (a slow server).
        var trickle: (bytes: Int, every: Double)? = nil
    }

    let port: Int
    private let channel: any Channel
    private let log: NIOLockedValueBox<[Request]>

    /// Every request received so far, in order.
    var requests: [Request] { log.withLockedValue { $0 } }

    init(handler: @escaping @Sendable (Request) -> Response) throws {
        let log = NIOLockedValueBox<[Request]>([])
        self.log = log
        channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Exchange(handler: handler, log: log))
                }
            }
            .bind(host: "127.0.0.1", port: 0).wait()
        port = channel.localAddress?.port ?? 0
    }

    deinit { channel.close(promise: nil) }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// One connection: collects the request, logs it, answers and closes.
    private final class Exchange: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let handler: @Sendable (Request) -> Response
        let log: NIOLockedValueBox<[Request]>
        private var head: HTTPRequestHead?
        private var body: [UInt8] = []

        init(handler: @escaping @Sendable (Request) -> Response, log: NIOLockedValueBox<[Request]>) {
            self.handler = handler
            self.log = log
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let received):
                head = received
                body = []
            case .body(var buffer):
                body += buffer.readBytes(length: buffer.readableBytes) ?? []
            case .end:
                guard let head else { return }
                var headers: [String: String] = [:]
                for (name, value) in head.headers { headers[name.lowercased()] = value }
                let request = Request(method: head.method.rawValue, path: head.uri, headers: headers, body: body)
                log.withLockedValue { $0.append(request) }
                let response = handler(request)
                let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
                if response.delay > 0 {
                    context.eventLoop.scheduleTask(in: .milliseconds(Int64(response.delay * 1000))) {
                        bound.value.0.answer(response, context: bound.value.1)
                    }
                } else {
                    answer(response, context: context)
                }
            }
        }

        private func answer(_ response: Response, context: ChannelHandlerContext) {
            var headers = HTTPHeaders(response.headers)
            headers.replaceOrAdd(name: "Content-Length", value: String(response.declaredLength ?? response.body.count))
            headers.replaceOrAdd(name: "Connection", value: "close")
            let head = HTTPResponseHead(
                version: .http1_1, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
            context.writeAndFlush(wrapOutboundOut(.head(head)), promise: nil)
            if let trickle = response.trickle {
                send(response.body[...], in: trickle, context: context)
                return
            }
            if !response.body.isEmpty {
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
            }
            finish(context)
        }

        /// Ends the response and closes the connection (one request per connection).
        private func finish(_ context: ChannelHandlerContext) {
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
        }

        /// Sends `rest` a few bytes at a time, then ends the response (or stops when the client left).
        private func send(
            _ rest: ArraySlice<UInt8>, in trickle: (bytes: Int, every: Double), context: ChannelHandlerContext
        ) {
            guard context.channel.isActive else { return }
            guard !rest.isEmpty else { return finish(context) }
            let part = rest.prefix(trickle.bytes)
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: part)))), promise: nil)
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            let remaining = rest.dropFirst(part.count)
            context.eventLoop.scheduleTask(in: .milliseconds(Int64(trickle.every * 1000))) {
                bound.value.0.send(remaining, in: trickle, context: bound.value.1)
            }
        }
    }
}
