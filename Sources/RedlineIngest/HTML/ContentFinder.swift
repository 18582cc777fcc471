/// Finds the elements that hold an article's body, the way readability-style extractors do:
/// paragraphs score their ancestors (more for longer text and more commas), link-heavy
/// candidates lose, and the best one is joined by siblings that score nearly as well. An
/// element the page marks as the body (`itemprop="articleBody"`, `article-body`…) is taken
/// instead when it holds most of that text.
struct ContentFinder {
    let layout: PageLayout
    var tree: HTMLTree { layout.tree }

    /// The containers of the body, in document order; empty when the page has no text.
    func containers() -> [Int] {
        let scored = scores()
        var top = -1
        for index in scored.indices where !scored[index].isNaN && (top < 0 || scored[index] > scored[top]) {
            top = index
        }
        guard top >= 0 else { return fallback() }
        let chosen = merged(top, scores: scored)
        let chosenText = chosen.reduce(0) { $0 + Int(layout.paragraphLength[$1]) }
        let marked = markedBodies()
        let markedText = marked.reduce(0) { $0 + Int(layout.paragraphLength[$1]) }
        guard !marked.isEmpty, Double(markedText) >= 0.5 * Double(chosenText) else { return chosen }
        // The marked bodies, and what the scoring found outside them (text a stray end tag pushed out).
        let outside = chosen.filter { candidate in
            !marked.contains { body in
                (body <= candidate && candidate < Int(tree.nodes[body].end))
                    || (candidate <= body && body < Int(tree.nodes[candidate].end))
            }
        }
        return (marked + outside).sorted()
    }

    /// Readability's scores: each paragraph of 25 or more visible bytes gives its parent
    /// `1 + commas + min(length / 100, 3)`, its grandparent half, the next ancestor a third.
    /// NaN for the elements no paragraph scored.
    func scores() -> [Double] {
        var scores = [Double](repeating: .nan, count: tree.nodes.count)
        for index in tree.nodes.indices where isParagraph(index) {
            let length = Int(layout.textLength[index])
            // Short text, or a "paragraph" that is mostly a link (a teaser, a menu entry), scores nothing.
            guard length >= 25, layout.linkDensity(index) <= 0.5 else { continue }
            let score = 1 + Double(commas(in: index)) + Double(min(length / 100, 3))
            var ancestor = Int(tree.nodes[index].parent)
            var level = 0
            while ancestor >= 0, level < 3 {
                let share = score / Double(level == 0 ? 1 : level == 1 ? 2 : level * 3)
                scores[ancestor] = (scores[ancestor].isNaN ? baseScore(ancestor) : scores[ancestor]) + share
                ancestor = Int(tree.nodes[ancestor].parent)
                level += 1
            }
        }
        for index in scores.indices where !scores[index].isNaN {
            scores[index] *= 1 - layout.linkDensity(index)
        }
        return scores
    }

    /// A `p`-like element: a paragraph tag, or a `div`/`section`/`td`/`span` with text of its own
    /// (directly or in inline elements) and no blocks inside.
    func isParagraph(_ index: Int) -> Bool {
        let node = tree.nodes[index]
        guard !node.isText, !layout.excluded[index] else { return false }
        switch node.tag {
        case .p, .pre, .blockquote: return true
        case .div, .section, .article, .span, .font, .td:
            var ownText = 0
            for child in tree.children(of: index) {
                let childNode = tree.nodes[child]
                if childNode.kind.contains(.block) && !childNode.kind.contains(.lineBreak) {
                    return false
                }
                ownText += Int(layout.textLength[child])
            }
            return ownText >= 25
        default: return false
        }
    }

    private func baseScore(_ index: Int) -> Double {
        var score: Double
        switch tree.nodes[index].tag {
        case .div, .article, .main, .section: score = 5
        case .pre, .td, .blockquote: score = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: score = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: score = -5
        default: score = 0
        }
        if layout.marksBody[index] { score += 25 }
        return score
    }

    private func commas(in index: Int) -> Int {
        var count = 0
        for position in index..<Int(tree.nodes[index].end) where tree.nodes[position].isText {
            for byte in tree.textBytes(of: position) where byte == UInt8(ascii: ",") { count += 1 }
        }
        return count
    }

    /// The top candidate and its siblings that score at least a fifth as well (or are plain
    /// paragraphs of real text), in document order.
    private func merged(_ top: Int, scores: [Double]) -> [Int] {
        let parent = Int(tree.nodes[top].parent)
        guard parent >= 0 else { return [top] }
        let threshold = max(10, scores[top] * 0.2)
        var chosen: [Int] = []
        for sibling in tree.children(of: parent) {
            if sibling == top {
                chosen.append(sibling)
                continue
            }
            guard !tree.nodes[sibling].isText, !layout.excluded[sibling] else { continue }
            if !scores[sibling].isNaN, scores[sibling] >= threshold {
                chosen.append(sibling)
            } else {
                let length = layout.textLength[sibling]
                let density = layout.linkDensity(sibling)
                if tree.nodes[sibling].tag == .p,
                    (length > 80 && density < 0.25) || (length > 0 && density == 0 && endsSentence(sibling))
                {
                    chosen.append(sibling)
                } else if length >= 40, density < 0.2, layout.paragraphLength[sibling] * 2 >= length,
                    ElementRole.classes(tree, sibling).isEmpty, endsSentence(sibling)
                {
                    // Unlabelled text a stray end tag pushed out of the body (a table, a div).
                    chosen.append(sibling)
                }
            }
        }
        return chosen
    }

    private func endsSentence(_ index: Int) -> Bool {
        let text = tree.textContent(of: index).trimmingWhitespace
        return text.count > 20 && (text.hasSuffix(".") || text.hasSuffix("\u{201D}") || text.hasSuffix("\""))
    }

    /// The outermost elements the page marks as its body, holding real paragraph text.
    private func markedBodies() -> [Int] {
        var result: [Int] = []
        var index = 0
        while index < tree.nodes.count {
            if layout.marksBody[index], !layout.excluded[index], layout.paragraphLength[index] >= 140 {
                result.append(index)
                index = Int(tree.nodes[index].end)
            } else {
                index += 1
            }
        }
        return result
    }

    /// No paragraph anywhere: the `<article>` or the `<body>`.
    private func fallback() -> [Int] {
        let candidates = tree.elements(.article) + tree.elements(.body)
        return candidates.first { !layout.excluded[$0] && layout.textLength[$0] > 0 }.map { [$0] } ?? []
    }
}
