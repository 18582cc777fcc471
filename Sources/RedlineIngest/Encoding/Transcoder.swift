import CICUCharset

/// Bytes in a decided encoding → well-formed UTF-8, the only encoding the HTML parser and the
/// rest of Redline see.
enum Transcoder {
    /// Calls `body` with the UTF-8 form of `bytes` as `decision` reads them: the bytes
    /// themselves when they are already well-formed UTF-8 (no copy), invalid bytes replaced by
    /// U+FFFD, or the output of ICU's converter for any other encoding. Returns `body`'s result and
    /// how many invalid sequences were replaced.
    static func withUTF8<Value>(
        _ bytes: UnsafeRawBufferPointer, _ decision: Charset.Decision,
        _ body: (UnsafeRawBufferPointer) throws(IngestError) -> Value
    ) throws(IngestError) -> Value {
        let content = UnsafeRawBufferPointer(rebasing: bytes[decision.skip...])
        guard let converter = decision.encoding.converter else {
            if UTF8Profile(content).invalid == 0 { return try body(content) }
            return try repairedUTF8(content).withUnsafeBytes { buffer in
                Result { () throws(IngestError) in try body(buffer) }
            }
            .get()
        }
        return try convert(content, from: converter).withUnsafeBytes { buffer in
            Result { () throws(IngestError) in try body(buffer) }
        }.get()
    }

    /// `bytes` with every ill-formed UTF-8 sequence replaced by U+FFFD.
    static func repairedUTF8(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var index = 0
        var runStart = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let length = UTF8Profile.sequenceLength(bytes, at: index)
            if length > 0 {
                index += length
                continue
            }
            output.append(contentsOf: bytes[runStart..<index])
            output.append(contentsOf: [0xEF, 0xBF, 0xBD])
            index += max(1, UTF8Profile.illFormedLength(bytes, at: index))
            runStart = index
        }
        output.append(contentsOf: bytes[runStart..<bytes.count])
        return output
    }

    /// `bytes` in the ICU converter `name`, as UTF-8 (unmappable bytes become U+FFFD).
    static func convert(_ bytes: UnsafeRawBufferPointer, from name: String) throws(IngestError) -> [UInt8] {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count > 0 else { return [] }
        let capacity = bytes.count * 3 + 16
        var output = [UInt8](repeating: 0, count: capacity)
        let length = output.withUnsafeMutableBufferPointer { buffer in
            redline_icu_to_utf8(name, base, Int64(bytes.count), buffer.baseAddress, Int64(capacity))
        }
        guard length >= 0 else {
            throw IngestError(.notHTML(detail: "the encoding \(name) cannot be decoded on this system"))
        }
        output.removeSubrange(Int(length)...)
        return output
    }
}
