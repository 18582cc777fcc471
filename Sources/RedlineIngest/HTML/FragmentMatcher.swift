/// Finds whether any of a fixed set of lower-case ASCII fragments occurs in a class or id
/// string, in one pass: a 64 KiB bitmap of the fragments' first two bytes rules out almost every
/// position before any comparison. A fragment marked whole-word must stand between separators
/// (anything but a letter or digit) or the ends.
struct FragmentMatcher: Sendable {
    private let patterns: [(bytes: [UInt8], wholeWord: Bool)]
    private let starts: [UInt8]  // bitmap over the first two bytes
    private let byStart: [UInt16: [Int]]

    init(fragments: [String], words: [String] = []) {
        var patterns: [(bytes: [UInt8], wholeWord: Bool)] = []
        for fragment in fragments { patterns.append((Array(fragment.utf8), false)) }
        for word in words { patterns.append((Array(word.utf8), true)) }
        var starts = [UInt8](repeating: 0, count: 8192)
        var byStart: [UInt16: [Int]] = [:]
        for (index, pattern) in patterns.enumerated() where pattern.bytes.count >= 2 {
            let key = UInt16(pattern.bytes[0]) << 8 | UInt16(pattern.bytes[1])
            starts[Int(key >> 3)] |= 1 << (key & 7)
            byStart[key, default: []].append(index)
        }
        self.patterns = patterns
        self.starts = starts
        self.byStart = byStart
    }

    /// Whether a fragment occurs in `text` (lower-case ASCII).
    func matches(_ text: [UInt8]) -> Bool {
        match(text) != nil
    }

    /// The first fragment found in `text` (lower-case ASCII), if any.
    func match(_ text: [UInt8]) -> String? {
        let count = text.count
        guard count >= 2 else { return nil }
        return text.withUnsafeBufferPointer { bytes in
            for position in 0..<(count - 1) {
                let key = UInt16(bytes[position]) << 8 | UInt16(bytes[position + 1])
                guard starts[Int(key >> 3)] & (1 << (key & 7)) != 0, let candidates = byStart[key] else { continue }
                for candidate in candidates {
                    let pattern = patterns[candidate]
                    let end = position + pattern.bytes.count
                    guard end <= count else { continue }
                    var equal = true
                    for offset in 2..<pattern.bytes.count where bytes[position + offset] != pattern.bytes[offset] {
                        equal = false
                        break
                    }
                    guard equal else { continue }
                    let before = position == 0 || !Self.isWordByte(bytes[position - 1])
                    let after = end == count || !Self.isWordByte(bytes[end])
                    if !pattern.wholeWord || (before && after) { return String(decoding: pattern.bytes, as: UTF8.self) }
                }
            }
            return nil
        }
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }
}
