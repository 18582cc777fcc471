import ArgumentParser
import Foundation
import Redline
import RedlineFetch
import RedlineNet

/// `redline snapshot SOURCE [--article ID] [--at TIME]`.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Add a version of an article to the store; the same text as the latest revision adds nothing.",
        discussion: """
            SOURCE is a file, '-', or an http(s) URL. A web page or Markdown file is stored as the article it \
            holds: its body, with headline, byline, dates and canonical URL as metadata; its article id defaults \
            to the canonical URL (for a URL: the URL, normalised). A URL is fetched with redirects followed (the \
            final URL is recorded), the ETag and Last-Modified of each fetch kept so that the next one is a \
            conditional GET (a 304 adds nothing), gzip answers decompressed; non-HTML answers and 4xx/5xx \
            statuses are reported without touching the store. Exit status: 0 on success (added, unchanged or \
            not modified), 2 on trouble.
            """)

    @Argument(help: "The version: a file path, '-', or an http(s) URL.", completion: .file())
    var source: String

    @Option(
        name: .long, help: "The article's id (default: a page's canonical URL, else the file's name without extension)."
    )
    var article: String?

    @Option(name: .long, help: "Read the source as html, markdown or text (default: from its name and content).")
    var input: InputFormat?

    @Option(name: .long, help: "When the version was captured, ISO 8601 (default: now), for imports.")
    var at: String?

    @Option(name: .long, help: "For a URL: seconds to wait for a complete answer.")
    var timeout: Double = 30

    @Option(name: .customLong("max-size"), help: "For a URL: the largest answer accepted, in MiB.")
    var maxSize: Int = 16

    @Flag(
        name: .customLong("allow-link-local"),
        help: "For a URL: fetch link-local addresses too (169.254.0.0/16, fe80::/10; refused by default).")
    var allowLinkLocal = false

    @OptionGroup var store: StoreOption

    func run() async throws {
        let time = try at.map { text -> Date in
            guard let date = Self.parseTime(text) else {
                throw Terminal.trouble(
                    "--at \(text): not a time. Use ISO 8601, e.g. 2026-11-24T10:00:00Z or 2026-11-24.")
            }
            return date
        }
        if let url = NetworkOptions.webURL(source) {
            try await snapshot(url, at: time)
            return
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
            Terminal.line("\(revision.article)@\(revision.number): added, \(revision.rawSize) bytes\(revert)")
        case .unchanged(let revision):
            Terminal.line("\(revision.article)@\(revision.number): unchanged, nothing added")
        }
    }

    /// Fetches the page and stores its article (`redline snapshot https://…`).
    func snapshot(_ url: URL, at time: Date?) async throws {
        try NetworkOptions.check("--timeout", timeout, in: 0.1...86_400)
        try NetworkOptions.check("--max-size", Double(maxSize), in: 1...1024)
        if let input, input != .html {
            throw Terminal.trouble("--input \(input.rawValue): a URL is always read as a web page.")
        }
        if let article, ArticleKey(article).value.isEmpty {
            throw Terminal.trouble("--article '\(article)': an article id cannot be empty. Give a name or a URL.")
        }
        let opened = try store.open(.readWrite)
        let fetcher = PageFetcher(timeout: timeout, sizeLimit: maxSize << 20, allowLinkLocal: allowLinkLocal)
        let outcome: URLSnapshot.Outcome
        do {
            outcome = try await URLSnapshot.run(
                url: url, article: article.map(ArticleKey.init), store: opened, fetcher: fetcher, at: time)
        } catch {
            await fetcher.shutdown()
            throw Terminal.trouble(error.description)
        }
        await fetcher.shutdown()
        switch outcome {
        case .added(let revision, let finalURL):
            let moved = finalURL.absoluteString == source ? "" : " (from \(finalURL.absoluteString))"
            Terminal.line("\(revision.article)@\(revision.number): added, \(revision.rawSize) bytes\(moved)")
        case .unchanged(let revision, _):
            Terminal.line("\(revision.article)@\(revision.number): unchanged, nothing added")
        case .notModified(let key):
            Terminal.line("\(key.value): not modified (304), nothing added")
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
