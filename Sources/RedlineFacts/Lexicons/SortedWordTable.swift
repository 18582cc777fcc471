import RedlineSystem

/// A sorted list of lower-case ASCII words padded to one width, kept in a static string: looking
/// a word up is a binary search over static data, and nothing is built when the program starts
/// (see `generate.py` beside this file).
struct SortedWordTable: Sendable {
    let width: Int
    let count: Int
    let table: StaticString

    init(width: Int, count: Int, table: StaticString) {
        self.width = width
        self.count = count
        self.table = table
    }

    /// True when `word` (lower case, folded like ``Name/key(_:)`` for places) is in the table.
    func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { needle in
            guard let first = needle.first, needle.count <= width else { return false }
            return table.withUTF8Buffer { records in
                guard let base = records.baseAddress, let pin = needle.baseAddress else { return false }
                // Only the records that start with the same letter: one binary search of ~1/20 of the table.
                var low = bound(first, in: base)
                var high = bound(first &+ 1, in: base)
                while low < high {
                    let middle = (low + high) / 2
                    let record = base + middle * width
                    var order = ByteSearch.compare(record, pin, count: needle.count)
                    // Equal so far: the record must end there (padded with spaces) to be the word.
                    if order == 0 && needle.count < width && record[needle.count] != 0x20 { order = 1 }
                    if order == 0 { return true }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return false
            }
        }
    }

    /// The index of the first record whose first byte is `byte` or greater.
    private func bound(_ byte: UInt8, in base: UnsafePointer<UInt8>) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if base[middle * width] < byte { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
