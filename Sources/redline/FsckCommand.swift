import ArgumentParser
import Foundation
import Redline
import RedlineSystem

/// `redline fsck`.
struct FsckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsck",
        abstract: "Re-read and re-hash every revision; exit 2 naming any that is damaged.")

    @Option(name: .long, help: "Output format: text or json (Docs/JSON.md); damage still exits 2.")
    var format: TextOrJSON = .text

    @OptionGroup var store: StoreOption

    func run() throws {
        let opened = try store.open()
        let problems = try withStore { () throws(StoreError) in try opened.check() }
        let stats = try withStore { () throws(StoreError) in try opened.statistics() }
        if format == .json {
            try StoreJSON.print(
                StoreJSON.Check(
                    articles: stats.articles, revisions: stats.revisions, intact: problems.isEmpty,
                    damaged: problems.map(\.description)))
        }
        guard problems.isEmpty else {
            for problem in problems { Terminal.line("redline: damaged: \(problem)", to: .standardError) }
            Terminal.write(
                "redline: \(problems.count) of \(stats.revisions) revisions are damaged; the others read correctly.\n",
                to: .standardError)
            throw ExitCode(2)
        }
        if format == .text {
            let revisions = stats.revisions == 1 ? "1 revision" : "\(stats.revisions) revisions"
            let articles = stats.articles == 1 ? "1 article" : "\(stats.articles) articles"
            print("\(revisions) of \(articles) checked: all intact.")
        }
    }
}
