import ArgumentParser
import Foundation
import Redline

/// `--store PATH`, shared by the commands that use the store.
struct StoreOption: ParsableArguments {
    @Option(name: .long, help: "The store: a directory holding .redline, the .redline directory, or the database file.")
    var store: String?

    init() {}

    init(store: String?) {
        self.store = store
    }

    /// Opens the store, or exits 2 saying where Redline looked and what to do.
    func open() throws -> SQLiteStore {
        do {
            return try SQLiteStore(path: StoreLocation.find(explicit: store))
        } catch {
            throw Terminal.trouble(error.description)
        }
    }
}

/// Runs `body`, turning a ``StoreError`` into exit status 2 with its message on stderr.
func withStore<T>(_ body: () throws(StoreError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw Terminal.trouble(error.description)
    }
}

/// `ARTICLE` or `ARTICLE@REV` (`3`, `latest`, `-1`).
struct ArticleReference {
    var article: ArticleKey
    var selector: RevisionSelector

    init(_ text: String) throws {
        // URLs contain '@' rarely; the revision is what follows the last '@', when it parses.
        if let at = text.lastIndex(of: "@"), let selector = RevisionSelector(String(text[text.index(after: at)...])) {
            article = ArticleKey(String(text[..<at]))
            self.selector = selector
        } else {
            article = ArticleKey(text)
            selector = .latest
        }
    }
}

extension Date {
    /// "2026-11-25 17:15:21Z".
    var storeStamp: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        return formatter.string(from: self) + "Z"
    }
}

/// `redline init [PATH]`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a revision store (PATH/.redline, default the current directory).")

    @Argument(help: "Where to create .redline (default: the current directory).")
    var path: String = "."

    func run() throws {
        let directory = URL(fileURLWithPath: path).appendingPathComponent(StoreLocation.directoryName).path
        let store = try withStore { () throws(StoreError) in try SQLiteStore.create(in: directory) }
        print("Initialised an empty Redline store in \(store.path)")
    }
}

/// `redline snapshot SOURCE [--article ID] [--at TIME]`.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Add a version of an article to the store; the same text as the latest revision adds nothing.",
        discussion: "SOURCE is a file or '-'. Exit status: 0 on success (added or unchanged), 2 on trouble.")

    @Argument(help: "The version: a file path or '-'.")
    var source: String

    @Option(name: .long, help: "The article's id (default: the file's name without extension).")
    var article: String?

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
        let document = try Terminal.load(source)
        guard let id = article ?? Self.defaultID(source) else {
            throw Terminal.trouble("reading standard input: give the article's id with --article ID.")
        }
        let opened = try store.open()
        let bytes = document.bytes.withBytes { Array($0) }
        let result = try withStore { () throws(StoreError) in
            try opened.add(bytes, to: ArticleKey(id), at: time, metadata: RevisionMetadata())
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
        Terminal.write(String(decoding: text, as: UTF8.self), to: 1)
    }
}

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

/// `redline fsck`.
struct FsckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsck",
        abstract: "Re-read and re-hash every revision; exit 2 naming any that is damaged.")

    @OptionGroup var store: StoreOption

    func run() throws {
        let opened = try store.open()
        let problems = try withStore { () throws(StoreError) in try opened.check() }
        let stats = try withStore { () throws(StoreError) in try opened.statistics() }
        guard problems.isEmpty else {
            for problem in problems { Terminal.write("redline: damaged: \(problem)\n", to: 2) }
            Terminal.write(
                "redline: \(problems.count) of \(stats.revisions) revisions are damaged; the others read correctly.\n",
                to: 2)
            throw ExitCode(2)
        }
        print("\(stats.revisions) revisions of \(stats.articles) articles checked: all intact.")
    }
}

/// `redline stats`.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Articles, revisions, raw and stored sizes, and the compression ratio.")

    @OptionGroup var store: StoreOption

    func run() throws {
        let opened = try store.open()
        let stats = try withStore { () throws(StoreError) in try opened.statistics() }
        let ratio = stats.storedBytes == 0 ? 0 : Double(stats.rawBytes) / Double(stats.storedBytes)
        print("articles       \(stats.articles)")
        print("revisions      \(stats.revisions)")
        print("raw bytes      \(stats.rawBytes)")
        print("stored bytes   \(stats.storedBytes) (payloads)")
        print("file bytes     \(stats.fileBytes) (database, WAL and index)")
        print("ratio          \(String(format: "%.1f", ratio))× (raw ÷ stored)")
    }
}
