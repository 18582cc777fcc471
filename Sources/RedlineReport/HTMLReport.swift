import RedlineArticle
import RedlineDiff
import RedlineFacts

/// A self-contained HTML page: the fact changes by kind at the top (each linked to its
/// paragraph), the metadata changes, then the article side by side — old | new, paragraphs
/// aligned, moved paragraphs marked, words deleted and inserted highlighted — with an inline
/// view one click away.
///
/// Inline CSS only and no script at all (the view toggle is a CSS checkbox), a Content Security
/// Policy that forbids scripts, remote requests and frames, and every piece of article text
/// escaped: an article containing `<script>`, `onerror=` or `</style>` shows them as text.
public struct HTMLReport: ReportRenderer, Sendable {
    /// A renderer of self-contained side-by-side pages.
    public init() {}

    /// Writes the page for `comparison` into `output`.
    public func render(_ comparison: Comparison, into output: inout ReportOutput) {
        let diff = comparison.diff
        let rows = Self.rows(diff)
        var html = Self.head(title: "Redline: \(comparison.old.source) → \(comparison.new.source)")
        html +=
            "<header><h1>Redline</h1><p class=\"sources\"><span class=\"old\">\(Self.escape(comparison.old.source))</span>"
        html += " → <span class=\"new\">\(Self.escape(comparison.new.source))</span></p>"
        if let headline = comparison.new.article?.headline {
            html += "<p class=\"headline\">\(Self.escape(headline))</p>"
        }
        html += "</header>\n<main>\n"
        html += summary(comparison, rows: rows)
        html += metadata(comparison.metadataChanges)
        html +=
            "<input type=\"checkbox\" id=\"inline-view\" class=\"toggle\"><label for=\"inline-view\" class=\"toggle-label\">Inline view</label>\n"
        html += sideBySide(rows, diff: diff)
        html += inline(rows, diff: diff)
        html +=
            "</main>\n<footer>Made by Redline. Deleted words are <del>struck through</del>, inserted words <ins>underlined</ins>.</footer>\n</body>\n</html>\n"
        output.append(html)
    }

    // MARK: Sections

    func summary(_ comparison: Comparison, rows: [Row]) -> String {
        var html = "<section class=\"summary\">"
        guard !comparison.isIdentical || !comparison.metadataChanges.isEmpty else {
            return html + "<p class=\"verdict\">No differences.</p></section>\n"
        }
        let counts = comparison.diff.counts
        html += "<p class=\"verdict\">\(Self.escape(comparison.facts?.summary.line ?? "Facts not compared"))"
        html += " · \(Self.escape(TextReport.summary(counts, granularity: comparison.diff.granularity)))</p>"
        if let reason = comparison.factsSkipped { html += "<p>\(Self.escape(reason)).</p>" }
        if let facts = comparison.facts, !facts.changes.isEmpty {
            for kind in FactChange.Kind.allCases {
                let group = facts.changes.enumerated().filter { $0.element.kind == kind }
                guard !group.isEmpty else { continue }
                html +=
                    "<h2>\(FactsSection.title(kind)) <span class=\"count\">\(group.count)</span></h2><ol class=\"facts\">"
                for (index, change) in group {
                    let row = rows.firstIndex { row in
                        if let range = change.newRange, let new = row.new { return new.contains(range.lowerBound) }
                        if let range = change.oldRange, let old = row.old { return old.contains(range.lowerBound) }
                        return false
                    }
                    let target = row.map { "#p\($0)" } ?? "#article"
                    html += "<li id=\"fact\(index)\" class=\"\(change.change.rawValue)\"><a href=\"\(target)\">"
                    html += "<span class=\"mark\">\(change.change.rawValue)</span> "
                    if let old = change.old { html += "<del>\(Self.escape(old))</del>" }
                    if change.old != nil && change.new != nil { html += " → " }
                    if let new = change.new { html += "<ins>\(Self.escape(new))</ins>" }
                    html += "</a>"
                    if let context = change.newContext ?? change.oldContext {
                        html += "<blockquote>\(Self.escape(FactsSection.clip(context, limit: 300)))</blockquote>"
                    }
                    html += "</li>"
                }
                html += "</ol>"
            }
        }
        return html + "</section>\n"
    }

    func metadata(_ changes: [MetadataChange]) -> String {
        guard !changes.isEmpty else { return "" }
        var html = "<section class=\"metadata\"><h2>Metadata</h2><table><tr><th>field</th><th>old</th><th>new</th></tr>"
        for change in changes {
            html +=
                "<tr><th>\(MetadataSection.label(change.field))</th><td><del>\(Self.escape(change.old ?? "—"))</del></td>"
            html += "<td><ins>\(Self.escape(change.new ?? "—"))</ins></td></tr>"
        }
        return html + "</table></section>\n"
    }

