import Testing

@testable import RedlineDiff

@Suite("Line scanning and similarity")
struct ScannerTests {
    /// Random line-structured texts with repeated lines, blank lines of spaces, CR LF and a last line
    /// that may lack its newline: the material where a lockstep scan could go wrong.
    static func randomText(_ generator: inout some RandomNumberGenerator, lines: Int) -> [UInt8] {
        let pool = [
            "alpha", "beta", "gamma delta", "", " ", "\t ", "epsilon zeta eta theta iota kappa lambda mu nu", "a\r",
        ]
        var text = ""
        for _ in 0..<lines {
            text += pool[Int.random(in: 0..<pool.count, using: &generator)] + "\n"
        }
        if Bool.random(using: &generator) { text += pool[Int.random(in: 0..<pool.count, using: &generator)] }
        return Array(text.utf8)
    }

    /// An edited copy: lines deleted, inserted, replaced and duplicated.
    static func edited(_ text: [UInt8], _ generator: inout some RandomNumberGenerator) -> [UInt8] {
        var lines = String(decoding: text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        for _ in 0..<Int.random(in: 0...6, using: &generator) where !lines.isEmpty {
            let k = Int.random(in: 0..<lines.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: lines.remove(at: k)
            case 1: lines.insert("inserted \(k)", at: k)
            case 2: lines[k] = lines[k] + " edited"
            default: lines.insert(lines[k], at: Int.random(in: 0...lines.count, using: &generator))
            }
        }
        return Array(lines.joined(separator: "\n").utf8)
    }

    @Test("Following the old side gives exactly the lines, tokens and ids of a plain scan")
    func lockstepMatchesPlainScan() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<400 {
            let old = Self.randomText(&generator, lines: Int.random(in: 0...40, using: &generator))
            let new = round % 5 == 0 ? old : Self.edited(old, &generator)
            for attach in [false, true] {
                old.withUnsafeBufferPointer { o in
                    new.withUnsafeBufferPointer { n in
                        var plainTable = TokenInterner()
                        let plainOld = LineScanner.scan(o, 0..<o.count, attachBlankLines: attach, interner: &plainTable)
                        let plainNew = LineScanner.scan(n, 0..<n.count, attachBlankLines: attach, interner: &plainTable)
                        var table = TokenInterner()
                        let oldLines = LineScanner.scan(o, 0..<o.count, attachBlankLines: attach, interner: &table)
                        let newLines = LineScanner.scan(
                            n, 0..<n.count, attachBlankLines: attach, interner: &table, following: oldLines, in: o)
                        #expect(newLines.lineBounds == plainNew.lineBounds)
                        #expect(newLines.bounds == plainNew.bounds)
                        // Ids may be numbered differently, but must name the same tokens.
                        let plainIDs = plainOld.ids + plainNew.ids
                        let ids = oldLines.ids + newLines.ids
                        for a in ids.indices {
                            for b in ids.indices where b > a {
                                #expect((ids[a] == ids[b]) == (plainIDs[a] == plainIDs[b]))
                            }
                        }
                    }
                }
            }
        }
    }

    @Test("Equal tokens get equal ids and different tokens different ids")
    func lockstepIDsNameBytes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let old = Self.randomText(&generator, lines: 30)
            let new = Self.edited(old, &generator)
            old.withUnsafeBufferPointer { o in
                new.withUnsafeBufferPointer { n in
                    var table = TokenInterner()
                    let oldLines = LineScanner.scan(o, 0..<o.count, attachBlankLines: false, interner: &table)
                    let newLines = LineScanner.scan(
                        n, 0..<n.count, attachBlankLines: false, interner: &table, following: oldLines, in: o)
                    var textOfID: [Int32: ArraySlice<UInt8>] = [:]
                    for (lines, text) in [(oldLines, old), (newLines, new)] {
                        for k in lines.ids.indices {
                            let bytes = text[lines.bounds[k]..<lines.bounds[k + 1]]
                            if let known = textOfID[lines.ids[k]] { #expect(known == bytes) }
                            textOfID[lines.ids[k]] = bytes
                        }
                    }
                    #expect(Set(textOfID.values.map(Array.init)).count == textOfID.count)
                }
            }
        }
    }

    @Test("Word bags: the same words are similar, unrelated paragraphs are not, case is folded")
    func similarity() {
        func bag(_ text: String) -> WordBag {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { WordBag($0, 0..<$0.count) }
        }
        let paragraph = "The ministry confirmed on Tuesday that at least 41 people were killed in the floods."
        let edited = "The ministry said on Wednesday that at least 45 people were killed in the floods."
        let unrelated = "Shares of the carmaker rose sharply after quarterly profits beat analysts’ forecasts again."
        #expect(bag(paragraph).similarity(to: bag(paragraph)) == 1)
        #expect(bag(paragraph).similarity(to: bag(paragraph.uppercased())) == 1)
        let close = bag(paragraph).similarity(to: bag(edited))
        #expect(close > 0.6 && close < 1)
        #expect(bag(paragraph).similarity(to: bag(edited), threshold: 0.4) == close)
        #expect(bag(paragraph).similarity(to: bag(unrelated)) < 0.3)
        #expect(bag(paragraph).similarity(to: bag(unrelated), threshold: 0.4) < 0.4)
        // A paragraph split in two still matches the two halves together (2:1 alignment).
        let firstHalf = "The ministry confirmed on Tuesday that at least 41 people"
        let secondHalf = "were killed in the floods."
        let merged = WordBag(merging: bag(firstHalf), bag(secondHalf))
        #expect(bag(paragraph).similarity(to: merged, threshold: 0.4) == 1)
        #expect(merged.similarity(to: bag(paragraph), threshold: 0.4) == 1)
        #expect(merged.similarity(to: bag(unrelated), threshold: 0.4) < 0.4)
        // Curly quotes and dashes separate words; they are not part of them.
        #expect(bag("“floods”—killed").similarity(to: bag("floods killed")) == 1)
    }
}
