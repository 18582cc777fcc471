import Crypto
import Foundation

/// One stored revision as a backend reads it: the newest of an article (from `heads`, whole)
/// or an older one (from `history`). Every backend stores the same fields, so that the rules —
/// numbering, deltas, keyframes, duplicates, reverts, checks — are written once
/// (``StoreRows``).
package struct StoredRow: Sendable, Equatable {
    /// 1, 2, 3… per article.
    package var number: Int
    /// Milliseconds since 1970.
    package var capturedAt: Int64
    /// The first ``StoredRow/digestLength`` bytes of the text's SHA-256.
    package var digest: [UInt8]
    /// The text's size in bytes.
    package var rawSize: Int
    /// ``PayloadCodec/code`` of the payload.
    package var codec: Int
    /// The text, whole or as a delta against the next revision's.
    package var payload: [UInt8]
    /// For a return to an earlier text, that revision's number.
    package var revertOf: Int?
    /// The metadata JSON. In the history, nil means "as the next revision" and `""` none; in
    /// the heads, nil means none.
    package var metadataJSON: String?

    package init(
        number: Int, capturedAt: Int64, digest: [UInt8], rawSize: Int, codec: Int, payload: [UInt8], revertOf: Int?,
        metadataJSON: String?
    ) {
        self.number = number
        self.capturedAt = capturedAt
        self.digest = digest
        self.rawSize = rawSize
        self.codec = codec
        self.payload = payload
        self.revertOf = revertOf
        self.metadataJSON = metadataJSON
    }

    /// The capture time as a date.
    package var date: Date { Date(timeIntervalSince1970: Double(capturedAt) / 1000) }

    /// Whether the payload is the whole text (the newest, a keyframe, or a delta that did not pay).
    package var isWhole: Bool { codec == PayloadCodec.full.code }

    /// The bytes of a text's SHA-256 kept per revision: enough to detect damage (like the CRC-32 of
    /// gzip and of git's packs); equality of texts (duplicates, reverts) is always confirmed on the
    /// texts themselves, and dumps carry the full SHA-256, computed from the text.
    package static let digestLength = 4

    /// The stored digest of a text.
    package static func digest(_ text: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: text).prefix(digestLength))
    }

    /// Milliseconds since 1970, as stored.
    package static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// The public description, with its metadata resolved.
    package func revision(article: String, metadata: String?) -> Revision {
        Revision(
            article: article, number: number, capturedAt: date, digest: hex(digest), rawSize: rawSize,
            storedSize: payload.count, codec: PayloadCodec(code: codec) ?? .full, revertOf: revertOf,
            metadata: RevisionMetadata.from(json: metadata))
    }

    /// Decodes the payload (given the next revision's text for a delta) and checks its digest.
    /// `verify: false` skips the digest (only for the inner steps of a chain whose end is checked).
    package func decode(base: [UInt8]?, article: String, verify: Bool = true) throws(StoreError) -> [UInt8] {
        guard let codec = PayloadCodec(code: codec) else {
            throw StoreError(.corrupt(article: article, revision: number, detail: "unknown codec \(self.codec)"))
        }
        let text: [UInt8]
        do {
            text = try PayloadCodec.decode(payload, codec: codec, base: base, size: rawSize)
        } catch {
            throw StoreError(.corrupt(article: article, revision: number, detail: "\(error)"))
        }
        guard text.count == rawSize, !verify || Self.digest(text) == digest else {
            throw StoreError(.corrupt(article: article, revision: number, detail: "content does not match its digest"))
        }
        return text
    }
}

/// Bytes as lower-case hex.
package func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
    bytes.map { byte in
        let hex = String(byte, radix: 16)
        return byte < 16 ? "0" + hex : hex
    }.joined()
}

/// The full SHA-256 of a text, hex (dumps carry it).
package func sha256Hex(_ bytes: [UInt8]) -> String {
    hex(SHA256.hash(data: bytes))
}
