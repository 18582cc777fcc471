/// Finds the elements that hold an article's body, the way readability-style extractors do:
/// paragraphs score their ancestors (more for longer text and more commas), link-heavy
/// candidates lose, and the best one is joined by siblings that score nearly as well. An
/// element the page marks as the body (`itemprop="articleBody"`, `article-body`…) is taken
/// instead when it holds most of that text.
struct ContentFinder {
    let layout: PageLayout
    var tree: HTMLTree { layout.tree }
    /// Each paragraph's weight, `1 + commas + min(length / 100, 3)`; 0 for elements that are
    /// not paragraphs, short text (under 25 visible bytes) and mostly-link "paragraphs" (teasers,
    /// menu entries). Computed once: the scores and the paragraph mass both stand on it.
    let weights: [Double]

    init(layout: PageLayout) {
        self.layout = layout
        var weights = [Double](repeating: 0, count: layout.tree.nodes.count)
        let finder = Self(layout: layout, weights: [])
        for index in weights.indices where finder.isParagraph(index) {
            let length = Int(layout.textLength[index])
            guard length >= 25, layout.linkDensity(index) <= 0.5 else { continue }
            weights[index] = 1 + Double(finder.commas(in: index)) + Double(min(length / 100, 3))
        }
        self.weights = weights
    }

    private init(layout: PageLayout, weights: [Double]) {
        self.layout = layout
        self.weights = weights
    }

    /// The containers of the body, in document order; empty when the page has no text.
    func containers() -> [Int] {
        steps().containers
    }

    /// Each step of the choice, for `redline extract --explain`.
    struct Steps {
        var top = -1
        var widened = -1
        var merged: [Int] = []
        var climbed: [Int] = []
        var marked: [Int] = []
        var containers: [Int] = []
    }

    func steps() -> Steps {
        var steps = Steps()
        let scored = scores()
        for index in scored.indices where !scored[index].isNaN && (steps.top < 0 || scored[index] > scored[steps.top]) {
            steps.top = index
        }
        guard steps.top >= 0 else {
            steps.containers = fallback()
            return steps
        }
        steps.widened = widened(steps.top, scores: scored)
        steps.merged = merged(steps.widened, scores: scored)
        steps.climbed = climbed(steps.merged)
        let chosen = steps.climbed
        let chosenText = chosen.reduce(0) { $0 + Int(layout.paragraphLength[$1]) }
        steps.marked = related(markedBodies(), to: chosen)
        let markedText = steps.marked.reduce(0) { $0 + Int(layout.paragraphLength[$1]) }
        guard !steps.marked.isEmpty, Double(markedText) >= 0.5 * Double(chosenText) else {
            steps.containers = withLead(chosen)
            return steps
        }
        // Several marked pieces inside one chosen block (a body cut into rich-text blocks with
        // headings between them): the block itself, headings included, when the pieces hold
        // most of its paragraph text.
        if steps.marked.count >= 2, chosen.count == 1, let block = chosen.first,
            steps.marked.allSatisfy({ block < $0 && $0 < Int(tree.nodes[block].end) }),
            Double(markedText) >= 0.8 * Double(layout.paragraphLength[block])
        {
            steps.containers = withLead(chosen)
            return steps
        }
        // The marked bodies, and what the scoring found outside them (text a stray end tag pushed out).
        let outside = chosen.filter { candidate in
            !steps.marked.contains { body in
                (body <= candidate && candidate < Int(tree.nodes[body].end))
                    || (candidate <= body && body < Int(tree.nodes[candidate].end))
            }
        }
        steps.containers = withLead((steps.marked + outside).sorted())
        return steps
    }

    /// The containers, preceded by the lead paragraphs a page sets between its headline and the
    /// body's container (an intro in a block of its own): paragraphs of real prose — 60 visible
    /// bytes or more, hardly any links, ending a sentence — after the page's `<h1>` and before the
    /// first container, in the same wrapper as the body. A summary that repeats the page's
    /// description (`<meta name="description">`, `og:description`) is a dek, not the article.
    func withLead(_ containers: [Int]) -> [Int] {
        guard let first = containers.first,
            let headline = tree.nodes.indices.first(where: { tree.nodes[$0].tag == .h1 && !layout.excluded[$0] }),
            Int(tree.nodes[headline].end) <= first
        else { return containers }
        // The wrapper the headline and the body share, below <body>.
        var shared = Int(tree.nodes[headline].parent)
        while shared >= 0, !(shared < first && first < Int(tree.nodes[shared].end)) {
            shared = Int(tree.nodes[shared].parent)
        }
        guard shared >= 0, tree.nodes[shared].tag != .body, tree.nodes[shared].tag != .html else { return containers }
        var lead: [Int] = []
        let descriptions = descriptionKeys()
        var index = Int(tree.nodes[headline].end)
        while index < first {
            if layout.excluded[index] || tree.nodes[index].isText {
                index = layout.excluded[index] ? Int(tree.nodes[index].end) : index + 1
                continue
            }
            if isParagraph(index), layout.textLength[index] >= 60, layout.linkDensity(index) < 0.2,
                endsSentence(index), Int(tree.nodes[index].end) <= first
            {
                let key = HTMLArticleReader.comparable(tree.textContent(of: index))
                if !descriptions.contains(where: { $0.hasPrefix(key) || key.hasPrefix($0) }) { lead.append(index) }
                index = Int(tree.nodes[index].end)
                continue
            }
            index += 1
        }
        return lead + containers
    }

