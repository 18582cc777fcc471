import RedlineDiff

/// Every fact Redline finds in one version of an article: its sentences, and in each the
/// figures, names, quotes and assertion signature.
///
/// ```swift
/// let sheet = FactSheet(text: TextBytes(article))
/// for sentence in sheet.sentences { print(sentence.figures.map(\.surface)) }
/// ```
public struct FactSheet: Sendable {
    /// One sentence and its facts.
    public struct Sentence: Sendable {
        /// UTF-8 offsets in the document, without surrounding whitespace (or dateline).
        public var range: Range<Int>
        /// The sentence.
        public var text: String
        /// Which paragraph (line) of the document it is in, counting from 0.
        public var paragraph: Int
        /// A headline or heading: its facts restate the body's.
        public var isHeadline: Bool
        /// Page furniture ("Updated 3:15 PM ET", "Read more", photo credits): no facts.
        public var isBoilerplate: Bool
        /// The figures in it.
        public var figures: [Figure]
        /// The names in it.
        public var names: [Name]
        /// Indices in ``FactSheet/quotes`` of the quotes that touch this sentence.
        public var quotes: [Int]
        /// What it asserts: subject, predicate and object, for comparing claims.
        public var assertion: Assertion
        /// Who the sentence attributes its content to, if anyone ("said Herzog").
        public var speaker: String?
        /// Who says it, folded for comparison; nil when nobody is named.
        public var speakerKey: String?
        /// The dateline removed from the front of the sentence ("JERUSALEM (AP) —").
        public var dateline: String?
        /// Analysed only for context (names, quotes, speakers), not compared.
        var isContext = false

        var tokens: [Token]
    }

    /// The text, as UTF-8.
    public let text: TextBytes
    let bytes: [UInt8]
    /// The analysed sentences, in order.
    public internal(set) var sentences: [Sentence] = []
    /// The quotations, in order.
    public internal(set) var quotes: [Quote] = []
    /// Folded keys of every name mentioned in the analysed text, full names for linked surnames,
    /// and the surnames of people.
    public internal(set) var nameKeys: Set<String> = []
    /// True when the text has more sentences than the limit it was analysed under: the facts
    /// are those of the first `sentenceLimit` sentences only.
    public internal(set) var isTruncated = false
    /// Searches of the whole text, for what the analysed sentences alone cannot tell.
    let search: DocumentSearch
    /// Searches of the text after its headline: does the body state a headline's fact?
    var bodySearch: DocumentSearch

    /// At most this many sentences are analysed in one text by default (a news article has a
    /// few hundred at most): facts of a 40 MB log would take tens of seconds and gigabytes.
    public static let sentenceLimit = 100_000

    /// Analyses the whole text, or its first `sentenceLimit` sentences (then ``isTruncated``).
    public init(text: TextBytes, sentenceLimit: Int = FactSheet.sentenceLimit) {
        self.init(text: text, paragraphs: nil, sentenceLimit: sentenceLimit)
    }

    /// Analyses the whole text.
    public init(_ string: String) {
        self.init(text: TextBytes(string))
    }

    /// Analyses the paragraphs that contain `ranges` (and the paragraph before each, for who
    /// "he" is and whose quote continues), or the whole text when `ranges` is nil.
    public init(text: TextBytes, touching ranges: [Range<Int>]?, sentenceLimit: Int = FactSheet.sentenceLimit) {
        self.init(text: text, paragraphs: ranges, sentenceLimit: sentenceLimit)
    }

    private init(text: TextBytes, paragraphs selection: [Range<Int>]?, sentenceLimit: Int) {
        self.text = text
        bytes = text.withBytes { Array($0) }
        search = DocumentSearch(bytes)
        bodySearch = search
        var lines: [Range<Int>] = []
        var start = 0
        for (k, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(start..<k)
            start = k + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        var wanted = [Bool](repeating: selection == nil, count: lines.count)
        if let selection {
            var lineIndex = 0
            for range in selection.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                while lineIndex < lines.count && lines[lineIndex].upperBound < range.lowerBound { lineIndex += 1 }
                var k = lineIndex
                while k < lines.count && lines[k].lowerBound <= range.upperBound {
                    wanted[k] = true
                    k += 1
                }
            }
        }
        analyse(
            lines: lines, wanted: wanted, focus: selection?.sorted { $0.lowerBound < $1.lowerBound },
            limit: max(1, sentenceLimit))
    }

    /// True when the body (the text after the headline) states `figure`: its digits, its words or
    /// its value ("Storm kills 4" restates "Four people died").
    func bodyStates(_ figure: Figure) -> Bool {
        var surface = figure.surface
        if let hedge = figure.hedge, surface.lowercased().hasPrefix(hedge.lowercased()) {
            surface = String(surface.dropFirst(hedge.count)).trimmingSpaces
        }
        if bodySearch.contains(surface) || bodySearch.contains(Figure.format(figure.value)) { return true }
        if let word = Lexicon.units.first(where: { $0.value == figure.value })?.key { return bodySearch.contains(word) }
        return false
    }

