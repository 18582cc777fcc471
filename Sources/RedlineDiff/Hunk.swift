/// A group of nearby changes with the unchanged lines (paragraphs) around them.
public struct Hunk: Equatable, Sendable {
    /// Lines of the old text the hunk shows, 0-based.
    public var oldLines: Range<Int>
    /// Lines of the new text the hunk shows, 0-based.
    public var newLines: Range<Int>
    /// The same lines as UTF-8 byte ranges.
    public var old: Range<Int>
    /// The same lines in the new text as UTF-8 byte ranges.
    public var new: Range<Int>
    /// The edits inside the hunk, equal runs clipped to its lines.
    public var edits: [Edit]
}

/// Line starts of a text, for turning byte offsets into line numbers.
public struct LineIndex: Sendable {
    /// Byte offset where each line starts, followed by the text's length.
    public let bounds: [Int]

    public init(_ bytes: [UInt8]) {
        bounds = Granularity.paragraph.bounds(bytes)
    }

    /// The number of lines (a final line without a newline counts).
    public var count: Int { bounds.count - 1 }

    /// The line holding byte `offset`; the text's length maps to `count`.
    public func line(containing offset: Int) -> Int {
        var low = 0
        var high = bounds.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if bounds[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Lines touched by `range`; an empty range touches the line it sits in, or none at a line start.
    public func lines(touching range: Range<Int>) -> Range<Int> {
        let first = line(containing: range.lowerBound)
        if range.isEmpty {
            return bounds[first] == range.lowerBound ? first..<first : first..<(first + 1)
        }
        return first..<(line(containing: range.upperBound - 1) + 1)
    }

    /// Bytes of `lines`.
    public func bytes(_ lines: Range<Int>) -> Range<Int> { bounds[lines.lowerBound]..<bounds[lines.upperBound] }
}

extension Diff {
    /// Groups changes into hunks with `context` unchanged lines (paragraphs) around each.
    /// Changes closer than twice the context share a hunk.
    ///
    /// - Complexity: O(e log n) for e edits and n lines.
    public func hunks(context: Int = 1) -> [Hunk] {
        let oldIndex = LineIndex(oldBytes)
        let newIndex = LineIndex(newBytes)
        let context = Swift.max(0, context)
        var groups: [(old: Range<Int>, new: Range<Int>)] = []
        for edit in edits where edit.kind != .equal {
            var oldLines = oldIndex.lines(touching: edit.old)
            var newLines = newIndex.lines(touching: edit.new)
            // A pure change still needs a place on the other side to anchor its context.
            if oldLines.isEmpty && edit.kind == .insert { oldLines = oldLines.lowerBound..<oldLines.lowerBound }
            if newLines.isEmpty && edit.kind == .delete { newLines = newLines.lowerBound..<newLines.lowerBound }
            if let last = groups.last,
                oldLines.lowerBound <= last.old.upperBound + 2 * context
                    && newLines.lowerBound <= last.new.upperBound + 2 * context
            {
                groups[groups.count - 1] = (
                    last.old.lowerBound..<Swift.max(last.old.upperBound, oldLines.upperBound),
                    last.new.lowerBound..<Swift.max(last.new.upperBound, newLines.upperBound)
                )
            } else {
                groups.append((oldLines, newLines))
            }
        }
        return groups.map { group in
            let oldLines =
                Swift.max(0, group.old.lowerBound - context)..<Swift.min(oldIndex.count, group.old.upperBound + context)
            let newLines =
                Swift.max(0, group.new.lowerBound - context)..<Swift.min(newIndex.count, group.new.upperBound + context)
            let oldRange = oldIndex.bytes(oldLines)
            let newRange = newIndex.bytes(newLines)
            return Hunk(
                oldLines: oldLines, newLines: newLines, old: oldRange, new: newRange,
                edits: clippedEdits(old: oldRange, new: newRange))
        }
    }

    /// The edits that fall inside the given windows of both texts, equal runs clipped to them.
    func clippedEdits(old: Range<Int>, new: Range<Int>) -> [Edit] {
        var result: [Edit] = []
        for edit in edits {
            switch edit.kind {
            case .equal:
                // Keep the part of the run inside both windows; the two sides move in lockstep.
                let shift = edit.new.lowerBound - edit.old.lowerBound
                let low = Swift.max(edit.old.lowerBound, old.lowerBound, new.lowerBound - shift)
                let high = Swift.min(edit.old.upperBound, old.upperBound, new.upperBound - shift)
                if low < high {
                    result.append(Edit(kind: .equal, old: low..<high, new: (low + shift)..<(high + shift)))
                }
            case .delete:
                if edit.old.overlaps(old) || (edit.old.isEmpty && old.contains(edit.old.lowerBound)) {
                    result.append(edit)
                } else if old.lowerBound <= edit.old.lowerBound && edit.old.upperBound <= old.upperBound {
                    result.append(edit)
                }
            case .insert:
                if edit.new.overlaps(new) || (new.lowerBound <= edit.new.lowerBound && edit.new.upperBound <= new.upperBound)
                {
                    result.append(edit)
                }
            }
        }
        return result
    }
}