    /// Readability's scores: each paragraph of 25 or more visible bytes gives its parent
    /// `1 + commas + min(length / 100, 3)`, its grandparent half, the next ancestor a third.
    /// NaN for the elements no paragraph scored.
    func scores() -> [Double] {
        var scores = [Double](repeating: .nan, count: tree.nodes.count)
        for index in tree.nodes.indices where weights[index] > 0 {
            let score = weights[index]
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

    func commas(in index: Int) -> Int {
        var count = 0
        for position in index..<Int(tree.nodes[index].end) where tree.nodes[position].isText {
            for byte in tree.textBytes(of: position) where byte == UInt8(ascii: ",") { count += 1 }
        }
        return count
    }

    /// An article split over sibling blocks higher up (sections, steps, cards, one wrapper per
    /// chapter): climb from the chosen blocks to their parent while the parent adds nothing but
    /// wrapping, or while most of its paragraph text (weighed as the scores weigh it) lies in
    /// blocks shaped like the chosen one (same tag, same class but for digits) and it is not
    /// link-heavy. A sidebar or a teaser list beside a short article is shaped differently, so
    /// it never pulls the climb up.
    func climbed(_ chosen: [Int]) -> [Int] {
        guard let first = chosen.first else { return chosen }
        let mass = paragraphMass()
        var current = chosen
        var currentMass = chosen.reduce(0) { $0 + mass[$1] }
        var level = first
        for _ in 0..<6 {
            let parent = Int(tree.nodes[level].parent)
            guard parent >= 0, tree.nodes[parent].tag != .body, tree.nodes[parent].tag != .html,
                !layout.excluded[parent], currentMass > 0
            else { break }
            let parentMass = mass[parent]
            if parentMass <= currentMass * 1.15 {
                // A wrapper (or little more): go through it, keep the selection.
                level = parent
                continue
            }
            let shape = signature(level)
            let similar = tree.children(of: parent).filter { !tree.nodes[$0].isText && signature($0) == shape }
            let similarMass = similar.reduce(0) { $0 + mass[$1] }
            guard similar.count >= 2, similarMass >= 0.8 * parentMass, layout.linkDensity(parent) < 0.3 else { break }
            current = [parent]
            currentMass = parentMass
            level = parent
        }
        return current
    }

    /// An element's tag and class with digits left out (`section|cws-jump-section`), to tell
    /// blocks of one kind.
    private func signature(_ index: Int) -> String {
        let classes = tree.attribute("class", of: index) ?? ""
        return tree.nodes[index].name + "|" + String(classes.unicodeScalars.filter { !("0"..."9").contains($0) })
    }

    /// Each element's paragraph weight: the sum, over the paragraphs in its subtree, of the
    /// score each gives its parent (links and short text weigh nothing).
    func paragraphMass() -> [Double] {
        var mass = [Double](repeating: 0, count: tree.nodes.count)
        for index in tree.nodes.indices.reversed() {
            // A paragraph's own weight stands for its subtree: nothing nested counts twice.
            if weights[index] > 0 { mass[index] = weights[index] }
            let parent = Int(tree.nodes[index].parent)
            if parent >= 0 { mass[parent] += mass[index] }
        }
        return mass
    }

    /// The marked bodies that belong to the article: the largest, those inside the chosen
    /// blocks, those beside the largest (a body split by ads), and any at least a quarter of its
    /// size. Small marked bodies elsewhere are the bodies of comments or teasers, which many sites
    /// mark with the same classes (`post-content`, `entry-content`).
    func related(_ marked: [Int], to chosen: [Int]) -> [Int] {
        guard let largest = marked.max(by: { layout.paragraphLength[$0] < layout.paragraphLength[$1] }) else {
            return marked
        }
        let parent = tree.nodes[largest].parent
        return marked.filter { body in
            body == largest || tree.nodes[body].parent == parent
                || layout.paragraphLength[body] * 4 >= layout.paragraphLength[largest]
                || chosen.contains { $0 <= body && body < Int(tree.nodes[$0].end) }
        }
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
