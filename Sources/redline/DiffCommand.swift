import ArgumentParser
import Redline

/// `redline diff OLD NEW`: what changed between two versions of a text.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two versions of an article.",
        discussion: """
            OLD and NEW are file paths, or '-' for standard input (one side only).
            Exit status: 0 if the texts are identical, 1 if they differ, 2 on trouble.
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case unified
        case json
    }

    @Argument(help: "The old version: a file path or '-'.")
    var old: String

    @Argument(help: "The new version: a file path or '-'.")
    var new: String

    @Option(name: .long, help: "The finest unit to compare: paragraph, sentence, word or char.")
    var by: GranularityChoice = .word

    @Option(name: .long, help: "Output format: text, unified (for patch) or json.")
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

    @Option(name: [.short, .customLong("output")], help: "Write the report to this file instead of standard output.")
    var output: String?

    func validate() throws {
        if old == "-" && new == "-" {
            throw ValidationError("only one side can be read from standard input ('-').")
        }
        if let context, context < 0 {
            throw ValidationError("--context must be 0 or more.")
        }
    }

    func run() throws {
        let oldDocument: TextDocument
        let newDocument: TextDocument
        do {
            (oldDocument, newDocument) = try TextDocument.load(old, new)
        } catch {
            throw Terminal.trouble(error.description)
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
        let color = Terminal.useColor(color, writingToFile: output != nil && output != "-")
        try Terminal.withOutput(output) { out in
            switch format {
            case .unified: UnifiedReport(context: context ?? 3).render(comparison, into: &out)
            case .text: TextReport(color: color, context: context ?? 1).render(comparison, into: &out)
            case .json: JSONReport(context: context ?? 1).render(comparison, into: &out)
            }
        }
        let identical = comparison.isIdentical
        if !identical { throw ExitCode(1) }
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