    func sideBySide(_ rows: [Row], diff: Diff) -> String {
        var html =
            "<section id=\"article\" class=\"side-by-side\"><div class=\"row heading\"><div>Old</div><div>New</div></div>\n"
        for (index, row) in rows.enumerated() {
            html += "<div class=\"row \(Self.className(row.kind))\" id=\"p\(index)\">"
            html +=
                "<div class=\"old\">\(oldSide(row, diff: diff))</div><div class=\"new\">\(newSide(row, diff: diff))</div></div>\n"
        }
        return html + "</section>\n"
    }

    func inline(_ rows: [Row], diff: Diff) -> String {
        var html = "<section class=\"inline\">\n"
        for (index, row) in rows.enumerated() {
            html += "<p class=\"\(Self.className(row.kind))\" id=\"i\(index)\">"
            switch row.kind {
            case .same: html += Self.escape(diff.newText(row.new ?? 0..<0))
            case .deleted: html += "<del>\(Self.escape(diff.oldText(row.old ?? 0..<0)))</del>"
            case .inserted: html += "<ins>\(Self.escape(diff.newText(row.new ?? 0..<0)))</ins>"
            case .movedAway: html += "<span class=\"note\">⤷ paragraph moved</span>"
            case .changed, .movedHere:
                if row.kind == .movedHere { html += "<span class=\"note\">⤶ moved here</span> " }
                html += words(row, diff: diff, showOld: true, showNew: true)
            }
            html += "</p>\n"
        }
        return html + "</section>\n"
    }

    private func oldSide(_ row: Row, diff: Diff) -> String {
        switch row.kind {
        case .same: Self.escape(diff.oldText(row.old ?? 0..<0))
        case .deleted: "<del>\(Self.escape(diff.oldText(row.old ?? 0..<0)))</del>"
        case .inserted: ""
        case .changed: words(row, diff: diff, showOld: true, showNew: false)
        case .movedAway:
            "<span class=\"note\"><a href=\"#p\(row.partner ?? 0)\">⤷ moved</a></span> "
                + Self.escape(diff.oldText(row.old ?? 0..<0))
        case .movedHere: ""
        }
    }

    private func newSide(_ row: Row, diff: Diff) -> String {
        switch row.kind {
        case .same: Self.escape(diff.newText(row.new ?? 0..<0))
        case .inserted: "<ins>\(Self.escape(diff.newText(row.new ?? 0..<0)))</ins>"
        case .deleted, .movedAway: ""
        case .changed: words(row, diff: diff, showOld: false, showNew: true)
        case .movedHere:
            "<span class=\"note\"><a href=\"#p\(row.partner ?? 0)\">⤶ moved here</a></span> "
                + words(row, diff: diff, showOld: false, showNew: true)
        }
    }

    /// A changed paragraph with its word edits: deletions on the old side, insertions on the new.
    private func words(_ row: Row, diff: Diff, showOld: Bool, showNew: Bool) -> String {
        let oldText = diff.oldBytes
        let newText = diff.newBytes
        let oldBase = row.old?.lowerBound ?? 0
        let newBase = row.new?.lowerBound ?? 0
        var html = ""
        for edit in row.edits {
            switch edit.kind {
            case .equal:
                html += Self.escape(
                    showNew ? newText.string(shift(edit.new, newBase)) : oldText.string(shift(edit.old, oldBase)))
            case .delete where showOld: html += "<del>\(Self.escape(oldText.string(shift(edit.old, oldBase))))</del>"
            case .insert where showNew: html += "<ins>\(Self.escape(newText.string(shift(edit.new, newBase))))</ins>"
            default: break
            }
        }
        return html
    }

    private func shift(_ range: Range<Int>, _ base: Int) -> Range<Int> {
        (range.lowerBound + base)..<(range.upperBound + base)
    }

    static func className(_ kind: Row.Kind) -> String {
        switch kind {
        case .same: "same"
        case .changed: "changed"
        case .deleted: "deleted"
        case .inserted: "inserted"
        case .movedAway: "moved away"
        case .movedHere: "moved here"
        }
    }

