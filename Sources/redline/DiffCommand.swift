import ArgumentParser
import Foundation
import Redline

/// `redline diff OLD NEW`: what changed between two versions of a text.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two versions of an article.",
        discussion: """
            OLD and NEW are file paths, '-' for standard input (one side only), or revisions in the store:
            ARTICLE@REV, where REV is a number, 'latest' or '-1' (the one before the latest). Web pages
            (.html, or markup) and Markdown (.md, or front matter) are compared as the articles they hold:
            body text, and headline, byline, date and canonical-URL changes in their own section.
            Exit status: 0 if the texts are identical, 1 if they differ, 2 on trouble.
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case unified
        case json
        case markdown
        case html
    }

    @Argument(help: "The old version: a file path or '-'.", completion: .file())
    var old: String

    @Argument(help: "The new version: a file path or '-'.", completion: .file())
    var new: String

    @Option(name: .long, help: "The finest unit to compare: paragraph, sentence, word or char.")
    var by: GranularityChoice = .word

    @Option(
        name: .long,
        help: "Output format: text, unified (for patch), json, markdown (for pull requests) or html (a page to open).")
    var format: Format = .text

    @Option(
        name: .long,
        help: "Unchanged paragraphs (lines) shown around each change (default: 1 for text and json, 3 for unified).")
    var context: Int?

    @Flag(name: .long, help: "Find the exact shortest edit script: no cost limit, no cleanup, no move detection.")
    var minimal = false

    @Flag(
        name: .long, inversion: .prefixedNo,
        help: """
            Report which figures, names, quotes and claims changed, before the text diff (default: on for \
            inputs up to 1 MiB; not in unified output).
            """)
    var facts: Bool?

    @Option(name: .long, help: "Colour: auto (when writing to a terminal and NO_COLOR is unset), always, never.")
    var color: ColorChoice = .auto

    @Option(
        name: [.short, .customLong("output")], help: "Write the report to this file instead of standard output.",
        completion: .file())
    var output: String?

    @Option(
        name: .long, help: "The store, for sides given as ARTICLE@REV (see `redline help init`).",
        completion: .file())
    var store: String?

    @Option(name: .long, help: "Read both sides as html, markdown or text (default: from each name and content).")
    var input: InputFormat?

    @Flag(name: [.short, .long], help: "Print nothing; the exit status says whether the versions differ.")
    var quiet = false

    @Flag(name: .long, help: "Print one summary line instead of the report: changed paragraphs, tokens and facts.")
    var stat = false

    func validate() throws {
        if old == "-" && new == "-" {
            throw ValidationError("only one side can be read from standard input ('-').")
        }
        if let context, context < 0 {
            throw ValidationError("--context must be 0 or more.")
        }
    }

    /// The parsed invocation, as a plain value.
    var request: DiffRequest {
        DiffRequest(
            old: old, new: new, by: by, format: format, context: context, minimal: minimal, facts: facts,
            color: color, output: output, store: store, input: input, quiet: quiet, stat: stat)
    }

    func run() throws {
        try request.run()
    }
}

/// What `redline diff` was asked to do, and doing it. Built by ArgumentParser (``DiffCommand``)
/// or, for the common invocations, by ``DiffRequest/init(fastArguments:)``.
struct DiffRequest: Equatable {
    var old: String
    var new: String
    var by: GranularityChoice = .word
    var format: DiffCommand.Format = .text
    var context: Int?
    var minimal = false
    var facts: Bool?
    var color: ColorChoice = .auto
    var output: String?
    /// `--store`, for sides given as `ARTICLE@REV`.
    var store: String?
    /// `--input`: how to read both sides.
    var input: InputFormat?
    /// `--quiet`: no output, exit status only.
    var quiet = false
    /// `--stat`: one summary line.
    var stat = false

    func run() throws {
        let oldDocument: TextDocument
        let newDocument: TextDocument
        if Self.isStoreReference(old) || Self.isStoreReference(new) {
            oldDocument = try document(old)
            newDocument = try document(new)
        } else {
            do {
                (oldDocument, newDocument) = try TextDocument.load(old, new, format: input)
            } catch {
                throw Terminal.trouble(error.description)
            }
        }
        // Diff before opening the output: `-o` may name one of the inputs.
        let comparison: Comparison
        if format == .unified {
            // patch needs whole lines in order: a flat line diff, no moves.
            let lineOptions = Diff.Options(minimal: minimal, hierarchical: false, detectMoves: false)
            comparison = Redline.compare(oldDocument, newDocument, by: .paragraph, options: lineOptions, facts: .never)
        } else {
            comparison = Redline.compare(
                oldDocument, newDocument, by: by.granularity, options: Diff.Options(minimal: minimal),
                facts: facts.map { $0 ? .always : .never } ?? .auto)
        }
        let toFile = output != nil && output != "-"
        let color = Terminal.useColor(color, writingToFile: toFile)
        if quiet {
            if !comparison.isIdentical { throw ExitCode(1) }
            return
        }
        try Terminal.withOutput(output) { out in
            if stat {
                out.append(StatLine(comparison).text + "\n")
                return
            }
            switch format {
            case .unified: UnifiedReport(context: context ?? 3).render(comparison, into: &out)
            case .text:
                let width = toFile ? nil : Terminal.width()
                TextReport(color: color, context: context ?? 1, width: width).render(comparison, into: &out)
            case .json: JSONReport(context: context ?? 1).render(comparison, into: &out)
            case .markdown: MarkdownReport(context: context ?? 1).render(comparison, into: &out)
            case .html: HTMLReport().render(comparison, into: &out)
            }
        }
        let identical = comparison.isIdentical
        if !identical { throw ExitCode(1) }
    }
}

extension DiffRequest {
    /// `ARTICLE@REV` that is not a file: a revision in the store.
    static func isStoreReference(_ side: String) -> Bool {
        guard side != "-", !FileManager.default.fileExists(atPath: side), let at = side.lastIndex(of: "@") else {
            return false
        }
        return RevisionSelector(String(side[side.index(after: at)...])) != nil
    }

    /// A side of the comparison: a file, standard input, or a revision from the store.
    func document(_ side: String) throws -> TextDocument {
        guard Self.isStoreReference(side) else { return try Terminal.load(side, format: input) }
        let reference = try ArticleReference(side)
        let opened = try StoreOption(store: store).open()
        let (revision, text) = try withStore { () throws(StoreError) in
            try opened.text(of: reference.article, reference.selector)
        }
        do {
            return try TextDocument(name: side, storedText: text, metadata: revision.metadata)
        } catch {
            throw Terminal.trouble(error.description)
        }
    }

    /// Parses `redline diff …` directly (``DirectArguments``) when every argument is one this
    /// parser knows, with a valid value, given once; nil otherwise, and ArgumentParser takes over.
    init?(fastArguments arguments: [String]) {
        guard
            let scanned = DirectArguments(
                arguments, command: "diff", flags: ["--minimal", "--facts", "--no-facts"],
                options: ["--by", "--format", "--context", "--color", "--output", "--input"]),
            !(scanned.flags.contains("--facts") && scanned.flags.contains("--no-facts")),
            scanned.positional.count == 2, !(scanned.positional[0] == "-" && scanned.positional[1] == "-")
        else { return nil }
        var request = DiffRequest(old: scanned.positional[0], new: scanned.positional[1])
        request.minimal = scanned.flags.contains("--minimal")
        if scanned.flags.contains("--facts") { request.facts = true }
        if scanned.flags.contains("--no-facts") { request.facts = false }
        for (name, value) in scanned.options {
            switch name {
            case "--by":
                guard let by = GranularityChoice(rawValue: value) else { return nil }
                request.by = by
            case "--format":
                guard let format = DiffCommand.Format(rawValue: value) else { return nil }
                request.format = format
            case "--context":
                guard let context = Int(value), context >= 0 else { return nil }
                request.context = context
            case "--color":
                guard let color = ColorChoice(rawValue: value) else { return nil }
                request.color = color
            case "--input":
                guard let input = InputFormat(rawValue: value) else { return nil }
                request.input = input
            default:
                request.output = value
            }
        }
        self = request
    }
}

/// `--by paragraph|sentence|word|char`.
enum GranularityChoice: String, ExpressibleByArgument, CaseIterable {
    case paragraph
    case sentence
    case word
    case char

    var granularity: Granularity {
        switch self {
        case .paragraph: .paragraph
        case .sentence: .sentence
        case .word: .word
        case .char: .character
        }
    }
}
