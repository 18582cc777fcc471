import Foundation
import Redline
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The store under several writers and under SIGKILL, through the real binary.
@Suite("Store under concurrency and crashes", .serialized)
struct StoreFaultTests {
    let cli = CLITests()

    @Test("Four processes write 200 revisions each into one store at once: all 800 there, no gaps")
    func fourWriters() throws { try StoreFaults.fourWriters(in: .sqlite(cli)) }

    @Test(
        "A writer killed with SIGKILL at random moments, 20 times: the store opens, fsck is clean, nothing committed is lost"
    )
    func killedWriter() throws { try StoreFaults.killedWriter(in: .sqlite(cli), rounds: 20) }

    /// A store with two revisions of one article, and the texts.
    func smallStore() throws -> (directory: String, texts: [String]) {
        let directory = try cli.temporaryDirectory("fault")
        #expect(try cli.run(["init", directory]).status == 0)
        let texts = ["The toll rose to 12 on Tuesday.\n", "The toll rose to 14 on Tuesday, officials said.\n"]
        for text in texts {
            let result = try cli.run(["snapshot", "-", "--article", "flood", "--store", directory], stdin: text)
            #expect(result.status == 0)
        }
        return (directory, texts)
    }

    /// After a failed write: the store opens, fsck is clean, and it holds exactly `texts`.
    func expectIntact(_ directory: String, texts: [String]) throws {
        let store = try SQLiteStore(path: StoreLocation.find(explicit: directory))
        #expect(try store.check().isEmpty)
        #expect(try store.revisions(of: ArticleKey("flood")).count == texts.count)
        for (index, text) in texts.enumerated() {
            #expect(try store.text(of: ArticleKey("flood"), .number(index + 1)).1 == Array(text.utf8))
        }
        #expect(try cli.run(["fsck", "--store", directory]).status == 0)
    }

    @Test("A store this user cannot write: reads work, a snapshot exits 2 saying so, the store is intact")
    func readOnlyStore() throws {
        let (directory, texts) = try smallStore()
        let storeDirectory = (directory as NSString).appendingPathComponent(".redline")
        let database = (storeDirectory as NSString).appendingPathComponent("store.sqlite")
        var launcher: [String] = []
        var binary = CLITests.binary
        if geteuid() == 0 {
            // Root ignores permissions: run as `nobody`, from a copy of the binary it can reach.
            launcher = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
            binary = URL(fileURLWithPath: directory).appendingPathComponent("redline")
            try FileManager.default.copyItem(at: CLITests.binary, to: binary)
            for path in [directory, storeDirectory] { chmod(path, 0o755) }
            chmod(database, 0o644)
        } else {
            chmod(database, 0o444)
            chmod(storeDirectory, 0o555)
        }
        defer {
            chmod(storeDirectory, 0o755)
            chmod(database, 0o644)
        }
        let shown = try cli.run(["show", "flood@1", "--store", directory], launcher: launcher, binary: binary)
        #expect(shown.status == 0)
        #expect(shown.stdout == texts[0])
        #expect(try cli.run(["fsck", "--store", directory], launcher: launcher, binary: binary).status == 0)
        let written = try cli.run(
            ["snapshot", "-", "--article", "flood", "--store", directory], stdin: "The toll rose to 20.\n",
            launcher: launcher, binary: binary)
        #expect(written.status == 2)
        #expect(written.stderr.contains("read-only"))
        #expect(written.stderr.contains(database))
        chmod(storeDirectory, 0o755)
        chmod(database, 0o644)
        try expectIntact(directory, texts: texts)
    }

    @Test("The disk fills up during a write (a file-size limit): exit 2 saying so, nothing half-written")
    func fullDisk() throws {
        let (directory, texts) = try smallStore()
        // 1.6 MB of words that deflate poorly, under a 256 KiB file-size limit; SIGXFSZ ignored so
        // the write fails with EFBIG, as it would with ENOSPC on a full disk.
        var generator = SystemRandomNumberGenerator()
        let words = (0..<4000).map { _ in String((0..<7).map { _ in "abcdefghij".randomElement(using: &generator)! }) }
        let big = (0..<200_000).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
        let path = (directory as NSString).appendingPathComponent("big.txt")
        try big.write(toFile: path, atomically: true, encoding: .utf8)
        let limited = ["/bin/sh", "-c", "trap '' XFSZ; ulimit -f 256; exec \"$0\" \"$@\""]
        let result = try cli.run(
            ["snapshot", path, "--article", "flood", "--store", directory], launcher: limited)
        #expect(result.status == 2)
        #expect(result.stderr.contains("disk is full"))
        try expectIntact(directory, texts: texts)
        // With room again, the same write succeeds.
        #expect(try cli.run(["snapshot", path, "--article", "flood", "--store", directory]).status == 0)
    }
}
