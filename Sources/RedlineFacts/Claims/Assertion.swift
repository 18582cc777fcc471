/// How a sentence asserts what it says: who vouches for it and how strongly.
///
/// Two versions of a sentence make the same claim when their signatures are equal, whatever
/// else was reworded: "confirmed" → "declined to confirm", "will" → "may", "never" → "rarely",
/// "alleged" → "ruled" all change it; "said" → "told reporters" does not.
public struct Assertion: Sendable, Equatable, Hashable {
    /// Attribution verbs by what they commit the speaker to: "confirm", "deny", "decline", "claim", …
    /// The neutral "say" is left out: adding "police said" restates, it does not change the claim.
    public var verbs: Set<String> = []
    /// True when the sentence (outside its quotes) is negated: "not", "n't", "no", "neither".
    public var negated = false
    /// Modality: "future" (will, would), "possible" (may, might, could), "necessary" (must),
    /// "advisable" (should), "likely" (likely, probably, expected to).
    public var modality: Set<String> = []
    /// Frequency: "never", "rarely", "sometimes", "often", "always", …
    public var frequency: Set<String> = []
    /// Epistemic and legal status: "alleged", "reportedly", "convicted", "ruled", "appears to", …
    public var status: Set<String> = []
    /// Quantifiers and ordinals that set how far the claim reaches: "all", "most", "some", "few",
    /// "only", "one of", "second" (an ordinal that is not itself a figure: "the second city to ban").
    public var scope: Set<String> = []

    /// The words that set this signature, as found (for reports): "declined to confirm", "may".
    public var markers: [String] = []

    /// Two assertions are equal when they assert the same way: same verbs, negation, modality,
    /// frequency, status and scope (markers aside).
    public static func == (a: Assertion, b: Assertion) -> Bool {
        a.verbs == b.verbs && a.negated == b.negated && a.modality == b.modality && a.frequency == b.frequency
            && a.status == b.status && a.scope == b.scope
    }

