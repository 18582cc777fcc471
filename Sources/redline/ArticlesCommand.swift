import ArgumentParser
import Foundation
import Redline

/// `redline articles`.
struct ArticlesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles", abstract: "List the tracked articles, their revision counts and last change.")

    @Option(name: .long, help: "Output format: text or json (Docs/JSON.md).")
    var format: TextOrJSON = .text

    @OptionGroup var store: StoreOption

    func run() throws {
        let opened = try store.open()
        let articles = try withStore { () throws(StoreError) in try opened.articles() }
        if format == .json {
            try StoreJSON.print(
                StoreJSON.ArticleList(
                    articles: articles.map {
                        .init(
                            key: $0.key, revisions: $0.revisions, firstCaptured: StoreJSON.stamp($0.firstCaptured),
                            lastCaptured: StoreJSON.stamp($0.lastCaptured))
                    }))
            return
        }
        for article in articles {
            Terminal.line(
                "\(article.key)\t\(article.revisions) revision\(article.revisions == 1 ? "" : "s")\tlast \(article.lastCaptured.storeStamp)"
            )
        }
    }
}
