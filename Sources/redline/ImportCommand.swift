import ArgumentParser
import Foundation
import Redline

/// `redline import --jsonl FILE|-`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the revisions of a dump made by `redline export` (JSON lines), in order.",
        discussion: "Revisions are committed in batches; a batch is all or nothing.")

    @Flag(name: .long, help: "The input is a JSON-lines dump (the only format for now; WARC comes later).")
    var jsonl = false

    @Argument(help: "The dump: a file path or '-'.")
    var file: String

    @Option(name: .long, help: "Revisions per transaction.")
    var batch: Int = 256

    @Flag(name: .long, help: "Print each revision once it is committed.")
    var progress = false

    @OptionGroup var store: StoreOption

    func validate() throws {
        guard jsonl else { throw ValidationError("give --jsonl: the dump format is the only one import reads yet.") }
        guard batch >= 1 else { throw ValidationError("--batch must be 1 or more.") }
    }

    func run() throws {
        let document = try Terminal.load(file)
        let opened = try store.open(.readWrite)
        var pending: [NewRevision] = []
        var added = 0
        var unchanged = 0
        func commit() throws {
            guard !pending.isEmpty else { return }
            let results = try withStore { () throws(StoreError) in try opened.add(contentsOf: pending) }
            for result in results {
                switch result {
                case .added(let revision):
                    added += 1
                    // Written straight to the descriptor: a line means committed, even if killed next.
                    if progress { Terminal.write("\(revision.article)@\(revision.number)\n", to: 1) }
                case .unchanged: unchanged += 1
                }
            }
            pending.removeAll(keepingCapacity: true)
        }
        var number = 0
        for line in document.bytes.string.split(separator: "\n", omittingEmptySubsequences: true) {
            number += 1
            pending.append(try withStore { () throws(StoreError) in try Dump.record(line, number: number) })
            if pending.count >= batch { try commit() }
        }
        try commit()
        // Return the space of the whole payloads that became deltas.
        try withStore { () throws(StoreError) in try opened.compact() }
        Terminal.write("imported \(added) revisions (\(unchanged) unchanged, skipped)\n", to: 2)
    }
}
