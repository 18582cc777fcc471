#if Postgres
    import Foundation
    import Logging
    import NIOCore
    import NIOPosix
    import PostgresNIO
    import RedlineStore

    /// A `postgres://user:password@host:port/database?host=/socket/dir&sslmode=…` address, as libpq
    /// writes it: TCP to `host:port` (default `localhost:5432`), or a Unix socket in the directory
    /// the `host` parameter names (then `host:port` only gives the socket's port).
    struct PostgresAddress: Sendable {
        let configuration: PostgresConnection.Configuration
        /// The server's host and port over TCP (nil for a Unix socket).
        let endpoint: (host: String, port: Int)?
        /// The address without its password, for messages.
        let display: String

        init(_ text: String) throws(StoreError) {
            guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
                scheme == "postgres" || scheme == "postgresql"
            else {
                throw StoreError(.database("\(text) is not a postgres:// address (postgres://user@host:port/database)"))
            }
            let user =
                components.user.flatMap { $0.removingPercentEncoding } ?? ProcessInfo.processInfo.environment["USER"]
                ?? "postgres"
            let password =
                components.password.flatMap { $0.removingPercentEncoding }
                ?? ProcessInfo.processInfo.environment["PGPASSWORD"]
            var database = String(components.path.drop { $0 == "/" })
            if database.isEmpty { database = user }
            let port = components.port ?? 5432
            let query = Dictionary(
                (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
            var configuration: PostgresConnection.Configuration
            if let socketDirectory = query["host"], socketDirectory.hasPrefix("/") {
                configuration = .init(
                    unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: user, password: password,
                    database: database)
                endpoint = nil
            } else {
                let host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
                var tls = PostgresConnection.Configuration.TLS.disable
                if let mode = query["sslmode"], ["require", "verify-ca", "verify-full"].contains(mode) {
                    do {
                        tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
                    } catch {
                        throw StoreError(.database("TLS could not be set up: \(error)"))
                    }
                }
                configuration = .init(
                    host: host, port: port, username: user, password: password, database: database, tls: tls)
                endpoint = (host, port)
            }
            configuration.options.connectTimeout = .seconds(10)
            self.configuration = configuration
            var shown = components
            shown.password = nil
            display = shown.string ?? "postgres://"
        }

        /// A new connection (to `database` instead of the address's, when given).
        ///
        /// Over TCP the socket is opened here, with keepalive probes (after 30 s idle, every 10 s,
        /// 3 unanswered) and a limit of 60 s on unacknowledged data: a server whose machine vanished
        /// without a reset (a cut network) is then noticed within about a minute — the connection
        /// closes, the waits on it end (``WaitedConnection``) and the write is retried or reported —
        /// instead of never.
        func connect(database: String? = nil, id: Int, logger: Logger) async throws -> PostgresConnection {
            var configuration = configuration
            if let database { configuration.database = database }
            guard let endpoint else {
                return try await PostgresConnection.connect(configuration: configuration, id: id, logger: logger)
            }
            let channel = try await Self.openChannel(host: endpoint.host, port: endpoint.port)
            var established = PostgresConnection.Configuration(
                establishedChannel: channel, tls: configuration.tls, username: configuration.username,
                password: configuration.password, database: configuration.database)
            established.options = configuration.options
            // Certificates are checked against the host name, as PostgresNIO does for its own sockets.
            if established.options.tlsServerName == nil, (try? SocketAddress(ipAddress: endpoint.host, port: 0)) == nil
            {
                established.options.tlsServerName = endpoint.host
            }
            do {
                // On the socket's own event loop: the driver sets its handlers up synchronously.
                return try await PostgresConnection.connect(
                    on: channel.eventLoop, configuration: established, id: id, logger: logger)
            } catch {
                try? await channel.close()
                throw error
            }
        }

        /// The TCP options of a connection's socket (see ``connect(database:id:logger:)``).
        static let keepaliveOptions: [(name: Int32, value: Int)] = [
            (TCP_KEEPIDLE, 30), (TCP_KEEPINTVL, 10), (TCP_KEEPCNT, 3), (TCP_USER_TIMEOUT, 60_000),
        ]

        /// A TCP connection to the server, with keepalive.
        static func openChannel(host: String, port: Int) async throws -> any Channel {
            var bootstrap = ClientBootstrap(group: NIOSingletons.posixEventLoopGroup)
                .connectTimeout(.seconds(10))
                .channelOption(.socketOption(.so_keepalive), value: 1)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
            for option in keepaliveOptions {
                bootstrap = bootstrap.channelOption(
                    .socket(SocketOptionLevel(IPPROTO_TCP), option.name), value: option.value)
            }
            return try await bootstrap.connect(host: host, port: port).get()
        }
    }
#endif
