import ArgumentParser
import Redline
import RedlineSystem

/// Output plumbing for the commands: writing bytes, deciding on colour, reporting trouble.
enum Terminal {
    /// Writes all of `bytes` to a file descriptor, retrying short writes; for messages, whose
    /// failure has nowhere to be reported (reports and exports go through ``OutputFile``).
    static func write(_ buffer: UnsafeRawBufferPointer, to file: FileDescriptor) {
        try? file.write(buffer)
    }

    /// Writes `text` whole (see ``write(_:to:)-(UnsafeRawBufferPointer,_)``).
    static func write(_ text: String, to file: FileDescriptor) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0), to: file) }
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

    /// Prints `redline: message` on standard error (control characters in names and ids escaped)
    /// and returns the "trouble" exit code.
    static func trouble(_ message: String) -> ExitCode {
        write("redline: \(TerminalSafe.escaped(message))\n", to: .standardError)
        return ExitCode(2)
    }

    /// Prints one line of output naming articles or files: control characters escaped, a newline
    /// inside shown as `^J`, so that one line stays one line and nothing reaches the terminal raw.
    static func line(_ text: String, to file: FileDescriptor = .standardOutput) {
        write(TerminalSafe.escaped(text, keepingNewlines: false) + "\n", to: file)
    }

    /// The terminal's width in columns when standard output is a terminal (`COLUMNS` first);
    /// nil when it is not, so that piped output keeps its lines whole.
    static func width() -> Int? {
        guard FileDescriptor.standardOutput.isTerminal else { return nil }
        if let columns = Environment.value("COLUMNS"), let value = Int(columns), value > 0 { return value }
        return Environment.terminalColumns(of: .standardOutput)
    }

    /// Whether to colour output, from `--color` and the environment (`NO_COLOR`, `TERM=dumb`, not a TTY).
    static func useColor(_ choice: ColorChoice, writingToFile: Bool) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if writingToFile { return false }
            if let noColor = Environment.value("NO_COLOR"), !noColor.isEmpty { return false }
            if Environment.value("TERM") == "dumb" { return false }
            return FileDescriptor.standardOutput.isTerminal
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
