import Dispatch
import Foundation
import RedlineZlib

/// How a revision's text is stored.
///
/// The newest revision of an article is stored whole (`full`: one inflate reads it — the hot
/// path); older ones as reverse deltas against the next revision's text: an edit script
/// (`edits`, or `edits+deflate` when deflating it pays; see ``EditScriptCodec``) or raw deflate
/// with that text as preset dictionary (`delta`: larger rewrites), whichever is smallest. Every
/// ``PayloadCodec/keyframeInterval``-th revision stays whole, so any revision is read with at
/// most that many decodes.
public enum PayloadCodec: String, Sendable, Equatable {
    case full = "deflate"
    case delta = "deflate-dict"
    /// The schema-v1 word-level edit script, deflated: read, no longer written.
    case script = "word-script"
    /// The compact edit script, stored as is.
    case edits = "edits"
    /// The compact edit script, deflated.
    case deflatedEdits = "edits+deflate"

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
        case .edits: 3
        case .deflatedEdits: 4
        }
    }

    init?(code: Int) {
        switch code {
        case 0: self = .full
        case 1: self = .delta
        case 2: self = .script
        case 3: self = .edits
        case 4: self = .deflatedEdits
        default: return nil
        }
    }
    /// A delta is kept only if it is at most this share of the whole text's payload.
    static let deltaGain = 0.9
    /// Deflate's window: only the last 32 KiB of a dictionary can be referred to.
    static let dictionaryLimit = 1 << 15

    /// Each version with its whole payload and, when the version before it in `items` is of the
    /// same article, that version's delta against it — worked out before any transaction begins
    /// (so a write lock is held only for the rows) and on every core: a batch of an import spends
    /// most of its time deflating and diffing.
    public static func prepare(_ items: [NewRevision]) throws(StoreError) -> [PreparedRevision] {
        var prepared: [PreparedRevision?] = Array(repeating: nil, count: items.count)
        let failure = FirstFailure()
        prepared.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                let item = items[index]
                do throws(ZlibError) {
                    var delta: PreparedRevision.Delta?
                    if index > 0, items[index - 1].article == item.article {
                        let previous = items[index - 1].text
                        let (codec, bytes) = try encodeSmallestDelta(previous, base: item.text)
                        delta = .init(previous: previous, codec: codec, payload: bytes)
                    }
                    // Followed by the same article, this version's whole payload is replaced by a delta
                    // within the batch: made only if needed (see `BatchWrite`).
                    let followed = index + 1 < items.count && items[index + 1].article == item.article
                    slots[index] = PreparedRevision(
                        item: item, payload: followed ? nil : try encodeFull(item.text), deltaOfPrevious: delta)
                } catch {
                    failure.record(error)
                }
            }
        }
        if let error = failure.error { throw StoreError(.database("compression failed: \(error)")) }
        return prepared.compactMap { $0 }
    }

    static func encodeFull(_ text: [UInt8]) throws(ZlibError) -> [UInt8] {
        try Zlib.deflate(text, format: .raw, level: 9)
    }

    static func encodeDelta(_ text: [UInt8], base: [UInt8]) throws(ZlibError) -> [UInt8] {
        try Zlib.deflate(text, format: .raw, level: 9, dictionary: dictionary(base))
    }

    /// The smallest delta encoding of `text` against `base`: the edit script as is or deflated,
    /// or the dictionary delta.
    static func encodeSmallestDelta(_ text: [UInt8], base: [UInt8]) throws(ZlibError) -> (PayloadCodec, [UInt8]) {
        let script = EditScriptCodec.encode(text, base: base)
        var best: (PayloadCodec, [UInt8]) = (.edits, script)
        let deflated = try Zlib.deflate(script, format: .raw, level: 9)
        if deflated.count < best.1.count { best = (.deflatedEdits, deflated) }
        // A dictionary delta spends ~3 bytes per 258 bytes copied: below 1/128 of the text, a
        // script cannot be beaten and the second deflate is skipped.
        if best.1.count * 128 > text.count {
            let dictionaryDelta = try encodeDelta(text, base: base)
            if dictionaryDelta.count < best.1.count { best = (.delta, dictionaryDelta) }
        }
        return best
    }

    static func decode(_ payload: [UInt8], codec: PayloadCodec, base: [UInt8]?, size: Int) throws(ZlibError) -> [UInt8]
    {
        switch codec {
        case .full:
            return try Zlib.inflate(payload, format: .raw, limit: size)
        case .delta:
            return try Zlib.inflate(payload, format: .raw, dictionary: dictionary(base ?? []), limit: size)
        case .script:
            return try EditScriptCodec.decodeLegacy(payload, base: base ?? [], limit: size)
        case .edits:
            return try EditScriptCodec.decode(payload, base: base ?? [], limit: size)
        case .deflatedEdits:
            let ops = try Zlib.inflate(payload, format: .raw, limit: size * 2 + 4096)
            return try EditScriptCodec.decode(ops, base: base ?? [], limit: size)
        }
    }

    private static func dictionary(_ base: [UInt8]) -> [UInt8] {
        base.count <= dictionaryLimit ? base : Array(base.suffix(dictionaryLimit))
    }
}

/// A version ready to be added: its whole payload (nil when the next version of the batch is of
/// the same article), and the delta the version before it (of the same article, in the same
/// batch) will be stored as once this one follows it.
public struct PreparedRevision: Sendable {
    package var item: NewRevision
    package var payload: [UInt8]?
    package var deltaOfPrevious: Delta?

    /// A delta worked out in advance, valid when the article's newest text is `previous`.
    package struct Delta: Sendable {
        package var previous: [UInt8]
        package var codec: PayloadCodec
        package var payload: [UInt8]
    }
}

/// The first error of work done on several threads.
private final class FirstFailure: @unchecked Sendable {
    // @unchecked: `stored` is only touched with `lock` held.
    private let lock = NSLock()
    private var stored: ZlibError?

    func record(_ error: ZlibError) { lock.withLock { stored = stored ?? error } }
    var error: ZlibError? { lock.withLock { stored } }
}
