/// Markdown → ``Article``: the front matter (`---` … `---`, `key: value` lines) gives the
/// metadata; the body loses its syntax (headings' `#`, emphasis, links' targets, images, code
/// fences, block quotes' `>`, list markers, tables' pipes, HTML tags) and becomes paragraphs.
enum MarkdownArticleReader {
    static func read(_ text: String) -> Article {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
        var article = Article()
        if lines.first?.trimmingWhitespace == "---",
            let close = lines.dropFirst().firstIndex(where: {
                $0.trimmingWhitespace == "---" || $0.trimmingWhitespace == "..."
            })
        {
            frontMatter(lines[1..<close], into: &article)
            lines = Array(lines[(close + 1)...])
        }
        var paragraphs: [String] = []
        var current: [String] = []
        var inFence = false
        func flush() {
            let joined = Whitespace.collapse(Array(current.joined(separator: " ").utf8))
            if !joined.isEmpty { paragraphs.append(joined) }
            current.removeAll()
        }
        for raw in lines {
            let line = raw.trimmingWhitespace
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                flush()
                inFence.toggle()
                continue
            }
            if inFence {
                current.append(line)
                continue
            }
            if line.isEmpty || isRule(line) {
                flush()
                continue
            }
            if line.hasPrefix("#") {
                flush()
                let heading = inline(String(line.drop { $0 == "#" }).trimmingWhitespace)
                if line.hasPrefix("# ") && paragraphs.isEmpty
                    && (article.headline == nil || article.headline == heading)
                {
                    article.headline = heading
                } else if !heading.isEmpty {
                    paragraphs.append(heading)
                }
                continue
            }
            if isTableSeparator(line) { continue }
            var content = line
            while content.hasPrefix(">") { content = String(content.dropFirst()).trimmingWhitespace }
            if let item = listItem(content) {
                flush()
                content = item
            }
            if content.hasPrefix("|") {
                flush()
                content = content.split(separator: "|").map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
                    .joined(separator: " ")
            }
            current.append(inline(content))
        }
        flush()
        article.paragraphs = paragraphs
        return article
    }

    private static func frontMatter(_ lines: ArraySlice<Substring>, into article: inout Article) {
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingWhitespace.lowercased()
            var value = line[line.index(after: colon)...].trimmingWhitespace
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            if value.hasPrefix("[") && value.hasSuffix("]") {
                value = value.dropFirst().dropLast().split(separator: ",").map {
                    $0.trimmingWhitespace.trimming("\"'")
                }.joined(separator: ", ")
            }
            guard !value.isEmpty else { continue }
            switch key {
            case "title", "headline": article.headline = value
            case "author", "authors", "byline": article.byline = PageMetadata.cleanByline(value) ?? value
            case "date", "published", "pubdate", "date_published", "datepublished", "publishdate":
                article.published = PageMetadata.date(value)
            case "modified", "updated", "lastmod", "last_modified", "date_modified", "datemodified":
                article.modified = PageMetadata.date(value)
            case "canonical", "canonical_url", "canonicalurl", "url", "permalink": article.canonicalURL = value
            case "lang", "language", "locale": article.language = value
            default: break
            }
        }
    }

    private static func isRule(_ line: String) -> Bool {
        let compact = line.filter { $0 != " " }
        guard compact.count >= 3, let first = compact.first, "-*_=".contains(first) else { return false }
        return compact.allSatisfy { $0 == first }
    }

    private static func isTableSeparator(_ line: String) -> Bool {
        line.contains("-") && line.allSatisfy { "|-: ".contains($0) }
    }

    /// "- item", "* item", "+ item", "1. item", "1) item" → "item".
    private static func listItem(_ line: String) -> String? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return String(line.dropFirst(2))
        }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " {
                return String(rest.dropFirst(2))
            }
        }
        return nil
    }

    /// Inline syntax stripped: images dropped, links to their text, emphasis, code and HTML
    /// tags removed, backslash escapes resolved.
    static func inline(_ text: String) -> String {
        var output = ""
        var characters = Array(text)
        var index = 0
        // Images first: ![alt](url) disappears.
        var withoutImages: [Character] = []
        while index < characters.count {
            if characters[index] == "!", index + 1 < characters.count, characters[index + 1] == "[",
                let end = linkEnd(characters, from: index + 1)
            {
                index = end.after
                continue
            }
            withoutImages.append(characters[index])
            index += 1
        }
        characters = withoutImages
        index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\" where index + 1 < characters.count:
                output.append(characters[index + 1])
                index += 2
                continue
            case "[":
                if let end = linkEnd(characters, from: index) {
                    output += inline(String(characters[(index + 1)..<end.textEnd]))
                    index = end.after
                    continue
                }
            case "<":
                if let close = characters[index...].firstIndex(of: ">"), close - index < 200,
                    index + 1 < characters.count, characters[index + 1].isLetter || characters[index + 1] == "/"
                {
                    index = close + 1
                    continue
                }
            case "*", "`":
                index += 1
                continue
            case "_":
                let before = index > 0 ? characters[index - 1] : " "
                let after = index + 1 < characters.count ? characters[index + 1] : " "
                if !(before.isLetter || before.isNumber) || !(after.isLetter || after.isNumber) {
                    index += 1
                    continue
                }
            case "~" where index + 1 < characters.count && characters[index + 1] == "~":
                index += 2
                continue
            default: break
            }
            output.append(character)
            index += 1
        }
        return output
    }

    /// For `[text](url)` or `[text][ref]` starting at `open`: where the text ends and where the
    /// whole link ends.
    private static func linkEnd(_ characters: [Character], from open: Int) -> (textEnd: Int, after: Int)? {
        var depth = 0
        var index = open
        while index < characters.count {
            if characters[index] == "[" { depth += 1 }
            if characters[index] == "]" {
                depth -= 1
                if depth == 0 { break }
            }
            index += 1
        }
        guard index < characters.count else { return nil }
        let textEnd = index
        let next = index + 1
        guard next < characters.count, characters[next] == "(" || characters[next] == "[" else { return nil }
        let closer: Character = characters[next] == "(" ? ")" : "]"
        guard let close = characters[next...].firstIndex(of: closer) else { return nil }
        return (textEnd, close + 1)
    }
}
