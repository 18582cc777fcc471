import ArgumentParser
import Foundation
import Redline

/// `redline init [PATH]`, `redline init --store PATH|postgres://…`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a revision store (PATH/.redline, default the current directory).",
        discussion: """
            With --store (or REDLINE_STORE) the store is made where later commands given the same \
            --store will find it: a directory gets a .redline inside it (a path ending in / is a \
            directory to be made), a .redline directory gets its database file, any other path is \
            the database file itself; postgres://… creates the database and schema on the server.
            """)

    @Argument(help: "Where to create .redline (default: the current directory).", completion: .directory)
    var path: String?

    @Option(
        name: .long,
        help:
            "Where to create the store instead: a directory, a database file, or a PostgreSQL server (postgres://user@host:port/database).",
        completion: .file())
    var store: String?

    func validate() throws {
        if path != nil && store != nil {
            throw ValidationError("Give either PATH or --store, not both.")
        }
    }

    func run() throws {
        if path == nil, let server = StoreOption(store: store).serverAddress {
            let store = try withStore { () throws(StoreError) in
                try ServerStore.open(server, access: .readWrite, create: true)
            }
            print("Initialised a Redline store in \(store.location)")
            return
        }
        let environment = ProcessInfo.processInfo.environment["REDLINE_STORE"].flatMap { $0.isEmpty ? nil : $0 }
        // PATH first; then --store, then REDLINE_STORE, named as every other command names them.
        let named = path == nil ? self.store ?? environment : nil
        let store = try withStore { () throws(StoreError) in
            if let named { return try SQLiteStore.create(atPath: StoreLocation.newDatabasePath(named)) }
            let directory = URL(fileURLWithPath: path ?? ".").appendingPathComponent(StoreLocation.directoryName).path
            return try SQLiteStore.create(in: directory)
        }
        print("Initialised an empty Redline store in \(store.path)")
    }
}
