#if Postgres
    import Foundation
    import PostgresNIO
    import RedlineStore

    /// A `postgres://user:password@host:port/database?host=/socket/dir&sslmode=…` address, as libpq
    /// writes it: TCP to `host:port` (default `localhost:5432`), or a Unix socket in the directory
    /// the `host` parameter names (then `host:port` only gives the socket's port).
    struct PostgresAddress: Sendable {
        let configuration: PostgresConnection.Configuration
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
            }
            configuration.options.connectTimeout = .seconds(10)
            self.configuration = configuration
            var shown = components
            shown.password = nil
            display = shown.string ?? "postgres://"
        }
    }
#endif
