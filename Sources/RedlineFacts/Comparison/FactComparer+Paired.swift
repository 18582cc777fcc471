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

    /// A name respelt or renamed in a heading ("Aligning AgOpporunity …" → "… AgOpportunity …") is a
    /// name change even though a heading's other facts only restate the body.
    mutating func headlineSpellings(_ olds: [Name], _ news: [Name], _ oldContext: String, _ newContext: String) {
        for a in unique(olds) {
            guard
                let b = news.first(where: {
                    Similarity.isSpellingVariant(a, $0) || Self.isHyphenVariant(a.surface, $0.surface)
                }),
                !newPresence.contains(a, exactly: true), reportedNames.insert("-" + a.key).inserted
            else { continue }
            reportedNames.insert("+" + b.key)
            var change = nameChange(.modified, old: a, new: b, oldContext: oldContext, newContext: newContext)
            change.detail["reason"] = .string(Similarity.isSpellingVariant(a, b) ? "spelling" : "changed")
            changes.append(change)
        }
    }

    /// `speakers`: who the unit's old and new sentences quote. When the speaker changed ("Lopez said"
    /// → "Chen said") the quote reports it; the new person is a name `added` (and the old one
    /// `removed`) where absent from the other version — not one name `modified` into another.
    mutating func compareNames(
        _ olds: [Name], _ news: [Name], _ oldContext: String, _ newContext: String,
        speakers: (old: Set<String>, new: Set<String>) = ([], [])
    ) {
        let speakerChanged = speakers.old != speakers.new
        func isSwappedSpeaker(_ a: Name, _ b: Name) -> Bool {
            speakerChanged && (speakers.old.contains(a.key) || speakers.new.contains(b.key))
        }
        let oldKeys = Set(olds.map(\.key))
        let newKeys = Set(news.map(\.key))
        var gone = unique(olds.filter { !newKeys.contains($0.key) })
        var came = unique(news.filter { !oldKeys.contains($0.key) })
        // A plural written for a singular ("Officer" → "Officers") is the same name.
        gone.removeAll { a in
            guard let j = came.firstIndex(where: { Self.isPluralVariant(a.key, $0.key) }) else { return false }
            came.remove(at: j)
            return true
        }
        // A surname that gains or loses a hyphenated part ("Rebecca Refoy-Sidibe" → "Rebecca Refoy"):
        // the same person's name changed, whatever else the text says.
        gone.removeAll { a in
            guard let j = came.firstIndex(where: { Self.isHyphenVariant(a.surface, $0.surface) }) else { return false }
            reportRenamed(a, came.remove(at: j), reason: "changed", oldContext, newContext)
            return true
        }
        // Spelling fixes: a close spelling in the same place.
        var i = 0
        while i < gone.count {
            if let j = came.firstIndex(where: { Similarity.isSpellingVariant(gone[i], $0) }) {
                let a = gone.remove(at: i)
                let b = came.remove(at: j)
                let key = "~" + a.key + ">" + b.key
                guard !newPresence.contains(a, exactly: true) || !oldPresence.contains(b, exactly: true) else {
                    continue
                }
                guard !reportedNames.contains(key) else { continue }
                reportedNames.formUnion([key, "-" + a.key, "+" + b.key])
                var change = nameChange(.modified, old: a, new: b, oldContext: oldContext, newContext: newContext)
                change.detail["reason"] = .string("spelling")
                changes.append(change)
            } else {
                i += 1
            }
        }
        // A misspelling corrected to a spelling the sentence already had ("National Parks Service
        // … National Park Service" → both "Park"), or a word glued to a name that is unglued
        // ("AsSlowroll" → "As Slowroll"): compared with every name of the new sentence.
        gone.removeAll { a in
            if news.contains(where: { Self.isGluedVariant(a.key, $0.key) }) { return true }
            guard let b = news.first(where: { Similarity.isSpellingVariant(a, $0) }),
                !newPresence.contains(a, exactly: true), reportedNames.insert("-" + a.key).inserted
            else { return false }
            reportedNames.insert("~" + a.key + ">" + b.key)
            var change = nameChange(.modified, old: a, new: b, oldContext: oldContext, newContext: newContext)
            change.detail["reason"] = .string("spelling")
            changes.append(change)
            return true
        }
        came.removeAll { b in olds.contains { Self.isGluedVariant(b.key, $0.key) } }
        // One name put in another's place in the sentence ("from Italy, Poland and Spain" → "from
        // Italy, Japan and Spain") is a replacement even if the old one is still named elsewhere.
        gone.removeAll { a in
            guard
                let j = came.firstIndex(where: { b in
                    (b.kind == a.kind || b.kind == .unknown || a.kind == .unknown)
                        && Self.sameSlot(old.bytes, a.range, new.bytes, b.range) && !oldPresence.contains(b)
                        && !isSwappedSpeaker(a, b)
                })
            else { return false }
            reportRenamed(a, came.remove(at: j), reason: "replaced", oldContext, newContext)
            return true
        }
        // Names that vanished from the text and names new to it; an acronym spelt out in the other
        // version ("Agile BPA" → "Agile Blanket Purchase Agreement (BPA)") is no new name.
        gone.removeAll { newPresence.contains($0) || Self.acronymKnown(after: $0, in: old, to: newPresence) }
        came.removeAll { oldPresence.contains($0) || Self.acronymKnown(after: $0, in: new, to: oldPresence) }
        // One replaced by another of the same kind, in the same sentence.
        var unpairedGone: [Name] = []
        while let a = gone.first {
            guard
                let j = came.firstIndex(where: {
                    ($0.kind == a.kind || $0.kind == .unknown || a.kind == .unknown) && !isSwappedSpeaker(a, $0)
                })
            else {
                unpairedGone.append(gone.removeFirst())
                continue
            }
            gone.removeFirst()
            reportRenamed(a, came.remove(at: j), reason: "replaced", oldContext, newContext)
        }
        for name in unpairedGone where !reportedNames.contains("-" + name.key) {
            reportedNames.insert("-" + name.key)
            changes.append(nameChange(.removed, old: name, new: nil, oldContext: oldContext, newContext: newContext))
        }
        for name in came where !reportedNames.contains("+" + name.key) {
            reportedNames.insert("+" + name.key)
            changes.append(nameChange(.added, old: nil, new: name, oldContext: oldContext, newContext: newContext))
        }
    }

    /// Reports `a` renamed `b` (once per pair), marking both as reported so that neither is also
    /// counted removed or added.
    mutating func reportRenamed(_ a: Name, _ b: Name, reason: String, _ oldContext: String, _ newContext: String) {
        guard reportedNames.insert("~" + a.key + ">" + b.key).inserted else { return }
        reportedNames.formUnion(["-" + a.key, "+" + b.key])
        var change = nameChange(.modified, old: a, new: b, oldContext: oldContext, newContext: newContext)
        change.detail["reason"] = .string(reason)
        changes.append(change)
    }

    /// One date with a year and one without, on the same month and day.
    static func sameDayOfYear(_ a: Figure, _ b: Figure) -> Bool {
        guard a.kind == .date, b.kind == .date, Set([a.unit, b.unit]) == ["date", "month-day"] else { return false }
        return Int(a.value) % 10000 == Int(b.value) % 10000
    }

    /// "asslowroll" / "slowroll", "thewebassembly" / "webassembly", "poolover" / "pool": one key
    /// is the other with a common word glued to its start or end (a missing space, fixed).
    static func isGluedVariant(_ a: String, _ b: String) -> Bool {
        guard a.count != b.count else { return false }
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        guard short.count >= 3 else { return false }
        let extra: Substring
        if long.hasPrefix(short) {
            extra = long.dropFirst(short.count)
        } else if long.hasSuffix(short) {
            extra = long.dropLast(short.count)
        } else {
            return false
        }
        let word = String(extra)
        return extra.count <= 5
            && (Lexicon.flags(of: word).contains(.common) || GeneratedLexicon.commonWords.contains(word))
    }

    /// True when two names stand in the same place of their sentences: the same word just before
    /// them, or just after.
    static func sameSlot(_ oldBytes: [UInt8], _ a: Range<Int>, _ newBytes: [UInt8], _ b: Range<Int>) -> Bool {
        let before = (
            Self.word(in: oldBytes, endingBefore: a.lowerBound), Self.word(in: newBytes, endingBefore: b.lowerBound)
        )
        let after = (
            Self.word(in: oldBytes, startingAfter: a.upperBound), Self.word(in: newBytes, startingAfter: b.upperBound)
        )
        return (!before.0.isEmpty && before.0 == before.1) || (!after.0.isEmpty && after.0 == after.1)
    }

    /// The word before `offset` on the same line, lower-cased ("" at a line's start).
    static func word(in bytes: [UInt8], endingBefore offset: Int) -> String {
        var end = offset
        while end > 0 && (bytes[end - 1] == 0x20 || bytes[end - 1] == UInt8(ascii: ",")) { end -= 1 }
        var start = end
        while start > 0 && DocumentSearch.isWordByte(bytes[start - 1]) { start -= 1 }
        return Tokenizer.lowercase(String(decoding: bytes[start..<end], as: UTF8.self))
    }

    /// The word after `offset` on the same line, lower-cased ("" at a line's end).
    static func word(in bytes: [UInt8], startingAfter offset: Int) -> String {
        var start = offset
        while start < bytes.count && (bytes[start] == 0x20 || bytes[start] == UInt8(ascii: ",")) { start += 1 }
        var end = start
        while end < bytes.count && DocumentSearch.isWordByte(bytes[end]) { end += 1 }
        return Tokenizer.lowercase(String(decoding: bytes[start..<end], as: UTF8.self))
    }

    /// "(BPA)" right after the name, and the other version names BPA.
    static func acronymKnown(after name: Name, in sheet: FactSheet, to other: NamePresence) -> Bool {
        let bytes = sheet.bytes
        var k = name.range.upperBound
        while k < bytes.count && bytes[k] == 0x20 { k += 1 }
        guard k < bytes.count, bytes[k] == UInt8(ascii: "(") else { return false }
        var end = k + 1
        while end < bytes.count && bytes[end] >= 0x41 && bytes[end] <= 0x5A { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ")"), end - k - 1 >= 2 else { return false }
        let acronym = String(decoding: bytes[(k + 1)..<end], as: UTF8.self)
        return other.sheet.nameKeys.contains(acronym.lowercased()) || other.sheet.search.contains(acronym)
    }

    static func isPluralVariant(_ a: String, _ b: String) -> Bool {
        a.count != b.count && (a + "s" == b || b + "s" == a)
    }

    /// The same words but the last, which one of the two extends with a hyphen: "Refoy" / "Refoy-Sidibe".
    static func isHyphenVariant(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: " ")
        let y = b.split(separator: " ")
        guard x.count == y.count, x.count >= 2, x.dropLast() == y.dropLast(), let p = x.last, let q = y.last,
            p != q
        else { return false }
        return p.hasPrefix(q + "-") || q.hasPrefix(p + "-") || p.hasSuffix("-" + q) || q.hasSuffix("-" + p)
    }

    func unique(_ names: [Name]) -> [Name] {
        var seen = Set<String>()
        return names.filter { seen.insert($0.key).inserted }
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
