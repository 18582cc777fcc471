import Foundation
import Testing

/// `-o FILE` and standard output: the store's own files are never overwritten, a file is replaced
/// only once it is written whole, and write errors are trouble (exit 2), not silence.
@Suite("Report and export output")
struct OutputFileTests {
    let cli = CLITests()

    /// A store holding one revision, and the path of its database.
    func storeWithRevision() throws -> (directory: String, database: String) {
        let directory = try cli.newStore("output")
        #expect(try cli.run(["snapshot", cli.old, "--article", "flood", "--store", directory]).status == 0)
        let fileManager = FileManager.default
        let candidates = ["\(directory)/.redline/store.sqlite", "\(directory)/store.sqlite"]
        let database = try #require(candidates.first { fileManager.fileExists(atPath: $0) })
        return (directory, database)
    }

    @Test("-o naming the store's database or its journal files is refused; the store stays whole")
    func storeFilesRefused() throws {
        let (directory, database) = try storeWithRevision()
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        for target in [database, database + "-wal", database + "-shm", database + "-journal"] {
            for arguments in [
                ["diff", cli.old, cli.new, "-o", target], ["export", "--store", directory, "-o", target],
                ["facts", cli.old, "-o", target], ["diff", cli.old, cli.new, "--format", "html", "-o", target],
            ] {
                let result = try cli.run(arguments)
                #expect(result.status == 2, "\(arguments)")
                #expect(result.stderr.contains("refusing to write"), "\(arguments)")
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
        #expect(try cli.run(["fsck", "--store", directory]).status == 0)
    }

    @Test("Writing to a full device is trouble, on -o and on standard output", SystemTool.shell.trait)
    func fullDevice() throws {
        let (directory, _) = try storeWithRevision()
        let toFile = try cli.run(["export", "--store", directory, "-o", "/dev/full"])
        #expect(toFile.status == 2)
        #expect(toFile.stderr.contains("No space left on device"))
        let redirected = try cli.run(
            ["export", "--store", directory], launcher: ["/bin/sh", "-c", "exec \"$0\" \"$@\" > /dev/full"])
        #expect(redirected.status == 2)
        #expect(redirected.stderr.contains("No space left on device"))
    }

    @Test(
        "A write cut short by a full disk leaves the old file as it was and no temporary file", SystemTool.shell.trait)
    func fullDiskKeepsOldFile() throws {
        let directory = try cli.temporaryDirectory("full")
        let report = "\(directory)/report.json"
        try Data("old report\n".utf8).write(to: URL(fileURLWithPath: report))
        // A report larger than the 1-block file-size limit: the write fails part-way.
        let big = (0..<3000).map { "Paragraph \($0) says the council approved \($0) new homes on Tuesday." }
            .joined(separator: "\n\n")
        let old = try cli.temporaryFile(Array(big.utf8))
        let new = try cli.temporaryFile(Array(big.replacingOccurrences(of: "homes", with: "flats").utf8))
        let limited = ["/bin/sh", "-c", "trap '' XFSZ; ulimit -f 8; exec \"$0\" \"$@\""]
        let result = try cli.run(["diff", old, new, "--format", "json", "--no-facts", "-o", report], launcher: limited)
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write"))
        #expect(try String(contentsOfFile: report, encoding: .utf8) == "old report\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["report.json"])
        // With room, the file is replaced whole.
        #expect(try cli.run(["diff", old, new, "--format", "json", "--no-facts", "-o", report]).status == 1)
        #expect(try String(contentsOfFile: report, encoding: .utf8).hasPrefix("{"))
    }
}
