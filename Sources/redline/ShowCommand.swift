import ArgumentParser
import Foundation
import Redline
import RedlineSystem

/// `redline show ARTICLE[@REV]`.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print the text of a revision (default: the latest).")

    @Argument(help: "ARTICLE or ARTICLE@REV (a number, latest, or -1 for the one before the latest).")
    var reference: String

    @OptionGroup var store: StoreOption

    func run() throws {
        let reference = try ArticleReference(reference)
        let opened = try store.open()
        let (_, text) = try withStore { () throws(StoreError) in
            try opened.text(of: reference.article, reference.selector)
        }
        // Exact when piped or redirected; on a terminal, control characters are escaped.
        let shown = String(decoding: text, as: UTF8.self)
        Terminal.write(
            FileDescriptor.standardOutput.isTerminal ? TerminalSafe.escaped(shown) : shown, to: .standardOutput)
    }
}
