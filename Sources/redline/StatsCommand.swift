import ArgumentParser
import Foundation
import Redline

/// `redline stats`.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Articles, revisions, raw and stored sizes, and the compression ratio.")

    @Option(name: .long, help: "Output format: text or json (Docs/JSON.md).")
    var format: TextOrJSON = .text

    @OptionGroup var store: StoreOption

    func run() throws {
        let opened = try store.open()
        let stats = try withStore { () throws(StoreError) in try opened.statistics() }
        let ratio = stats.storedBytes == 0 ? 0 : Double(stats.rawBytes) / Double(stats.storedBytes)
        if format == .json {
            try StoreJSON.print(
                StoreJSON.Statistics(
                    articles: stats.articles, revisions: stats.revisions, rawBytes: stats.rawBytes,
                    storedBytes: stats.storedBytes, fileBytes: stats.fileBytes, ratio: ratio))
            return
        }
        print("articles       \(stats.articles)")
        print("revisions      \(stats.revisions)")
        print("raw bytes      \(stats.rawBytes)")
        print("stored bytes   \(stats.storedBytes) (payloads)")
        print("file bytes     \(stats.fileBytes) (database, WAL and index)")
        print("ratio          \(String(format: "%.1f", ratio))× (raw ÷ stored)")
    }
}
