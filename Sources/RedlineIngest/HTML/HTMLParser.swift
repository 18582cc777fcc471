import CLibXML2

/// Parses HTML with libxml2's forgiving HTML parser straight into an ``HTMLTree``.
///
/// libxml2 reports the document as SAX events (start tag, text, end tag) after its own repairs
/// (implied `<html>`/`<body>`/`<p>`, auto-closed tags), and Swift builds the flat tree from them:
/// libxml2 never builds its own DOM, which halves the time and memory a page costs. The parser
/// runs with `HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET`:
/// it never touches the network, loads no external entities or DTDs, reports nothing to the
/// terminal, and recovers from any markup.
enum HTMLParser {
    /// Parses `bytes`, which must be well-formed UTF-8 (``Transcoder`` makes them so).
    ///
    /// The encoding is decided once, before parsing (``Charset``): libxml2 is told the input is
    /// UTF-8 and to ignore the page's own `<meta charset>` (`HTML_PARSE_IGNORE_ENC`). Left to
    /// itself, libxml2 2.9 reads a page without a declaration as ISO-8859-1 as soon as it meets a
    /// non-ASCII byte, switches encodings mid-page when a meta appears late, and switches the rest
    /// of a UTF-8 page to ISO-8859-1 at the first invalid byte.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(IngestError) -> HTMLTree {
        _ = libraryReady
        guard bytes.count <= Int(Int32.max) else { throw IngestError(.tooLarge(size: bytes.count)) }
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count > 0,
            let context = htmlCreateMemoryParserCtxt(base, Int32(bytes.count))
        else {
            throw IngestError(.notHTML(detail: "the page is empty"))
        }
        defer { htmlFreeParserCtxt(context) }
        CLibXML2_silenceErrors()
        // The builder is reached through a raw pointer from the C callbacks: no reference
        // counting or exclusivity checks on the hot path.
        let builder = UnsafeMutablePointer<TreeBuilder>.allocate(capacity: 1)
        builder.initialize(to: TreeBuilder())
        defer { builder.deinitialize(count: 1).deallocate() }
        context.pointee.sax.pointee = TreeBuilder.handler()
        context.pointee.userData = UnsafeMutableRawPointer(builder)
        xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        htmlCtxtUseOptions(context, options)
        htmlParseDocument(context)
        if let document = context.pointee.myDoc {
            xmlFreeDoc(document)
            context.pointee.myDoc = nil
        }
        return builder.pointee.finish()
    }
}

extension HTMLParser {
    /// libxml2 2.9 must be initialised once before threads use it (its global mutexes and
    /// dictionary seed are set up there); two threads starting parsers at once otherwise
    /// deadlock in `xmlDictCreate`. A `static let` runs this exactly once, thread-safely.
    static let libraryReady: Void = xmlInitParser()
}

/// Builds an ``HTMLTree`` from libxml2's SAX events, closing elements the way HTML5 does where
/// libxml2 2.9 does not.
///
/// libxml2 2.9 follows HTML 4 priorities: an end tag such as `</button>`, `</section>` or
/// `</li>` cannot close a `<div>` left open inside it, so it is ignored and the rest of the page
/// nests inside (a whole article inside a header's menu button). HTML5 closes everything up to
/// the matching element. libxml2 reports the ignored end tag as a tag-name mismatch; the builder
/// then closes, in its own tree, the open elements up to the matching one (within the scope
/// HTML5 allows), and ignores libxml2's later end events for them.
private struct TreeBuilder {
    var tree = HTMLTree()
    /// The elements whose subtree is being filled, as HTML5 sees it.
    var open: [Int32] = []
    /// The elements libxml2 has open (a superset of `open`, in the same order).
    var parserOpen: [Int32] = []
    /// Inside a script, style or template whose content is not kept: how many elements deep.
    var suppressed = 0
    // libxml2 interns names in its dictionary: one pointer per distinct name.
    var tags: [UnsafePointer<xmlChar>: (String, HTMLTree.Tag, HTMLTree.TagKind)] = [:]
    var attributeNames: [UnsafePointer<xmlChar>: String] = [:]

