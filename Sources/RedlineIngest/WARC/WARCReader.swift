/// One WARC record: its header fields Redline uses, where it is, and its block when asked for.
public struct WARCRecord: Sendable {
    /// `WARC-Type`: `response`, `request`, `revisit`, `metadata`, `warcinfo`, `resource`…
    public var type: String
    /// `WARC-Target-URI`: the captured URL.
    public var targetURI: String?
    /// `WARC-Date` as written (ISO 8601).
    public var date: String?
    /// `WARC-Record-ID`.
    public var recordID: String?
    /// `Content-Type` of the block (`application/http; msgtype=response` for responses).
    public var contentType: String?
    /// `WARC-Payload-Digest`, when the crawler recorded it.
    public var payloadDigest: String?
    /// The block's length (`Content-Length`).
    public var length: Int
    /// The record's offset in the file (its gzip member's, for a `.warc.gz`).
    public var offset: Int64
    /// The block, when the caller asked for it (nil when skipped).
    public var block: [UInt8]?
}

/// Reads WARC 1.0 and 1.1 files one record at a time in constant memory: plain or gzip
/// (one member per record, or one for the whole file), headers parsed on bytes, blocks copied
/// only when the caller wants them. Damage (a broken gzip member, a record that does not start
/// with `WARC/`) is reported with its offset and reading resumes at the next record.
public final class WARCReader {
    private let source: ByteSource
    /// The archive being read.
    public let path: String
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    /// Decompressed offset of `buffer[start]`.
    private var position: Int64 = 0
    private var exhausted = false
    /// The largest block kept in memory (larger ones are skipped and reported).
    public var blockLimit = 64 << 20

    /// Opens `path`; gzip when it starts with the gzip magic bytes.
    public init(path: String) throws(ArchiveError) {
        self.path = path
        let probe = try FileSource(path: path)
        var magic = [UInt8](repeating: 0, count: 2)
        let n = try magic.withMutableBytes { bytes throws(ArchiveError) in try probe.read(into: bytes) }
        let compressed = n == 2 && magic == [0x1F, 0x8B]
        source = compressed ? try GzipSource(path: path) : try FileSource(path: path)
        buffer = Array(repeating: 0, count: 4 << 20)
    }

    /// Bytes of the file read so far (compressed bytes for a `.warc.gz`).
    public var fileBytesRead: Int64 { source.bytesRead }
    /// Bytes of WARC data read so far (uncompressed).
    public var bytesDecoded: Int64 { position + Int64(end - start) }

