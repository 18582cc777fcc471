import CLibXML2

/// What an XML document holds, as a reader walks it: elements opening (with their attributes),
/// text (CDATA included), and elements closing.
protocol XMLEventHandler {
    /// An element opens; `name` is its qualified name (`dc:date`), lower-cased.
    mutating func start(_ name: String, attributes: [String: String])
    /// Text or CDATA inside the current element.
    mutating func text(_ text: String)
    /// An element closes (an empty element `<link href="…"/>` closes at once).
    mutating func end(_ name: String)
}

/// Walks XML with libxml2's streaming reader (`xmlTextReader`): no network
/// (`XML_PARSE_NONET`), no DTD loaded, no external entity read, entities not substituted (so
/// an expansion bomb stays a reference), nesting bounded by libxml2's own limit (256), errors
/// never printed. It replaces Foundation's `XMLParser`, which traps on element names that are
/// not valid UTF-8 and leaks memory on every parse error (both found by `fuzz-feed`: 4 GiB
/// after 475,000 malformed feeds, as a long `watch` would meet them).
enum XMLEvents {
    /// Why a walk stopped early.
    struct Failure: Error {
        /// libxml2's message, trimmed ("Opening and ending tag mismatch: b line 1 and a").
        var message: String
        /// True when the document ended before every element was closed.
        var truncated: Bool
    }

    /// Walks `bytes` through `handler`; throws at the first error (what was read before stays
    /// in the handler).
    static func walk<Handler: XMLEventHandler>(_ bytes: [UInt8], into handler: inout Handler) throws(Failure) {
        _ = libraryReady
        CLibXML2_silenceErrors()
        guard !bytes.isEmpty, bytes.count <= Int(Int32.max) else {
            throw Failure(
                message: bytes.isEmpty ? "the document is empty" : "the document is too large", truncated: true)
        }
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_NOCDATA.rawValue)
        let reader = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                characters.baseAddress.flatMap { xmlReaderForMemory($0, Int32(characters.count), nil, nil, options) }
            }
        }
        guard let reader else { throw Failure(message: "libxml2 could not start a reader", truncated: true) }
        defer { xmlFreeTextReader(reader) }
        xmlResetLastError()
        var depth = 0
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { break }
            guard status == 1 else {
                let message = xmlGetLastError().flatMap { $0.pointee.message.map { String(cString: $0) } }
                throw Failure(
                    message: (message ?? "malformed XML").trimmingWhitespace, truncated: depth > 0)
            }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let name = string(xmlTextReaderConstName(reader)).lowercased()
                var attributes: [String: String] = [:]
                while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                    attributes[string(xmlTextReaderConstName(reader))] = string(xmlTextReaderConstValue(reader))
                }
                xmlTextReaderMoveToElement(reader)
                handler.start(name, attributes: attributes)
                if xmlTextReaderIsEmptyElement(reader) == 1 {
                    handler.end(name)
                } else {
                    depth += 1
                }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                depth -= 1
                handler.end(string(xmlTextReaderConstName(reader)).lowercased())
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                handler.text(string(xmlTextReaderConstValue(reader)))
            default: break
            }
        }
        if depth > 0 { throw Failure(message: "the XML ends before its end", truncated: true) }
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    /// libxml2 must be initialised once before threads use it.
    static let libraryReady: Void = xmlInitParser()
}

extension String {
    fileprivate var trimmingWhitespace: String {
        var view = Substring(self)
        while view.first?.isWhitespace == true { view.removeFirst() }
        while view.last?.isWhitespace == true { view.removeLast() }
        return String(view)
    }
}
