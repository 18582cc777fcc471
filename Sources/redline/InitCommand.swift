import ArgumentParser
import Foundation
import Redline

/// `redline init [PATH]`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a revision store (PATH/.redline, default the current directory).")

    @Argument(help: "Where to create .redline (default: the current directory).", completion: .directory)
    var path: String = "."

    @Option(
        name: .long,
        help: "A PostgreSQL server to create the store in (postgres://user@host:port/database), instead of PATH.")
    var store: String?

    func run() throws {
        if let server = StoreOption(store: store).serverAddress {
            let store = try withStore { () throws(StoreError) in
                try ServerStore.open(server, access: .readWrite, create: true)
            }
            print("Initialised a Redline store in \(store.location)")
            return
        }
        let directory = URL(fileURLWithPath: path).appendingPathComponent(StoreLocation.directoryName).path
        let store = try withStore { () throws(StoreError) in try SQLiteStore.create(in: directory) }
        print("Initialised an empty Redline store in \(store.path)")
    }
}
