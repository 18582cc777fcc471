/// Widening the best candidate: from the top-scoring element to the block that holds the whole
/// article (ancestors that gather several candidates, siblings that score nearly as well).
extension ContentFinder {
    /// Readability's corrections to the top candidate, for articles split over several blocks
    /// that each score on their own (sections, cards, one wrapper per paragraph):
    /// 1. when three or more other candidates score at least three quarters as well, the nearest
    ///    ancestor holding three of them;
    /// 2. else the first scored ancestor that scores better than the one below it, climbing while
    ///    the scores stay above a third of the top's;
    /// 3. then, while the candidate is its parent's only element child, the parent.
    func widened(_ top: Int, scores: [Double]) -> Int {
        var best = top
        let close = scores.indices.filter {
            $0 != top && !scores[$0].isNaN && scores[$0] >= 0.75 * scores[top]
        }
        var widenedByRivals = false
        if close.count >= 3 {
            var ancestor = Int(tree.nodes[top].parent)
            while ancestor >= 0, tree.nodes[ancestor].tag != .body {
                let end = Int(tree.nodes[ancestor].end)
                if close.filter({ $0 > ancestor && $0 < end }).count >= 3 {
                    best = ancestor
                    widenedByRivals = true
                    break
                }
                ancestor = Int(tree.nodes[ancestor].parent)
            }
        }
        if !widenedByRivals {
            var lastScore = scores[best]
            let threshold = lastScore / 3
            var parent = Int(tree.nodes[best].parent)
            while parent >= 0, tree.nodes[parent].tag != .body {
                let score = scores[parent]
                if score.isNaN {
                    parent = Int(tree.nodes[parent].parent)
                    continue
                }
                if score < threshold { break }
                if score > lastScore {
                    best = parent
                    break
                }
                lastScore = score
                parent = Int(tree.nodes[parent].parent)
            }
        }
        while true {
            let parent = Int(tree.nodes[best].parent)
            guard parent >= 0, tree.nodes[parent].tag != .body, !layout.excluded[parent] else { break }
            let elements = tree.children(of: parent).filter { !tree.nodes[$0].isText }
            guard elements.count == 1 else { break }
            best = parent
        }
        return best
    }

    /// The top candidate and its siblings that score at least a fifth as well (or are plain
    /// paragraphs of real text), with the subheads between them, in document order.
    func merged(_ top: Int, scores: [Double]) -> [Int] {
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
        // The subheads between the blocks taken: a body cut into blocks keeps its headings.
        guard let first = chosen.first, let last = chosen.last, chosen.count >= 2 else { return chosen }
        let headings = tree.children(of: parent).filter { sibling in
            sibling > first && sibling < last && !chosen.contains(sibling) && !layout.excluded[sibling]
                && isSubhead(sibling)
        }
        guard !headings.isEmpty else { return chosen }
        // A sectioned body: the subhead just before the first section is the first section's.
        let before = tree.children(of: parent).filter { $0 < first && !tree.nodes[$0].isText }.last
        let opening = before.flatMap { index in !layout.excluded[index] && isSubhead(index) ? index : nil }
        return (chosen + headings + (opening.map { [$0] } ?? [])).sorted()
    }

    /// An `h2`–`h6` with text that is not mostly a link.
    func isSubhead(_ index: Int) -> Bool {
        [.h2, .h3, .h4, .h5, .h6].contains(tree.nodes[index].tag) && layout.textLength[index] > 0
            && layout.linkDensity(index) < 0.5
    }

    /// The page's descriptions (`description`, `og:description`, `twitter:description` metas) as
    /// comparable keys, the empty ones left out.
    func descriptionKeys() -> [String] {
        var keys: [String] = []
        for index in tree.nodes.indices where tree.nodes[index].tag == .meta {
            let name = (tree.attribute("name", of: index) ?? tree.attribute("property", of: index) ?? "").lowercased()
            guard name == "description" || name == "og:description" || name == "twitter:description",
                let content = tree.attribute("content", of: index)
            else { continue }
            let key = HTMLArticleReader.comparable(content)
            if key.utf8.count >= 20 { keys.append(key) }
        }
        return keys
    }

    func endsSentence(_ index: Int) -> Bool {
        let text = tree.textContent(of: index).trimmingWhitespace
        return text.count > 20 && (text.hasSuffix(".") || text.hasSuffix("\u{201D}") || text.hasSuffix("\""))
    }
}
