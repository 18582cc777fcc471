/// Reconciles the body found in the page with JSON-LD's `articleBody`.
///
/// When the page shows the article, its paragraphs are kept (they have the paragraph breaks),
/// less those the `articleBody` does not contain (captions, furniture the layout let through).
/// When the page shows little of it (a paywall stub, a page rendered by script), the
/// `articleBody` is the body, split at its line breaks.
enum LinkedBody {
    static func reconcile(dom paragraphs: [String], linkedBody raw: String) -> [String] {
        let linkedBody = plainText(raw)
        let linkedWords = words(linkedBody)
        guard linkedWords.count >= 40 else { return paragraphs }
        let linkedSet = Set(linkedWords)
        let domWords = paragraphs.flatMap(words)
        let covered = Set(domWords).intersection(linkedSet).count
        if domWords.isEmpty || Double(covered) < 0.7 * Double(linkedSet.count) {
            return split(linkedBody)
        }
        // The articleBody is not a truncated teaser: filter the page's paragraphs by it.
        guard Double(linkedWords.count) >= 0.7 * Double(domWords.count) else { return paragraphs }
        let linkedKey = Array(HTMLArticleReader.comparable(linkedBody).utf8)
        return paragraphs.filter { paragraph in
            let key = Array(HTMLArticleReader.comparable(paragraph).utf8)
            if contains(linkedKey, key) { return true }
            let own = words(paragraph)
            let inside = own.filter { linkedSet.contains($0) }.count
            return own.count >= 8 && Double(inside) >= 0.8 * Double(own.count)
        }
    }

    /// Whether `needle` occurs in `haystack`, on bytes (Foundation's `String.contains` cost 46% of
    /// a whole extraction on a long page): candidate positions are those where the needle's
    /// first two bytes match, then the rest is compared.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= haystack.count else { return false }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                let last = hay.count - pin.count
                var position = 0
                while position <= last {
                    if hay[position] == first, pin.count == 1 || hay[position + 1] == pin[1] {
                        var offset = 2
                        while offset < pin.count, hay[position + offset] == pin[offset] { offset += 1 }
                        if offset >= pin.count { return true }
                    }
                    position += 1
                }
                return false
            }
        }
    }

    /// An `articleBody` that carries markup or entities (some sites put the HTML there) as text,
    /// one line per paragraph.
    static func plainText(_ body: String) -> String {
        guard body.contains("<") || body.contains("&") else { return body }
        // Line breaks are paragraph breaks in an articleBody; keep them through the parser.
        let marked = body.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br>")
        let bytes = Array(("<html><body>" + marked + "</body></html>").utf8)
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(IngestError) in try HTMLParser.parse(buffer) }
        }
        guard case .success(let tree) = result else { return body }
        let layout = PageLayout(tree)
        let roots = tree.nodes.indices.filter { tree.nodes[$0].parent < 0 }
        return ParagraphCollector(layout: layout).blocks(in: roots).map(\.text).joined(separator: "\n")
    }

    /// Lines (blank-line or single-line breaks) of an `articleBody`, whitespace collapsed.
    static func split(_ body: String) -> [String] {
        body.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\u{2029}" })
            .map { Whitespace.collapse(Array($0.utf8)) }
            .filter { !$0.isEmpty && !BoilerplateText.isBoilerplate($0) }
    }

    static func words(_ text: String) -> [String] {
        let lowered = text.lowercased()
        // ASCII text is split on bytes; Character properties only for the rest.
        guard lowered.utf8.allSatisfy({ $0 < 0x80 }) else {
            return lowered.split { !($0.isLetter || $0.isNumber) }.map(String.init)
        }
        return lowered.utf8.split { !(($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39)) }
            .map { String(decoding: $0, as: UTF8.self) }
    }
}
