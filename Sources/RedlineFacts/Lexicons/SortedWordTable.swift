/// A sorted list of lower-case ASCII words padded to one width, kept in a static string: looking
/// a word up is a binary search over static data, and nothing is built when the program starts
/// (see `generate.py` beside this file).
struct SortedWordTable: Sendable {
    let width: Int
    let count: Int
    let table: StaticString

    /// True when `word` (lower case, folded like ``Name/key(_:)`` for places) is in the table.
    func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { needle in
            guard !needle.isEmpty, needle.count <= width else { return false }
            return table.withUTF8Buffer { records in
                var low = 0
                var high = count
                while low < high {
                    let middle = (low + high) / 2
                    let order = compare(records, at: middle * width, with: needle)
                    if order == 0 { return true }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return false
            }
        }
    }

    /// The record at `offset` against `needle` padded with spaces: -1, 0 or 1.
    @inline(__always)
    private func compare(_ records: UnsafeBufferPointer<UInt8>, at offset: Int, with needle: UnsafeBufferPointer<UInt8>)
        -> Int
    {
        for k in 0..<width {
            let a = records[offset + k]
            let b = k < needle.count ? needle[k] : 0x20
            if a != b { return a < b ? -1 : 1 }
        }
        return 0
    }
}
