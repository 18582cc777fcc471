/// How close an extracted body is to the expected one, as extraction benchmarks score it.
enum ExtractionScore {
    /// Words as `\w+` finds them, lower-cased.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
    }

    /// Precision, recall and F1 of the bag of `n`-word shingles (n = 1: tokens).
    static func score(extracted: String, expected: String, shingle n: Int = 1) -> (
        precision: Double, recall: Double, f1: Double
    ) {
        func shingles(_ text: String) -> [String: Int] {
            let tokens = words(text)
            var counts: [String: Int] = [:]
            guard tokens.count >= n else { return counts }
            for start in 0...(tokens.count - n) {
                counts[tokens[start..<start + n].joined(separator: " "), default: 0] += 1
            }
            return counts
        }
        let got = shingles(extracted)
        let want = shingles(expected)
        let common = got.reduce(0) { $0 + min($1.value, want[$1.key] ?? 0) }
        let gotTotal = got.values.reduce(0, +)
        let wantTotal = want.values.reduce(0, +)
        let precision = gotTotal == 0 ? (wantTotal == 0 ? 1 : 0) : Double(common) / Double(gotTotal)
        let recall = wantTotal == 0 ? 1 : Double(common) / Double(wantTotal)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return (precision, recall, f1)
    }
}
