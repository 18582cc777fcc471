/// Words in quotation marks attributed to someone.
public struct Quote: Sendable, Equatable, Hashable {
    /// The quoted words as written, without the marks.
    public var text: String
    /// UTF-8 offsets of the quoted words (marks excluded) in the document.
    public var range: Range<Int>
    /// Who said it, as written ("Eli Cohen", "the ministry"), when Redline could tell.
    public var speaker: String?
    /// The speaker folded for comparison, linked to a full name when the text gives one.
    public var speakerKey: String?

    /// The words folded for comparison: case, diacritics, punctuation and spacing ignored.
    public var normalized: String { Quote.normalize(text) }

    /// Folds quoted words for comparison: case, diacritics, punctuation and spacing ignored.
    public static func normalize(_ text: String) -> String {
        var words: [String] = []
        var word = ""
        for scalar in Folding.fold(text).unicodeScalars {
            if Tokenizer.isLetter(scalar) || Tokenizer.isDigit(scalar) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty && !Tokenizer.isApostrophe(scalar) {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }
}

/// Finds quoted spans in a paragraph: curly and straight double quotes, guillemets, and curly
/// single quotes at the top level (British style). Quotes nested inside a quote belong to it; a
/// quote left open at the end of a paragraph runs to its end, as news style continues quotes
/// across paragraphs.
enum QuoteFinder {
    struct Span {
        /// The quoted words, marks excluded.
        var content: Range<Int>
        /// With the marks.
        var outer: Range<Int>
    }

    static func spans(in bytes: [UInt8], _ paragraph: Range<Int>) -> [Span] {
        enum Mark { case curly, straight, single, guillemet }
        var spans: [Span] = []
        var open: (start: Int, content: Int, mark: Mark)?
        var position = paragraph.lowerBound
        var previous: Unicode.Scalar = " "
        while position < paragraph.upperBound {
            let (scalar, length) = Tokenizer.decode(bytes, at: position)
            let next = position + length < paragraph.upperBound ? Tokenizer.decode(bytes, at: position + length).0 : " "
            let opensHere: Bool
            switch previous {
            case "(", "[", "{", "\u{2014}", "\u{2013}", "-", "/", ":": opensHere = true
            default: opensHere = Tokenizer.isSpace(previous) || position == paragraph.lowerBound
            }
            func close() {
                if let current = open {
                    spans.append(Span(content: current.content..<position, outer: current.start..<(position + length)))
                }
                open = nil
            }
            switch scalar {
            case "\u{201C}", "\u{201E}":
                if open == nil { open = (position, position + length, .curly) }
            case "\u{201D}":
                if open?.mark == .curly || open?.mark == .straight { close() }
            case "\u{00AB}":
                if open == nil { open = (position, position + length, .guillemet) }
            case "\u{00BB}":
                if open?.mark == .guillemet { close() }
            case "\"":
                if open == nil && opensHere {
                    open = (position, position + length, .straight)
                } else if open?.mark == .straight || open?.mark == .curly {
                    close()
                }
            case "\u{2018}":
                if open == nil && opensHere { open = (position, position + length, .single) }
            case "\u{2019}":
                if open?.mark == .single && !Tokenizer.isLetter(next) { close() }
            default:
                break
            }
            previous = scalar
            position += length
        }
        if let current = open, current.mark != .single {
            var end = paragraph.upperBound
            while end > current.content && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0D)
            {
                end -= 1
            }
            spans.append(Span(content: current.content..<end, outer: current.start..<end))
        }
        return spans.filter { !$0.content.isEmpty }
    }
}
