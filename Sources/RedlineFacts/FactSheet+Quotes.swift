/// Linking surnames to full names, and quotes to their speakers.
extension FactSheet {
    /// "Herzog" after "Isaac Herzog": the surname takes the full name's key.
    mutating func linkSurnames() {
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
    mutating func collectQuotes(_ spans: [(span: QuoteFinder.Span, paragraph: Int)]) {
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
    func isOpening(_ span: QuoteFinder.Span, in sentence: Int) -> Bool {
        sentences[sentence].tokens.prefix { $0.range.upperBound <= span.outer.lowerBound }.allSatisfy { !$0.isWord }
    }
}
