import Foundation
import Testing

/// Runs the built `redline` binary and checks what a user sees: stdout, stderr, exit status.
@Suite("redline diff (the command)")
struct CLITests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = root.appendingPathComponent("Fixtures/articles/flood-toll")

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary SwiftPM built next to the test bundle.
    static var binary: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("redline")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/redline")
    }

    /// Runs `binary` with `arguments`; through `launcher` (a program and its arguments, such as
    /// `setpriv …` or `sh -c …`) when one is given.
    func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
        launcher: [String] = [], binary: URL = Self.binary, cwd: String? = nil
    ) throws -> Result {
        let process = Process()
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = launcher.dropFirst() + [binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// Runs a program other than redline (git, chromium), returning its status and standard output.
    static func capture(
        _ program: String, _ arguments: [String], environment: [String: String]? = nil
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
        process.arguments = program.hasPrefix("/") ? arguments : [program] + arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A git repository in a new directory, with a committer set.
    func gitRepository(_ label: String) throws -> String {
        let repo = try temporaryDirectory(label)
        for arguments in [
            ["init", "-q"], ["config", "user.email", "test@example.com"], ["config", "user.name", "Test"],
        ] {
            guard try Self.capture("git", ["-C", repo] + arguments).status == 0 else { throw POSIXError(.EIO) }
        }
        return repo
    }

    /// A new, empty directory under the system's temporary directory.
    func temporaryDirectory(_ label: String = "dir") throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("redline-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// A new directory with an empty store in it (`redline init`).
    func newStore(_ label: String = "store") throws -> String {
        let directory = try temporaryDirectory(label)
        let result = try run(["init", directory])
        guard result.status == 0 else { throw POSIXError(.EIO) }
        return directory
    }

    func temporaryFile(_ bytes: [UInt8], name: String = UUID().uuidString) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("redline-test-\(name)")
        try Data(bytes).write(to: url)
        return url.path
    }

    var old: String { Self.fixture.appendingPathComponent("old.txt").path }
    var new: String { Self.fixture.appendingPathComponent("new.txt").path }

    @Test("Different files: exit 1 and an inline word diff")
    func differentFiles() throws {
        let result = try run(["diff", old, new, "--color", "never"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("killing at least [-12-]{+19+} people"))
        #expect(result.stdout.contains("[-Issac-]{+Isaac+} Brandt"))
        #expect(result.stdout.contains("paragraph moved"))
        #expect(result.stderr.isEmpty)
    }

    @Test("Identical files and empty files: exit 0")
    func identical() throws {
        #expect(try run(["diff", old, old]).status == 0)
        let empty = try temporaryFile([])
        let empty2 = try temporaryFile([])
        #expect(try run(["diff", empty, empty2]).status == 0)
        let result = try run(["diff", empty, new, "--color", "never"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("{+Flash floods kill 19"))
    }

    @Test("Colour: always gives ANSI red strikethrough and green; NO_COLOR and pipes give none")
    func color() throws {
        let colored = try run(["diff", old, new, "--color", "always"])
        #expect(colored.stdout.contains("\u{1B}[9;31m12\u{1B}[0m"))
        #expect(colored.stdout.contains("\u{1B}[32m19\u{1B}[0m"))
        let auto = try run(["diff", old, new])
        #expect(!auto.stdout.contains("\u{1B}["))
        let noColor = try run(["diff", old, new, "--color", "auto"], environment: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}["))
    }

    @Test("Standard input as one side")
    func standardInput() throws {
        let text = try String(contentsOfFile: new, encoding: .utf8)
        let result = try run(["diff", old, "-", "--color", "never"], stdin: text)
        #expect(result.status == 1)
        #expect(result.stdout.contains("{+19+}"))
        #expect(try run(["diff", "-", "-"]).status == 2)
    }

    @Test("The unified format is valid input for patch", SystemTool.patch.trait)
    func unifiedAppliesWithPatch() throws {
        let result = try run(["diff", old, new, "--format", "unified"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("--- "))
        let copy = try temporaryFile(Array(try Data(contentsOf: URL(fileURLWithPath: old))))
        let patchFile = try temporaryFile(Array(result.stdout.utf8))
        let patch = Process()
        patch.executableURL = URL(fileURLWithPath: SystemTool.patch.path ?? "/usr/bin/patch")
        patch.arguments = ["--quiet", copy, patchFile]
        try patch.run()
        patch.waitUntilExit()
        #expect(patch.terminationStatus == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == Data(contentsOf: URL(fileURLWithPath: new)))
    }

    @Test("Unified output marks a last line without a newline, and patch accepts it", SystemTool.patch.trait)
    func noNewlineAtEnd() throws {
        let a = try temporaryFile(Array("one\ntwo\nthree".utf8))
        let b = try temporaryFile(Array("one\n2\nthree".utf8))
        let result = try run(["diff", a, b, "--format", "unified"])
        #expect(result.stdout.contains("-two\n+2\n three\n\\ No newline at end of file\n"))
    }

    @Test("JSON: a parseable report with hunks and byte offsets into both texts")
    func json() throws {
        let result = try run(["diff", old, new, "--format", "json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        let text = try #require(object["text"] as? [String: Any])
        #expect(text["granularity"] as? String == "word")
        let hunks = try #require(text["hunks"] as? [[String: Any]])
        #expect(!hunks.isEmpty)
        let oldBytes = Array(try Data(contentsOf: URL(fileURLWithPath: old)))
        for hunk in hunks {
            for edit in try #require(hunk["edits"] as? [[String: Any]]) where edit["op"] as? String == "delete" {
                let range = try #require(edit["old"] as? [Int])
                #expect(String(decoding: oldBytes[range[0]..<range[1]], as: UTF8.self) == edit["text"] as? String)
            }
        }
        #expect((text["moves"] as? [Any])?.count == 1)
    }

    @Test("--by and --minimal change the unit and the search")
    func granularityOptions() throws {
        let chars = try run(["diff", old, new, "--by", "char", "--color", "never"])
        #expect(chars.stdout.contains("Is[-s-]{+a+}ac Brandt"))
        let sentences = try run(["diff", old, new, "--by", "sentence", "--color", "never"])
        #expect(sentences.stdout.contains("sentence"))
        let minimal = try run(["diff", old, new, "--minimal", "--format", "json"])
        #expect(minimal.stdout.contains("\"minimal\":true"))
        #expect(minimal.status == 1)
    }

    @Test("Trouble is exit 2 with a message on stderr that says what to do")
    func trouble() throws {
        let missing = try run(["diff", "/nonexistent/article.txt", new])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file"))
        #expect(missing.stdout.isEmpty)

        let directory = try run(["diff", Self.fixture.path, new])
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("is a directory"))

        let binary = try temporaryFile([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x41])
        let binaryResult = try run(["diff", binary, new])
        #expect(binaryResult.status == 2)
        #expect(binaryResult.stderr.contains("binary file (NUL byte at offset 4)"))

        let latin1 = try temporaryFile(Array("Caf".utf8) + [0xE9] + Array(" au lait\n".utf8))
        let invalid = try run(["diff", latin1, new])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("not valid UTF-8 (byte 0xE9 at offset 3)"))
        #expect(invalid.stderr.contains("iconv"))

        let badOption = try run(["diff", old, new, "--by", "letters"])
        #expect(badOption.status == 2)
        #expect(badOption.stderr.contains("letters"))
    }

    @Test("Unreadable file: exit 2", .enabled(if: getuid() != 0, "root can read anything"))
    func unreadable() throws {
        let path = try temporaryFile(Array("secret".utf8))
        chmod(path, 0)
        let result = try run(["diff", path, new])
        #expect(result.status == 2)
        #expect(result.stderr.contains("permission denied"))
    }

    @Test("-o writes the report to a file")
    func outputFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redline-out-\(UUID()).txt").path
        let result = try run(["diff", old, new, "-o", path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.contains("[-12-]{+19+}"))
    }
}
