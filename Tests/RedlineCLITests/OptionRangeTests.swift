import Testing

/// Numeric options at the edges of their range: no trap, a report or a clear exit 2.
@Suite("Numeric options at their limits")
struct OptionRangeTests {
    let cli = CLITests()

    @Test("--context as large as an Int holds gives the whole text as context, in every format")
    func hugeContext() throws {
        for format in ["text", "unified", "json", "markdown", "html"] {
            let result = try cli.run([
                "diff", cli.old, cli.new, "--format", format, "--context", "4611686018427387904", "--color", "never",
            ])
            #expect(result.status == 1, "\(format)")
            #expect(result.stderr.isEmpty, "\(format)")
        }
    }
}
