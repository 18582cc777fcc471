/// Sentences with no counterpart, and headlines.
extension FactComparer {
    /// Which version a sentence or fact comes from.
    enum Side {
        case old
        case new
    }

    func sheet(_ side: Side) -> FactSheet { side == .old ? old : new }
    /// Presence in the *other* version.
    func presenceAgainst(_ side: Side) -> NamePresence { side == .old ? newPresence : oldPresence }

    /// A fact only one side has: removed from the old version or added in the new one.
    func oneSided(
        _ kind: FactChange.Kind, _ side: Side, _ surface: String, _ range: Range<Int>, context: String
    ) -> FactChange {
        switch side {
        case .old:
            FactChange(kind: kind, change: .removed, old: surface, new: nil, oldRange: range, oldContext: context)
        case .new:
            FactChange(kind: kind, change: .added, old: nil, new: surface, newRange: range, newContext: context)
        }
    }

    func figureChange(_ side: Side, _ figure: Figure, context: String) -> FactChange {
        side == .old
            ? figureChange(.removed, old: figure, new: nil, oldContext: context, newContext: nil)
            : figureChange(.added, old: nil, new: figure, oldContext: nil, newContext: context)
    }

    func nameChange(_ side: Side, _ name: Name, context: String) -> FactChange {
        side == .old
            ? nameChange(.removed, old: name, new: nil, oldContext: context, newContext: nil)
            : nameChange(.added, old: nil, new: name, oldContext: nil, newContext: context)
    }

    /// A sentence with no counterpart: one claim (or one quote per quotation), its figures, and
    /// the names the other version lacks.
    mutating func unpaired(_ index: Int, _ side: Side) {
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
    mutating func headlineFacts(_ sentence: FactSheet.Sentence, _ side: Side) {
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
}
