import CCmarkGFM
import Foundation
import Yams

/// Markdown → ``Article``, read by real parsers: the front matter (`---` … `---`) by Yams, the
/// body by cmark-gfm (CommonMark with GitHub's tables, strikethrough and autolinks). Character
/// references are decoded ("&pound;5m" is "£5m"), autolinks keep their text, reference
/// definitions vanish, a level-1 heading (ATX or setext) before any text is the headline; every
/// other block — paragraph, heading, list item, quoted paragraph, table row (cells joined by
/// spaces), code block — becomes one paragraph of plain text.
enum MarkdownArticleReader {
    static func read(_ text: String) -> Article {
        var article = Article()
        var body = Substring(text)
        if let (yaml, rest) = frontMatter(of: text) {
            metadata(yaml, into: &article)
            body = rest
        }
        var paragraphs: [String] = []
        CommonMark.blocks(of: String(body)) { block in
            let plain = Whitespace.collapse(Array(block.text.utf8))
            guard !plain.isEmpty else { return }
            if block.headingLevel == 1 && paragraphs.isEmpty && (article.headline == nil || article.headline == plain) {
                article.headline = plain
            } else {
                paragraphs.append(plain)
            }
        }
        article.paragraphs = paragraphs
        return article
    }

    /// The YAML between a first line `---` and the next `---` or `...` line, and the text after it.
    private static func frontMatter(of text: String) -> (String, Substring)? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingWhitespace == "---" else { return nil }
        lines.removeFirst()
        guard let close = lines.firstIndex(where: { $0.trimmingWhitespace == "---" || $0.trimmingWhitespace == "..." })
        else { return nil }
        let yaml = lines[..<close].joined(separator: "\n")
        let rest = lines[(close + 1)...].joined(separator: "\n")
        return (yaml, Substring(rest))
    }

    /// Front matter keys → metadata. Values are read as written (a date stays its text); lists
    /// (`authors:` as a YAML sequence or `[a, b]`) are joined with commas. Malformed YAML gives no
    /// metadata rather than an error: the body is still the article.
    private static func metadata(_ yaml: String, into article: inout Article) {
        guard let root = try? Yams.compose(yaml: yaml), let mapping = root.mapping else { return }
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.string?.lowercased(), let value = text(of: valueNode), !value.isEmpty else {
                continue
            }
            switch key {
            case "title", "headline": article.headline = value
            case "author", "authors", "byline": article.byline = PageMetadata.cleanByline(value) ?? value
            case "date", "published", "pubdate", "date_published", "datepublished", "publishdate":
                article.published = PageMetadata.date(value)
            case "modified", "updated", "lastmod", "last_modified", "date_modified", "datemodified":
                article.modified = PageMetadata.date(value)
            case "canonical", "canonical_url", "canonicalurl", "url", "permalink":
                article.canonicalURL = PageMetadata.webAddress(value)
            case "lang", "language", "locale": article.language = value
            default: break
            }
        }
    }

    /// A scalar as written, a sequence's scalars joined with ", ", or a mapping's `name`.
    private static func text(of node: Node) -> String? {
        if let scalar = node.scalar { return scalar.string.trimmingWhitespace }
        if let sequence = node.sequence {
            let items = sequence.compactMap { text(of: $0) }.filter { !$0.isEmpty }
            return items.isEmpty ? nil : items.joined(separator: ", ")
        }
        if let mapping = node.mapping, let name = mapping.first(where: { $0.key.string == "name" })?.value {
            return text(of: name)
        }
        return nil
    }
}

/// cmark-gfm behind a Swift walk: the blocks of a document as plain text.
enum CommonMark {
    /// One block of text: a paragraph, a heading (with its level), a list item's paragraph, a
    /// table row, a code block.
    struct Block {
        var text: String
        var headingLevel = 0
    }

    /// The GFM extensions are registered once per process (cmark-gfm's registry is global).
    private static let extensionsReady: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// One parse at a time: cmark-gfm 0.29.0.gfm.6 (Debian's) keeps the inline special characters
    /// in one table for the whole process, which a parser's extensions add to when it finishes and
    /// take out again — a parse running meanwhile on another thread then missed `~~strikethrough~~`
    /// (seen as a flaky test). The tree is read outside the lock.
    private static let parsing = NSLock()

    /// Calls `body` with every text block of `markdown`, in order.
    static func blocks(of markdown: String, _ body: (Block) -> Void) {
        _ = extensionsReady
        let document: OpaquePointer? = parsing.withLock {
            // CMARK_OPT_DEFAULT is 0: no raw HTML rendering is involved, only the tree.
            guard let parser = cmark_parser_new(0) else { return nil }
            defer { cmark_parser_free(parser) }
            for name in ["table", "strikethrough", "autolink"] {
                if let syntax = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, syntax)
                }
            }
            var source = markdown
            source.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            }
            return cmark_parser_finish(parser)
        }
        guard let document else { return }
        defer { cmark_node_free(document) }
        walk(document, body)
    }

    /// Every text block of the document in order. Iterative (cmark's own iterator), so a document
    /// of 100,000 nested block quotes or list items is read without deep recursion.
    private static func walk(_ document: OpaquePointer, _ body: (Block) -> Void) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            var leaf = true
            switch type {
            case CMARK_NODE_PARAGRAPH:
                body(Block(text: inlineText(current)))
            case CMARK_NODE_HEADING:
                body(Block(text: inlineText(current), headingLevel: Int(cmark_node_get_heading_level(current))))
            case CMARK_NODE_CODE_BLOCK:
                body(Block(text: literal(current)))
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
                break  // raw HTML and rules carry no article text
            default:
                let kind = typeName(current)
                if kind == "table_row" || kind == "table_header" {
                    var cells: [String] = []
                    var cell = cmark_node_first_child(current)
                    while let each = cell {
                        cells.append(inlineText(each))
                        cell = cmark_node_next(each)
                    }
                    body(Block(text: cells.filter { !$0.isEmpty }.joined(separator: " ")))
                } else {
                    leaf = false  // containers: block quotes, lists and their items, tables, footnotes
                }
            }
            // A block read whole: its inlines are not visited again.
            if leaf && current != document { cmark_iter_reset(iterator, current, CMARK_EVENT_EXIT) }
        }
    }

    /// The plain text of an inline container: text and code as written, breaks as spaces,
    /// emphasis and links reduced to their text, images and raw HTML dropped. Iterative, like
    /// ``walk(_:_:)``, so deeply nested links or emphasis cannot exhaust the stack.
    private static func inlineText(_ node: OpaquePointer) -> String {
        var output = ""
        guard let iterator = cmark_iter_new(node) else { return output }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator), current != node else {
                continue
            }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                output += literal(current)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                output += " "
            case CMARK_NODE_IMAGE, CMARK_NODE_HTML_INLINE:
                cmark_iter_reset(iterator, current, CMARK_EVENT_EXIT)
            default:
                break
            }
        }
        return output
    }

    private static func literal(_ node: OpaquePointer) -> String {
        guard let pointer = cmark_node_get_literal(node) else { return "" }
        return String(cString: pointer)
    }

    private static func typeName(_ node: OpaquePointer) -> String {
        guard let pointer = cmark_node_get_type_string(node) else { return "" }
        return String(cString: pointer)
    }
}
