import ArgumentParser
import Foundation
import Redline

/// `redline export`: the whole store as JSON lines on standard output (or `-o FILE`).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every revision as one JSON line (see Docs/Store.md); import reads it back.")

    @Option(
        name: [.short, .customLong("output")], help: "Write to this file instead of standard output.",
        completion: .file())
    var output: String?

    @OptionGroup var store: StoreOption

    func run() throws {
        let opened = try store.open()
        try Terminal.withOutput(output) { out in
            try withStore { () throws(StoreError) in
                try Dump.export(opened) { line in
                    out.append(line)
                    out.append(0x0A)
                }
            }
        }
    }
}
