import RedlineDiff
import RedlineZlib

/// The second delta codec: the diff engine's word-level edit script that rebuilds a text from
/// its neighbour — copy ranges and inserted bytes, varint-encoded, then raw-deflated.
///
/// For the small edits of news revisions it is about half the size of a deflate stream primed
/// with the neighbour (which pays for a Huffman table and a back-reference per 258 bytes copied);
/// the store keeps whichever of the two is smaller. Decoding needs no diff: it copies and inserts.
enum EditScriptCodec {
    /// The operations that rebuild `text` from `base`, encoded and deflated.
    static func encode(_ text: [UInt8], base: [UInt8]) throws(ZlibError) -> [UInt8] {
        let diff = Diff(oldBytes: base, newBytes: text, by: .word)
        var out: [UInt8] = []
        for edit in diff.edits {
            switch edit.kind {
            case .equal:
                out.append(0)
                appendVarint(edit.old.lowerBound, to: &out)
                appendVarint(edit.old.count, to: &out)
            case .insert:
                out.append(1)
                appendVarint(edit.new.count, to: &out)
                out.append(contentsOf: text[edit.new])
            case .delete:
                continue
            }
        }
        return try Zlib.deflate(out, format: .raw, level: 9)
    }

    /// Rebuilds the text: at most `limit` bytes, and every copy inside `base`.
    static func decode(_ payload: [UInt8], base: [UInt8], limit: Int) throws(ZlibError) -> [UInt8] {
        let ops = try Zlib.inflate(payload, format: .raw, limit: limit * 2 + 4096)
        var text: [UInt8] = []
        text.reserveCapacity(limit)
        var k = 0
        func varint() throws(ZlibError) -> Int {
            var value = 0
            var shift = 0
            while k < ops.count {
                let byte = ops[k]
                k += 1
                value |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
                guard shift < 63 else { break }
            }
            throw ZlibError(reason: .corrupt("edit script ends inside a number"))
        }
        while k < ops.count {
            let op = ops[k]
            k += 1
            switch op {
            case 0:
                let start = try varint()
                let count = try varint()
                guard start >= 0, count >= 0, start + count <= base.count, text.count + count <= limit else {
                    throw ZlibError(reason: .corrupt("edit script copies outside its base"))
                }
                text.append(contentsOf: base[start..<(start + count)])
            case 1:
                let count = try varint()
                guard count >= 0, k + count <= ops.count, text.count + count <= limit else {
                    throw ZlibError(reason: .corrupt("edit script inserts past its end"))
                }
                text.append(contentsOf: ops[k..<(k + count)])
                k += count
            default:
                throw ZlibError(reason: .corrupt("unknown edit script operation \(op)"))
            }
        }
        return text
    }

    private static func appendVarint(_ value: Int, to out: inout [UInt8]) {
        var v = UInt(value)
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }
}
