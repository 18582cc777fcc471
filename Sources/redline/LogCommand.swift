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

    @OptionGroup var store: StoreOption

    func run() throws {
        let key = ArticleKey(article)
        let opened = try store.open()
        let revisions = try withStore { () throws(StoreError) in try opened.revisions(of: key) }
        var previous: [UInt8]?
        for revision in revisions {
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
                    line += "  −\(counts.deletedTokens) +\(counts.insertedTokens) tokens"
                    line += "; " + FactDiff(diff: diff).summary.line
                }
                previous = text
            }
            print(line)
        }
    }
}
