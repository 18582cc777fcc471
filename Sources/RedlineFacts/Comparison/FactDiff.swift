import RedlineDiff

/// Which figures, names, quotes and claims changed between two versions of an article.
///
/// Old and new sentences are paired with the diff engine's hierarchical alignment (moved
/// paragraphs included; sentences still unpaired are paired across paragraphs when similar), and
/// the facts inside each pair compared. Counting follows `Docs/Facts.md`:
/// - an added or removed sentence is one `claim` change, or one `quote` change per quotation in
///   it, plus one `figure` change per figure, plus one `name` change per name that occurs
///   nowhere in the other version;
/// - a paired sentence yields only what changed in it: figures, names (a close spelling in the
///   same place is a spelling fix), quote words or speakers, and a `claim` change only when the
///   assertion itself changed ("confirmed" → "denied", "will" → "may").
///
/// ```swift
/// let facts = FactDiff(diff: Diff(old, new))
/// for change in facts.changes { print(change.kind, change.summary) }
/// ```
public struct FactDiff: Sendable {
    /// The changes, in the order of the new text.
    public let changes: [FactChange]
    public let old: FactSheet
    public let new: FactSheet

    public var summary: FactSummary { FactSummary(changes) }

    /// The fact changes behind a text diff (any granularity).
    public init(diff: Diff) {
        // A line-level or flat diff pairs no sentences: align them with a sentence-level diff.
        let usable = diff.granularity == .paragraph ? nil : diff.sentenceChanges
        let sentenceChanges =
            usable ?? Diff(old: diff.oldBytes, new: diff.newBytes, by: .sentence).sentenceChanges ?? []
        self.init(old: diff.oldBytes, new: diff.newBytes, sentenceChanges: sentenceChanges)
    }

    /// The fact changes between two texts.
    public init(old: String, new: String) {
        self.init(diff: Diff(old, new, by: .sentence))
    }

    init(old oldText: TextBytes, new newText: TextBytes, sentenceChanges: [SentenceChange]) {
        // Only the sentences around what changed are analysed; the rest is searched when needed.
        let oldSheet = FactSheet(text: oldText, touching: sentenceChanges.map(\.old))
        let newSheet = FactSheet(text: newText, touching: sentenceChanges.map(\.new))
        old = oldSheet
        new = newSheet
        var comparer = Comparer(old: oldSheet, new: newSheet)
        comparer.run(sentenceChanges)
        changes = comparer.changes
    }
}

/// The work of one ``FactDiff``.
private struct Comparer {
    let old: FactSheet
    let new: FactSheet
    let oldPresence: NamePresence
    let newPresence: NamePresence
    private(set) var changes: [FactChange] = []
    private var reportedNames = Set<String>()
    private var reportedQuotes: [Side: Set<Int>] = [:]

    init(old: FactSheet, new: FactSheet) {
        self.old = old
        self.new = new
        oldPresence = NamePresence(old)
        newPresence = NamePresence(new)
    }

    /// A unit of comparison: sentences of the old text against sentences of the new.
    struct Unit {
        var old: [Int]
        var new: [Int]
    }

    mutating func run(_ sentenceChanges: [SentenceChange]) {
        var usedOld = Set<Int>()
        var usedNew = Set<Int>()
        var units: [Unit] = []
        var loneOld: [Int] = []
        var loneNew: [Int] = []
        for change in sentenceChanges {
            let olds = sentences(of: old, overlapping: change.old).filter { !usedOld.contains($0) }
            let news = sentences(of: new, overlapping: change.new).filter { !usedNew.contains($0) }
            usedOld.formUnion(olds)
            usedNew.formUnion(news)
            if change.kind == .paired && !olds.isEmpty && !news.isEmpty {
                units.append(Unit(old: olds, new: news))
            } else {
                loneOld.append(contentsOf: olds)
                loneNew.append(contentsOf: news)
            }
        }
        // Sentences that moved to another paragraph, or whose paragraph was rewritten around them.
        let (pairs, restOld, restNew) = pairAcross(loneOld, loneNew)
        units.append(contentsOf: pairs)
        for unit in units { compare(unit) }
        for index in restOld { unpaired(index, .old) }
        for index in restNew { unpaired(index, .new) }
        compareUnchangedQuotes()
        cancelMoves()
        let order = changes.map { position($0) }
        changes = changes.indices.sorted { order[$0] < order[$1] }.map { changes[$0] }
    }

