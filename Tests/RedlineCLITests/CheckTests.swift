import Foundation
import Testing

/// `redline check`: the CI gate.
@Suite("redline check")
struct CheckTests {
    let cli = CLITests()
    var old: String { cli.old }
    var new: String { cli.new }

    @Test("Exit 1 when a named kind changed, 0 when only other kinds did, 0 when nothing did")
    func failOn() throws {
        let all = try cli.run(["check", old, new])
        #expect(all.status == 1)
        #expect(
            all.stdout.contains("6 figures, 1 name, 1 quote, 2 claims changed — fails on claim, figure, name, quote"))
        #expect(try cli.run(["check", old, old]).status == 0)
        let edited = CLITests.root.appendingPathComponent("Fixtures/html-pairs/edit-guardian")
        let quotesOnly = try cli.run([
            "check", edited.appendingPathComponent("a.html").path, edited.appendingPathComponent("b.html").path,
            "--fail-on", "figures",
        ])
        #expect(quotesOnly.status == 0)
        #expect(quotesOnly.stdout.contains("1 name, 1 quote changed — passes"))
        #expect(try cli.run(["check", old, new, "--fail-on", "rumours"]).status == 2)
    }

    @Test("GitHub annotations: one per fact change, error for failing kinds, warning for others, lines in the new file")
    func annotations() throws {
        let result = try cli.run(["check", old, new, "--fail-on", "name", "--annotations", "github"])
        let lines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(lines.count == 10)
        #expect(
            lines.contains("::error file=\(new),line=7,title=Redline%3A name modified::Issac Brandt → Isaac Brandt"))
        #expect(lines.filter { $0.hasPrefix("::warning") }.count == 9)
    }

    @Test("--require-correction-note: a figure change without a note fails; with the note it passes")
    func correctionNote() throws {
        let pair = CLITests.root.appendingPathComponent("Fixtures/html-pairs/edit-wordpress")
        let a = pair.appendingPathComponent("a.html").path
        let b = pair.appendingPathComponent("b.html").path
        let missing = try cli.run(["check", a, b, "--fail-on", "quote", "--require-correction-note"])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("although these changed: 14 → 17; 2,300 → 3,100"))
        // The flood fixture's new version carries "Correction: An earlier version of this article…".
        let noted = try cli.run(["check", old, new, "--fail-on", "quote", "--require-correction-note"])
        #expect(noted.stdout.contains("correction note is missing") == false)
        let withoutPolicy = try cli.run(["check", a, b, "--fail-on", "quote"])
        #expect(withoutPolicy.status == 0)
    }

    @Test("--summary appends the Markdown report to a file")
    func summary() throws {
        let path = try cli.temporaryFile(Array("existing\n".utf8))
        _ = try cli.run(["check", old, new, "--summary", path])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("existing\n### Redline:"))
        #expect(text.contains("| figure | modified | at least 12 → at least 19 |"))
        #expect(text.contains("<details><summary>Changed paragraphs"))
    }

    @Test("--git BASE..HEAD -- PATH: every changed Markdown story in a repository is checked", SystemTool.git.trait)
    func git() throws {
        let repo = try cli.gitRepository("git")
        func git(_ arguments: [String]) throws {
            #expect(try CLITests.capture("git", ["-C", repo] + arguments).status == 0, "git \(arguments)")
        }
        func write(_ name: String, _ text: String) throws {
            try FileManager.default.createDirectory(
                atPath: (repo as NSString).appendingPathComponent("articles"), withIntermediateDirectories: true)
            try text.write(
                toFile: (repo as NSString).appendingPathComponent("articles/\(name)"), atomically: true, encoding: .utf8
            )
        }
        let story = { (toll: Int) in
            "---\ntitle: Flood toll rises\n---\n\nThe number of people killed in the floods rose to \(toll) on Tuesday, officials said.\n\nRescuers reached the last village on Wednesday.\n"
        }
        try write("flood.md", story(14))
        try write("other.md", "---\ntitle: Other\n---\n\nNothing changes here, the council said on Monday.\n")
        try git(["add", "."])
        try git(["commit", "-q", "-m", "first"])
        try write("flood.md", story(19))
        try git(["commit", "-q", "-am", "second"])
        let result = try cli.run(
            ["check", "--git", "HEAD~1..HEAD", "--", "articles/"], environment: ["PWD": repo], cwd: repo)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("articles/flood.md: 1 figure changed — fails on figure"))
        #expect(!result.stdout.contains("other.md"))
        let nothing = try cli.run(["check", "--git", "HEAD~1..HEAD", "--", "docs/"], cwd: repo)
        #expect(nothing.status == 0)
        #expect(nothing.stdout.contains("No changed files to check."))
        // A non-ASCII file name is read as it is (git quotes it unless -z).
        try write("zürich-flood.md", story(3))
        try git(["add", "."])
        try git(["commit", "-q", "-m", "third"])
        try write("zürich-flood.md", story(5))
        try git(["commit", "-q", "-am", "fourth"])
        let accented = try cli.run(["check", "--git", "HEAD~1..HEAD", "--", "articles/"], cwd: repo)
        #expect(accented.status == 1, "\(accented.stderr)")
        #expect(accented.stdout.contains("articles/zürich-flood.md: 1 figure changed"))
    }

    @Test(
        "--git fails closed on a revision that is an option or names no commit; git writes nothing",
        SystemTool.git.trait)
    func gitOptionInjection() throws {
        let repo = try cli.gitRepository("inject")
        try "A story.\n".write(
            toFile: (repo as NSString).appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        #expect(try CLITests.capture("git", ["-C", repo, "add", "."]).status == 0)
        #expect(try CLITests.capture("git", ["-C", repo, "commit", "-q", "-m", "one"]).status == 0)
        try "A story, edited.\n".write(
            toFile: (repo as NSString).appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        #expect(try CLITests.capture("git", ["-C", repo, "commit", "-q", "-am", "two"]).status == 0)
        for range in ["HEAD~1..--output=pwned.txt", "--output=pwned.txt..HEAD", "HEAD..nonexistent"] {
            let result = try cli.run(["check", "--git", range, "--", "."], cwd: repo)
            #expect(result.status == 2, "\(range)")
            #expect(!FileManager.default.fileExists(atPath: (repo as NSString).appendingPathComponent("pwned.txt")))
        }
    }

    @Test("Store revisions as sides: ARTICLE@1 against ARTICLE@2")
    func storeReferences() throws {
        let directory = try cli.newStore("check")
        for text in [
            try String(contentsOfFile: old, encoding: .utf8), try String(contentsOfFile: new, encoding: .utf8),
        ] {
            #expect(
                try cli.run(["snapshot", "-", "--article", "flood", "--store", directory], stdin: text).status == 0)
        }
        let result = try cli.run(["check", "flood@1", "flood@2", "--fail-on", "name", "--store", directory])
        #expect(result.status == 1)
        #expect(result.stdout.contains("flood@2: 6 figures, 1 name, 1 quote, 2 claims changed — fails on name"))
    }

    @Test("The git diff driver documented in README: git diff shows Redline's report", SystemTool.git.trait)
    func gitDiffDriver() throws {
        let repo = try cli.gitRepository("driver")
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] =
            CLITests.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        func git(_ arguments: [String]) throws -> String {
            let (status, output) = try CLITests.capture("git", ["-C", repo] + arguments, environment: environment)
            #expect(status == 0, "git \(arguments)")
            return output
        }
        _ = try git(["config", "diff.redline.command", #"sh -c 'redline diff "$1" "$4" --color never; test $? -le 1'"#])
        try "*.txt diff=redline\n".write(
            toFile: (repo as NSString).appendingPathComponent(".gitattributes"), atomically: true, encoding: .utf8)
        let story = (repo as NSString).appendingPathComponent("story.txt")
        try FileManager.default.copyItem(atPath: old, toPath: story)
        _ = try git(["add", "."])
        _ = try git(["commit", "-q", "-m", "first"])
        try FileManager.default.removeItem(atPath: story)
        try FileManager.default.copyItem(atPath: new, toPath: story)
        let output = try git(["diff"])
        #expect(output.contains("Facts: 6 figures, 1 name, 1 quote, 2 claims changed"))
        #expect(output.contains("[-Issac-]{+Isaac+} Brandt"))
    }
}