    /// The callbacks: start tag, end tag, text (blank or not, CDATA too).
    static func handler() -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.initialized = 1
        handler.startElement = { context, name, attributes in
            guard let context, let name else { return }
            context.assumingMemoryBound(to: TreeBuilder.self).pointee.start(name, attributes)
        }
        handler.endElement = { context, _ in
            guard let context else { return }
            context.assumingMemoryBound(to: TreeBuilder.self).pointee.end()
        }
        handler.characters = { context, characters, length in
            guard let context, let characters else { return }
            context.assumingMemoryBound(to: TreeBuilder.self).pointee.text(characters, Int(length))
        }
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = handler.characters
        // Structured errors reach `serror` only with the SAX2 marker; the HTML parser still calls
        // the SAX1 element callbacks above.
        handler.initialized = XML_SAX2_MAGIC
        handler.serror = { context, error in
            guard let context, let error, error.pointee.code == XML_ERR_TAG_NAME_MISMATCH.rawValue,
                let name = error.pointee.str1
            else { return }
            context.assumingMemoryBound(to: TreeBuilder.self).pointee.unmatchedEnd(UnsafePointer(name))
        }
        return handler
    }

    /// End tags that close every element left open inside their element (HTML5's "special"
    /// block containers), and the elements their search stops at.
    static let closing: Set<String> = [
        "address", "article", "aside", "blockquote", "button", "center", "details", "dialog", "dir", "div", "dl",
        "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "listing", "main", "menu", "nav", "ol",
        "pre", "search", "section", "summary", "ul", "form", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
        "table",
    ]
    static let scopeBoundaries: Set<String> = [
        "html", "table", "td", "th", "caption", "template", "object", "applet", "marquee",
    ]

    /// libxml2 ignored (or is about to honour) an end tag whose element has others open inside
    /// it: close them all in this tree, HTML5's way.
    mutating func unmatchedEnd(_ pointer: UnsafePointer<CChar>) {
        guard suppressed == 0 else { return }
        let name = String(cString: pointer)
        guard Self.closing.contains(name) else { return }
        for position in open.indices.reversed() {
            let node = tree.nodes[Int(open[position])]
            if node.name == name {
                for closed in open[position...] { tree.nodes[Int(closed)].end = Int32(tree.nodes.count) }
                open.removeSubrange(position...)
                return
            }
            if Self.scopeBoundaries.contains(node.name) && name != "table" || node.name == "html" { return }
        }
    }

    mutating func start(_ pointer: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?)
    {
        if suppressed > 0 {
            suppressed += 1
            return
        }
        let (name, tag, kind) = lookUp(pointer)
        let start = Int32(tree.attributes.count)
        if var pair = attributes {
            while let key = pair.pointee {
                let value = pair.advanced(by: 1).pointee.map { String(cString: $0) } ?? ""
                let attributeName = attributeNames[key] ?? String(cString: key)
                attributeNames[key] = attributeName
                tree.attributes.append(HTMLTree.Attribute(name: attributeName, value: value))
                pair = pair.advanced(by: 2)
            }
        }
        let index = Int32(tree.nodes.count)
        tree.nodes.append(
            HTMLTree.Node(
                name: name, tag: tag, kind: kind, parent: open.last ?? -1, end: index + 1,
                range: start..<Int32(tree.attributes.count), depth: Int32(open.count)))
        open.append(index)
        parserOpen.append(index)
        if !keepsContent(tag, index: Int(index)) { suppressed = 1 }
    }

    mutating func end() {
        if suppressed > 1 {
            suppressed -= 1
            return
        }
        suppressed = 0
        guard let closed = parserOpen.popLast() else { return }
        // Already closed here when an end tag libxml2 ignored closed it.
        guard let position = open.lastIndex(of: closed) else { return }
        for element in open[position...] { tree.nodes[Int(element)].end = Int32(tree.nodes.count) }
        open.removeSubrange(position...)
    }

    mutating func text(_ characters: UnsafePointer<xmlChar>, _ length: Int) {
        guard suppressed == 0, length > 0 else { return }
        let parent = open.last ?? -1
        let start = Int32(tree.text.count)
        tree.text.append(contentsOf: UnsafeBufferPointer(start: characters, count: length))
        let last = tree.nodes.count - 1
        // libxml2 may deliver one run of text in several pieces: extend the node just made.
        if last >= 0, tree.nodes[last].isText, tree.nodes[last].parent == parent,
            tree.nodes[last].range.upperBound == start
        {
            tree.nodes[last].range = tree.nodes[last].range.lowerBound..<Int32(tree.text.count)
            return
        }
        let index = Int32(tree.nodes.count)
        tree.nodes.append(
            HTMLTree.Node(
                name: "", tag: .other, kind: [], parent: parent, end: index + 1,
                range: start..<Int32(tree.text.count),
                depth: Int32(open.count)))
    }

    mutating func finish() -> HTMLTree {
        while let closed = open.popLast() { tree.nodes[Int(closed)].end = Int32(tree.nodes.count) }
        parserOpen.removeAll()
        return tree
    }

    private mutating func lookUp(_ pointer: UnsafePointer<xmlChar>) -> (String, HTMLTree.Tag, HTMLTree.TagKind) {
        if let known = tags[pointer] { return known }
        let name = String(cString: pointer)
        let entry = (name, HTMLTree.Tag(rawValue: name) ?? .other, HTMLTree.TagKind(name: name))
        tags[pointer] = entry
        return entry
    }

    /// Scripts and styles are dropped with their content, except JSON-LD, which holds metadata.
    private func keepsContent(_ tag: HTMLTree.Tag, index: Int) -> Bool {
        switch tag {
        case .style, .template, .noscript: return false
        case .script:
            return tree.attribute("type", of: index)?.lowercased().contains("ld+json") == true
        default: return true
        }
    }
}
