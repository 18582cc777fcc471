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

    /// The line starts of `text`.
    public init(_ text: TextBytes) {
        bounds = text.withBytes { Granularity.paragraph.bounds($0, 0..<$0.count) }
    }

    /// From token bounds already computed by the line tokenizer.
    init(bounds: [Int]) {
        self.bounds = bounds
    }

    /// The number of lines (a final line without a newline counts).
    public var count: Int { bounds.count - 1 }

    /// The line holding byte `offset`; the text's length maps to `count`.
    ///
    /// - Complexity: O(log n).
    public func line(containing offset: Int) -> Int {
        line(containing: offset, from: 0)
    }

    /// The line holding byte `offset`, searching forward from line `hint` when the offset is
    /// at or past it (galloping, so offsets visited in order cost O(log distance) each), from the
    /// start otherwise.
    public func line(containing offset: Int, from hint: Int) -> Int {
        var low = hint >= 0 && hint < bounds.count && bounds[hint] <= offset ? hint : 0
        var high = bounds.count - 1
        var step = 1
        while low + step < high && bounds[low + step] <= offset {
            low += step
            step <<= 1
        }
        high = Swift.min(high, low + step)
        while low < high {
            let mid = (low + high + 1) / 2
            if bounds[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Lines touched by `range`; an empty range touches the line it sits in, or none at a line start.
    public func lines(touching range: Range<Int>) -> Range<Int> {
        lines(touching: range, from: 0)
    }

    /// ``lines(touching:)``, searching forward from line `hint` (see ``line(containing:from:)``).
    public func lines(touching range: Range<Int>, from hint: Int) -> Range<Int> {
        let first = line(containing: range.lowerBound, from: hint)
        if range.isEmpty {
            return bounds[first] == range.lowerBound ? first..<first : first..<(first + 1)
        }
        return first..<(line(containing: range.upperBound - 1, from: first) + 1)
    }

    /// Bytes of `lines`.
    public func bytes(_ lines: Range<Int>) -> Range<Int> { bounds[lines.lowerBound]..<bounds[lines.upperBound] }
}

extension Diff {
    /// Groups changes into hunks with `context` unchanged lines (paragraphs) around each.
    /// Changes closer than twice the context share a hunk.
    ///
    /// - Complexity: O(e log(n / e)) for e edits and n lines.
    public func hunks(context: Int = 1) -> [Hunk] {
        // More context than any text has lines is the whole text; capping it keeps the sums
        // below from overflowing (`--context 4611686018427387904`).
        let context = Swift.min(Swift.max(0, context), Int(Int32.max))
        var groups: [(old: Range<Int>, new: Range<Int>, edits: ClosedRange<Int>)] = []
        var oldHint = 0
        var newHint = 0
        for (index, edit) in edits.enumerated() where edit.kind != .equal {
            // Edits run forward through both texts, so each search starts where the last one ended.
            let oldTouched = oldLines.lines(touching: edit.old, from: oldHint)
            let newTouched = newLines.lines(touching: edit.new, from: newHint)
            oldHint = oldTouched.lowerBound
            newHint = newTouched.lowerBound
            if let last = groups.last,
                oldTouched.lowerBound <= last.old.upperBound + 2 * context
                    && newTouched.lowerBound <= last.new.upperBound + 2 * context
            {
                groups[groups.count - 1] = (
                    last.old.lowerBound..<Swift.max(last.old.upperBound, oldTouched.upperBound),
                    last.new.lowerBound..<Swift.max(last.new.upperBound, newTouched.upperBound),
                    last.edits.lowerBound...index
                )
            } else {
                groups.append((oldTouched, newTouched, index...index))
            }
        }
        return groups.map { group in
            let oldShown =
                Swift.max(0, group.old.lowerBound - context)..<Swift.min(oldLines.count, group.old.upperBound + context)
            let newShown =
                Swift.max(0, group.new.lowerBound - context)..<Swift.min(newLines.count, group.new.upperBound + context)
            let oldRange = oldLines.bytes(oldShown)
            let newRange = newLines.bytes(newShown)
            var inside: [Edit] = []
            let first = Swift.max(0, group.edits.lowerBound - 1)
            let last = Swift.min(edits.count - 1, group.edits.upperBound + 1)
            for edit in edits[first...last] {
                if edit.kind != .equal {
                    inside.append(edit)
                    continue
                }
                // Keep the part of an equal run inside both windows; the two sides move in lockstep.
                let shift = edit.new.lowerBound - edit.old.lowerBound
                let low = Swift.max(edit.old.lowerBound, oldRange.lowerBound, newRange.lowerBound - shift)
                let high = Swift.min(edit.old.upperBound, oldRange.upperBound, newRange.upperBound - shift)
                if low < high {
                    inside.append(Edit(kind: .equal, old: low..<high, new: (low + shift)..<(high + shift)))
                }
            }
            return Hunk(oldLines: oldShown, newLines: newShown, old: oldRange, new: newRange, edits: inside)
        }
    }
}
