/// Sentences paired between the versions: what changed inside each pair.
extension FactComparer {
    mutating func compare(_ unit: Unit) {
        let olds = unit.old.map { old.sentences[$0] }
        let news = unit.new.map { new.sentences[$0] }
        let oldContext = olds.map(\.text).joined(separator: " ")
        let newContext = news.map(\.text).joined(separator: " ")
        if olds.allSatisfy(\.isHeadline) || news.allSatisfy(\.isHeadline) {
            headlineSpellings(olds.flatMap(\.names), news.flatMap(\.names), oldContext, newContext)
            for sentence in olds { headlineFacts(sentence, .old) }
            for sentence in news { headlineFacts(sentence, .new) }
            return
        }
        compareFigures(olds.flatMap(\.figures), news.flatMap(\.figures), oldContext, newContext)
        compareNames(
            olds.flatMap(\.names), news.flatMap(\.names), oldContext, newContext,
            speakers: (Set(olds.compactMap(\.speakerKey)), Set(news.compactMap(\.speakerKey))))
        compareQuotes(
            Array(Set(olds.flatMap(\.quotes))).sorted(), Array(Set(news.flatMap(\.quotes))).sorted(), oldContext,
            newContext)
        let oldAssertion = olds.map(\.assertion).reduce(Assertion(), Self.merge)
        let newAssertion = news.map(\.assertion).reduce(Assertion(), Self.merge)
        if oldAssertion != newAssertion, let firstOld = olds.first, let lastOld = olds.last, let firstNew = news.first,
            let lastNew = news.last
        {
            var change = FactChange(
                kind: .claim, change: .modified, old: oldContext, new: newContext,
                oldRange: firstOld.range.lowerBound..<lastOld.range.upperBound,
                newRange: firstNew.range.lowerBound..<lastNew.range.upperBound, oldContext: oldContext,
                newContext: newContext)
            change.detail["oldMarkers"] = .strings(oldAssertion.markers)
            change.detail["newMarkers"] = .strings(newAssertion.markers)
            changes.append(change)
        }
    }

    static func merge(_ a: Assertion, _ b: Assertion) -> Assertion {
        var merged = a
        merged.verbs.formUnion(b.verbs)
        merged.negated = a.negated || b.negated
        merged.modality.formUnion(b.modality)
        merged.frequency.formUnion(b.frequency)
        merged.status.formUnion(b.status)
        merged.scope.formUnion(b.scope)
        merged.markers += b.markers
        return merged
    }

    mutating func compareFigures(_ olds: [Figure], _ news: [Figure], _ oldContext: String, _ newContext: String) {
        var restOld = olds
        var restNew = news
        // 1. The same value (however written) with the same kind of hedge: unchanged; a date that
        // only drops or adds its year ("June 8th, 2022" → "June 8") is the same date.
        restOld.removeAll { figure in
            guard
                let j = restNew.firstIndex(where: {
                    ($0.key == figure.key || Self.sameDayOfYear($0, figure)) && $0.bound == figure.bound
                })
            else {
                return false
            }
            restNew.remove(at: j)
            return true
        }
        // 2. Pairs: the same counted word, then the same kind in order; a vague quantity with a number.
        var pairs: [(Figure, Figure)] = []
        func pair(where matches: (Figure, Figure) -> Bool) {
            var i = 0
            while i < restOld.count {
                if let j = restNew.firstIndex(where: { matches(restOld[i], $0) }) {
                    pairs.append((restOld.remove(at: i), restNew.remove(at: j)))
                } else {
                    i += 1
                }
            }
        }
        pair { a, b in a.kind == b.kind && a.counted != nil && a.counted == b.counted }
        pair { a, b in a.kind == b.kind && a.kind != .vague && a.unit == b.unit }
        pair { a, b in a.kind == b.kind && a.kind != .vague }
        // "2019" → "March 2019": a year that gains its month or day is the same date made precise.
        pair { a, b in a.kind != b.kind && [a.kind, b.kind].allSatisfy { $0 == .year || $0 == .date } }
        pair { a, b in (a.kind == .vague) != (b.kind == .vague) && (a.counted == nil || a.counted == b.counted) }
        pair { a, b in
            a.kind != .vague && b.kind != .vague
                && [a.kind, b.kind].allSatisfy { [.count, .quantity, .money].contains($0) }
        }
        for (a, b) in pairs where !(a.kind == .vague && b.kind == .vague) {
            changes.append(figureChange(.modified, old: a, new: b, oldContext: oldContext, newContext: newContext))
        }
        for figure in restOld where figure.kind != .vague {
            changes.append(
                figureChange(.removed, old: figure, new: nil, oldContext: oldContext, newContext: newContext))
        }
        for figure in restNew where figure.kind != .vague {
            changes.append(figureChange(.added, old: nil, new: figure, oldContext: oldContext, newContext: newContext))
        }
    }

    /// One date with a year and one without, on the same month and day.
    static func sameDayOfYear(_ a: Figure, _ b: Figure) -> Bool {
        guard a.kind == .date, b.kind == .date, Set([a.unit, b.unit]) == ["date", "month-day"] else { return false }
        return Int(a.value) % 10000 == Int(b.value) % 10000
    }

