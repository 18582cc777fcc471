import ArgumentParser
import Foundation
import Redline

/// `redline snapshot SOURCE [--article ID] [--at TIME]`.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Add a version of an article to the store; the same text as the latest revision adds nothing.",
        discussion: """
            SOURCE is a file, '-', or an http(s) URL (fetched by redline-net: see `redline-net snapshot --help`). \
            A web page or Markdown file is stored as the article it holds: its body, \
            with headline, byline, dates and canonical URL as metadata; its article id defaults to the \
            canonical URL. Exit status: 0 on success (added or unchanged), 2 on trouble.
            """)

    @Argument(help: "The version: a file path or '-'.", completion: .file())
    var source: String

    @Option(
        name: .long, help: "The article's id (default: a page's canonical URL, else the file's name without extension)."
    )
    var article: String?

    @Option(name: .long, help: "Read the source as html, markdown or text (default: from its name and content).")
    var input: InputFormat?

    @Option(name: .long, help: "When the version was captured, ISO 8601 (default: now), for imports.")
    var at: String?

    @OptionGroup var store: StoreOption

    func run() throws {
        let time = try at.map { text -> Date in
            guard let date = Self.parseTime(text) else {
                throw Terminal.trouble(
                    "--at \(text): not a time. Use ISO 8601, e.g. 2026-11-24T10:00:00Z or 2026-11-24.")
            }
            return date
        }
        let document = try Terminal.load(source, format: input)
        guard let id = article ?? document.article?.canonicalURL ?? Self.defaultID(source) else {
            throw Terminal.trouble("reading standard input: give the article's id with --article ID.")
        }
        guard !ArticleKey(id).value.isEmpty else {
            throw Terminal.trouble("--article '\(id)': an article id cannot be empty. Give a name or a URL.")
        }
        let opened = try store.open(.readWrite)
        let bytes = document.bytes.withBytes { Array($0) }
        let result = try withStore { () throws(StoreError) in
            try opened.add(bytes, to: ArticleKey(id), at: time, metadata: RevisionMetadata(document.article))
        }
        switch result {
        case .added(let revision):
            let revert = revision.revertOf.map { " — a return to revision \($0)" } ?? ""
            print("\(revision.article)@\(revision.number): added, \(revision.rawSize) bytes\(revert)")
        case .unchanged(let revision):
            print("\(revision.article)@\(revision.number): unchanged, nothing added")
        }
    }

    static func defaultID(_ source: String) -> String? {
        guard source != "-" else { return nil }
        let name = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        return name.isEmpty ? nil : name
    }

    static func parseTime(_ text: String) -> Date? {
        let full = ISO8601DateFormatter()
        if let date = full.date(from: text) { return date }
        let dateOnly = ISO8601DateFormatter()
        dateOnly.formatOptions = [.withFullDate]
        return dateOnly.date(from: text)
    }
}
