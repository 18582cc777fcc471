/// Per-element measurements of a page, each computed in one pass over the flat tree: what is
/// dropped as boilerplate, and how much visible text, link text and paragraph text each
/// element holds.
struct PageLayout {
    let tree: HTMLTree
    /// The element and everything in it is not article text.
    private(set) var excluded: [Bool]
    /// Inside an `<a>`.
    private(set) var inLink: [Bool]
    /// Visible text bytes in the subtree (excluded parts left out).
    private(set) var textLength: [Int32]
    /// Visible text bytes inside links in the subtree.
    private(set) var linkLength: [Int32]
    /// Visible text bytes inside paragraph elements (`p`, `pre`, `blockquote`…) in the subtree.
    private(set) var paragraphLength: [Int32]
    /// The element or one inside it marks the article body (`itemprop="articleBody"`, …).
    private(set) var holdsBodyMarker: [Bool]
    /// The element itself marks the article body.
    private(set) var marksBody: [Bool]
    /// The element's class or id says it holds a byline.
    private(set) var marksByline: [Bool]
    /// The element's class or id says it is a live-blog post.
    private(set) var marksLivePost: [Bool]

    /// - Parameters:
    ///   - tree: the parsed page.
    ///   - weighingClasses: drop blocks whose class or id looks like furniture. Off for the second
    ///     attempt on a page whose first gave almost no text (Readability's retry without its
    ///     class rules): some sites name every block of the article "widget" or "card".
    init(_ tree: HTMLTree, weighingClasses: Bool = true) {
        self.tree = tree
        let count = tree.nodes.count
        excluded = Array(repeating: false, count: count)
        inLink = Array(repeating: false, count: count)
        textLength = Array(repeating: 0, count: count)
        linkLength = Array(repeating: 0, count: count)
        paragraphLength = Array(repeating: 0, count: count)
        holdsBodyMarker = Array(repeating: false, count: count)
        marksBody = Array(repeating: false, count: count)
        marksByline = Array(repeating: false, count: count)
        marksLivePost = Array(repeating: false, count: count)

        // 1. Hard drops (tags, hidden) and class-based candidates, top down.
        var hardDropped = Array(repeating: false, count: count)
        var boilerplate = Array(repeating: false, count: count)
        var inParagraph = Array(repeating: false, count: count)
        for index in 0..<count {
            let node = tree.nodes[index]
            let parent = Int(node.parent)
            let parentDropped = parent >= 0 && hardDropped[parent]
            inLink[index] = node.kind.contains(.link) || (parent >= 0 && inLink[parent])
            inParagraph[index] = node.kind.contains(.paragraph) || (parent >= 0 && inParagraph[parent])
            guard !node.isText else {
                hardDropped[index] = parentDropped
                continue
            }
            let classes = ElementRole.classes(tree, index)
            let isBlock = node.kind.contains(.block)
            hardDropped[index] =
                parentDropped || node.kind.contains(.dropped) || ElementRole.isHidden(tree, index)
                || ElementRole.hidden.matches(classes)
            marksBody[index] = ElementRole.marksBody(tree, index, classes: classes)
            // A heading's own class is not trusted to mark furniture ("header-anchor", "section-header"
            // on subheads); widget titles are caught by their words when paragraphs are cleaned.
            let isHeading = [.h1, .h2, .h3, .h4, .h5, .h6].contains(node.tag)
            boilerplate[index] =
                node.kind.contains(.furniture)
                || (weighingClasses && isBlock && !isHeading && node.tag != .body && node.tag != .html
                    && !marksBody[index] && ElementRole.boilerplate.matches(classes))
                || (weighingClasses && !isBlock && ElementRole.inline.matches(classes))
            marksByline[index] = ElementRole.byline.matches(classes)
            marksLivePost[index] = ElementRole.livePost.matches(classes)
        }
        // 2. Sizes without the hard drops, bottom up, to guard the class-based drops.
        var paragraphText = Array(repeating: Int32(0), count: count)
        for index in stride(from: count - 1, through: 0, by: -1) {
            let node = tree.nodes[index]
            if node.isText, !hardDropped[index], inParagraph[index] {
                paragraphText[index] = Int32(node.range.count)
            }
            if marksBody[index] && !hardDropped[index] { holdsBodyMarker[index] = true }
            let parent = Int(node.parent)
            guard parent >= 0 else { continue }
            paragraphText[parent] += paragraphText[index]
            if holdsBodyMarker[index] { holdsBodyMarker[parent] = true }
        }
        let totalParagraphText = max(
            1,
            paragraphText.indices.filter { tree.nodes[$0].parent < 0 }
                .reduce(Int32(0)) { $0 + paragraphText[$1] })
        // The element holding the densest run of paragraphs, scored before any class-based drop
        // (a boilerplate-looking class counts against it): a block that contains it holds the
        // article, whatever its class says ("newsletter-post"), however long the comments are.
        let densest = Self.densestParagraphs(tree, hardDropped: hardDropped, boilerplate: boilerplate)
        var holdsDensest = Array(repeating: false, count: count)
        var ancestor = densest ?? -1
        while ancestor >= 0 {
            holdsDensest[ancestor] = true
            ancestor = Int(tree.nodes[ancestor].parent)
        }
        // 3. Exclusions, top down: a boilerplate-looking block is kept when it holds the body.
        for index in 0..<count {
            let parent = Int(tree.nodes[index].parent)
            let guarded =
                holdsBodyMarker[index] || holdsDensest[index]
                || Double(paragraphText[index]) >= 0.6 * Double(totalParagraphText)
            excluded[index] =
                hardDropped[index] || (boilerplate[index] && !guarded) || (parent >= 0 && excluded[parent])
        }
        // 4. Visible sizes, bottom up.
        for index in stride(from: count - 1, through: 0, by: -1) {
            let node = tree.nodes[index]
            if node.isText, !excluded[index] {
                let length = Int32(Self.visibleLength(tree.textBytes(of: index)))
                textLength[index] = length
                if inLink[index] { linkLength[index] = length }
                if inParagraph[index] { paragraphLength[index] = length }
            }
            let parent = Int(node.parent)
            guard parent >= 0 else { continue }
            textLength[parent] += textLength[index]
            linkLength[parent] += linkLength[index]
            paragraphLength[parent] += paragraphLength[index]
        }
    }