    mutating func compareQuotes(_ olds: [Int], _ news: [Int], _ oldContext: String, _ newContext: String) {
        var restOld = olds.filter { !reportedQuotes[.old, default: []].contains($0) }
        var restNew = news.filter { !reportedQuotes[.new, default: []].contains($0) }
        reportedQuotes[.old, default: []].formUnion(restOld)
        reportedQuotes[.new, default: []].formUnion(restNew)
        var pairs: [(Int, Int)] = []
        // The same words first, then the most similar.
        restOld.removeAll { i in
            guard let j = restNew.firstIndex(where: { new.quotes[$0].normalized == old.quotes[i].normalized }) else {
                return false
            }
            pairs.append((i, restNew.remove(at: j)))
            return true
        }
        var candidates: [(Double, Int, Int)] = []
        for i in restOld {
            for j in restNew {
                let score = Similarity.dice(
                    Similarity.words(old.quotes[i].normalized), Similarity.words(new.quotes[j].normalized))
                if score >= 0.3 { candidates.append((score, i, j)) }
            }
        }
        for (_, i, j) in candidates.sorted(by: { $0.0 > $1.0 }) where restOld.contains(i) && restNew.contains(j) {
            restOld.removeAll { $0 == i }
            restNew.removeAll { $0 == j }
            pairs.append((i, j))
        }
        for (i, j) in pairs {
            let a = old.quotes[i]
            let b = new.quotes[j]
            // Figures and names inside a quote are reported as such, not as a reworded quote.
            let wordsChanged = masked(i, in: old) != masked(j, in: new)
            let speakerChanged = Self.speakersDiffer(a, b)
            guard wordsChanged || speakerChanged else { continue }
            var change = FactChange(
                kind: .quote, change: .modified, old: a.text, new: b.text, oldRange: a.range, newRange: b.range,
                oldContext: oldContext, newContext: newContext)
            change.oldSpeaker = a.speaker
            change.newSpeaker = b.speaker
            changes.append(change)
        }
        for i in restOld {
            var change = FactChange(
                kind: .quote, change: .removed, old: old.quotes[i].text, new: nil, oldRange: old.quotes[i].range,
                oldContext: oldContext, newContext: newContext)
            change.oldSpeaker = old.quotes[i].speaker
            changes.append(change)
        }
        for j in restNew {
            var change = FactChange(
                kind: .quote, change: .added, old: nil, new: new.quotes[j].text, newRange: new.quotes[j].range,
                oldContext: oldContext, newContext: newContext)
            change.newSpeaker = new.quotes[j].speaker
            changes.append(change)
        }
    }

    /// Quotes in sentences that did not change can still change speaker, when they continue a
    /// quote whose attribution changed (`"A," said X. "B."` → `"A," said Y. "B."`).
    mutating func compareUnchangedQuotes() {
        var newByText: [String: [Int]] = [:]
        for j in new.quotes.indices where !reportedQuotes[.new, default: []].contains(j) {
            newByText[new.quotes[j].normalized, default: []].append(j)
        }
        for i in old.quotes.indices where !reportedQuotes[.old, default: []].contains(i) {
            let a = old.quotes[i]
            guard var candidates = newByText[a.normalized], !candidates.isEmpty else { continue }
            let j = candidates.removeFirst()
            newByText[a.normalized] = candidates
            let b = new.quotes[j]
            guard Self.speakersDiffer(a, b) else { continue }
            let oldSentence = old.sentences.first { $0.quotes.contains(i) }
            let newSentence = new.sentences.first { $0.quotes.contains(j) }
            var change = FactChange(
                kind: .quote, change: .modified, old: a.text, new: b.text, oldRange: a.range, newRange: b.range,
                oldContext: oldSentence?.text, newContext: newSentence?.text)
            change.oldSpeaker = a.speaker
            change.newSpeaker = b.speaker
            changes.append(change)
        }
    }

    /// A quote's words with its figures and names blanked out, normalised.
    func masked(_ index: Int, in sheet: FactSheet) -> String {
        let quote = sheet.quotes[index]
        var holes: [Range<Int>] = []
        for sentence in sheet.sentences where sentence.quotes.contains(index) {
            holes += sentence.figures.map(\.range).filter { quote.range.contains($0.lowerBound) }
            holes += sentence.names.map(\.range).filter { quote.range.contains($0.lowerBound) }
        }
        guard !holes.isEmpty else { return quote.normalized }
        var bytes: [UInt8] = []
        var position = quote.range.lowerBound
        for hole in holes.sorted(by: { $0.lowerBound < $1.lowerBound }) where hole.lowerBound >= position {
            bytes += sheet.bytes[position..<hole.lowerBound]
            bytes += Array(" 0 ".utf8)
            position = min(hole.upperBound, quote.range.upperBound)
        }
        bytes += sheet.bytes[position..<quote.range.upperBound]
        return Quote.normalize(String(decoding: bytes, as: UTF8.self))
    }

    /// Both speakers known and not the same person (a respelling is the same person).
    static func speakersDiffer(_ a: Quote, _ b: Quote) -> Bool {
        guard let x = a.speakerKey, let y = b.speakerKey, x != y else { return false }
        if x.hasSuffix(y) || y.hasSuffix(x) { return false }
        let limit = Similarity.spellingLimit(max(x.count, y.count))
        return Folding.editDistance(x, y, limit: limit) > limit
    }
}
