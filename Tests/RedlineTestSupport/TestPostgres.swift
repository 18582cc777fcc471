import Foundation
import RedlineStore

/// A PostgreSQL server for the tests: the one `.ci/run` started (`REDLINE_TEST_POSTGRES`, its
/// directory in `REDLINE_TEST_PGDIR`), else one started here with `Tests/Postgres/cluster.sh`
/// when PostgreSQL is installed (stopped when the tests exit, or by `cluster.sh`'s watcher when
/// they are killed). Without one — or in a build
/// without the `Postgres` trait — the PostgreSQL tests are skipped with a notice, unless
/// `REDLINE_REQUIRE_POSTGRES=1`: then they run and fail.
public enum TestPostgres {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A server the tests may use.
    public struct Server: Sendable {
        /// `postgres://user@host:port` (no database).
        public let base: String
        /// The cluster's directory (for restarts), when known.
        public let directory: String?
    }

    /// Whether CI asked for the PostgreSQL tests (then they fail without a server).
    public static var required: Bool { ProcessInfo.processInfo.environment["REDLINE_REQUIRE_POSTGRES"] == "1" }

    #if Postgres
        /// Whether this build has the PostgreSQL store (the `Postgres` trait): yes.
        public static let compiled = true
    #else
        /// Whether this build has the PostgreSQL store (the `Postgres` trait): no.
        public static let compiled = false
    #endif

    /// The server, started on first use.
    public static let server: Server? = {
        guard compiled else { return nil }
        let environment = ProcessInfo.processInfo.environment
        if let given = environment["REDLINE_TEST_POSTGRES"], !given.isEmpty {
            return Server(base: base(of: given), directory: environment["REDLINE_TEST_PGDIR"])
        }
        let installed =
            ["/usr/bin/pg_ctl", "/usr/local/bin/pg_ctl"].contains {
                FileManager.default.isExecutableFile(atPath: $0)
            } || ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).isEmpty == false
        guard installed else { return nil }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("redline-pg-\(getpid())").path
        let port = 20_000 + Int(getpid()) % 20_000
        let address: String
        do {
            address = try cluster("start", directory, String(port), String(getpid()))
        } catch {
            startFailure = "\(error)"
            return nil
        }
        startedDirectory = directory
        atexit {
            guard let directory = TestPostgres.startedDirectory else { return }
            _ = try? TestPostgres.cluster("stop", directory)
            try? FileManager.default.removeItem(atPath: directory)
        }
        return Server(base: base(of: address), directory: directory)
    }()

    nonisolated(unsafe) static var startedDirectory: String?
    nonisolated(unsafe) static var startFailure: String?

    /// Whether the PostgreSQL tests run: there is a server, or one is required.
    public static var runs: Bool { server != nil || required }

    /// Why they are skipped otherwise.
    public static var skipReason: String {
        !compiled
            ? "built without the Postgres trait: skipped (swift test --traits Postgres)"
            : startFailure.map { "PostgreSQL could not be started (\($0)): skipped" }
                ?? "PostgreSQL is not installed: skipped (apt-get install postgresql; REDLINE_REQUIRE_POSTGRES=1 makes this a failure)"
    }

    /// `postgres://user@host:port` of an address.
    static func base(of address: String) -> String {
        guard var components = URLComponents(string: address) else { return address }
        components.path = ""
        components.query = nil
        return components.string ?? address
    }

    /// A cluster of its own, for a test that stops or restarts its server (the shared one serves
    /// tests running at the same time): started in a new directory, on another port, stopped and
    /// removed by `stop`. Nil when PostgreSQL cannot be started here.
    public static func privateCluster() throws -> (base: String, directory: String, port: Int, stop: () -> Void) {
        guard server != nil || required else { throw StoreError(.server(skipReason)) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "redline-pg-private-\(UUID().uuidString.prefix(8))"
        ).path
        let port = 40_000 + Int.random(in: 0..<10_000)
        let address = try cluster("start", directory, String(port), String(getpid()))
        return (
            base(of: address), directory, port,
            {
                _ = try? cluster("stop", directory)
                try? FileManager.default.removeItem(atPath: directory)
            }
        )
    }

    /// A new, empty database's address on the server.
    public static func freshAddress() throws -> String {
        guard let server else { throw StoreError(.server("no PostgreSQL server for the tests: \(skipReason)")) }
        return server.base + "/t" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    /// Runs `Tests/Postgres/cluster.sh` and returns what it printed. (With `posix_spawn` and
    /// `waitpid`: Foundation's `Process` was seen to miss the script's exit — it starts a daemon
    /// through `runuser` — and wait for ever.)
    @discardableResult
    public static func cluster(_ arguments: String...) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("cluster-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let script = root.appendingPathComponent("Tests/Postgres/cluster.sh").path
        let command = (["bash", script] + arguments).map { "'\($0)'" }.joined(separator: " ") + " > '\(output)'"
        let words: [String] = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { word in strdup(word) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else {
            throw StoreError(.server("could not run cluster.sh"))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else {
            throw StoreError(.server("cluster.sh \(arguments.joined(separator: " ")) failed (status \(status))"))
        }
        let printed = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        return printed.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
