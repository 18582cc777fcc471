import RedlineDiff

/// The work of one ``FactDiff``: pairing sentences, then counting what changed (see `Docs/Facts.md`).
struct FactComparer {
    let old: FactSheet
    let new: FactSheet
    let oldPresence: NamePresence
    let newPresence: NamePresence
    var changes: [FactChange] = []
    var reportedNames = Set<String>()
    /// The sentence groups compared (paired), and the sentences left unpaired, as sheet indices.
    private(set) var pairedUnits: [Unit] = []
    private(set) var unpairedOld: [Int] = []
    private(set) var unpairedNew: [Int] = []
    var reportedQuotes: [Side: Set<Int>] = [:]

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
        var (pairs, restOld, restNew) = pairAcross(loneOld, loneNew)
        units.append(contentsOf: pairs)
        joinSplitsAndMerges(&units, &restOld, &restNew)
        pairedUnits = units
        unpairedOld = restOld
        unpairedNew = restNew
        for unit in units { compare(unit) }
        for index in restOld { unpaired(index, .old) }
        for index in restNew { unpaired(index, .new) }
        compareUnchangedQuotes()
        cancelMoves()
        let order = changes.map { position($0) }
        changes = changes.indices.sorted { order[$0] < order[$1] }.map { changes[$0] }
    }

    func position(_ change: FactChange) -> (Int, Int) {
        (change.newRange?.lowerBound ?? change.oldRange.map { oldToNew($0.lowerBound) } ?? 0, change.kind.order)
    }

    /// Roughly where an old offset lands in the new text, for ordering removed facts.
    func oldToNew(_ offset: Int) -> Int {
        guard old.text.count > 0 else { return 0 }
        return offset * new.text.count / old.text.count
    }

    func sentences(of sheet: FactSheet, overlapping range: Range<Int>) -> [Int] {
        guard !range.isEmpty else { return [] }
        return SentenceAlignment.overlapping(range, count: sheet.sentences.count) { sheet.sentences[$0].range }
            .filter { !sheet.sentences[$0].isBoilerplate }
    }

    /// A lone sentence beside a compared one whose other side holds nearly all its words was split
    /// from it ("… helped mentor and the student listed …" → "… helped mentor. The student
    /// listed …") or merged into it: it joins that unit instead of counting as added or removed.
    func joinSplitsAndMerges(_ units: inout [Unit], _ restOld: inout [Int], _ restNew: inout [Int]) {
        guard !units.isEmpty, !restOld.isEmpty || !restNew.isEmpty else { return }
        restNew.removeAll { Self.join($0, of: new, to: &units, side: \.new, holder: old, other: \.old) }
        restOld.removeAll { Self.join($0, of: old, to: &units, side: \.old, holder: new, other: \.new) }
    }

    /// Joins lone sentence `index` of `sheet` to the unit whose `side` holds its neighbour in the
    /// same paragraph and whose single `other` sentence (in `holder`) holds 80% of its words.
    private static func join(
        _ index: Int, of sheet: FactSheet, to units: inout [Unit], side: WritableKeyPath<Unit, [Int]>,
        holder: FactSheet, other: KeyPath<Unit, [Int]>
    ) -> Bool {
        let part = sheet.sentences[index]
        guard
            let u = units.firstIndex(where: { unit in
                guard unit[keyPath: other].count == 1,
                    unit[keyPath: side].contains(where: {
                        abs($0 - index) == 1 && sheet.sentences[$0].paragraph == part.paragraph
                    })
                else { return false }
                let container = holder.sentences[unit[keyPath: other][0]]
                guard container.tokens.count >= part.tokens.count else { return false }
                let words = Similarity.words(part.tokens)
                return !words.isEmpty
                    && Double(words.intersection(Similarity.words(container.tokens)).count)
                        >= 0.8 * Double(words.count)
            })
        else { return false }
        units[u][keyPath: side] = (units[u][keyPath: side] + [index]).sorted()
        return true
    }

    /// Pairs leftover sentences by word similarity, best first.
    func pairAcross(_ olds: [Int], _ news: [Int]) -> ([Unit], [Int], [Int]) {
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

    // MARK: Moves between sentences

    /// A figure or quote removed in one place and added unchanged in another only moved.
    mutating func cancelMoves() {
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

    func movedKey(_ change: FactChange) -> String {
        let text = change.old ?? change.new ?? ""
        switch change.kind {
        case .figure:
            if case .string(let key)? = change.detail["key"] { return "figure " + key }
            return "figure " + text
        case .quote: return "quote " + Quote.normalize(text)
        // A sentence that moved unchanged; an edited one was paired across paragraphs already.
        case .claim: return "claim " + text
        case .name: return "name " + Folding.fold(text, joined: true)
        }
    }

    // MARK: Building changes

    func figureChange(
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

    func nameChange(
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
