import RedlineZlib

/// How a revision's text is stored.
///
/// The newest revision of an article is stored whole (`full`: one inflate reads it — the hot
/// path); older ones as reverse deltas (`delta`: raw deflate with the next revision's text as
/// preset dictionary, so the unchanged text costs a few bytes of back-references). Every
/// ``PayloadCodec/keyframeInterval``-th revision stays whole, so any revision is read with at
/// most that many inflates.
public enum PayloadCodec: String, Sendable, Equatable {
    case full = "deflate"
    case delta = "deflate-dict"
    /// The word-level edit script against the next revision (see ``EditScriptCodec``).
    case script = "word-script"

    /// Revisions 64, 128… stay whole when newer ones arrive: reading any revision inflates at most
    /// 64 payloads (about 1 ms for 6 KB texts), and a typical article (a few dozen revisions)
    /// keeps only its newest whole — keyframes are most of a store's size otherwise.
    public static let keyframeInterval = 64

    /// The number stored in the `codec` column.
    var code: Int {
        switch self {
        case .full: 0
        case .delta: 1
        case .script: 2
        }
    }

    init?(code: Int) {
        switch code {
        case 0: self = .full
        case 1: self = .delta
        case 2: self = .script
        default: return nil
        }
    }
    /// A delta is kept only if it is at most this share of the whole text's payload.
    static let deltaGain = 0.9
    /// Deflate's window: only the last 32 KiB of a dictionary can be referred to.
    static let dictionaryLimit = 1 << 15

    static func encodeFull(_ text: [UInt8]) throws(ZlibError) -> [UInt8] {
        try Zlib.deflate(text, format: .raw, level: 9)
    }

    static func encodeDelta(_ text: [UInt8], base: [UInt8]) throws(ZlibError) -> [UInt8] {
        try Zlib.deflate(text, format: .raw, level: 9, dictionary: dictionary(base))
    }

    /// The smaller of the two delta encodings of `text` against `base`.
    static func encodeSmallestDelta(_ text: [UInt8], base: [UInt8]) throws(ZlibError) -> (PayloadCodec, [UInt8]) {
        let dictionaryDelta = try encodeDelta(text, base: base)
        let script = try EditScriptCodec.encode(text, base: base)
        return script.count < dictionaryDelta.count ? (.script, script) : (.delta, dictionaryDelta)
    }

    static func decode(_ payload: [UInt8], codec: PayloadCodec, base: [UInt8]?, size: Int) throws(ZlibError) -> [UInt8]
    {
        switch codec {
        case .full:
            return try Zlib.inflate(payload, format: .raw, limit: size)
        case .delta:
            return try Zlib.inflate(payload, format: .raw, dictionary: dictionary(base ?? []), limit: size)
        case .script:
            return try EditScriptCodec.decode(payload, base: base ?? [], limit: size)
        }
    }

    private static func dictionary(_ base: [UInt8]) -> [UInt8] {
        base.count <= dictionaryLimit ? base : Array(base.suffix(dictionaryLimit))
    }
}
