import ArgumentParser
import Foundation
import Redline
import RedlineSystem

/// `redline import FILE.warc[.gz]...` and `redline import --jsonl FILE|-`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the captures in WARC archives, or the revisions of a dump made by `redline export`.",
        discussion: """
            WARC (1.0, 1.1; plain or gzip): every response record holding an HTML page becomes a revision of \
            the article at its target URI, dated by its WARC-Date, in date order; revisits and repeated \
            captures add nothing. Damaged records are reported with their offsets and skipped. Exit status: \
            0 when everything was imported, 1 when records were skipped, 2 on trouble. \
            With --jsonl: a dump, committed in batches (each all or nothing).
            """)

    @Flag(name: .long, help: "The input is a JSON-lines dump made by `redline export`.")
    var jsonl = false

    @Argument(help: "WARC files (.warc, .warc.gz), or with --jsonl one dump (a path or '-').", completion: .file())
    var files: [String]

    @Option(name: .long, help: "Revisions per transaction.")
    var batch: Int = 256

    @Flag(name: .long, help: "Print each revision once it is committed.")
    var progress = false

    @Option(name: .long, help: "WARC: pages extracted at once (default: one per core).")
    var jobs: Int?

    @OptionGroup var store: StoreOption

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give the files to import.") }
        if jsonl && files.count != 1 { throw ValidationError("--jsonl reads one dump at a time.") }
        guard batch >= 1 else { throw ValidationError("--batch must be 1 or more.") }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be from 1 to 256.") }
    }

    func run() throws {
        guard jsonl else { return try importArchives() }
        let counts = try importDump(files[0])
        Terminal.write(
            "imported \(counts.added) revisions; skipped \(counts.unchanged) unchanged and \(counts.alreadyStored) already stored\n",
            to: .standardError)
    }

    /// `--jsonl`: the dump streamed from the file or standard input, whatever its size; a
    /// progress line on a terminal (bytes read of the file's size, revisions added).
    func importDump(_ path: String) throws -> Dump.LoadCounts {
        let file: FileDescriptor
        if path == "-" {
            file = .standardInput
        } else {
            do {
                file = try FileDescriptor.open(path, for: .reading)
            } catch {
                throw Terminal.trouble(
                    "\(path): \(error.description). Check the path, or use '-' to read standard input.")
            }
        }
        defer { if path != "-" { try? file.close() } }
        let size = path == "-" ? nil : (try? file.status()).map { Int64($0.size) }
        let opened = try store.open(.readWrite)
        let terminal = FileDescriptor.standardError.isTerminal
        var lastLine = Date.distantPast
        defer { if terminal { Terminal.write("\r\u{1B}[K", to: .standardError) } }
        return try withStore { () throws(StoreError) in
            try Dump.load(
                reading: file, into: opened, batch: batch,
                added: { revision in
                    // Written straight to the descriptor: a line means committed, even if killed next.
                    if progress { Terminal.line("\(revision.article)@\(revision.number)") }
                },
                progress: { bytes, counts in
                    guard terminal, Date().timeIntervalSince(lastLine) >= 0.2 else { return }
                    lastLine = Date()
                    let share = size.map { String(format: " of %.0f MB", Double($0) / 1e6) } ?? ""
                    Terminal.write(
                        String(format: "\r\u{1B}[K%.0f MB", Double(bytes) / 1e6) + share
                            + ", \(counts.added) revisions added, \(counts.alreadyStored) already stored",
                        to: .standardError)
                })
        }
    }

    /// WARC import, with a progress line on a terminal (plain lines otherwise).
    func importArchives() throws {
        let opened = try store.open(.readWrite)
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let importer = try withStore { () throws(StoreError) in try WARCImport(store: opened, workers: workers) }
        let terminal = FileDescriptor.standardError.isTerminal
        var lastLine = Date.distantPast
        let report = try withStore { () throws(StoreError) in
            try importer.run(files) { progress in
                let rate = Double(progress.bytes) / max(progress.seconds, 0.001) / 1e6
                let line = String(
                    format: "%d records, %.0f MB at %.1f MB/s, %d articles, %d captures", progress.records,
                    Double(progress.bytes) / 1e6, rate, progress.articles, progress.captures)
                if terminal {
                    Terminal.write("\r\u{1B}[K" + line, to: .standardError)
                } else if Date().timeIntervalSince(lastLine) >= 5 {
                    lastLine = Date()
                    Terminal.write(line + "\n", to: .standardError)
                }
            }
        }
        if terminal { Terminal.write("\r\u{1B}[K", to: .standardError) }
        for problem in report.skipped { Terminal.write("redline: skipped: \(problem)\n", to: .standardError) }
        if report.records == 0 && report.skipped.isEmpty {
            throw Terminal.trouble(
                "\(files.joined(separator: ", ")): no WARC record found — the file is empty or not a WARC archive. "
                    + "Check the file (a WARC starts with 'WARC/1.0' or 'WARC/1.1', gzipped or not).")
        }
        print(
            "imported \(report.added) revisions of \(report.articles) articles from \(report.records) records "
                + "(\(report.captures) pages, \(report.duplicates) unchanged, \(report.alreadyStored) already stored, "
                + "\(report.revisits) revisits, "
                + "\(report.notPages) redirects or errors, \(report.skipped.count) skipped)")
        if !report.skipped.isEmpty { throw ExitCode(1) }
    }
}
