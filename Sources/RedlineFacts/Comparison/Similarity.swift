/// Word-set similarity and spelling closeness, for pairing sentences, quotes and names.
enum Similarity {
    /// The folded words of a sentence's tokens.
    static func words(_ tokens: [Token]) -> Set<String> {
        Set(tokens.lazy.filter { $0.isWord || $0.isNumber }.map(\.lower))
    }

    /// The words of normalised text (space-separated).
    static func words(_ normalized: String) -> Set<String> {
        Set(normalized.split(separator: " ").map(String.init))
    }

    /// Dice's coefficient: 2|A ∩ B| / (|A| + |B|).
    static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }

    /// Edits a name of `length` letters may take and still be the same name misspelt.
    static func spellingLimit(_ length: Int) -> Int {
        length <= 6 ? 1 : length <= 12 ? 2 : 3
    }

    /// "Issac Herzog" / "Isaac Herzog", "Smyth" / "Smith", "Mohammed" / "Muhammad": one name spelt two ways.
    static func isSpellingVariant(_ a: Name, _ b: Name) -> Bool {
        guard a.key != b.key, !a.key.isEmpty, !b.key.isEmpty else { return false }
        let limit = spellingLimit(max(a.key.count, b.key.count))
        if Folding.editDistance(a.key, b.key, limit: limit) <= limit {
            // Short keys must share their first letter: "Iran" / "Iraq" are two countries.
            return a.key.first == b.key.first && !(a.kind == .place && b.kind == .place && a.key.count <= 5)
        }
        let x = a.surface.split(separator: " ").map { Folding.fold(String($0), joined: true) }
        let y = b.surface.split(separator: " ").map { Folding.fold(String($0), joined: true) }
        guard x.count == y.count, x.count > 1 else { return false }
        let differing = zip(x, y).filter { $0 != $1 }
        guard differing.count == 1, let (p, q) = differing.first else { return false }
        let wordLimit = spellingLimit(max(p.count, q.count))
        return Folding.editDistance(p, q, limit: wordLimit) <= wordLimit && p.first == q.first
    }
}
