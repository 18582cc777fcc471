/// Sentences paired between the versions: what changed among their names (see `Docs/Facts.md`).
extension FactComparer {
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
            && Lexicon.isCommon(word)
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
}
