import ArgumentParser
import Foundation
import Redline

/// `redline articles`.
struct ArticlesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles", abstract: "List the tracked articles, their revision counts and last change.")

    @OptionGroup var store: StoreOption

    func run() throws {
        let opened = try store.open()
        let articles = try withStore { () throws(StoreError) in try opened.articles() }
        for article in articles {
            print(
                "\(article.key)\t\(article.revisions) revision\(article.revisions == 1 ? "" : "s")\tlast \(article.lastCaptured.storeStamp)"
            )
        }
    }
}
