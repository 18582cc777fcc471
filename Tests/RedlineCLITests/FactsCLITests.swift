import Foundation
import Redline
import Testing

/// `redline facts` and the facts section of `redline diff`, run as a user would.
@Suite("Facts on the command line")
struct FactsCLITests {
    let cli = CLITests()
    var old: String { cli.old }
    var new: String { cli.new }

    @Test("The text report lists fact changes by kind before the word diff")
    func textReport() throws {
        let result = try cli.run(["diff", old, new, "--color", "never"])
        #expect(result.status == 1)
        let facts = try #require(result.stdout.range(of: "Facts: "))
        let words = try #require(result.stdout.range(of: "@@ "))
        #expect(facts.lowerBound < words.lowerBound)
        #expect(result.stdout.contains("$5 million → $10 million"))
        #expect(result.stdout.contains("Issac Brandt → Isaac Brandt (spelling corrected)"))
    }

    @Test("JSON carries summary and changes as documented; --no-facts leaves them out")
    func json() throws {
        let result = try cli.run(["diff", old, new, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: [String: Int]])
        #expect(Set(summary.keys) == ["figure", "name", "quote", "claim"])
        #expect(summary["name"]?["modified"] == 1)
        let changes = try #require(object["changes"] as? [[String: Any]])
        let bounty = try #require(changes.first { ($0["old"] as? String) == "$5 million" })
        #expect(bounty["kind"] as? String == "figure")
        #expect(bounty["change"] as? String == "modified")
        #expect(bounty["new"] as? String == "$10 million")
        let detail = try #require(bounty["detail"] as? [String: Any])
        #expect(detail["oldValue"] as? Int == 5_000_000)
        #expect(detail["unit"] as? String == "USD")
        let location = try #require(bounty["location"] as? [String: Any])
        #expect((location["new"] as? [String: Any])?["line"] as? Int == 13)

        let without = try cli.run(["diff", old, new, "--format", "json", "--no-facts"])
        let plain = try #require(try JSONSerialization.jsonObject(with: Data(without.stdout.utf8)) as? [String: Any])
        #expect(plain["changes"] == nil && plain["summary"] == nil)
    }

    @Test("Identical texts: no fact changed, exit 0")
    func identical() throws {
        let result = try cli.run(["diff", old, old, "--color", "never"])
        #expect(result.status == 0)
    }

    @Test("redline facts prints figures, names, quotes and claims; JSON parses")
    func factsCommand() throws {
        let text = try cli.run(["facts", new])
        #expect(text.status == 0)
        #expect(text.stdout.contains("$10 million — money 10000000 USD"))
        #expect(text.stdout.contains("Isaac Brandt — person"))
        let json = try cli.run(["facts", new, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let figures = try #require(object["figures"] as? [[String: Any]])
        #expect(figures.contains { $0["surface"] as? String == "at least 19" && $0["counted"] as? String == "people" })
        let quotes = try #require(object["quotes"] as? [[String: Any]])
        #expect(quotes.contains { $0["speaker"] as? String == "Isaac Brandt" })
        let missing = try cli.run(["facts", "/no/such/file"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file"))
    }

    @Test("The sentence limit: facts of a longer text are an error (exit 2) naming --max-sentences")
    func sentenceLimit() throws {
        let text =
            (1...30).map { "The toll rose to \($0) on day \($0), officials said." }.joined(separator: "\n") + "\n"
        let file = try cli.temporaryFile(Array(text.utf8), name: "long.txt")
        let over = try cli.run(["facts", file, "--max-sentences", "10"])
        #expect(over.status == 2)
        #expect(over.stdout.isEmpty)
        #expect(over.stderr.contains("more than 10 sentences") && over.stderr.contains("--max-sentences"))
        let within = try cli.run(["facts", file, "--max-sentences", "30"])
        #expect(within.status == 0 && within.stdout.contains("30"))
        #expect(try cli.run(["facts", file, "--max-sentences", "0"]).status == 2)
        // The library: a sheet stops at its limit and says so; a fact diff too.
        #expect(FactSheet(text: TextBytes(text), sentenceLimit: 10).isTruncated)
        #expect(FactSheet(text: TextBytes(text), sentenceLimit: 10).sentences.count == 10)
        #expect(!FactSheet(text: TextBytes(text), sentenceLimit: 30).isTruncated)
        let changed = text.replacingOccurrences(of: "officials", with: "police")
        #expect(FactDiff(diff: Diff(text, changed, by: .word), sentenceLimit: 10).isTruncated)
        #expect(!FactDiff(diff: Diff(text, changed, by: .word)).isTruncated)
    }

    @Test("Unrelated texts are different articles: facts skipped with a reason, unless --facts")
    func unrelated() throws {
        let a = try cli.temporaryFile(Array("The council approved 14 kilometres of cycle lanes on Thursday.\n".utf8))
        let b = try cli.temporaryFile(Array("Storm Edda killed four people in coastal towns, officials said.\n".utf8))
        let skipped = try cli.run(["diff", a, b, "--color", "never"])
        #expect(skipped.status == 1)
        #expect(skipped.stdout.contains("Facts: not compared (the versions share only"))
        let json = try cli.run(["diff", a, b, "--format", "json"])
        #expect(json.stdout.contains("\"factsSkipped\""))
        let forced = try cli.run(["diff", a, b, "--color", "never", "--facts"])
        #expect(forced.stdout.contains("Facts: 3 figures, 1 name, 2 claims changed"))
    }

    @Test("The same fact changes whatever --by says")
    func granularities() throws {
        func changes(_ by: String) throws -> [String] {
            let result = try cli.run(["diff", old, new, "--format", "json", "--by", by])
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let list = try #require(object["changes"] as? [[String: Any]])
            return list.map { "\($0["kind"] ?? "") \($0["change"] ?? "") \($0["old"] ?? "") \($0["new"] ?? "")" }
        }
        let words = try changes("word")
        #expect(!words.isEmpty)
        #expect(try changes("paragraph") == words)
        #expect(try changes("sentence") == words)
        #expect(try changes("char") == words)
    }
}
