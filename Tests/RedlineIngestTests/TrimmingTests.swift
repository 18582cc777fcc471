import RedlineTestSupport
import Testing

@testable import RedlineArticle

/// `trimmingWhitespace`, which every header line and metadata field goes through: the same as
/// cutting Unicode White_Space scalars from both ends, scalar by scalar.
@Suite("Trimming whitespace")
struct TrimmingTests {
    /// The rule written plainly: every White_Space scalar off both ends.
    static func reference(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    @Test("Examples: ASCII, no-break and ideographic spaces, line separators, nothing to trim")
    func examples() {
        #expect(" \t\n Story 12 \r\n".trimmingWhitespace == "Story 12")
        #expect("\u{A0}\u{2003}Ann Smith\u{3000}\u{2028}".trimmingWhitespace == "Ann Smith")
        #expect("already clean".trimmingWhitespace == "already clean")
        #expect(" \u{85}\u{1680} ".trimmingWhitespace == "")
        #expect("".trimmingWhitespace == "")
        #expect("\u{1C}kept\u{1F}".trimmingWhitespace == "\u{1C}kept\u{1F}")  // not White_Space
        #expect("  x  "[...].dropFirst().trimmingWhitespace == "x")  // on a Substring
    }

    @Test("Random texts of spaces, marks, emoji and letters: the same as the plain rule")
    func property() {
        let pieces: [String] = [
            " ", "\t", "\n", "\r\n", "\u{A0}", "\u{2009}", "\u{3000}", "\u{85}", "\u{301}", "e\u{301}", "a", "Z",
            "7", "€", "👩‍👩‍👧", "\u{200B}", "\u{FEFF}", ".", "\u{1C}", "\u{0B}", "\u{0C}",
        ]
        var generator = SplitMix(seed: 17)
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            #expect(text.trimmingWhitespace == Self.reference(text), "\(Array(text.unicodeScalars))")
        }
    }
}
