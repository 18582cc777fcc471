import ArgumentParser
import Foundation
import Redline

/// `redline log ARTICLE [--facts]`.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "List an article's revisions: number, time, size, and what changed in each.")

    @Argument(help: "The article.")
    var article: String

    @Flag(name: .long, help: "Also say which figures, names, quotes and claims changed in each revision.")
    var facts = false

    @Option(name: .long, help: "Output format: text or json (Docs/JSON.md).")
    var format: TextOrJSON = .text

    @OptionGroup var store: StoreOption

    func run() throws {
        let key = ArticleKey(article)
        let opened = try store.open()
        let revisions = try withStore { () throws(StoreError) in try opened.revisions(of: key) }
        var previous: [UInt8]?
        var entries: [StoreJSON.Log.Entry] = []
        for revision in revisions {
            var entry = StoreJSON.Log.Entry(
                number: revision.number, capturedAt: StoreJSON.stamp(revision.capturedAt), rawSize: revision.rawSize,
                storedSize: revision.storedSize, codec: revision.codec.rawValue, revertOf: revision.revertOf)
            var line = "@\(revision.number)  \(revision.capturedAt.storeStamp)  \(revision.rawSize) bytes"
            line += "  stored \(revision.storedSize) (\(revision.codec.rawValue))"
            if let revertOf = revision.revertOf { line += "  reverts to @\(revertOf)" }
            if facts {
                let (_, text) = try withStore { () throws(StoreError) in
                    try opened.text(of: key, .number(revision.number))
                }
                if let previous {
                    let diff = Diff(oldBytes: previous, newBytes: text)
                    let counts = diff.counts
                    let summary = FactDiff(diff: diff).summary
                    line += "  −\(counts.deletedTokens) +\(counts.insertedTokens) tokens"
                    line += "; " + summary.line
                    entry.changes = .init(
                        deletedTokens: counts.deletedTokens, insertedTokens: counts.insertedTokens,
                        facts: Dictionary(
                            uniqueKeysWithValues: FactChange.Kind.allCases.map { ($0.rawValue, summary.count($0)) }))
                }
                previous = text
            }
            if format == .text { Terminal.line(line) }
            entries.append(entry)
        }
        if format == .json { try StoreJSON.print(StoreJSON.Log(article: article, revisions: entries)) }
    }
}
