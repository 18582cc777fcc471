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
        let linkedKey = HTMLArticleReader.comparable(linkedBody)
        return paragraphs.filter { paragraph in
            let key = HTMLArticleReader.comparable(paragraph)
            if linkedKey.contains(key) { return true }
            let own = words(paragraph)
            let inside = own.filter { linkedSet.contains($0) }.count
            return own.count >= 8 && Double(inside) >= 0.8 * Double(own.count)
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
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
