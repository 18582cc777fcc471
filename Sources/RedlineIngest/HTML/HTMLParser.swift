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

/// Builds an ``HTMLTree`` from libxml2's SAX events.
private struct TreeBuilder {
    var tree = HTMLTree()
    /// The elements whose subtree is being filled.
    var open: [Int32] = []
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
        return handler
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
        if !keepsContent(tag, index: Int(index)) { suppressed = 1 }
    }

    mutating func end() {
        if suppressed > 1 {
            suppressed -= 1
            return
        }
        suppressed = 0
        guard let closed = open.popLast() else { return }
        tree.nodes[Int(closed)].end = Int32(tree.nodes.count)
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