    /// The parent of the most paragraph text, readability-style: each `<p>` of 25 bytes or more
    /// gives its parent `1 + commas + min(length / 100, 3)` and its grandparent half; a parent
    /// whose class looks like furniture starts at −25. Nil when no parent reaches 8 (a few
    /// paragraphs of real text).
    static func densestParagraphs(_ tree: HTMLTree, hardDropped: [Bool], boilerplate: [Bool]) -> Int? {
        var scores: [Int: Double] = [:]
        for index in tree.nodes.indices where tree.nodes[index].tag == .p && !hardDropped[index] {
            var length = 0
            var commas = 0
            var linked = 0
            for position in index..<Int(tree.nodes[index].end) where tree.nodes[position].isText {
                let bytes = tree.textBytes(of: position)
                length += visibleLength(bytes)
                for byte in bytes where byte == UInt8(ascii: ",") { commas += 1 }
            }
            for position in index..<Int(tree.nodes[index].end) where tree.nodes[position].tag == .a {
                linked += 1
            }
            guard length >= 25, linked <= 1 || length >= 120 else { continue }
            let score = 1 + Double(commas) + Double(min(length / 100, 3))
            var ancestor = Int(tree.nodes[index].parent)
            for share in [1.0, 0.5] {
                guard ancestor >= 0 else { break }
                scores[ancestor, default: boilerplate[ancestor] ? -25 : 0] += score * share
                ancestor = Int(tree.nodes[ancestor].parent)
            }
        }
        // A teaser's one paragraph is not an article: the winner must have several.
        return scores.max { $0.value < $1.value }.flatMap { $0.value >= 8 ? $0.key : nil }
    }

    /// The share of an element's text that is link text.
    func linkDensity(_ index: Int) -> Double {
        textLength[index] == 0 ? 0 : Double(linkLength[index]) / Double(textLength[index])
    }

    /// Bytes of a text node that are not whitespace.
    static func visibleLength(_ bytes: ArraySlice<UInt8>) -> Int {
        var length = 0
        for byte in bytes where byte > 0x20 { length += 1 }
        return length
    }
}