    /// Hashes what equality compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(verbs)
        hasher.combine(negated)
        hasher.combine(modality)
        hasher.combine(frequency)
        hasher.combine(status)
        hasher.combine(scope)
    }

    /// True when the sentence asserts nothing beyond plain statement.
    public var isPlain: Bool {
        verbs.isEmpty && !negated && modality.isEmpty && frequency.isEmpty && status.isEmpty && scope.isEmpty
    }

    static let verbClasses: [String: String] = {
        var table: [String: String] = [:]
        let classes: [(String, String)] = [
            (
                "say",
                "said says say saying told tells tell added adds stated states noted notes explained explains wrote writes described describes recalled continued replied responded commented remarked tweeted posted according reported reports announced announces announce declared declares estimated estimates"
            ),
            (
                "confirm",
                "confirmed confirms confirm confirming acknowledged acknowledges acknowledge admitted admits admit conceded concedes verified verifies"
            ),
            (
                "deny",
                "denied denies deny denying rejected rejects reject disputed disputes dispute refuted refutes dismissed dismisses contradicted"
            ),
            (
                "claim",
                "claimed claims claim alleged alleges allege asserted asserts insisted insists maintained maintains contended contends argued argues"
            ),
            ("warn", "warned warns warn cautioned cautions threatened threatens"),
            ("suggest", "suggested suggests suggest hinted hints implied implies speculated"),
            ("promise", "promised promises promise vowed vows vow pledged pledges pledge"),
            ("accuse", "accused accuses accuse blamed blames blame"),
            ("believe", "believed believes believe thinks think thought expects expect"),
            ("accept", "accepted accepts accept accepting agreed agrees agree agreeing approved approves approve"),
            ("oppose", "opposed opposes oppose opposing resisted resists resist resisting objected objects object"),
        ]
        for (name, words) in classes {
            for word in words.split(separator: " ") { table[String(word)] = name }
        }
        return table
    }()

    static let modals: [String: String] = [
        "will": "future", "would": "future", "shall": "future", "'ll": "future", "won't": "future",
        "may": "possible", "might": "possible", "could": "possible", "possibly": "possible", "perhaps": "possible",
        "maybe": "possible", "must": "necessary", "should": "advisable", "ought": "advisable",
        "likely": "likely", "probably": "likely", "unlikely": "unlikely", "can": "able", "cannot": "able",
        "can't": "able", "couldn't": "possible",
    ]

    static let frequencies: Set<String> = [
        "never", "rarely", "seldom", "sometimes", "occasionally", "often", "frequently", "usually", "always",
        "regularly", "repeatedly", "routinely",
    ]

    static let statuses: [String: String] = [
        "alleged": "alleged", "allegedly": "alleged", "suspected": "suspected", "reportedly": "reported",
        "apparently": "apparent", "purportedly": "alleged", "supposedly": "alleged", "convicted": "convicted",
        "ruled": "ruled", "charged": "charged", "sentenced": "sentenced", "acquitted": "acquitted",
        "cleared": "cleared", "proven": "proven", "unconfirmed": "unconfirmed", "confirmed": "confirmed",
        "indicted": "charged", "guilty": "guilty", "innocent": "innocent", "officially": "official",
        "unofficially": "unofficial", "preliminary": "preliminary",
    ]

    static let negations: Set<String> = ["not", "no", "neither", "nor", "none", "nobody", "nothing", "cannot"]

    /// Quantifiers by the share they claim. "many", "several" and "numerous" are vague figures
    /// instead (replacing one with a number is a figure change, see ``FigureExtractor``).
    static let quantifiers: [String: String] = [
        "all": "all", "every": "all", "each": "all", "entire": "all", "whole": "all", "most": "most",
        "majority": "most", "mostly": "most", "some": "some", "few": "few", "only": "only", "sole": "only",
        "lone": "only", "solely": "only",
    ]

    /// "appears to", "seems to": the claim is only apparent.
    static let appearances: Set<String> = ["appears", "appear", "appeared", "seems", "seem", "seemed"]

    /// What a word contributes to a signature; one look-up per word.
    struct Entry {
        var verb: String?
        var modal: String?
        var frequency = false
        var negation = false
        var status: String?
        var declines = false
        var quantifier: String?
        var ordinal = false
        var appearance = false
    }

    static let lexicon: [String: Entry] = {
        var table: [String: Entry] = [:]
        for (word, verb) in verbClasses { table[word, default: Entry()].verb = verb }
        for (word, modal) in modals { table[word, default: Entry()].modal = modal }
        for word in frequencies { table[word, default: Entry()].frequency = true }
        for word in negations { table[word, default: Entry()].negation = true }
        for (word, status) in statuses { table[word, default: Entry()].status = status }
        for word in ["declined", "refused", "declines", "refuses", "declining", "refusing"] {
            table[word, default: Entry()].declines = true
        }
        for word in ["expected", "set", "plans", "going"] { table[word, default: Entry()].verb = table[word]?.verb }
        for (word, share) in quantifiers { table[word, default: Entry()].quantifier = share }
        for word in Lexicon.ordinals.keys { table[word, default: Entry()].ordinal = true }
        for word in appearances { table[word, default: Entry()].appearance = true }
        return table
    }()

    /// The signature of a sentence from its words outside quotes (`outsideQuotes[k]` for token k).
    static func of(_ tokens: [Token], outsideQuotes: [Bool]) -> Assertion {
        var assertion = Assertion()
        var negationCount = 0
        var k = 0
        while k < tokens.count {
            let token = tokens[k]
            defer { k += 1 }
            guard token.has(.assertion), k >= outsideQuotes.count || outsideQuotes[k] else { continue }
            let word = token.lower
            // "one of the greatest", "one of several countries"
            if word == "one" && k + 1 < tokens.count && tokens[k + 1].lower == "of" {
                assertion.scope.insert("one-of")
                assertion.markers.append("one of")
                continue
            }
            // "is expected to", "is set to", "plans to"
            if k + 1 < tokens.count && tokens[k + 1].lower == "to"
                && (word == "expected" || word == "set" || word == "plans" || word == "going")
            {
                assertion.modality.insert(word == "expected" ? "likely" : "future")
                assertion.markers.append(token.text)
                continue
            }
            let entry: Entry
            if let found = lexicon[word] {
                entry = found
            } else if word.utf8.last == UInt8(ascii: "t") && (word.hasSuffix("n't") || word.hasSuffix("n\u{2019}t")) {
                entry = Entry(negation: true)
            } else {
                continue
            }
            // "May 22", "in May": the month, not the modal.
            if word == "may" && token.isCapitalised && (k > 0 || (k + 1 < tokens.count && tokens[k + 1].isNumber)) {
                continue
            }
            if let share = entry.quantifier {
                // "some 200 people" is a hedge, "a few" a vague amount, "all but" a figure's bound.
                let next = k + 1 < tokens.count ? tokens[k + 1] : nil
                let hedgesNumber = next.map { $0.isNumber || $0.has(.numberWord) } ?? false
                // "the last few hours", "a few days": a vague span of time, not a share.
                let vagueSpan =
                    share == "few"
                    && ((k > 0
                        && ["a", "the", "last", "past", "next", "first", "these", "those", "quite"].contains(
                            tokens[k - 1].lower))
                        || (next?.has(.timeUnit) ?? false))
                if !(["some", "only", "all"].contains(share) && hedgesNumber) && !vagueSpan {
                    assertion.scope.insert(share)
                    assertion.markers.append(token.text)
                }
                continue
            }
            if entry.ordinal {
                // "the second city to ban": an ordinal with no noun that makes it a figure.
                let next = k + 1 < tokens.count ? tokens[k + 1] : nil
                if let next, next.isWord, !next.has(.ordinalNoun) {
                    assertion.scope.insert(word)
                    assertion.markers.append(token.text)
                }
                continue
            }
            if entry.appearance {
                if k + 1 < tokens.count && tokens[k + 1].lower == "to" {
                    assertion.status.insert("apparent")
                    assertion.markers.append("\(token.text) to")
                }
                continue
            }
            if entry.declines {
                assertion.verbs.insert("decline")
                if k + 2 < tokens.count && tokens[k + 1].lower == "to" {
                    assertion.markers.append("\(token.text) to \(tokens[k + 2].text)")
                    k += 2  // "declined to confirm" is not "confirm"
                } else {
                    assertion.markers.append(token.text)
                }
                continue
            }
            if let verb = entry.verb {
                if verb != "say" {
                    assertion.verbs.insert(verb)
                    assertion.markers.append(token.text)
                }
                continue
            }
            if let modal = entry.modal {
                assertion.modality.insert(modal)
                assertion.markers.append(token.text)
            }
            if entry.frequency {
                assertion.frequency.insert(word)
                assertion.markers.append(token.text)
            } else if entry.negation || word.hasSuffix("n't") || word.hasSuffix("n\u{2019}t") {
                negationCount += 1
                assertion.markers.append(token.text)
            }
            if let status = entry.status {
                assertion.status.insert(status)
                assertion.markers.append(token.text)
            }
        }
        assertion.negated = negationCount % 2 == 1
        return assertion
    }
}
