import Logging
import RedlineSystem

/// swift-log's messages as a command-line tool prints them: `redline: message` on standard
/// error, warnings and errors marked, one `write` per line (lines from several tasks never mix).
struct TerminalLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let mark =
            switch event.level {
            case .warning: "warning: "
            case .error, .critical: "error: "
            default: ""
            }
        let details = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let suffix =
            details.isEmpty
            ? "" : " (" + details.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: ", ") + ")"
        Terminal.line("redline: \(mark)\(event.message)\(suffix)", to: .standardError)
    }
}
