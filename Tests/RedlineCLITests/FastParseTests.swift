import ArgumentParser
import Testing

@testable import redline

/// `redline diff`'s direct parser must agree with ArgumentParser on every invocation it accepts,
/// and leave everything else (help, mistakes, unknown options) to ArgumentParser.
@Suite("The direct parser of redline diff")
struct FastParseTests {
    static let accepted: [[String]] = [
        ["diff", "a", "b"],
        ["diff", "a", "-"],
        ["diff", "-", "b"],
        ["diff", "a", "b", "--by", "sentence"],
        ["diff", "--by=char", "a", "b"],
        ["diff", "a", "b", "--format", "json", "-o", "out.json"],
        ["diff", "a", "b", "--format=unified", "--context", "5"],
        ["diff", "a", "b", "--context=0", "--minimal"],
        ["diff", "a", "b", "--no-facts", "--color", "never"],
        ["diff", "a", "b", "--facts", "--color=always", "--output", "-"],
        ["diff", "--minimal", "a", "--by", "paragraph", "b"],
        ["diff", "a.html", "b.html", "--input", "markdown"],
        ["diff", "a", "b", "--input=html", "--no-facts"],
    ]

    static let declined: [[String]] = [
        ["diff"],
        ["diff", "a"],
        ["diff", "a", "b", "c"],
        ["diff", "-", "-"],
        ["diff", "a", "b", "--help"],
        ["diff", "a", "b", "-h"],
        ["diff", "a", "b", "--by", "line"],
        ["diff", "a", "b", "--by"],
        ["diff", "a", "b", "--context", "-1"],
        ["diff", "a", "b", "--context", "x"],
        ["diff", "a", "b", "--format", "json", "--format", "text"],
        ["diff", "a", "b", "--facts", "--no-facts"],
        ["diff", "a", "b", "--unknown"],
        ["diff", "a", "b", "--", "c"],
        ["facts", "a"],
        ["--version"],
        [],
    ]

    @Test("Accepted invocations parse exactly as ArgumentParser parses them", arguments: accepted)
    func agrees(_ arguments: [String]) throws {
        let fast = try #require(DiffRequest(fastArguments: arguments))
        let parsed = try RedlineCommand.parseAsRoot(arguments)
        let command = try #require(parsed as? DiffCommand)
        #expect(fast == command.request)
    }

    @Test("Everything else is left to ArgumentParser", arguments: declined)
    func declines(_ arguments: [String]) {
        #expect(DiffRequest(fastArguments: arguments) == nil)
    }

    static let extractAccepted: [[String]] = [
        ["extract", "page.html"],
        ["extract", "-"],
        ["extract", "page.html", "--format", "json"],
        ["extract", "--format=text", "page.html", "-o", "out.txt"],
        ["extract", "page.md", "--input", "markdown", "--explain"],
    ]

    static let extractDeclined: [[String]] = [
        ["extract"],
        ["extract", "a", "b"],
        ["extract", "page.html", "--format", "xml"],
        ["extract", "page.html", "--format", "json", "--format", "text"],
        ["extract", "page.html", "--explain", "--explain"],
        ["extract", "page.html", "--help"],
        ["extract", "page.html", "--output"],
        ["diff", "a", "b"],
    ]

    @Test("extract: accepted invocations parse exactly as ArgumentParser parses them", arguments: extractAccepted)
    func extractAgrees(_ arguments: [String]) throws {
        let fast = try #require(ExtractRequest(fastArguments: arguments))
        let parsed = try RedlineCommand.parseAsRoot(arguments)
        let command = try #require(parsed as? ExtractCommand)
        #expect(fast == command.request)
    }

    @Test("extract: everything else is left to ArgumentParser", arguments: extractDeclined)
    func extractDeclines(_ arguments: [String]) {
        #expect(ExtractRequest(fastArguments: arguments) == nil)
    }

    static let factsAccepted: [[String]] = [
        ["facts", "story.txt"],
        ["facts", "-", "--format", "json"],
        ["facts", "--format=text", "page.html", "-o", "out.txt", "--input", "html"],
    ]

    static let factsDeclined: [[String]] = [
        ["facts"],
        ["facts", "a", "b"],
        ["facts", "story.txt", "--format", "xml"],
        ["facts", "story.txt", "--format", "json", "--format", "text"],
        ["facts", "story.txt", "--help"],
        ["facts", "story.txt", "--explain"],
    ]

    @Test("facts: accepted invocations parse exactly as ArgumentParser parses them", arguments: factsAccepted)
    func factsAgrees(_ arguments: [String]) throws {
        let fast = try #require(FactsRequest(fastArguments: arguments))
        let parsed = try RedlineCommand.parseAsRoot(arguments)
        let command = try #require(parsed as? FactsCommand)
        #expect(
            fast
                == FactsRequest(
                    file: command.file, format: command.format, input: command.input, output: command.output))
    }

    @Test("facts: everything else is left to ArgumentParser", arguments: factsDeclined)
    func factsDeclines(_ arguments: [String]) {
        #expect(FactsRequest(fastArguments: arguments) == nil)
    }
}
