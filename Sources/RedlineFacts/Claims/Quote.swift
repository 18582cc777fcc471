/// Words in quotation marks attributed to someone.
public struct Quote: Sendable, Equatable, Hashable {
    /// The quoted words as written, without the marks.
    public var text: String {
        didSet { normalized = Quote.normalize(text) }
    }
    /// UTF-8 offsets of the quoted words (marks excluded) in the document.
    public var range: Range<Int>
    /// Who said it, as written ("Eli Cohen", "the ministry"), when Redline could tell.
    public var speaker: String?
    /// The speaker folded for comparison, linked to a full name when the text gives one.
    public var speakerKey: String?

    /// The words folded for comparison: case, diacritics, punctuation and spacing ignored.
    public private(set) var normalized: String

    /// A quote of `text` at `range` of the document, said by `speaker` (compared by `speakerKey`).
    public init(text: String, range: Range<Int>, speaker: String?, speakerKey: String?) {
        self.text = text
        self.range = range
        self.speaker = speaker
        self.speakerKey = speakerKey
        normalized = Quote.normalize(text)
    }

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
        // Whether a quote mark here may open a quote: after space, an opening bracket, a dash or
        // a colon, or at the start.
        var afterOpener = true
        func close(at position: Int, length: Int) {
            if let current = open {
                spans.append(Span(content: current.content..<position, outer: current.start..<(position + length)))
            }
            open = nil
        }
        // Bytes only: every mark is ASCII or a two- or three-byte sequence, so nothing else is decoded.
        while position < paragraph.upperBound {
            let byte = bytes[position]
            if byte < 0x80 {
                if byte == UInt8(ascii: "\"") {
                    if open == nil && afterOpener {
                        open = (position, position + 1, .straight)
                    } else if open?.mark == .straight || open?.mark == .curly {
                        close(at: position, length: 1)
                    }
                }
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"),
                    UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ":"):
                    afterOpener = true
                default:
                    afterOpener = false
                }
                position += 1
                continue
            }
            if byte == 0xE2 && position + 2 < paragraph.upperBound && bytes[position + 1] == 0x80 {
                let third = bytes[position + 2]
                var opener = false
                switch third {
                case 0x9C, 0x9E:  // “ „
                    if open == nil { open = (position, position + 3, .curly) }
                case 0x9D:  // ”
                    if open?.mark == .curly || open?.mark == .straight { close(at: position, length: 3) }
                case 0x98:  // ‘
                    if open == nil && afterOpener { open = (position, position + 3, .single) }
                case 0x99:  // ’ closes a single quote unless a letter follows (an apostrophe)
                    if open?.mark == .single {
                        let next = position + 3
                        let letter =
                            next < paragraph.upperBound
                            && (bytes[next] >= 0x80
                                ? Tokenizer.isLetter(Tokenizer.decode(bytes, at: next).0)
                                : ((bytes[next] | 0x20) >= 0x61 && (bytes[next] | 0x20) <= 0x7A))
                        if !letter { close(at: position, length: 3) }
                    }
                case 0x93, 0x94, 0x80...0x8A, 0xAF:  // dashes and spaces
                    opener = true
                default:
                    break
                }
                afterOpener = opener
                position += 3
                continue
            }
            if byte == 0xC2 && position + 1 < paragraph.upperBound {
                let second = bytes[position + 1]
                if second == 0xAB && open == nil { open = (position, position + 2, .guillemet) }
                if second == 0xBB && open?.mark == .guillemet { close(at: position, length: 2) }
                afterOpener = second == 0xA0  // no-break space
                position += 2
                continue
            }
            afterOpener = false
            position += byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
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