    /// Text made inert: `&`, `<`, `>`, quotes escaped; control characters and bidirectional
    /// overrides and isolates (U+202A–U+202E, U+2066–U+2069), which could reorder or hide the
    /// report's own text around them, shown as visible marks (`U+202E`) instead.
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + bytes.count / 8)
            ByteRewriting.rewrite(
                bytes, keep: { result.append(contentsOf: bytes[$0]) }, write: { result.append(contentsOf: $0.utf8) }
            ) { index in
                switch bytes[index] {
                case UInt8(ascii: "&"): ("&amp;", 1)
                case UInt8(ascii: "<"): ("&lt;", 1)
                case UInt8(ascii: ">"): ("&gt;", 1)
                case UInt8(ascii: "\""): ("&quot;", 1)
                case UInt8(ascii: "'"): ("&#39;", 1)
                case 0x09, 0x0A, 0x0D: nil
                case let byte where byte < 0x20 || byte == 0x7F: (mark(UInt32(byte)), 1)
                case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                    (mark(UInt32(bytes[index + 1])), 2)
                case 0xE2 where index + 2 < bytes.count && Self.isBidiControl(bytes[index + 1], bytes[index + 2]):
                    (mark(0x2000 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)), 3)
                default: nil
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// U+202A–U+202E (E2 80 AA–AE) and U+2066–U+2069 (E2 81 A6–A9), from their last two bytes.
    private static func isBidiControl(_ second: UInt8, _ third: UInt8) -> Bool {
        (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third))
    }

    private static func mark(_ value: UInt32) -> String {
        "<span class=\"ctl\">U+" + hex(value) + "</span>"
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func head(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
        <meta name="referrer" content="no-referrer">
        <title>\(escape(title))</title>
        <style>
        \(stylesheet)
        </style>
        </head>
        <body>

        """
    }

    static let stylesheet = """
        :root { --del: #ffebe9; --del-text: #82071e; --ins: #dafbe1; --ins-text: #116329; --move: #f1e5ff; --line: #d0d7de; }
        * { box-sizing: border-box; }
        body { font: 16px/1.55 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0; color: #1f2328; background: #fff; }
        header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 16px; }
        header h1 { font-size: 1.1rem; margin: 16px 0 0; letter-spacing: .05em; text-transform: uppercase; color: #cf222e; }
        .sources { margin: 4px 0; color: #59636e; word-break: break-all; }
        .ctl { font: .75em ui-monospace, monospace; border: 1px solid var(--line); border-radius: 3px; padding: 0 2px; color: #59636e; }
        .headline { font-size: 1.5rem; font-weight: 600; margin: 8px 0 16px; }
        h2 { font-size: 1.05rem; margin: 20px 0 8px; }
        .count { background: #eaeef2; border-radius: 10px; padding: 0 8px; font-size: .85rem; }
        .verdict { font-size: 1.1rem; font-weight: 600; }
        ol.facts { padding-left: 20px; }
        ol.facts li { margin: 6px 0; }
        ol.facts a { color: inherit; text-decoration: none; }
        ol.facts .mark { font-size: .75rem; text-transform: uppercase; color: #59636e; }
        blockquote { margin: 2px 0 0; color: #59636e; font-size: .9rem; border-left: 3px solid var(--line); padding-left: 8px; }
        del { background: var(--del); color: var(--del-text); text-decoration: line-through; }
        ins { background: var(--ins); color: var(--ins-text); text-decoration: underline; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; word-break: break-word; }
        .toggle { position: absolute; opacity: 0; }
        .toggle-label { display: inline-block; margin: 16px 0 8px; padding: 4px 12px; border: 1px solid var(--line); border-radius: 6px; cursor: pointer; }
        .toggle:checked + .toggle-label { background: #eaeef2; }
        .toggle:focus-visible + .toggle-label { outline: 2px solid #0969da; }
        .side-by-side .row { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; border-top: 1px solid var(--line); padding: 8px 0; }
        .side-by-side .row.heading { font-weight: 600; color: #59636e; border-top: 0; }
        .row.same { color: #59636e; }
        .row.moved, p.moved { background: var(--move); }
        .note, .note a { color: #6639ba; font-size: .85rem; }
        .inline { display: none; }
        .toggle:checked ~ .side-by-side { display: none; }
        .toggle:checked ~ .inline { display: block; }
        :target { outline: 2px solid #0969da; outline-offset: 2px; }
        footer { color: #59636e; font-size: .85rem; margin: 32px auto 24px; }
        @media (max-width: 700px) {
          .side-by-side .row { grid-template-columns: 1fr; gap: 4px; }
          .side-by-side .row > div:empty { display: none; }
          .side-by-side .row .old:not(:empty)::before { content: "Old: "; color: #59636e; font-size: .8rem; }
          .side-by-side .row .new:not(:empty)::before { content: "New: "; color: #59636e; font-size: .8rem; }
          .side-by-side .row.heading { display: none; }
        }
        """
}
