import ArgumentParser
import Redline

/// `redline facts FILE`: the figures, names, quotes and claims Redline finds in one version.
struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "List the figures, names, quotes and claims Redline finds in one version of an article.",
        discussion: "FILE is a path, or '-' for standard input. Exit status: 0 on success, 2 on trouble."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "The article: a file path or '-'.", completion: .file())
    var file: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @Option(
        name: [.short, .customLong("output")], help: "Write the report to this file instead of standard output.",
        completion: .file())
    var output: String?

    @Option(name: .long, help: "Read the input as html, markdown or text (default: from its name and content).")
    var input: InputFormat?

    func run() throws {
        let document = try Terminal.load(file, format: input)
        let sheet = FactSheet(text: document.bytes)
        let report = FactSheetReport(format: format == .json ? .json : .text, source: file)
        try Terminal.withOutput(output) { report.render(sheet, into: &$0) }
    }
}
