/// An HTML document as Swift values: its elements and text in document order, in flat arrays.
///
/// Node `i`'s subtree is `i ..< end(i)`; its first child, if any, is `i + 1`, and each child's
/// next sibling is at that child's `end`. Every walk over the tree is a loop over indices, so a
/// page nested 100,000 levels deep costs no stack. Comments, and the content of scripts and
/// styles (except JSON-LD), are not kept.
public struct HTMLTree: Sendable {
    /// What an element's tag is, looked up once per distinct tag name.
    public struct TagKind: OptionSet, Sendable {
        /// The tag's number.
        public let rawValue: UInt8
        /// The tag with number `rawValue`.
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Starts and ends a paragraph (`p`, `div`, `li`, `h2`…).
        public static let block = TagKind(rawValue: 1)
        /// Never article text (`script`, `nav`, `figure`, `header`…).
        public static let dropped = TagKind(rawValue: 2)
        /// Holds running text (`p`, `blockquote`, `li`…).
        public static let paragraph = TagKind(rawValue: 4)
        /// `<a>`.
        public static let link = TagKind(rawValue: 8)
        /// `<br>`.
        public static let lineBreak = TagKind(rawValue: 16)
        /// Page furniture unless it holds the article (`nav`, `aside`, `footer`, `form`, `header`…).
        public static let furniture = TagKind(rawValue: 32)

        init(name: String) {
            var kind: TagKind = []
            if ElementRole.blockTags.contains(name) { kind.insert(.block) }
            if ElementRole.droppedTags.contains(name) { kind.insert(.dropped) }
            if ElementRole.paragraphTags.contains(name) { kind.insert(.paragraph) }
            if name == "a" { kind.insert(.link) }
            if name == "br" { kind.insert(.lineBreak) }
            if ElementRole.furnitureTags.contains(name) { kind.insert(.furniture) }
            self = kind
        }
    }

    /// The tags the extractor looks for by name; every other element is `other`.
    public enum Tag: String, Sendable {
        case a, p, div, span, font, br, img, wbr, td, pre, blockquote, li, section, article, main, body, html
        case h1, h2, h3, h4, h5, h6, th, address, ol, ul, dl, dd, dt, form
        case meta, link, time, title, script, style, template, noscript
        case other = ""
    }

    /// An element or a run of text.
    public struct Node: Sendable {
        /// The element's lower-case name; empty for text.
        public var name: String
        /// The element's tag, when it is one the extractor looks for.
        public var tag: Tag
        /// What the tag is.
        public var kind: TagKind
        /// The parent's index; -1 for a root.
        public var parent: Int32
        /// One past the last index of this node's subtree.
        public var end: Int32
        /// For an element, its attributes' range in ``HTMLTree/attributes``; for text, its bytes'
        /// range in ``HTMLTree/text``.
        var range: Range<Int32>
        /// How deep the node is (roots are 0).
        public var depth: Int32

        /// Whether the node is text.
        public var isText: Bool { name.isEmpty }
    }

    /// An attribute: lower-case name and value.
    public struct Attribute: Sendable {
        /// The attribute's name, lower-cased.
        public var name: String
        /// The attribute's value, entities decoded.
        public var value: String
    }

    /// Every node in document order; a node's children follow it.
    public internal(set) var nodes: [Node] = []
    /// Every attribute, grouped by node.
    public internal(set) var attributes: [Attribute] = []
    /// The text of every text node, UTF-8, entities decoded.
    public internal(set) var text: [UInt8] = []

    /// The node's attribute `name`, if it has it.
    public func attribute(_ name: String, of index: Int) -> String? {
        let node = nodes[index]
        guard !node.isText else { return nil }
        for position in Int(node.range.lowerBound)..<Int(node.range.upperBound) where attributes[position].name == name
        {
            return attributes[position].value
        }
        return nil
    }

    /// The node's attributes.
    public func attributes(of index: Int) -> ArraySlice<Attribute> {
        let node = nodes[index]
        guard !node.isText else { return [] }
        return attributes[Int(node.range.lowerBound)..<Int(node.range.upperBound)]
    }

    /// A text node's bytes.
    public func textBytes(of index: Int) -> ArraySlice<UInt8> {
        let node = nodes[index]
        guard node.isText else { return [] }
        return text[Int(node.range.lowerBound)..<Int(node.range.upperBound)]
    }

    /// The children of a node, in order.
    public func children(of index: Int) -> ChildIndices {
        ChildIndices(tree: self, parent: index)
    }

    /// All text inside a node, concatenated as it appears.
    public func textContent(of index: Int) -> String {
        var bytes: [UInt8] = []
        for position in index..<Int(nodes[index].end) where nodes[position].isText {
            bytes.append(contentsOf: textBytes(of: position))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The indices of the elements with this tag, in document order.
    public func elements(_ tag: Tag) -> [Int] {
        nodes.indices.filter { nodes[$0].tag == tag && !nodes[$0].isText }
    }

    /// A node's children, walked through the `end` links.
    public struct ChildIndices: Sequence {
        let tree: HTMLTree
        let parent: Int

        /// The node indices, in order.
        public func makeIterator() -> AnyIterator<Int> {
            var next = parent + 1
            let end = Int(tree.nodes[parent].end)
            return AnyIterator {
                guard next < end else { return nil }
                defer { next = Int(tree.nodes[next].end) }
                return next
            }
        }
    }
}
