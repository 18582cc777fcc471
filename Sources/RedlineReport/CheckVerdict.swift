import Foundation
import RedlineDiff
import RedlineFacts

/// What the CI gate (`redline check`) concludes for one pair of versions: which fact changes fail
/// it, whether a correction note is missing, and GitHub annotations for each change.
///
/// ```swift
/// let verdict = CheckVerdict(comparison: Redline.compare(old, new, facts: .always), failOn: [.figure, .name])
/// if verdict.fails { print(verdict.line) }
/// ```
public struct CheckVerdict: Sendable {
    /// The compared versions, facts always on.
    public let comparison: Comparison
    /// The kinds whose changes fail the check.
    public let failOn: Set<FactChange.Kind>
    /// Figure and name changes need a correction note.
    public let requireNote: Bool
    /// The new file as read, when its text is an article extracted from it (lines point into it).
    public let source: TextBytes?

    /// The verdict on `comparison`: failing when facts of the kinds in `failOn` changed (or, with
    /// `requireNote`, when facts changed and the new version adds no correction note); `source` is the
    /// new file as read when the compared text was extracted from it (annotation lines point into it).
    public init(
        comparison: Comparison, failOn: Set<FactChange.Kind>, requireNote: Bool = false, source: TextBytes? = nil
    ) {
        self.comparison = comparison
        self.failOn = failOn
        self.requireNote = requireNote
        self.source = source
    }

    /// Every fact change.
    public var changes: [FactChange] { comparison.facts?.changes ?? [] }
    /// The changes of the kinds in ``failOn``.
    public var failing: [FactChange] { changes.filter { failOn.contains($0.kind) } }
    /// Figure and name changes, which a corrections policy wants a note for.
    public var needingNote: [FactChange] { changes.filter { $0.kind == .figure || $0.kind == .name } }
    /// The new version carries a correction or clarification note.
    public var hasNote: Bool { CorrectionNote.isPresent(in: comparison.diff.newBytes.string) }
    /// ``requireNote`` is set, a figure or name changed, and there is no note.
    public var missingNote: Bool { requireNote && !needingNote.isEmpty && !hasNote }
    /// The check fails: a failing change, or a missing note.
    public var fails: Bool { !failing.isEmpty || missingNote }

    /// One line for the terminal: the file, what changed, and the verdict.
    public var line: String {
        let name = comparison.new.source
        guard !changes.isEmpty else { return "\(name): no figure, name, quote or claim changed" }
        let kinds = Set(failing.map(\.kind)).map(\.rawValue).sorted().joined(separator: ", ")
        var verdict = failing.isEmpty ? "passes" : "fails on \(kinds)"
        if missingNote {
            verdict += failing.isEmpty ? ", but the correction note is missing" : "; the correction note is missing"
        }
        return "\(name): \(comparison.facts?.summary.line ?? "") — \(verdict)"
    }

    /// What else fails the check (a missing correction note), in words.
    public var problems: [String] {
        guard missingNote else { return [] }
        let listed = needingNote.prefix(5).map(\.summary).joined(separator: "; ")
        return [
            "no correction note (\"Correction:\", \"Clarification:\", \"An earlier version of this article…\", "
                + "\"Editor's note:\") although these changed: \(listed)"
        ]
    }

    /// `::error file=…,line=…,title=…::message` per fact change (warning when it does not fail).
    public func githubAnnotations() -> [String] {
        var result: [String] = changes.map { change in
            let level = failOn.contains(change.kind) ? "error" : "warning"
            let line = lineInFile(change)
            let title = "Redline: \(change.kind.rawValue) \(change.change.rawValue)"
            return
                "::\(level) file=\(Self.property(comparison.new.source)),line=\(line),title=\(Self.property(title))::"
                + Self.message(change.summary)
        }
        if missingNote {
            result.append(
                "::error file=\(Self.property(comparison.new.source)),line=1,title=\(Self.property("Redline: correction note missing"))::"
                    + Self.message("A figure or name changed but the article has no correction or clarification note."))
        }
        return result
    }

    /// The 1-based line of the new file a change is on: in the text itself, or, for a page or
    /// Markdown file, where its sentence (or surface) stands in the file; 1 when not found.
    public func lineInFile(_ change: FactChange) -> Int {
        guard let source else {
            return change.newRange.map { comparison.diff.newLines.line(containing: $0.lowerBound) + 1 } ?? 1
        }
        let file = source.string
        for probe in [change.newContext.map { String($0.prefix(60)) }, change.new].compactMap({ $0 })
        where !probe.isEmpty {
            if let range = file.range(of: probe) {
                return file[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            }
        }
        return 1
    }

    /// GitHub's escaping of workflow-command data.
    static func message(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func property(_ text: String) -> String {
        message(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
