/// Escaping as reports do it: the bytes that need it are replaced, and the runs between them
/// are copied whole (most text needs no escaping at all).
enum ByteRewriting {
    /// Walks `bytes`, asking `replacement` at each byte for the text to write instead of the
    /// sequence starting there and that sequence's length in bytes (nil: keep the byte); kept
    /// runs go to `keep` as index ranges, replacements to `write`.
    @inline(__always)
    static func rewrite(
        _ bytes: UnsafeBufferPointer<UInt8>, keep: (Range<Int>) -> Void, write: (String) -> Void,
        replacement: (Int) -> (text: String, length: Int)?
    ) {
        var run = 0
        var index = 0
        while index < bytes.count {
            guard let (text, length) = replacement(index) else {
                index += 1
                continue
            }
            if run < index { keep(run..<index) }
            write(text)
            index += length
            run = index
        }
        if run < bytes.count { keep(run..<bytes.count) }
    }
}
