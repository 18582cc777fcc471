import Foundation
import Testing

/// Every JSON output against its published schema in `Docs/schema/`.
@Suite("JSON outputs match their schemas")
struct SchemaTests {
    let cli = CLITests()
    static let schemas = CLITests.root.appendingPathComponent("Docs/schema")

    func validate(_ output: String, _ schema: String) throws {
        let value = try JSONSerialization.jsonObject(with: Data(output.utf8), options: [.fragmentsAllowed])
        let errors = try JSONSchema(file: Self.schemas.appendingPathComponent(schema)).errors(value)
        #expect(errors.isEmpty, "\(errors.prefix(5))")
    }

    static let pairs: [(String, String)] = {
        let root = CLITests.root.appendingPathComponent("Fixtures")
        var pairs = [
            ("articles/flood-toll/old.txt", "articles/flood-toll/new.txt"),
            ("articles/flood-toll/old.txt", "articles/flood-toll/old.txt"),
        ]
        for pair in ["edit-wordpress", "edit-guardian", "noise-nextjs"] {
            pairs.append(("html-pairs/\(pair)/a.html", "html-pairs/\(pair)/b.html"))
        }
        let revisions =
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("revisions").path)) ?? []
        for name in revisions.sorted().prefix(12) {
            pairs.append(("revisions/\(name)/old.txt", "revisions/\(name)/new.txt"))
        }
        return pairs.map { (root.appendingPathComponent($0.0).path, root.appendingPathComponent($0.1).path) }
    }()

    @Test("redline diff --format json: fixture articles, pages and labelled revision pairs", arguments: pairs.indices)
    func diffReports(_ index: Int) throws {
        let (old, new) = Self.pairs[index]
        for options in [[], ["--by", "sentence"], ["--no-facts"], ["--minimal", "--by", "paragraph"]] {
            let result = try cli.run(["diff", old, new, "--format", "json"] + options)
            #expect(result.status < 2, "\(result.stderr)")
            try validate(result.stdout, "report.schema.json")
        }
    }

    @Test("redline facts --format json")
    func facts() throws {
        for path in [cli.old, cli.new] {
            try validate(try cli.run(["facts", path, "--format", "json"]).stdout, "facts.schema.json")
        }
    }

    @Test("redline extract --format json on every fixture page that is an article")
    func extract() throws {
        let pages = CLITests.root.appendingPathComponent("Fixtures/html")
        for name in try FileManager.default.contentsOfDirectory(atPath: pages.path) where name.hasSuffix(".html") {
            let result = try cli.run(["extract", pages.appendingPathComponent(name).path, "--format", "json"])
            guard result.status == 0 else { continue }
            try validate(result.stdout, "article.schema.json")
        }
    }

    @Test("redline log, articles, stats and fsck --format json")
    func storeCommands() throws {
        let directory = try cli.temporaryDirectory("schema-store")
        let store = ["--store", directory]
        #expect(try cli.run(["init", directory]).status == 0)
        _ = try cli.run(["snapshot", cli.old, "--article", "flood", "--at", "2026-11-24T08:00:00Z"] + store)
        _ = try cli.run(["snapshot", cli.new, "--article", "flood", "--at", "2026-11-24T09:30:00Z"] + store)
        _ = try cli.run(["snapshot", cli.old, "--article", "flood"] + store)
        for (arguments, schema) in [
            (["log", "flood", "--facts"], "log.schema.json"), (["log", "flood"], "log.schema.json"),
            (["articles"], "articles.schema.json"), (["stats"], "stats.schema.json"), (["fsck"], "fsck.schema.json"),
        ] {
            let result = try cli.run(arguments + ["--format", "json"] + store)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            try validate(result.stdout, schema)
        }
        let log = try JSONSerialization.jsonObject(
            with: Data(try cli.run(["log", "flood", "--facts", "--format", "json"] + store).stdout.utf8))
        let revisions = try #require((log as? [String: Any])?["revisions"] as? [[String: Any]])
        #expect(revisions.count == 3 && revisions[0]["capturedAt"] as? String == "2026-11-24T08:00:00Z")
        #expect(revisions[2]["revertOf"] as? Int == 1)
        let facts = try #require((revisions[1]["changes"] as? [String: Any])?["facts"] as? [String: Int])
        #expect(facts["figure", default: 0] > 0 && facts["name"] == 1)
        // A broken date fails the schema: the pattern is checked.
        let schema = try JSONSchema(file: Self.schemas.appendingPathComponent("articles.schema.json"))
        let bad: [String: Any] = [
            "schemaVersion": 1,
            "articles": [
                ["key": "a", "revisions": 1, "firstCaptured": "yesterday", "lastCaptured": "2026-11-24T08:00:00Z"]
            ],
        ]
        #expect(!schema.errors(bad).isEmpty)
    }

    @Test("redline check --format json")
    func check() throws {
        let failed = try cli.run(["check", cli.old, cli.new, "--fail-on", "figure", "--format", "json"])
        #expect(failed.status == 1)
        try validate(failed.stdout, "check.schema.json")
        let verdict = try #require(try JSONSerialization.jsonObject(with: Data(failed.stdout.utf8)) as? [String: Any])
        #expect(verdict["passed"] as? Bool == false)
        let file = try #require((verdict["files"] as? [[String: Any]])?.first)
        #expect(file["failing"] as? [String] == ["figure"])
        let passed = try cli.run(["check", cli.old, cli.old, "--format", "json"])
        #expect(passed.status == 0)
        try validate(passed.stdout, "check.schema.json")
    }

    @Test("The validator catches what breaks the schema")
    func validatorCatches() throws {
        let schema = try JSONSchema(file: Self.schemas.appendingPathComponent("article.schema.json"))
        #expect(!schema.errors(["headline": 3]).isEmpty)
        let good: [String: Any] = [
            "schemaVersion": 1, "headline": "H", "byline": NSNull(), "published": NSNull(), "modified": NSNull(),
            "canonicalURL": NSNull(),
            "language": "en", "paragraphs": ["a"], "body": "a",
        ]
        #expect(schema.errors(good).isEmpty)
        var extra = good
        extra["surprise"] = true
        #expect(!schema.errors(extra).isEmpty)
        // A real report with one field broken deep inside fails the report schema.
        let output = try cli.run(["diff", cli.old, cli.new, "--format", "json"]).stdout
        var report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let reportSchema = try JSONSchema(file: Self.schemas.appendingPathComponent("report.schema.json"))
        #expect(reportSchema.errors(report).isEmpty)
        var changes = try #require(report["changes"] as? [[String: Any]])
        changes[0]["kind"] = "rumour"
        report["changes"] = changes
        #expect(reportSchema.errors(report).contains { $0.contains("rumour") })
    }
}