    /// Makes at least `count` bytes available from `start`, unless the input ends first.
    private func ensure(_ count: Int) throws(ArchiveError) -> Bool {
        while end - start < count {
            if exhausted { return false }
            if start > 0 && (start >= buffer.count / 2 || buffer.count - end < count) {
                let remaining = end - start
                buffer.withUnsafeMutableBytes { bytes in
                    guard let base = bytes.baseAddress else { return }
                    base.copyMemory(from: base + start, byteCount: remaining)
                }
                start = 0
                end = remaining
            }
            if buffer.count - end < count - (end - start) || end == buffer.count {
                buffer.append(contentsOf: repeatElement(0, count: max(buffer.count, count)))
            }
            let n = try buffer.withMutableBytes { bytes throws(ArchiveError) in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[end...]))
            }
            if n == 0 { exhausted = true }
            end += n
        }
        return true
    }

    private func advance(_ count: Int) {
        start += count
        position += Int64(count)
    }

    /// The next record, or nil at the end. `wantsBlock` sees the record's header fields and
    /// says whether to keep its block. Damage throws an ``ArchiveError`` after which calling
    /// again resumes at the next readable record.
    public func next(wantsBlock: (WARCRecord) -> Bool) throws(ArchiveError) -> WARCRecord? {
        // Blank lines between records.
        while true {
            guard try ensure(1) else { return nil }
            let byte = buffer[start]
            guard byte == 0x0D || byte == 0x0A else { break }
            advance(1)
        }
        let recordStart = position
        guard try ensure(8), buffer[start] == 0x57, buffer[start + 1] == 0x41, buffer[start + 2] == 0x52,
            buffer[start + 3] == 0x43, buffer[start + 4] == 0x2F
        else {
            let offset = source.fileOffset(ofDecompressed: recordStart)
            try skipToNextRecord()
            if end - start == 0 && exhausted { return nil }
            throw ArchiveError(reason: .badRecordHeader("it does not start with WARC/"), offset: offset, file: path)
        }
        // The header block ends at the first blank line (searched from where the last search stopped;
        // `ensure` may move the bytes, so positions are kept relative to `start`).
        var headerEnd = -1
        var scanned = 0
        while headerEnd < 0 {
            var index = start + scanned
            while index + 3 < end {
                if buffer[index] == 0x0D, buffer[index + 1] == 0x0A, buffer[index + 2] == 0x0D,
                    buffer[index + 3] == 0x0A
                {
                    headerEnd = index
                    break
                }
                index += 1
            }
            if headerEnd >= 0 { break }
            scanned = max(0, end - start - 3)
            let offset = source.fileOffset(ofDecompressed: recordStart)
            if end - start >= 1 << 20 {
                try skipToNextRecord()
                throw ArchiveError(reason: .badRecordHeader("no end to its header"), offset: offset, file: path)
            }
            guard try ensure(end - start + 4096) || end - start > scanned + 3 else {
                advance(end - start)
                throw ArchiveError(reason: .truncatedRecord, offset: offset, file: path)
            }
        }
        var record = parseHeader(start..<headerEnd)
        record.offset = source.fileOffset(ofDecompressed: recordStart)
        guard record.length >= 0 else {
            advance(headerEnd + 4 - start)
            try skipToNextRecord()
            throw ArchiveError(reason: .badRecordHeader("no valid Content-Length"), offset: record.offset, file: path)
        }
        advance(headerEnd + 4 - start)
        // A plain file shorter than the block claims: the Content-Length is wrong, and the records
        // after this one are found by their `WARC/` lines instead of being swallowed.
        if let left = source.bytesLeft, Int64(record.length) > left + Int64(end - start) {
            try skipToNextRecord()
            throw ArchiveError(
                reason: .badRecordHeader("its Content-Length (\(record.length)) runs past the end of the file"),
                offset: record.offset, file: path)
        }
        // The block: kept or skipped, chunk by chunk.
        let keep = record.length <= blockLimit && wantsBlock(record)
        var remaining = record.length
        if keep { record.block = []; record.block?.reserveCapacity(min(record.length, 1 << 20)) }
        let blockStart = position
        while remaining > 0 {
            guard try ensure(1) else {
                throw ArchiveError(reason: .truncatedRecord, offset: record.offset, file: path)
            }
            // In a gzip file, a block that runs into a member holding the next record is cut
            // short there (its Content-Length is wrong): the records after it are not lost.
            let chunk = max(blockStart + 1, position)..<(position + Int64(min(remaining, end - start)))
            if let boundary = source.memberStart(in: chunk) {
                _ = try ensure(Int(boundary - position) + 10)
                if try startsRecord(at: start + Int(boundary - position)) {
                    advance(Int(boundary - position))
                    throw ArchiveError(
                        reason: .badRecordHeader(
                            "its Content-Length (\(record.length)) runs past its gzip member into the next record"),
                        offset: record.offset, file: path)
                }
            }
            let take = min(remaining, end - start)
            if keep { record.block?.append(contentsOf: buffer[start..<start + take]) }
            advance(take)
            remaining -= take
        }
        return record
    }

    /// Whether a record starts at `buffer[index]`: `WARC/1.0` or `WARC/1.1` and a line break.
    private func startsRecord(at index: Int) throws(ArchiveError) -> Bool {
        guard index + 10 <= end else { return false }
        return buffer[index] == 0x57 && buffer[index + 1] == 0x41 && buffer[index + 2] == 0x52
            && buffer[index + 3] == 0x43 && buffer[index + 4] == 0x2F && buffer[index + 5] == 0x31
            && buffer[index + 6] == 0x2E && (buffer[index + 7] == 0x30 || buffer[index + 7] == 0x31)
            && (buffer[index + 8] == 0x0D || buffer[index + 8] == 0x0A)
    }

    /// Skips to the next record start after the damaged part: `WARC/1.0` or `WARC/1.1` ending a
    /// line — wherever it is, so that junk glued to the front of a record (a stray gzip member
    /// without a line break, bytes before `WARC/` in a plain file) does not hide the record.
    private func skipToNextRecord() throws(ArchiveError) {
        advance(min(1, end - start))
        while true {
            var index = start
            while index + 10 <= end {
                if buffer[index] == 0x57, try startsRecord(at: index) {
                    advance(index - start)
                    return
                }
                index += 1
            }
            let keep = min(9, end - start)
            advance(end - start - keep)
            guard try ensure(keep + 1) else {
                advance(end - start)
                return
            }
        }
    }

    /// After a damaged gzip member: drop what was buffered and restart at the next member.
    public func recover() throws(ArchiveError) {
        position += Int64(end - start)
        start = 0
        end = 0
        if try !source.resynchronise() { exhausted = true }
    }

    private func parseHeader(_ range: Range<Int>) -> WARCRecord {
        var record = WARCRecord(type: "", length: -1, offset: 0)
        var lineStart = range.lowerBound
        // Skip the version line.
        while lineStart < range.upperBound, buffer[lineStart] != 0x0A { lineStart += 1 }
        lineStart += 1
        while lineStart < range.upperBound {
            var lineEnd = lineStart
            while lineEnd < range.upperBound, buffer[lineEnd] != 0x0A { lineEnd += 1 }
            var colon = lineStart
            while colon < lineEnd, buffer[colon] != 0x3A { colon += 1 }
            if colon < lineEnd {
                var valueStart = colon + 1
                while valueStart < lineEnd, buffer[valueStart] == 0x20 || buffer[valueStart] == 0x09 { valueStart += 1 }
                var valueEnd = lineEnd
                while valueEnd > valueStart, buffer[valueEnd - 1] == 0x0D || buffer[valueEnd - 1] == 0x20 {
                    valueEnd -= 1
                }
                assign(name: lineStart..<colon, value: valueStart..<valueEnd, to: &record)
            }
            lineStart = lineEnd + 1
        }
        return record
    }

    private func nameIs(_ range: Range<Int>, _ name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        let expected = name.utf8Start
        for offset in 0..<range.count where buffer[range.lowerBound + offset] | 0x20 != expected[offset] | 0x20 {
            return false
        }
        return true
    }

    private func assign(name: Range<Int>, value: Range<Int>, to record: inout WARCRecord) {
        func text() -> String { String(decoding: buffer[value], as: UTF8.self) }
        switch name.count {
        case 9 where nameIs(name, "WARC-Type"): record.type = text().lowercased()
        case 9 where nameIs(name, "WARC-Date"): record.date = text()
        case 14 where nameIs(name, "Content-Length"):
            var length = 0
            for byte in buffer[value] {
                guard byte >= 0x30 && byte <= 0x39, length < Int.max / 10 else {
                    length = -1
                    break
                }
                length = length * 10 + Int(byte - 0x30)
            }
            record.length = value.isEmpty ? -1 : length
        case 12 where nameIs(name, "Content-Type"): record.contentType = text()
        case 14 where nameIs(name, "WARC-Record-ID"): record.recordID = text()
        case 15 where nameIs(name, "WARC-Target-URI"):
            var uri = text()
            if uri.hasPrefix("<") && uri.hasSuffix(">") { uri = String(uri.dropFirst().dropLast()) }
            record.targetURI = uri
        case 19 where nameIs(name, "WARC-Payload-Digest"): record.payloadDigest = text()
        default: break
        }
    }
}
