import ArgumentParser
import Redline

/// `redline facts FILE`: the figures, names, quotes and claims Redline finds in one version.
struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "List the figures, names, quotes and claims Redline finds in one version of an article.",
        discussion: "FILE is a path, or '-' for standard input. Exit status: 0 on success, 2 on trouble."
    )

    typealias Format = TextOrJSON

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

    @Option(name: .long, help: "Analyse at most this many sentences; a longer text is an error (exit 2).")
    var maxSentences: Int = FactSheet.sentenceLimit

    func validate() throws {
        guard (1...100_000_000).contains(maxSentences) else {
            throw ValidationError("--max-sentences must be between 1 and 100000000.")
        }
    }

    func run() throws {
        try FactsRequest(file: file, format: format, input: input, output: output, maxSentences: maxSentences).run()
    }
}

/// What `redline facts` was asked to do, and doing it. Built by ArgumentParser (``FactsCommand``)
/// or, for the common invocations, by ``FactsRequest/init(fastArguments:)``.
struct FactsRequest: Equatable {
    var file: String
    var format: FactsCommand.Format = .text
    var input: InputFormat?
    var output: String?
    var maxSentences = FactSheet.sentenceLimit

    /// Parses `redline facts FILE [--format F] [--input F] [-o FILE]` directly
    /// (``DirectArguments``); nil for anything else.
    init?(fastArguments arguments: [String]) {
        guard
            let scanned = DirectArguments(
                arguments, command: "facts", flags: [], options: ["--format", "--input", "--output"]),
            scanned.positional.count == 1, let options = scanned.reportOptions(FactsCommand.Format.self)
        else { return nil }
        self.init(
            file: scanned.positional[0], format: options.format ?? .text, input: options.input, output: options.output)
    }

    init(
        file: String, format: FactsCommand.Format = .text, input: InputFormat? = nil, output: String? = nil,
        maxSentences: Int = FactSheet.sentenceLimit
    ) {
        self.file = file
        self.format = format
        self.input = input
        self.output = output
        self.maxSentences = maxSentences
    }

    func run() throws {
        let document = try Terminal.load(file, format: input)
        let sheet = FactSheet(text: document.bytes, sentenceLimit: maxSentences)
        guard !sheet.isTruncated else {
            throw Terminal.trouble(
                "\(file) has more than \(maxSentences) sentences, the limit for fact extraction; "
                    + "pass --max-sentences N to analyse more (time and memory grow with it).")
        }
        let report = FactSheetReport(format: format == .json ? .json : .text, source: file)
        try Terminal.withOutput(output) { report.render(sheet, into: &$0) }
    }
}
