import ArgumentParser
import Redline
import RedlineSystem

/// `redline extract PAGE`: the article Redline sees in a web page (or Markdown file).
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the article Redline sees in a page: headline, byline, dates, then the body.",
        discussion: """
            PAGE is an HTML or Markdown file, or '-' for standard input. --format json prints \
            headline, byline, published, modified, canonicalURL, language, paragraphs, body and, for a page, \
            encoding (the encoding it was read in and why). \
            A live blog or section front is printed too, with a warning on standard error (comparing or \
            storing one is refused). Exit status: 0 on success, 2 on trouble (not a page, binary, no text).
            """
    )

    typealias Format = TextOrJSON

    @Argument(help: "The page: a file path or '-'.", completion: .file())
    var page: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .long, help: "Read the input as html, markdown or text (default: from its name and content).")
    var input: InputFormat?

    @Option(
        name: [.short, .customLong("output")], help: "Write to this file instead of standard output.",
        completion: .file())
    var output: String?

    @Flag(
        name: .long,
        help: "For a web page, also say on standard error why: encoding, candidate blocks, containers, dropped blocks.")
    var explain = false

    var request: ExtractRequest {
        ExtractRequest(page: page, format: format, input: input, output: output, explain: explain)
    }

    func run() throws {
        try request.run()
    }
}

/// What `redline extract` was asked to do, and doing it. Built by ArgumentParser
/// (``ExtractCommand``) or, for the common invocations, by ``ExtractRequest/init(fastArguments:)``.
struct ExtractRequest: Equatable {
    var page: String
    var format: ExtractCommand.Format = .text
    var input: InputFormat?
    var output: String?
    var explain = false

    /// Parses `redline extract PAGE [--format F] [--input F] [-o FILE] [--explain]` directly
    /// (``DirectArguments``); nil for anything else.
    init?(fastArguments arguments: [String]) {
        guard
            let scanned = DirectArguments(
                arguments, command: "extract", flags: ["--explain"], options: ["--format", "--input", "--output"]),
            scanned.positional.count == 1, let options = scanned.reportOptions(ExtractCommand.Format.self)
        else { return nil }
        self.init(
            page: scanned.positional[0], format: options.format ?? .text, input: options.input, output: options.output,
            explain: scanned.flags.contains("--explain"))
    }

    init(
        page: String, format: ExtractCommand.Format = .text, input: InputFormat? = nil, output: String? = nil,
        explain: Bool = false
    ) {
        self.page = page
        self.format = format
        self.input = input
        self.output = output
        self.explain = explain
    }

    func run() throws {
        // A page unless the name says Markdown or text.
        let document = try Terminal.load(page, format: input ?? InputFormat.fromExtension(page) ?? .html, lenient: true)
        let article = document.article ?? Article(plainText: document.bytes.string)
        if let warning = article.warning { Terminal.write("redline: \(page): \(warning).\n", to: .standardError) }
        if explain, let source = document.source, (input ?? InputFormat.fromExtension(page) ?? .html) == .html {
            let lines = source.withBytes { ArticleReader.explain(UnsafeRawBufferPointer($0)) }
            Terminal.write(lines.map { "explain: \($0)\n" }.joined(), to: .standardError)
        }
        let report = ArticleReport(format: format == .json ? .json : .text)
        try Terminal.withOutput(output) { report.render(article, into: &$0) }
    }
}

extension InputFormat: ExpressibleByArgument {}
