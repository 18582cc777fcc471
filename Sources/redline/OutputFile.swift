import ArgumentParser
import Redline
import RedlineSystem

/// Where a command's report or export goes (`-o FILE`, or standard output), written so that
/// nothing is lost or half-written:
///
/// - a file that is an SQLite database, or the `-wal`, `-shm` or `-journal` file beside one (a
///   Redline store's own files), is never overwritten;
/// - a regular file is written to a temporary file in the same directory, flushed to disk and
///   renamed into place only when everything was written, so a full disk or an interrupted run
///   leaves the old file (or none), never a truncated one;
/// - every write is checked, standard output included (`> /dev/full`): a failure is trouble
///   (exit 2) naming the reason.
struct OutputFile {
    let path: String?

    /// What went wrong while writing, kept by the writer closure.
    private final class Failure {
        var error: SystemError?
    }

    /// Calls `body` with an output streaming to the destination, then completes it.
    func write<R>(_ body: (inout ReportOutput) throws -> R) throws -> R {
        guard let path, path != "-" else {
            return try stream(to: .standardOutput, named: "standard output", body)
        }
        try Self.refuseDatabase(path)
        let existing = FileStatus(path: path)
        if let existing, existing.kind != .regular {
            // A device or a pipe (`-o /dev/stdout`, `-o /dev/full`): written in place, checked.
            let file = try Self.check(path) { () throws(SystemError) in try FileDescriptor.open(path, for: .writing) }
            defer { try? file.close() }
            return try stream(to: file, named: path, body)
        }
        let (file, temporary) = try Self.check(path) { () throws(SystemError) in
            try FileDescriptor.temporary(beside: path)
        }
        var renamed = false
        defer { if !renamed { FileSystem.remove(temporary) } }
        let result: R
        do {
            result = try stream(to: file, named: path, body)
        } catch {
            try? file.close()
            throw error
        }
        file.setPermissions(existing?.permissions ?? 0o644)
        try Self.check(path) { () throws(SystemError) in
            do throws(SystemError) {
                try file.sync()
            } catch {
                try? file.close()
                throw error
            }
            try file.close()
            try FileSystem.rename(temporary, to: path)
        }
        renamed = true
        return result
    }

    /// Streams `body`'s output to `file`, checking every write; trouble on the first failure.
    private func stream<R>(to file: FileDescriptor, named name: String, _ body: (inout ReportOutput) throws -> R)
        throws -> R
    {
        let failure = Failure()
        var out = ReportOutput { bytes in
            guard failure.error == nil else { return }
            do throws(SystemError) {
                try file.write(bytes)
            } catch {
                failure.error = error
            }
        }
        let result = try body(&out)
        out.finish()
        if let error = failure.error { throw Self.cannotWrite(name, error) }
        return result
    }

    /// Runs a system call for `path`, turning its failure into trouble that says what to do.
    private static func check<T>(_ path: String, _ call: () throws(SystemError) -> T) throws -> T {
        do {
            return try call()
        } catch {
            throw cannotWrite(path, error)
        }
    }

    /// Trouble if `path` is an SQLite database or the journal of one.
    static func refuseDatabase(_ path: String) throws {
        var database = path
        for suffix in ["-wal", "-shm", "-journal"] where path.hasSuffix(suffix) {
            database = String(path.dropLast(suffix.count))
        }
        guard isSQLiteDatabase(database) else { return }
        throw Terminal.trouble(
            "refusing to write to \(path): it is \(database == path ? "an SQLite database" : "the journal of an SQLite database") "
                + "(a Redline store's own file). Choose another output file.")
    }

    /// Whether the file starts with SQLite's header, "SQLite format 3" and a NUL.
    static func isSQLiteDatabase(_ path: String) -> Bool {
        guard let file = try? FileDescriptor.open(path, for: .reading) else { return false }
        defer { try? file.close() }
        var header = [UInt8](repeating: 0, count: 16)
        let count = try? header.withUnsafeMutableBytes { try file.readFully(into: $0) }
        return count == 16 && header == Array("SQLite format 3".utf8) + [0]
    }

    static func cannotWrite(_ name: String, _ error: SystemError) -> ExitCode {
        let advice =
            error.isOutOfSpace
            ? "Free some space and run the command again; nothing was left half-written."
            : "Check the directory exists and is writable."
        return Terminal.trouble("cannot write \(name): \(error). \(advice)")
    }
}