    private func isBlank(_ line: Range<Int>) -> Bool {
        line.allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 || bytes[$0] == 0x0D }
    }

    // MARK: Analysis

    /// Splits the wanted lines into sentences and extracts their facts. Sentences outside
    /// `focus` (when given) are context: their names, quotes and speakers are found (for who
    /// "he" is and whose quote continues), not their figures or assertions.
    private mutating func analyse(lines: [Range<Int>], wanted: [Bool], focus: [Range<Int>]?, limit: Int) {
        struct Candidate {
            var range: Range<Int>
            var paragraph: Int
            var isHeadline: Bool
            var boilerplate: Bool
            var dateline: String?
            var spans: Range<Int>  // indices in `spans` of the paragraph's quotes
            var isContext = false
        }
        struct Pending {
            var sentence: Sentence
            var outside: [Bool]
        }
        var candidates: [Candidate] = []
        var spans: [(span: QuoteFinder.Span, paragraph: Int)] = []
        var seenBody = false
        var bodyStart = lines.count
        /// Splits line `index` into candidate sentences.
        func split(_ index: Int, isHeading: Bool) {
            let line = lines[index]
            let lineText = String(decoding: bytes[line], as: UTF8.self)
            let boilerplate =
                Boilerplate.matches(lineText) || (!isHeading && Boilerplate.isFurnitureLine(lineText))
            var content = line
            // Markdown heading marks and list bullets are not text.
            while content.lowerBound < content.upperBound
                && [UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "*"), UInt8(ascii: "-"), 0x20].contains(
                    bytes[content.lowerBound])
            {
                content = (content.lowerBound + 1)..<content.upperBound
            }
            let firstSpan = spans.count
            spans.append(contentsOf: QuoteFinder.spans(in: bytes, content).map { ($0, index) })
            var first = true
            for range in SentenceTokenizer.sentences(in: text, content) {
                var trimmed = trim(range)
                guard !trimmed.isEmpty else { continue }
                var dateline: String?
                if first, let end = Self.datelineEnd(bytes, trimmed) {
                    dateline =
                        String(decoding: bytes[trimmed.lowerBound..<end], as: UTF8.self)
                        .trimmingSpaces
                    trimmed = trim(end..<trimmed.upperBound)
                    guard !trimmed.isEmpty else { continue }
                }
                first = false
                candidates.append(
                    Candidate(
                        range: trimmed, paragraph: index, isHeadline: isHeading, boilerplate: boilerplate,
                        dateline: dateline, spans: firstSpan..<spans.count))
            }
        }
        func isHeading(_ index: Int) -> Bool {
            let line = lines[index]
            let lineText = String(decoding: bytes[line], as: UTF8.self)
            // Before the body starts, a short line that does not end like a sentence is a headline.
            return bytes[line.lowerBound] == UInt8(ascii: "#")
                || (index < bodyStart && Self.looksLikeHeadline(lineText)) || Self.looksLikeSubhead(lineText)
        }
        var linesBeforeBody = 0
        for (index, line) in lines.enumerated() {
            guard !isBlank(line) else { continue }
            let isMarkdownHeading = bytes[line.lowerBound] == UInt8(ascii: "#")
            guard wanted[index] || !seenBody || isMarkdownHeading else { continue }
            var heading = isHeading(index)
            // A headline and a deck at most: a third unpunctuated line is a list or a table in the body
            // ("Submissions due: March 20, 2023").
            if heading && !seenBody && !isMarkdownHeading {
                linesBeforeBody += 1
                if linesBeforeBody > Self.headlineLines {
                    seenBody = true
                    bodyStart = index
                    bodySearch = DocumentSearch(bytes, from: line.lowerBound)
                    heading = isHeading(index)
                }
            }
            if !heading && !seenBody {
                seenBody = true
                bodyStart = index
                bodySearch = DocumentSearch(bytes, from: line.lowerBound)
            }
            if wanted[index] {
                guard candidates.count < limit else {
                    isTruncated = true
                    break
                }
                split(index, isHeading: heading)
            }
        }
        // A changed sentence that opens its paragraph and refers back ("he said", a quote that
        // continues) needs the paragraph before as context: split those too.
        /// Which candidates overlap a changed range (all of them when every sentence is wanted).
        func focusFlags() -> [Bool] {
            guard let focus else { return [Bool](repeating: true, count: candidates.count) }
            var f = 0
            return candidates.map { candidate in
                while f < focus.count && focus[f].upperBound <= candidate.range.lowerBound
                    && !(focus[f].isEmpty && focus[f].lowerBound == candidate.range.lowerBound)
                {
                    f += 1
                }
                return f < focus.count && focus[f].lowerBound < candidate.range.upperBound
            }
        }
        func quotes(_ candidate: Candidate) -> Bool {
            spans[candidate.spans].contains { $0.span.outer.overlaps(candidate.range) }
        }
        if focus != nil {
            var extra: [Int] = []
            for (k, isFocus) in focusFlags().enumerated() {
                let candidate = candidates[k]
                let opensParagraph = k == 0 || candidates[k - 1].paragraph != candidate.paragraph
                guard isFocus && opensParagraph else { continue }
                guard quotes(candidate) || Self.mentionsSomeoneEarlier(bytes, candidate.range) else { continue }
                var p = candidate.paragraph - 1
                while p >= 0 && isBlank(lines[p]) { p -= 1 }
                if p >= 0 && !wanted[p] && extra.last != p { extra.append(p) }
            }
            if !extra.isEmpty {
                for p in extra { split(p, isHeading: isHeading(p)) }
                candidates.sort { $0.range.lowerBound < $1.range.lowerBound }
            }
        }

        // Which sentences changed (focus), and which come just before one (context).
        var keep = [Bool](repeating: focus == nil, count: candidates.count)
        if focus != nil {
            for (k, isFocus) in focusFlags().enumerated() {
                let candidate = candidates[k]
                guard isFocus else {
                    candidates[k].isContext = true
                    continue
                }
                keep[k] = true
                // The sentence before, when this one needs it: for who "he" is, or whose quote this is.
                let hasQuotes = quotes(candidate)
                if hasQuotes || Self.mentionsSomeoneEarlier(bytes, candidate.range) {
                    for j in max(0, k - Self.contextSentences)..<k { keep[j] = true }
                }
                // A quote continued after the changed sentence may change speaker with it.
                var j = k + 1
                while hasQuotes && j < candidates.count && j <= k + Self.contextSentences
                    && candidates[j].paragraph == candidate.paragraph
                {
                    keep[j] = true
                    j += 1
                }
            }
        }
        var pending: [Pending] = []
        for (k, candidate) in candidates.enumerated() where keep[k] {
            let sentenceText = String(decoding: bytes[candidate.range], as: UTF8.self)
            let tokens = Tokenizer.tokens(sentenceText, in: candidate.range, of: bytes)
            let paragraphSpans = spans[candidate.spans]
            let outside = tokens.map { token in
                !paragraphSpans.contains { $0.span.content.contains(token.range.lowerBound) }
            }
            var sentence = Sentence(
                range: candidate.range, text: sentenceText, paragraph: candidate.paragraph,
                isHeadline: candidate.isHeadline,
                isBoilerplate: candidate.boilerplate || (tokens.count <= 40 && Boilerplate.matches(sentenceText)),
                figures: [], names: [],
                quotes: [], assertion: Assertion(), speaker: nil, speakerKey: nil, dateline: candidate.dateline,
                tokens: tokens)
            sentence.isContext = candidate.isContext
            pending.append(Pending(sentence: sentence, outside: outside))
        }

        // Facts per sentence; speakers need the people named so far.
        var lastPerson: Name?
        let search = self.search
        for item in pending {
            var sentence = item.sentence
            if !sentence.isBoilerplate && !sentence.isContext {
                sentence.figures = FigureExtractor.figures(in: sentence.tokens, bytes: bytes)
                sentence.assertion = Assertion.of(sentence.tokens, outsideQuotes: item.outside)
            }
            if !sentence.isBoilerplate {
                sentence.names = NameExtractor(
                    tokens: sentence.tokens, bytes: bytes, isOrdinaryWord: { search.usesInLowerCase($0) },
                    isCapitalisedElsewhere: { search.capitalisesInside($0) },
                    isCapitalisedTwice: { search.capitalisesInsideTwice($0) },
                    isTitleCase: sentence.isHeadline || NameExtractor.isTitleCase(sentence.tokens)
                ).names()
                if let (speaker, key) = Attribution.find(
                    in: sentence.tokens, outside: item.outside, names: sentence.names, lastPerson: lastPerson)
                {
                    sentence.speaker = speaker
                    sentence.speakerKey = key
                }
                if let person = sentence.names.last(where: { $0.kind == .person }) { lastPerson = person }
            }
            sentences.append(sentence)
        }
        linkSurnames()
        collectQuotes(spans)
        for sentence in sentences {
            for name in sentence.names {
                nameKeys.insert(name.key)
                if name.kind == .person { nameKeys.insert(name.lastWordKey) }
            }
        }
    }

    private func trim(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && Self.isSpaceByte(bytes[lower]) { lower += 1 }
        while upper > lower && Self.isSpaceByte(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private static func isSpaceByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Sentences before a changed one analysed for context: who "he" is, whose quote continues.
    static let contextSentences = 1

}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