    private func position(_ change: FactChange) -> (Int, Int) {
        (change.newRange?.lowerBound ?? change.oldRange.map { oldToNew($0.lowerBound) } ?? 0, change.kind.order)
    }

    /// Roughly where an old offset lands in the new text, for ordering removed facts.
    private func oldToNew(_ offset: Int) -> Int {
        guard old.text.count > 0 else { return 0 }
        return offset * new.text.count / old.text.count
    }

    private func sentences(of sheet: FactSheet, overlapping range: Range<Int>) -> [Int] {
        guard !range.isEmpty else { return [] }
        // Binary search for the first sentence ending after the range starts.
        var low = 0
        var high = sheet.sentences.count
        while low < high {
            let mid = (low + high) / 2
            if sheet.sentences[mid].range.upperBound <= range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var result: [Int] = []
        var k = low
        while k < sheet.sentences.count && sheet.sentences[k].range.lowerBound < range.upperBound {
            if !sheet.sentences[k].isBoilerplate { result.append(k) }
            k += 1
        }
        return result
    }

    /// Pairs leftover sentences by word similarity, best first.
    private func pairAcross(_ olds: [Int], _ news: [Int]) -> ([Unit], [Int], [Int]) {
        guard !olds.isEmpty, !news.isEmpty, olds.count * news.count <= 40_000 else { return ([], olds, news) }
        let oldWords = olds.map { Similarity.words(old.sentences[$0].tokens) }
        let newWords = news.map { Similarity.words(new.sentences[$0].tokens) }
        var candidates: [(score: Double, i: Int, j: Int)] = []
        for i in olds.indices {
            for j in news.indices {
                let score = Similarity.dice(oldWords[i], newWords[j])
                if score >= 0.5 { candidates.append((score, i, j)) }
            }
        }
        candidates.sort { $0.score > $1.score }
        var takenOld = Set<Int>()
        var takenNew = Set<Int>()
        var units: [Unit] = []
        for candidate in candidates where !takenOld.contains(candidate.i) && !takenNew.contains(candidate.j) {
            takenOld.insert(candidate.i)
            takenNew.insert(candidate.j)
            units.append(Unit(old: [olds[candidate.i]], new: [news[candidate.j]]))
        }
        let restOld = olds.indices.filter { !takenOld.contains($0) }.map { olds[$0] }
        let restNew = news.indices.filter { !takenNew.contains($0) }.map { news[$0] }
        return (units, restOld, restNew)
    }

    // MARK: Unpaired sentences

    /// Which version a sentence or fact comes from.
    enum Side {
        case old
        case new
    }

    private func sheet(_ side: Side) -> FactSheet { side == .old ? old : new }
    /// Presence in the *other* version.
    private func presenceAgainst(_ side: Side) -> NamePresence { side == .old ? newPresence : oldPresence }

    /// A fact only one side has: removed from the old version or added in the new one.
    private func oneSided(
        _ kind: FactChange.Kind, _ side: Side, _ surface: String, _ range: Range<Int>, context: String
    ) -> FactChange {
        switch side {
        case .old:
            FactChange(kind: kind, change: .removed, old: surface, new: nil, oldRange: range, oldContext: context)
        case .new:
            FactChange(kind: kind, change: .added, old: nil, new: surface, newRange: range, newContext: context)
        }
    }

    private func figureChange(_ side: Side, _ figure: Figure, context: String) -> FactChange {
        side == .old
            ? figureChange(.removed, old: figure, new: nil, oldContext: context, newContext: nil)
            : figureChange(.added, old: nil, new: figure, oldContext: nil, newContext: context)
    }

    private func nameChange(_ side: Side, _ name: Name, context: String) -> FactChange {
        side == .old
            ? nameChange(.removed, old: name, new: nil, oldContext: context, newContext: nil)
            : nameChange(.added, old: nil, new: name, oldContext: nil, newContext: context)
    }

    /// A sentence with no counterpart: one claim (or one quote per quotation), its figures, and
    /// the names the other version lacks.
    private mutating func unpaired(_ index: Int, _ side: Side) {
        let sentence = sheet(side).sentences[index]
        if sentence.isHeadline {
            headlineFacts(sentence, side)
            return
        }
        for q in sentence.quotes where reportedQuotes[side, default: []].insert(q).inserted {
            let quote = sheet(side).quotes[q]
            var change = oneSided(.quote, side, quote.text, quote.range, context: sentence.text)
            if side == .old { change.oldSpeaker = quote.speaker } else { change.newSpeaker = quote.speaker }
            changes.append(change)
        }
        if sentence.quotes.isEmpty {
            changes.append(oneSided(.claim, side, sentence.text, sentence.range, context: sentence.text))
        }
        for figure in sentence.figures where figure.kind != .vague {
            changes.append(figureChange(side, figure, context: sentence.text))
        }
        let mark = side == .old ? "-" : "+"
        for name in sentence.names
        where !presenceAgainst(side).contains(name) && reportedNames.insert(mark + name.key).inserted {
            changes.append(nameChange(side, name, context: sentence.text))
        }
    }

    /// A headline restates the body: only a figure or name the body of its version lacks counts.
    private mutating func headlineFacts(_ sentence: FactSheet.Sentence, _ side: Side) {
        let version = sheet(side)
        for figure in sentence.figures where figure.kind != .vague && !version.bodyStates(figure) {
            changes.append(figureChange(side, figure, context: sentence.text))
        }
        let mark = side == .old ? "-" : "+"
        for name in sentence.names
        where !version.bodySearch.contains(name.surface) && !presenceAgainst(side).contains(name)
            && reportedNames.insert(mark + name.key).inserted
        {
            changes.append(nameChange(side, name, context: sentence.text))
        }
    }

    // MARK: Paired sentences

    private mutating func compare(_ unit: Unit) {
        let olds = unit.old.map { old.sentences[$0] }
        let news = unit.new.map { new.sentences[$0] }
        let oldContext = olds.map(\.text).joined(separator: " ")
        let newContext = news.map(\.text).joined(separator: " ")
        if olds.allSatisfy(\.isHeadline) || news.allSatisfy(\.isHeadline) {
            for sentence in olds { headlineFacts(sentence, .old) }
            for sentence in news { headlineFacts(sentence, .new) }
            return
        }
        compareFigures(olds.flatMap(\.figures), news.flatMap(\.figures), oldContext, newContext)
        compareNames(olds.flatMap(\.names), news.flatMap(\.names), oldContext, newContext)
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

    private static func merge(_ a: Assertion, _ b: Assertion) -> Assertion {
        var merged = a
        merged.verbs.formUnion(b.verbs)
        merged.negated = a.negated || b.negated
        merged.modality.formUnion(b.modality)
        merged.frequency.formUnion(b.frequency)
        merged.status.formUnion(b.status)
        merged.markers += b.markers
        return merged
    }

    private mutating func compareFigures(_ olds: [Figure], _ news: [Figure], _ oldContext: String, _ newContext: String)
    {
        var restOld = olds
        var restNew = news
        // 1. The same value (however written) with the same kind of hedge: unchanged.
        restOld.removeAll { figure in
            guard let j = restNew.firstIndex(where: { $0.key == figure.key && $0.bound == figure.bound }) else {
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

    private mutating func compareNames(_ olds: [Name], _ news: [Name], _ oldContext: String, _ newContext: String) {
        let oldKeys = Set(olds.map(\.key))
        let newKeys = Set(news.map(\.key))
        var gone = unique(olds.filter { !newKeys.contains($0.key) })
        var came = unique(news.filter { !oldKeys.contains($0.key) })
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
        // Names that vanished from the text and names new to it.
        gone.removeAll { newPresence.contains($0) }
        came.removeAll { oldPresence.contains($0) }
        // One replaced by another of the same kind, in the same sentence.
        while let a = gone.first,
            let j = came.firstIndex(where: { $0.kind == a.kind || $0.kind == .unknown || a.kind == .unknown })
        {
            gone.removeFirst()
            let b = came.remove(at: j)
            let key = "~" + a.key + ">" + b.key
            guard !reportedNames.contains(key) else { continue }
            reportedNames.insert(key)
            reportedNames.insert("-" + a.key)
            reportedNames.insert("+" + b.key)
            var change = nameChange(.modified, old: a, new: b, oldContext: oldContext, newContext: newContext)
            change.detail["reason"] = .string("replaced")
            changes.append(change)
        }
        for name in gone where !reportedNames.contains("-" + name.key) {
            reportedNames.insert("-" + name.key)
            changes.append(nameChange(.removed, old: name, new: nil, oldContext: oldContext, newContext: newContext))
        }
        for name in came where !reportedNames.contains("+" + name.key) {
            reportedNames.insert("+" + name.key)
            changes.append(nameChange(.added, old: nil, new: name, oldContext: oldContext, newContext: newContext))
        }
    }

    private func unique(_ names: [Name]) -> [Name] {
        var seen = Set<String>()
        return names.filter { seen.insert($0.key).inserted }
    }

    private mutating func compareQuotes(_ olds: [Int], _ news: [Int], _ oldContext: String, _ newContext: String) {
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
    private mutating func compareUnchangedQuotes() {
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
    private func masked(_ index: Int, in sheet: FactSheet) -> String {
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
        return Folding.editDistance(x, y, limit: 2) > Similarity.spellingLimit(max(x.count, y.count))
    }

    // MARK: Moves between sentences

    /// A figure or quote removed in one place and added unchanged in another only moved.
    private mutating func cancelMoves() {
        // Only kinds with both a removal and an addition can have moved.
        let removedKinds = Set(changes.lazy.filter { $0.change == .removed }.map(\.kind))
        let addedKinds = Set(changes.lazy.filter { $0.change == .added }.map(\.kind))
        let movable = removedKinds.intersection(addedKinds)
        guard !movable.isEmpty else { return }
        var removedAt: [String: [Int]] = [:]
        for (k, change) in changes.enumerated() where change.change == .removed && movable.contains(change.kind) {
            removedAt[movedKey(change), default: []].append(k)
        }
        var dropped = Set<Int>()
        for (k, change) in changes.enumerated() where change.change == .added && movable.contains(change.kind) {
            let key = movedKey(change)
            guard var list = removedAt[key], let first = list.first else { continue }
            list.removeFirst()
            removedAt[key] = list
            dropped.insert(first)
            dropped.insert(k)
        }
        changes = changes.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }

    private func movedKey(_ change: FactChange) -> String {
        let text = change.old ?? change.new ?? ""
        switch change.kind {
        case .figure:
            if case .string(let key)? = change.detail["key"] { return "figure " + key }
            return "figure " + text
        case .quote, .claim: return "\(change.kind.rawValue) " + Quote.normalize(text)
        case .name: return "name " + Folding.fold(text, joined: true)
        }
    }

    // MARK: Building changes

    private func figureChange(
        _ kind: FactChange.Change, old: Figure?, new: Figure?, oldContext: String?, newContext: String?
    ) -> FactChange {
        var change = FactChange(
            kind: .figure, change: kind, old: old?.surface, new: new?.surface, oldRange: old?.range,
            newRange: new?.range, oldContext: oldContext, newContext: newContext)
        if let old, old.kind != .vague { change.detail["oldValue"] = .number(old.value) }
        if let new, new.kind != .vague { change.detail["newValue"] = .number(new.value) }
        if let upper = old?.upper { change.detail["oldUpper"] = .number(upper) }
        if let upper = new?.upper { change.detail["newUpper"] = .number(upper) }
        let figure = new?.kind == .vague ? old : (new ?? old)
        if let figure {
            change.detail["figureKind"] = .string(figure.kind.rawValue)
            if !figure.unit.isEmpty { change.detail["unit"] = .string(figure.unit) }
            if let counted = figure.counted { change.detail["counted"] = .string(counted) }
            change.detail["key"] = .string(figure.key + " " + (figure.bound?.rawValue ?? ""))
        }
        return change
    }

    private func nameChange(
        _ kind: FactChange.Change, old: Name?, new: Name?, oldContext: String?, newContext: String?
    ) -> FactChange {
        var change = FactChange(
            kind: .name, change: kind, old: old?.surface, new: new?.surface, oldRange: old?.range,
            newRange: new?.range, oldContext: oldContext, newContext: newContext)
        if let name = new ?? old {
            change.detail["type"] = .string(name.kind.rawValue)
            if let role = name.role { change.detail["role"] = .string(role) }
        }
        return change
    }
}

extension FactChange.Kind {
    /// Most specific first: figure, name, quote, claim.
    var order: Int {
        switch self {
        case .figure: 0
        case .name: 1
        case .quote: 2
        case .claim: 3
        }
    }
}
