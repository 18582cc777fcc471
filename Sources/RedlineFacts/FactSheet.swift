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
        public var text: String
        /// Which paragraph (line) of the document it is in, counting from 0.
        public var paragraph: Int
        /// A headline or heading: its facts restate the body's.
        public var isHeadline: Bool
        /// Page furniture ("Updated 3:15 PM ET", "Read more", photo credits): no facts.
        public var isBoilerplate: Bool
        public var figures: [Figure]
        public var names: [Name]
        /// Indices in ``FactSheet/quotes`` of the quotes that touch this sentence.
        public var quotes: [Int]
        public var assertion: Assertion
        /// Who the sentence attributes its content to, if anyone ("said Herzog").
        public var speaker: String?
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
    public private(set) var sentences: [Sentence] = []
    /// The quotations, in order.
    public private(set) var quotes: [Quote] = []
    /// Folded keys of every name mentioned in the analysed text, full names for linked surnames,
    /// and the surnames of people.
    public private(set) var nameKeys: Set<String> = []
    /// Searches of the whole text, for what the analysed sentences alone cannot tell.
    let search: DocumentSearch
    /// Searches of the text after its headline: does the body state a headline's fact?
    private(set) var bodySearch: DocumentSearch

    /// Analyses the whole text.
    public init(text: TextBytes) {
        self.init(text: text, paragraphs: nil)
    }

    /// Analyses the whole text.
    public init(_ string: String) {
        self.init(text: TextBytes(string))
    }

    /// Analyses the paragraphs that contain `ranges` (and the paragraph before each, for who
    /// "he" is and whose quote continues), or the whole text when `ranges` is nil.
    public init(text: TextBytes, touching ranges: [Range<Int>]?) {
        self.init(text: text, paragraphs: ranges)
    }

    private init(text: TextBytes, paragraphs selection: [Range<Int>]?) {
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
        analyse(lines: lines, wanted: wanted, focus: selection?.sorted { $0.lowerBound < $1.lowerBound })
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
    private mutating func analyse(lines: [Range<Int>], wanted: [Bool], focus: [Range<Int>]?) {
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
            if wanted[index] { split(index, isHeading: heading) }
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

    /// "Herzog" after "Isaac Herzog": the surname takes the full name's key.
    private mutating func linkSurnames() {
        var fullNames: [String: Name] = [:]
        for sentence in sentences {
            for name in sentence.names where name.kind == .person && name.surface.contains(" ") {
                if fullNames[name.lastWordKey] == nil { fullNames[name.lastWordKey] = name }
            }
        }
        for s in sentences.indices {
            for n in sentences[s].names.indices {
                let name = sentences[s].names[n]
                guard !name.surface.contains(" ") else { continue }
                if let full = fullNames[name.key] {
                    sentences[s].names[n].key = full.key
                    sentences[s].names[n].kind = .person
                    sentences[s].names[n].fullName = full.surface
                } else if name.kind == .person || name.kind == .unknown, let full = search.fullName(of: name.surface) {
                    // The full name is in a sentence that was not analysed.
                    sentences[s].names[n].key = Name.key(full)
                    sentences[s].names[n].kind = .person
                    sentences[s].names[n].fullName = full
                }
            }
            if let key = sentences[s].speakerKey, let full = fullNames[key] {
                sentences[s].speakerKey = full.key
                sentences[s].speaker = full.surface
            } else if let speaker = sentences[s].speaker,
                let linked = sentences[s].names.first(where: { $0.surface == speaker && $0.fullName != nil })
            {
                sentences[s].speakerKey = linked.key
                sentences[s].speaker = linked.fullName
            }
        }
    }

    /// Quotes with their speakers: the attribution of a sentence the quote touches, else (for a
    /// quote that opens a sentence with no attribution) the previous quote's speaker.
    private mutating func collectQuotes(_ spans: [(span: QuoteFinder.Span, paragraph: Int)]) {
        var previous: (speaker: String?, key: String?, paragraph: Int)?
        var sentenceIndex = 0
        for (span, paragraph) in spans {
            while sentenceIndex < sentences.count
                && sentences[sentenceIndex].range.upperBound <= span.content.lowerBound
            {
                sentenceIndex += 1
            }
            var touched: [Int] = []
            var k = sentenceIndex
            while k < sentences.count && sentences[k].range.lowerBound < span.outer.upperBound {
                if sentences[k].range.upperBound > span.content.lowerBound { touched.append(k) }
                k += 1
            }
            guard !touched.isEmpty, !touched.allSatisfy({ sentences[$0].isBoilerplate }) else { continue }
            let text = String(decoding: bytes[span.content], as: UTF8.self)
            let words = Quote.normalize(text).split(separator: " ").count
            var speaker: String?
            var key: String?
            if let source = touched.first(where: { sentences[$0].speaker != nil }) {
                speaker = sentences[source].speaker
                key = sentences[source].speakerKey
            } else if let previous, previous.paragraph >= paragraph - 2, isOpening(span, in: touched[0]) {
                speaker = previous.speaker
                key = previous.key
            }
            // Scare quotes ("a 'game changer'") are not quotations.
            let utterance = text.last.map { ",.?!".contains($0) } ?? false
            guard words >= 4 || (speaker != nil && (utterance || words >= 2)) else { continue }
            let quote = Quote(text: text, range: span.content, speaker: speaker, speakerKey: key)
            for index in touched { sentences[index].quotes.append(quotes.count) }
            quotes.append(quote)
            previous = (speaker, key, paragraph)
        }
    }

    /// True when the quote opens its sentence (nothing but punctuation before it).
    private func isOpening(_ span: QuoteFinder.Span, in sentence: Int) -> Bool {
        sentences[sentence].tokens.prefix { $0.range.upperBound <= span.outer.lowerBound }.allSatisfy { !$0.isWord }
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

    /// True when a sentence refers back to someone named before it ("he", "she", "they", "his",
    /// "her", "their", "the minister"…): then the sentence before is analysed with it.
    static func mentionsSomeoneEarlier(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var k = range.lowerBound
        while k < range.upperBound {
            while k < range.upperBound && !DocumentSearch.isWordByte(bytes[k]) { k += 1 }
            let start = k
            while k < range.upperBound && DocumentSearch.isWordByte(bytes[k]) { k += 1 }
            let length = k - start
            guard length >= 2 && length <= 5 else { continue }
            // Packs the lower-cased word into an integer: no allocation per word.
            var packed: UInt64 = 0
            for b in bytes[start..<k] { packed = packed << 8 | UInt64(b | 0x20) }
            if Self.backReferences.contains(packed) { return true }
        }
        return false
    }

    /// "he", "she", "his", "her", "him", "they", "their", "them", packed as by ``mentionsSomeoneEarlier``.
    private static let backReferences: Set<UInt64> = Set(
        ["he", "she", "his", "her", "him", "they", "their", "them"].map { word in
            word.utf8.reduce(0) { $0 << 8 | UInt64($1) }
        })

    /// How many unpunctuated lines before the body can be its headline and deck.
    static let headlineLines = 2

    /// A headline: a short first line that does not end like a sentence.
    static func looksLikeHeadline(_ line: String) -> Bool {
        let trimmed = line.trimmingSpaces
        guard let last = trimmed.last else { return false }
        let words = trimmed.split(separator: " ").count
        return words <= 20 && !".!?\u{201D}\"".contains(last)
    }

    /// A subheading inside the body: a short line in title case that does not end like a sentence
    /// ("Rescue Efforts Continue").
    static func looksLikeSubhead(_ line: String) -> Bool {
        guard line.utf8.count <= 100 else { return false }
        let trimmed = line.trimmingSpaces
        guard let last = trimmed.last, !".!?,;:\u{201D}\"".contains(last) else { return false }
        let words = trimmed.split(separator: " ")
        guard words.count >= 2 && words.count <= 10 else { return false }
        let capitalised = words.filter { $0.first?.isUppercase ?? false }.count
        return capitalised * 3 >= words.count * 2
    }

    /// Where a dateline ends: "JERUSALEM (AP) — ", "WASHINGTON, D.C. — ", "LONDON: ".
    /// After a dateline's place, a date such as "Nov 24", "November 24, 2023": where it ends
    /// (spaces after it skipped), or nil. `wordStart` is the month's capital letter.
    private static func datelineDate(_ bytes: [UInt8], wordStart: Int, end: Int) -> Int? {
        guard wordStart >= 2, bytes[wordStart - 1] == 0x20, bytes[wordStart - 2] == UInt8(ascii: ",") else {
            return nil
        }
        var k = wordStart
        while k < end && ((bytes[k] | 0x20) >= 0x61 && (bytes[k] | 0x20) <= 0x7A) { k += 1 }
        let month = String(decoding: bytes[wordStart..<k], as: UTF8.self).lowercased()
        guard Lexicon.months[month] != nil else { return nil }
        if k < end && bytes[k] == UInt8(ascii: ".") { k += 1 }
        while k < end && bytes[k] == 0x20 { k += 1 }
        let digits = k
        while k < end && bytes[k] >= 0x30 && bytes[k] <= 0x39 { k += 1 }
        guard k > digits, k - digits <= 2 else { return nil }
        // ", 2023"
        if k + 6 <= end && bytes[k] == UInt8(ascii: ",") && bytes[k + 1] == 0x20
            && bytes[(k + 2)..<(k + 6)].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        {
            k += 6
        }
        while k < end && bytes[k] == 0x20 { k += 1 }
        return k
    }

    static func datelineEnd(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var k = range.lowerBound
        var letters = 0
        // Capitals, spaces, commas, dots and apostrophes.
        while k < range.upperBound {
            let byte = bytes[k]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                letters += 1
            } else if byte == 0x20 || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-")
            {
                // part of the place
            } else if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") {
                // "WASHINGTON, D.C." is capitals; lower case means prose ("Washington, Tuesday"), unless
                // it is the date of a wire dateline: "LONDON, Nov 24 (Reuters) -".
                guard let afterDate = datelineDate(bytes, wordStart: k - 1, end: range.upperBound) else { return nil }
                k = afterDate
                break
            } else {
                break
            }
            k += 1
        }
        guard letters >= 3, k < range.upperBound else { return nil }
        var j = k
        if bytes[j] == UInt8(ascii: "(") {
            while j < range.upperBound && bytes[j] != UInt8(ascii: ")") { j += 1 }
            guard j < range.upperBound else { return nil }
            j += 1
            while j < range.upperBound && bytes[j] == 0x20 { j += 1 }
        }
        // A dash (—, –, -- or -) or a colon.
        let dashes: [[UInt8]] = [[0xE2, 0x80, 0x94], [0xE2, 0x80, 0x93], [0x2D, 0x2D], [0x2D], [0x3A]]
        for dash in dashes where j + dash.count <= range.upperBound && Array(bytes[j..<(j + dash.count)]) == dash {
            let end = j + dash.count
            guard end < range.upperBound, bytes[end] == 0x20 else { continue }
            return end
        }
        return nil
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
