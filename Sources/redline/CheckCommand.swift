import ArgumentParser
import Foundation
import Redline

/// `redline check OLD NEW` and `redline check --git BASE..HEAD -- PATHS`: a CI gate on fact changes.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Fail (exit 1) when figures, names, quotes or claims changed between two versions.",
        discussion: """
            OLD and NEW are files, '-', or store revisions (ARTICLE@REV). With --git BASE..HEAD, every file \
            changed between the two commits of the current repository (under the PATHS after --) is \
            checked, its two versions read with `git show`. Exit status: 0 when nothing that --fail-on \
            names changed (and, with --require-correction-note, every needed note is there), 1 when it did, \
            2 on trouble.
            """)

    enum Annotations: String, ExpressibleByArgument, CaseIterable {
        case github
    }

    @Argument(help: "OLD NEW; with --git, the paths to check (after --).", completion: .file())
    var arguments: [String] = []

    @Option(
        name: .customLong("fail-on"), help: "The kinds of fact change that fail the check: figure,name,quote,claim.")
    var failOn: String = "figure,name,quote,claim"

    @Option(name: .long, help: "Also print annotations for CI: github (::error/::warning lines).")
    var annotations: Annotations?

    @Option(
        name: .long, help: "Append the Markdown report to this file (e.g. $GITHUB_STEP_SUMMARY).", completion: .file())
    var summary: String?

    @Flag(
        name: .customLong("require-correction-note"),
        help: "Fail when a figure or name changed and the new version has no correction or clarification note.")
    var requireCorrectionNote = false

    @Option(name: .long, help: "Compare the files changed between two commits: BASE..HEAD.")
    var git: String?

    @Option(name: .long, help: "Read both sides as html, markdown or text (default: from each name and content).")
    var input: InputFormat?

    @Option(name: .long, help: "The store, for sides given as ARTICLE@REV.", completion: .file())
    var store: String?

    func validate() throws {
        if git == nil && arguments.count != 2 { throw ValidationError("give OLD and NEW, or --git BASE..HEAD.") }
        _ = try kinds()
    }

    /// The kinds named by --fail-on (plural forms accepted).
    func kinds() throws -> Set<FactChange.Kind> {
        var kinds = Set<FactChange.Kind>()
        for word in failOn.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            let singular = word.hasSuffix("s") ? String(word.dropLast()) : word
            guard let kind = FactChange.Kind(rawValue: singular) else {
                throw ValidationError("--fail-on \(word): use figure, name, quote or claim.")
            }
            kinds.insert(kind)
        }
        return kinds
    }

    @Option(name: .long, help: "Output format: text or json (Docs/JSON.md); annotations stay text.")
    var format: TextOrJSON = .text

    func run() throws {
        let failing = try kinds()
        let pairs: [(TextDocument, TextDocument)]
        if let git {
            pairs = try GitVersions(range: git, paths: arguments, format: input).pairs()
        } else {
            let request = DiffRequest(old: arguments[0], new: arguments[1], store: store, input: input)
            pairs = [(try request.document(arguments[0]), try request.document(arguments[1]))]
        }
        var failed = false
        var markdown = ""
        var files: [StoreJSON.Check.File] = []
        for (old, new) in pairs {
            let comparison = Redline.compare(old, new, facts: .always)
            let verdict = CheckVerdict(
                comparison: comparison, failOn: failing, requireNote: requireCorrectionNote, source: new.source)
            if format == .text {
                print(verdict.line)
                for problem in verdict.problems { print("  \(problem)") }
            }
            files.append(verdict.json)
            if annotations == .github { for line in verdict.githubAnnotations() { print(line) } }
            if summary != nil {
                markdown += String(decoding: MarkdownReport().render(comparison), as: UTF8.self) + "\n"
            }
            failed = failed || verdict.fails
        }
        if format == .json {
            try StoreJSON.print(
                StoreJSON.CheckReport(
                    passed: !failed, failOn: failing.map(\.rawValue).sorted(), files: files))
        } else if pairs.isEmpty {
            print("No changed files to check.")
        }
        if let summary {
            guard let handle = FileHandle(forWritingAtPath: summary) ?? createFile(summary) else {
                throw Terminal.trouble("cannot write the summary to \(summary).")
            }
            handle.seekToEndOfFile()
            handle.write(Data(markdown.utf8))
            handle.closeFile()
        }
        if failed { throw ExitCode(1) }
    }

    private func createFile(_ path: String) -> FileHandle? {
        FileManager.default.createFile(atPath: path, contents: nil) ? FileHandle(forWritingAtPath: path) : nil
    }
}

extension CheckVerdict {
    /// The verdict as `redline check --format json` reports it.
    var json: StoreJSON.Check.File {
        .init(
            path: comparison.new.source, passed: !fails,
            failing: Set(failing.map(\.kind.rawValue)).sorted(),
            changes: Dictionary(
                uniqueKeysWithValues: FactChange.Kind.allCases.map {
                    ($0.rawValue, comparison.facts?.summary.count($0) ?? 0)
                }),
            correctionNote: hasNote, missingCorrectionNote: missingNote, problems: problems)
    }
}

/// The two versions of every file changed between two commits, read with git.
struct GitVersions {
    let range: String
    let paths: [String]
    let format: InputFormat?

    func pairs() throws -> [(TextDocument, TextDocument)] {
        let parts = range.components(separatedBy: range.contains("...") ? "..." : "..")
        guard parts.count == 2, !parts[0].isEmpty else {
            throw Terminal.trouble("--git \(range): give a range such as main..HEAD or HEAD~1..HEAD.")
        }
        // Each side resolved to a commit before anything else: an option smuggled in as a
        // revision ("HEAD~1..--output=x") is refused, never passed to git.
        var base = try Self.commit(parts[0])
        let head = try Self.commit(parts[1].isEmpty ? "HEAD" : parts[1])
        if range.contains("...") {
            base = try Self.git(["merge-base", base, head]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        // NUL-separated names: no quoting of non-ASCII or odd file names.
        let changed = try Self.gitBytes(["diff", "--name-only", "-z", "--diff-filter=M", base, head, "--"] + paths)
        return try changed.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.map { path in
            let old = try document(path, at: base)
            let new = try document(path, at: head)
            return (old, new)
        }
    }

    /// The commit a revision names, as its full hash; trouble when it names none or looks like an option.
    static func commit(_ revision: String) throws -> String {
        guard !revision.hasPrefix("-"), !revision.contains("\0") else {
            throw Terminal.trouble("--git: '\(revision)' is not a revision (it looks like an option).")
        }
        let hash = try git(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard hash.count >= 40, hash.allSatisfy(\.isHexDigit) else {
            throw Terminal.trouble("--git: '\(revision)' names no commit in this repository.")
        }
        return hash
    }

    private func document(_ path: String, at revision: String) throws -> TextDocument {
        let bytes = try Self.gitBytes(["show", "\(revision):\(path)"])
        do {
            return try TextDocument(name: path, contents: TextBytes(bytes), format: format)
        } catch {
            throw Terminal.trouble("\(revision):\(error.description)")
        }
    }

    static func git(_ arguments: [String]) throws -> String {
        String(decoding: try gitBytes(arguments), as: UTF8.self)
    }

    static func gitBytes(_ arguments: [String]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Terminal.trouble("cannot run git: \(error). Is git installed?")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Terminal.trouble(
                "git \(arguments.joined(separator: " ")) failed: \(message.trimmingCharacters(in: .whitespacesAndNewlines))"
            )
        }
        return [UInt8](data)
    }
}
