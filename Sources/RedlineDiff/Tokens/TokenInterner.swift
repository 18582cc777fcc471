/// Turns tokens into dense `Int32` ids, with one hash table shared by both sides of a diff,
/// so that equal tokens get equal ids and the search compares integers only.
///
/// The table is open-addressed with linear probing. Each slot packs 32 bits of the token's hash
/// with its id in one word, and each id's start and length sit together, so a lookup costs one
/// random memory access for the slot and one for the token: on inputs larger than the cache those
/// accesses, not the hashing, decide the speed.
///
/// - Complexity: O(n) expected, in the total bytes of both sides.
struct TokenInterner {
    /// Per slot: the hash's low 32 bits above, the id plus one below; zero for an empty slot.
    private var slots: [UInt64]
    private var mask: Int
    private var tokens: [(start: UnsafePointer<UInt8>, length: Int)] = []

    /// The number of distinct tokens seen so far.
    var count: Int { tokens.count }

    init(expectedDistinct: Int = 512) {
        var capacity = 64
        while capacity < expectedDistinct * 2 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// Interns tokens `bounds[k]..<bounds[k + 1]` of `text` and returns their ids in order.
    ///
    /// The bytes must stay alive and unchanged while this interner is in use.
    mutating func intern(_ text: UnsafeBufferPointer<UInt8>, bounds: [Int]) -> [Int32] {
        guard bounds.count > 1, let base = text.baseAddress else { return [] }
        var ids = [Int32](repeating: 0, count: bounds.count - 1)
        ids.withUnsafeMutableBufferPointer { out in
            bounds.withUnsafeBufferPointer { b in
                for k in 0..<out.count {
                    out[k] = intern(base + b[k], b[k + 1] - b[k])
                }
            }
        }
        return ids
    }

    /// Interns one token.
    @inline(__always)
    mutating func intern(_ start: UnsafePointer<UInt8>, _ length: Int) -> Int32 {
        intern(start, length, hash: Self.hash(start, length))
    }

    /// Interns one token whose hash is known.
    @inline(__always)
    mutating func intern(_ start: UnsafePointer<UInt8>, _ length: Int, hash: UInt64) -> Int32 {
        let tag = hash << 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                let token = tokens[id]
                if token.length == length && Self.equal(token.start, start, length) { return Int32(id) }
            }
            slot = (slot + 1) & mask
        }
        let id = tokens.count
        tokens.append((start, length))
        slots[slot] = tag | UInt64(id + 1)
        if tokens.count * 2 > slots.count { grow() }
        return Int32(id)
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for entry in old where entry != 0 {
            var slot = Int(truncatingIfNeeded: entry >> 32) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// A fast 64-bit hash of a byte string: multiply-fold over eight-byte words, with four
    /// independent lanes for long tokens (lines) so the multiplications overlap.
    @inline(__always)
    static func hash(_ start: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        let k0: UInt64 = 0xA076_1D64_78BD_642F
        let k1: UInt64 = 0xE703_7ED1_A0B4_28DB
        @inline(__always) func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
            let product = a.multipliedFullWidth(by: b)
            return product.high ^ product.low
        }
        var h = UInt64(truncatingIfNeeded: length) &* k0
        let raw = UnsafeRawPointer(start)
        var offset = 0
        if length >= 32 {
            var lane0 = h ^ k1
            var lane1 = h ^ 0x8EBC_6AF0_9C88_C6E3
            var lane2 = h ^ 0x5899_65CC_7537_4CC3
            var lane3 = h ^ 0x1D8E_4E27_C47D_124F
            while offset + 32 <= length {
                lane0 = fold(lane0 ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self), k0)
                lane1 = fold(lane1 ^ raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self), k0)
                lane2 = fold(lane2 ^ raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self), k0)
                lane3 = fold(lane3 ^ raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self), k0)
                offset += 32
            }
            h = fold(lane0 ^ k1, lane1 ^ k0) ^ fold(lane2 ^ k0, lane3 ^ k1)
        }
        while offset + 8 <= length {
            h = fold(h ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ k1, k0)
            offset += 8
        }
        if offset < length {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < length {
                tail |= UInt64(start[offset]) << shift
                shift += 8
                offset += 1
            }
            h = fold(h ^ tail ^ k1, k0 ^ 0x5555)
        }
        return fold(h ^ k0, k1)
    }

    /// Byte equality, 32 bytes per step on long tokens (lines).
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        if a == b { return true }
        let rawA = UnsafeRawPointer(a)
        let rawB = UnsafeRawPointer(b)
        @inline(__always) func word(_ offset: Int) -> UInt64 {
            rawA.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                ^ rawB.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        }
        var offset = 0
        while offset + 32 <= length {
            if word(offset) | word(offset + 8) | word(offset + 16) | word(offset + 24) != 0 { return false }
            offset += 32
        }
        while offset + 8 <= length {
            if word(offset) != 0 { return false }
            offset += 8
        }
        while offset < length {
            if a[offset] != b[offset] { return false }
            offset += 1
        }
        return true
    }
}
