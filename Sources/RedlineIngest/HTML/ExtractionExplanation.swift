/// Why the extractor chose what it chose on a page, for `redline extract --explain`: the
/// encoding decision, the best-scoring candidates, the containers taken, the blocks the page
/// marks as its body, and the large blocks dropped as furniture with the reason.
enum ExtractionExplanation {
    static func lines(_ tree: HTMLTree, decision: Charset.Decision) -> [String] {
        let layout = PageLayout(tree)
        let finder = ContentFinder(layout: layout)
        var lines = [
            "encoding: \(decision.name) (\(decision.source.rawValue)\(decision.declared.map { ", declared \($0)" } ?? ""))"
        ]
        let scores = finder.scores()
        let ranked = scores.indices.filter { !scores[$0].isNaN }.sorted { scores[$0] > scores[$1] }.prefix(6)
        for index in ranked {
            lines.append(
                "candidate \(String(format: scores[index])) text \(layout.textLength[index]) paragraphs "
                    + "\(layout.paragraphLength[index]) links \(percent(layout.linkDensity(index))): \(path(tree, index))"
            )
        }
        let steps = finder.steps()
        if steps.top >= 0 {
            lines.append("top: \(path(tree, steps.top))")
            lines.append("widened: \(path(tree, steps.widened))")
            lines.append(
                "with siblings: \(steps.merged.count) block(s) under \(path(tree, Int(tree.nodes[steps.widened].parent)))"
            )
            lines.append("climbed: \(steps.climbed.map { path(tree, $0) }.joined(separator: " + "))")
            if !steps.marked.isEmpty { lines.append("marked bodies: \(steps.marked.count)") }
        }
        for index in steps.containers {
            lines.append("container text \(layout.textLength[index]): \(path(tree, index))")
        }
        for index in tree.nodes.indices where layout.marksBody[index] {
            lines.append(
                "marked body text \(layout.textLength[index]), excluded \(layout.excluded[index]): \(path(tree, index))"
            )
        }
        // Excluded blocks with real text whose parent was kept: what was dropped, and why.
        var raw = [Int](repeating: 0, count: tree.nodes.count)
        for index in tree.nodes.indices.reversed() {
            if tree.nodes[index].isText { raw[index] = PageLayout.visibleLength(tree.textBytes(of: index)) }
            let parent = Int(tree.nodes[index].parent)
            if parent >= 0 { raw[parent] += raw[index] }
        }
        for index in tree.nodes.indices where layout.excluded[index] && raw[index] >= 200 {
            let parent = Int(tree.nodes[index].parent)
            guard parent < 0 || !layout.excluded[parent] else { continue }
            lines.append("dropped text \(raw[index]) (\(reason(tree, index))): \(path(tree, index))")
        }
        return lines
    }

    private static func reason(_ tree: HTMLTree, _ index: Int) -> String {
        let node = tree.nodes[index]
        if node.kind.contains(.dropped) { return "tag" }
        if ElementRole.isHidden(tree, index) { return "hidden" }
        if node.kind.contains(.furniture) { return "furniture tag" }
        let classes = ElementRole.classes(tree, index)
        if let fragment = ElementRole.boilerplate.match(classes) { return "class \(fragment)" }
        return "inside furniture"
    }

    private static func percent(_ value: Double) -> String {
        "\(Int((value * 100).rounded()))%"
    }

    /// `body > div#main.content > article.post`, each step's class cut to 40 bytes.
    static func path(_ tree: HTMLTree, _ index: Int) -> String {
        var steps: [String] = []
        var current = index
        while current >= 0, tree.nodes[current].tag != .html {
            var step = tree.nodes[current].name
            if let id = tree.attribute("id", of: current), !id.isEmpty { step += "#" + String(id.prefix(30)) }
            if let classes = tree.attribute("class", of: current), !classes.isEmpty {
                step += "." + String(classes.split(separator: " ").joined(separator: ".").prefix(40))
            }
            steps.append(step)
            current = Int(tree.nodes[current].parent)
        }
        return steps.reversed().joined(separator: " > ")
    }
}

extension String {
    /// A score with one decimal.
    fileprivate init(format value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}
