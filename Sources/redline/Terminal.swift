import ArgumentParser
import Redline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Output plumbing for the commands: writing bytes, deciding on colour, reporting trouble.
enum Terminal {
    /// Writes all of `bytes` to a file descriptor, retrying short writes; for messages, whose
    /// failure has nowhere to be reported (reports and exports go through ``OutputFile``).
    static func write(_ buffer: UnsafeRawBufferPointer, to fd: Int32) {
        _ = OutputFile.writeAll(buffer, to: fd)
    }

    static func write(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0), to: fd) }
    }

    /// Reads a file or standard input (as `format`, or what its name and content say), or exits
    /// 2 saying what is wrong with it.
    static func load(_ path: String, format: InputFormat? = nil, lenient: Bool = false) throws -> TextDocument {
        do {
            return try TextDocument.load(path, format: format, lenient: lenient)
        } catch {
            throw trouble(error.description)
        }
    }

    /// Prints `redline: message` on standard error and returns the "trouble" exit code.
    static func trouble(_ message: String) -> ExitCode {
        write("redline: \(message)\n", to: STDERR_FILENO)
        return ExitCode(2)
    }

    /// The terminal's width in columns when standard output is a terminal (`COLUMNS` first);
    /// nil when it is not, so that piped output keeps its lines whole.
    static func width() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        if let columns = getenv("COLUMNS"), let value = Int(String(cString: columns)), value > 0 { return value }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Whether to colour output, from `--color` and the environment (`NO_COLOR`, `TERM=dumb`, not a TTY).
    static func useColor(_ choice: ColorChoice, writingToFile: Bool) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if writingToFile { return false }
            if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
            if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
            return isatty(STDOUT_FILENO) == 1
        }
    }

    /// Calls `body` with an output that streams to `path`, or to standard output when `path` is
    /// nil or `-`, and completes it: see ``OutputFile`` (the store's files are refused, a file is
    /// replaced only once it is written whole, every write is checked).
    static func withOutput<R>(_ path: String?, _ body: (inout ReportOutput) throws -> R) throws -> R {
        try OutputFile(path: path).write(body)
    }
}

/// `--color auto|always|never`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto
    case always
    case never
}
