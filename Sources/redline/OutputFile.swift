import ArgumentParser
import Redline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        var error: Int32?
    }

    /// Calls `body` with an output streaming to the destination, then completes it.
    func write<R>(_ body: (inout ReportOutput) throws -> R) throws -> R {
        guard let path, path != "-" else {
            return try stream(to: STDOUT_FILENO, named: "standard output", body)
        }
        try Self.refuseDatabase(path)
        var status = stat()
        let exists = stat(path, &status) == 0
        guard !exists || (status.st_mode & S_IFMT) == S_IFREG else {
            // A device or a pipe (`-o /dev/stdout`, `-o /dev/full`): written in place, checked.
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw Self.cannotWrite(path, errno) }
            defer { close(fd) }
            return try stream(to: fd, named: path, body)
        }
        let directory = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(directory.isEmpty ? "/" : directory)/.\(name).redline-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard fd >= 0 else { throw Self.cannotWrite(path, errno) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        let result: R
        do {
            result = try stream(to: fd, named: path, body)
        } catch {
            close(fd)
            throw error
        }
        fchmod(fd, exists ? status.st_mode & 0o7777 : 0o644)
        guard fsync(fd) == 0 || errno == EINVAL else {
            let error = errno
            close(fd)
            throw Self.cannotWrite(path, error)
        }
        guard close(fd) == 0 else { throw Self.cannotWrite(path, errno) }
        guard rename(temporary, path) == 0 else { throw Self.cannotWrite(path, errno) }
        renamed = true
        return result
    }

    /// Streams `body`'s output to `fd`, checking every write; trouble on the first failure.
    private func stream<R>(to fd: Int32, named name: String, _ body: (inout ReportOutput) throws -> R) throws -> R {
        let failure = Failure()
        var out = ReportOutput { [fd] bytes in
            guard failure.error == nil else { return }
            failure.error = Self.writeAll(bytes, to: fd)
        }
        let result = try body(&out)
        out.finish()
        if let error = failure.error { throw Self.cannotWrite(name, error) }
        return result
    }

    /// Writes all of `buffer`, retrying short writes and interruptions; the errno of a failure.
    static func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32) -> Int32? {
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count {
            let n = Glibc.write(fd, base + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
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
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 16)
        let count = header.withUnsafeMutableBytes { read(fd, $0.baseAddress, 16) }
        return count == 16 && header == Array("SQLite format 3".utf8) + [0]
    }

    static func cannotWrite(_ name: String, _ error: Int32) -> ExitCode {
        let reason = String(cString: strerror(error))
        let advice =
            error == ENOSPC || error == EDQUOT || error == EFBIG
            ? "Free some space and run the command again; nothing was left half-written."
            : "Check the directory exists and is writable."
        return Terminal.trouble("cannot write \(name): \(reason). \(advice)")
    }
}
