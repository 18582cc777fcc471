/// A web page → an ``Article``: metadata from JSON-LD and meta tags, the body from the page's
/// content block (or JSON-LD's `articleBody` when the page does not show it), furniture removed.
enum HTMLArticleReader {
    /// - Parameters:
    ///   - tree: the parsed page.
    ///   - refusingNonArticles: throw for a live blog or a section front (comparing and storing
    ///     need an article); when false, read it anyway and say what it is in ``Article/warning``.
    /// - Returns: the article the page holds.
    /// - Throws: ``IngestError`` when the page holds no article text, or is no article and
    ///   `refusingNonArticles` is set.
    static func read(_ tree: HTMLTree, refusingNonArticles: Bool = true) throws(IngestError) -> Article {
        let linkedData = LinkedData(tree)
        var layout = PageLayout(tree)
        var metadata = PageMetadata(layout, linkedData: linkedData)
        var containers = ContentFinder(layout: layout).containers()
        // Readability's retry: when the class rules leave almost nothing, read the page without them.
        let found = containers.reduce(0) { $0 + Int(layout.textLength[$1]) }
        if found < retryBelow {
            let retry = PageLayout(tree, weighingClasses: false)
            let retried = ContentFinder(layout: retry).containers()
            if retried.reduce(0, { $0 + Int(retry.textLength[$1]) }) >= max(4 * found, 2 * retryBelow) {
                layout = retry
                containers = retried
            }
        }
        var warning: String?
        do {
            try PageKind.check(tree, layout: layout, containers: containers, linkedData: linkedData)
        } catch {
            if refusingNonArticles { throw error }
            if case .notAnArticle(let kind, let detail) = error.reason {
                warning = "this page looks like a \(kind), not an article (\(detail))"
            }
        }

        let blocks = ParagraphCollector(layout: layout).blocks(in: containers)
        if let headline = metadata.headline, let shown = shownHeadline(headline, in: blocks) {
            metadata.headline = shown
        }
        var paragraphs = clean(blocks, headline: metadata.headline, byline: metadata.byline)
        if let body = linkedData?.body {
            paragraphs = LinkedBody.reconcile(dom: paragraphs, linkedBody: body)
        }
        var article = Article(
            headline: metadata.headline, byline: metadata.byline, published: metadata.published,
            modified: metadata.modified, canonicalURL: metadata.canonicalURL, language: metadata.language,
            paragraphs: paragraphs)
        article.warning = warning
        return article
    }

    /// Visible bytes of body text under which a page is read again without its class rules
    /// (less than a short paragraph: the class rules dropped the article itself).
    static let retryBelow = 250

    /// For a headline taken from a `<title>` with the site's name ("Valley Herald - Hospital to
    /// add 40 beds"), the part the page shows as a block of its own near the top.
    static func shownHeadline(_ headline: String, in blocks: [ParagraphCollector.Block]) -> String? {
        let separators = [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: ", " \u{00B7} ", ": "]
        guard separators.contains(where: { headline.contains($0) }) else { return nil }
        for block in blocks.prefix(3) where block.text.utf8.count < headline.utf8.count {
            let text = block.text
            if headline.hasSuffix(text) || headline.hasPrefix(text),
                separators.contains(where: { headline.hasSuffix($0 + text) || headline.hasPrefix(text + $0) })
            {
                return text
            }
        }
        return nil
    }

    /// Drops the headline and byline repeated in the body, furniture, and link lists.
    static func clean(_ blocks: [ParagraphCollector.Block], headline: String?, byline: String?) -> [String] {
        let headlineKey = headline.map(comparable)
        let bylineKey = byline.map(comparable)
        var result: [String] = []
        let longest = max(headline?.utf8.count ?? 0, byline?.utf8.count ?? 0) * 2 + 16
        for (position, block) in blocks.enumerated() {
            if block.tag == "h1" && result.isEmpty { continue }
            if block.text.utf8.count <= longest {
                // Short enough to be the headline or byline repeated.
                let key = comparable(block.text)
                if key.isEmpty || key == headlineKey { continue }
                if let bylineKey, key == bylineKey || key == "by" + bylineKey { continue }
            }
            if BoilerplateText.isBoilerplate(block.text) { continue }
            // Lists of links ("Related", "More from") and link-only lines, except a list the text
            // introduces ("Meditation has been shown to help improve:" and a list of cited links).
            if block.linkDensity > 0.5 && (block.tag == "li" || block.text.utf8.count < 160)
                && !(block.tag == "li" && introducesList(blocks, before: position))
            {
                continue
            }
            if block.tag.hasPrefix("h"), block.text.utf8.count < 60, isSectionTitle(comparable(block.text)) {
                continue
            }
            result.append(block.text)
        }
        // An author's bio closing the article ("Jane Doe is a reporter who covers…").
        let authors = (byline ?? "").components(separatedBy: ", ").filter { !$0.isEmpty }
        while let last = result.last, last.utf8.count < 250, authors.contains(where: { last.hasPrefix($0 + " ") }),
            [" is ", " covers ", " reports ", " writes ", " was ", " has been "].contains(where: last.contains)
        {
            result.removeLast()
        }
        // A heading left with nothing after it is a widget's title.
        while let last = result.last, blocks.last(where: { $0.text == last })?.tag.hasPrefix("h") == true {
            result.removeLast()
        }
        return result
    }

    /// Whether the list item at `position` belongs to a list that a sentence ending in a colon
    /// introduces, looking back over the items before it.
    static func introducesList(_ blocks: [ParagraphCollector.Block], before position: Int) -> Bool {
        var index = position - 1
        while index >= 0, blocks[index].tag == "li" { index -= 1 }
        guard index >= 0, blocks[index].linkDensity < 0.5 else { return false }
        let text = blocks[index].text
        return text.utf8.count >= 20 && text.hasSuffix(":")
    }

    /// Headings of page furniture: "Related", "More from Politics", "Most read".
    static func isSectionTitle(_ key: String) -> Bool {
        [
            "related", "morefrom", "mostread", "mostpopular", "recommended", "readmore", "trending", "topstories",
            "latest", "sharethis", "youmayalsolike", "moreon", "editorspicks", "comments", "advertisement",
        ].contains {
            key.hasPrefix($0)
        }
    }

    /// Lower-case letters and digits only, for comparing texts that differ in spacing and punctuation.
    static func comparable(_ text: String) -> String {
        let utf8 = text.utf8
        // ASCII text (most of it) is filtered byte by byte; anything else scalar by scalar.
        if utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count)
            for byte in utf8 {
                switch byte {
                case 0x41...0x5A: bytes.append(byte | 0x20)
                case 0x61...0x7A, 0x30...0x39: bytes.append(byte)
                default: break
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(
            String.UnicodeScalarView(
                text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }
}
