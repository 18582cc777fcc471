import RedlineDiff
import RedlineZlib

/// The edit-script delta codecs: the diff engine's word-level edit script that rebuilds a text
/// from its neighbour.
///
/// For the small edits of news revisions a script is a fraction of a deflate stream primed with
/// the neighbour (which pays for a Huffman table and a back-reference per 258 bytes copied); the
/// store keeps whichever delta is smallest. Decoding needs no diff: it copies and inserts, checking
/// every range against the base and the output limit.
///
/// Two encodings:
/// - **compact** (schema v2, codecs `edits` and `edits+deflate`): one varint per operation,
///   `count << 2 | tag` — tag 0 copies `count` bytes of the base at the cursor, 1 inserts the
///   `count` bytes that follow, 2 skips `count` bytes of the base; what is left of the base at
///   the end is copied (a text that drops the base's tail ends with a skip). A one-word edit
///   costs about a dozen bytes; the script is stored as is, or deflated when that is smaller.
/// - **legacy** (schema v1, codec `word-script`): an operation byte, absolute copy offsets and
///   lengths as varints, always deflated. Read only.
enum EditScriptCodec {
    private enum Tag: UInt {
        case copy = 0
        case insert = 1
        case skip = 2
    }

    /// The compact operations that rebuild `text` from `base` (not deflated).
    static func encode(_ text: [UInt8], base: [UInt8]) -> [UInt8] {
        let diff = Diff(oldBytes: base, newBytes: text, by: .word)
        var out: [UInt8] = []
        var cursor = 0
        // Where the last operation, if a copy, starts: a copy of the base's tail is implicit.
        var tailCopy: Int?
        for edit in diff.edits {
            switch edit.kind {
            case .equal:
                if edit.old.lowerBound > cursor {
                    appendVarint(UInt(edit.old.lowerBound - cursor) << 2 | Tag.skip.rawValue, to: &out)
                }
                tailCopy = out.count
                appendVarint(UInt(edit.old.count) << 2 | Tag.copy.rawValue, to: &out)
                cursor = edit.old.upperBound
            case .insert:
                tailCopy = nil
                appendVarint(UInt(edit.new.count) << 2 | Tag.insert.rawValue, to: &out)
                out.append(contentsOf: text[edit.new])
            case .delete:
                continue
            }
        }
        if let tailCopy, cursor == base.count {
            out.removeSubrange(tailCopy...)
        } else if cursor < base.count {
            appendVarint(UInt(base.count - cursor) << 2 | Tag.skip.rawValue, to: &out)
        }
        return out
    }

    /// Rebuilds the text from compact operations: at most `limit` bytes, every copy inside `base`.
    static func decode(_ ops: [UInt8], base: [UInt8], limit: Int) throws(ZlibError) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(limit)
        var k = 0
        var cursor = 0
        while k < ops.count {
            let op = try varint(ops, &k)
            let count = Int(clamping: op >> 2)
            switch Tag(rawValue: op & 3) {
            case .copy:
                guard count <= base.count - cursor, count <= limit - text.count else {
                    throw ZlibError(reason: .corrupt("edit script copies outside its base"))
                }
                text.append(contentsOf: base[cursor..<(cursor + count)])
                cursor += count
            case .insert:
                guard count <= ops.count - k, count <= limit - text.count else {
                    throw ZlibError(reason: .corrupt("edit script inserts past its end"))
                }
                text.append(contentsOf: ops[k..<(k + count)])
                k += count
            case .skip:
                guard count <= base.count - cursor else {
                    throw ZlibError(reason: .corrupt("edit script skips past its base"))
                }
                cursor += count
            case nil:
                throw ZlibError(reason: .corrupt("unknown edit script operation \(op & 3)"))
            }
        }
        // The rest of the base, copied implicitly.
        guard base.count - cursor <= limit - text.count else {
            throw ZlibError(reason: .corrupt("edit script copies past its limit"))
        }
        text.append(contentsOf: base[cursor...])
        return text
    }

    /// Rebuilds the text from a schema-v1 `word-script` payload (deflated legacy operations).
    static func decodeLegacy(_ payload: [UInt8], base: [UInt8], limit: Int) throws(ZlibError) -> [UInt8] {
        let ops = try Zlib.inflate(payload, format: .raw, limit: limit * 2 + 4096)
        var text: [UInt8] = []
        text.reserveCapacity(limit)
        var k = 0
        while k < ops.count {
            let op = ops[k]
            k += 1
            switch op {
            case 0:
                let start = Int(clamping: try varint(ops, &k))
                let count = Int(clamping: try varint(ops, &k))
                guard start <= base.count, count <= base.count - start, count <= limit - text.count else {
                    throw ZlibError(reason: .corrupt("edit script copies outside its base"))
                }
                text.append(contentsOf: base[start..<(start + count)])
            case 1:
                let count = Int(clamping: try varint(ops, &k))
                guard count <= ops.count - k, count <= limit - text.count else {
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

    private static func varint(_ bytes: [UInt8], _ k: inout Int) throws(ZlibError) -> UInt {
        var value: UInt = 0
        var shift: UInt = 0
        while k < bytes.count, shift < 63 {
            let byte = bytes[k]
            k += 1
            value |= UInt(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        throw ZlibError(reason: .corrupt("edit script ends inside a number"))
    }

    private static func appendVarint(_ value: UInt, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }
}
