import Testing

/// Shell completions complete file names where a command takes a path.
@Suite("Shell completions")
struct CompletionTests {
    let cli = CLITests()

    @Test("zsh completion: OLD, NEW, -o and --store of diff, a page to extract, a store complete files")
    func pathsCompleteFiles() throws {
        let result = try cli.run(["--generate-completion-script", "zsh"])
        #expect(result.status == 0)
        for line in [
            "':old:_files'", "':new:_files'",
            "{-o,--output}'[Write the report to this file instead of standard output.]:output:_files'",
            "':page:_files'", ":store:_files'",
        ] {
            #expect(result.stdout.contains(line), "\(line)")
        }
        for shell in ["bash", "fish"] {
            #expect(try cli.run(["--generate-completion-script", shell]).status == 0, "\(shell)")
        }
    }
}
