/// Turns the body's containers into paragraphs: every block element (and every `<br>`) ends
/// one, inline elements run together, excluded parts are skipped, whitespace is collapsed.
struct ParagraphCollector {
    /// A paragraph and what is known about where it came from.
    struct Block {
        var text: String
        /// The block element that held it (`p`, `h2`, `li`…).
        var tag: String
        /// The share of its text inside links.
        var linkDensity: Double
    }

    let layout: PageLayout

    func blocks(in containers: [Int]) -> [Block] {
        var blocks: [Block] = []
        var buffer: [UInt8] = []
        var linkBytes = 0
        var tags: [(tag: String, end: Int)] = []

        func flush() {
            let text = Whitespace.collapse(buffer)
            if !text.isEmpty {
                let visible = max(1, text.utf8.count)
                blocks.append(
                    Block(
                        text: text, tag: tags.last?.tag ?? "div",
                        linkDensity: min(1, Double(linkBytes) / Double(visible))))
            }
            buffer.removeAll(keepingCapacity: true)
            linkBytes = 0
        }

        let tree = layout.tree
        for container in containers {
            var index = container
            let end = Int(tree.nodes[container].end)
            while index < end {
                // The text gathered so far belongs to the block that ends here: flush before leaving it.
                while let open = tags.last, index >= open.end {
                    flush()
                    tags.removeLast()
                }
                let node = tree.nodes[index]
                if layout.excluded[index] {
                    index = Int(node.end)
                    continue
                }
                if node.isText {
                    let bytes = tree.textBytes(of: index)
                    buffer.append(contentsOf: bytes)
                    if layout.inLink[index] { linkBytes += PageLayout.visibleLength(bytes) }
                } else if node.kind.contains(.lineBreak) {
                    flush()
                } else if node.kind.contains(.block) {
                    flush()
                    tags.append((node.name, Int(node.end)))
                } else if !buffer.isEmpty, node.tag == .img || node.tag == .wbr {
                    buffer.append(0x20)
                }
                index += 1
            }
            while !tags.isEmpty {
                flush()
                tags.removeLast()
            }
            flush()
        }
        return blocks
    }
}

/// Whitespace normalisation: runs of spaces, tabs, newlines, no-break and other Unicode spaces
/// become one space; zero-width characters go; the ends are trimmed.
enum Whitespace {
    static func collapse(_ text: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var pendingSpace = false
        var index = 0
        let count = text.count
        // Every byte of every text node of every page passes here: read without bounds checks.
        text.withUnsafeBufferPointer { bytes in
            while index < count {
                let byte = bytes[index]
                if byte <= 0x20 {
                    pendingSpace = true
                    index += 1
                    continue
                }
                if byte >= 0xC2 {
                    // U+00A0 no-break space; U+2000–U+200A, U+202F, U+205F, U+3000 spaces; U+200B–U+200D,
                    // U+2060, U+FEFF zero-width.
                    if byte == 0xC2, index + 1 < count, bytes[index + 1] == 0xA0 {
                        pendingSpace = true
                        index += 2
                        continue
                    }
                    if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 {
                        let third = bytes[index + 2]
                        if bytes[index + 1] == 0x80
                            && (third <= 0x8A || third == 0xAF || third == 0xA8 || third == 0xA9)
                        {
                            pendingSpace = true
                            index += 3
                            continue
                        }
                        if (bytes[index + 1] == 0x80 && third >= 0x8B && third <= 0x8D)
                            || (bytes[index + 1] == 0x81 && (third == 0xA0 || third == 0x9F))
                        {
                            if bytes[index + 1] == 0x81 && third == 0x9F { pendingSpace = true }
                            index += 3
                            continue
                        }
                    }
                    if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
                        index += 3
                        continue
                    }
                    if byte == 0xE3, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 {
                        pendingSpace = true
                        index += 3
                        continue
                    }
                }
                if pendingSpace && !output.isEmpty { output.append(0x20) }
                pendingSpace = false
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
