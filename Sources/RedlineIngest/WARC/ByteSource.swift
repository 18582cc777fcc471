import RedlineSystem
import RedlineZlib

/// Bytes read in order from a file, decompressed when it is gzip: what the WARC reader reads.
protocol ByteSource: AnyObject {
    /// Fills `buffer` with the next bytes; 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int
    /// Where, in the file, the bytes at decompressed `offset` start: the gzip member's offset
    /// for a compressed file, the offset itself otherwise.
    func fileOffset(ofDecompressed offset: Int64) -> Int64
    /// After damage: skips to the next point reading can resume from (the next gzip member).
    /// Returns false when there is none.
    func resynchronise() throws(ArchiveError) -> Bool
    /// Bytes of the file consumed so far.
    var bytesRead: Int64 { get }
    /// The first decompressed offset in `range` where a gzip member begins (nil for a plain file):
    /// a record's block that runs into the next member is cut short there.
    func memberStart(in range: Range<Int64>) -> Int64?
    /// The bytes still to be read, when known (a plain regular file); nil for gzip, whose
    /// decompressed size is not known in advance.
    var bytesLeft: Int64? { get }
}

/// Why an archive could not be read (or part of it), with the offset in the file.
public struct ArchiveError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Why an archive could not be read.
    public enum Reason: Sendable, Equatable {
        case cannotOpen(String)
        case readFailed(String)
        /// A gzip member is damaged or cut short.
        case damagedMember(String)
        /// A record does not start with `WARC/1.x` and a header block.
        case badRecordHeader(String)
        /// The file ends inside a record.
        case truncatedRecord
    }

    /// What went wrong.
    public let reason: Reason
    /// The byte offset in the file: of the gzip member, or of the record in a plain file.
    public let offset: Int64
    /// The archive's path.
    public let file: String

    /// What went wrong, where, and what to do.
    public var description: String {
        let place = "\(file) at offset \(offset)"
        switch reason {
        case .cannotOpen(let why): return "\(file): cannot open (\(why))"
        case .readFailed(let why): return "\(place): read failed (\(why))"
        case .damagedMember(let why): return "\(place): damaged gzip member (\(why)); skipped to the next member"
        case .badRecordHeader(let why): return "\(place): not a WARC record (\(why)); skipped to the next record"
        case .truncatedRecord: return "\(place): the file ends inside this record"
        }
    }
}

/// A plain file, read in 1 MiB chunks.
final class FileSource: ByteSource {
    let file: FileDescriptor
    let name: String
    private(set) var bytesRead: Int64 = 0
    /// The file's size when it is a regular file (not a pipe or a device).
    private let size: Int64?

    init(path: String) throws(ArchiveError) {
        name = path
        do {
            file = try FileDescriptor.open(path, for: .reading)
        } catch {
            throw ArchiveError(reason: .cannotOpen(error.description), offset: 0, file: path)
        }
        let status = try? file.status()
        size = status.flatMap { $0.kind == .regular ? Int64($0.size) : nil }
    }

    var bytesLeft: Int64? { size.map { max(0, $0 - bytesRead) } }

    deinit { try? file.close() }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        do {
            let count = try file.read(into: buffer)
            bytesRead += Int64(count)
            return count
        } catch {
            throw ArchiveError(reason: .readFailed(error.description), offset: bytesRead, file: name)
        }
    }

    func fileOffset(ofDecompressed offset: Int64) -> Int64 { offset }

    func memberStart(in range: Range<Int64>) -> Int64? { nil }

    func resynchronise() throws(ArchiveError) -> Bool { true }
}

/// A multi-member gzip file (`.warc.gz`: one member per record), inflated with one zlib state
/// reset between members. Records the file offset where each member starts, so errors and
/// records can be located the way WARC indexes (CDX) locate them.
final class GzipSource: ByteSource {
    private let file: FileSource
    private let inflater: StreamInflater
    private var input: [UInt8] = Array(repeating: 0, count: 1 << 20)
    private var inputStart = 0
    private var inputEnd = 0
    /// File offset of `input[inputStart]`.
    private var compressedOffset: Int64 = 0
    private var decompressedOffset: Int64 = 0
    /// A member has begun and not ended.
    private var inMember = false
    /// (decompressed offset, file offset) where each recent member began.
    private var members: [(decompressed: Int64, file: Int64)] = []
    private var atEnd = false

    var bytesRead: Int64 { file.bytesRead }
    var bytesLeft: Int64? { nil }

    init(path: String) throws(ArchiveError) {
        file = try FileSource(path: path)
        do {
            inflater = try StreamInflater(format: .gzip)
        } catch {
            throw ArchiveError(reason: .readFailed(error.description), offset: 0, file: path)
        }
    }

    private func refill() throws(ArchiveError) {
        if inputStart > 0 {
            let remaining = inputEnd - inputStart
            if remaining > 0 {
                input.withUnsafeMutableBytes {
                    $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[inputStart..<inputEnd]))
                }
            }
            inputStart = 0
            inputEnd = remaining
        }
        let n = try input.withMutableBytes { buffer throws(ArchiveError) in
            try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[inputEnd...]))
        }
        if n == 0 { atEnd = true }
        inputEnd += n
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        while true {
            if inputStart == inputEnd {
                if atEnd {
                    if inMember {
                        inMember = false
                        throw ArchiveError(
                            reason: .damagedMember("it ends before its end"), offset: members.last?.file ?? 0,
                            file: file.name)
                    }
                    return 0
                }
                try refill()
                continue
            }
            if !inMember {
                inMember = true
                members.append((decompressedOffset, compressedOffset))
                if members.count > 4096 { members.removeFirst(2048) }
            }
            let step: StreamInflater.Step
            do {
                step = try input.withBytes { bytes throws(ZlibError) in
                    try inflater.inflate(UnsafeRawBufferPointer(rebasing: bytes[inputStart..<inputEnd]), into: buffer)
                }
            } catch {
                throw ArchiveError(
                    reason: .damagedMember(error.description), offset: members.last?.file ?? 0, file: file.name)
            }
            inputStart += step.consumed
            compressedOffset += Int64(step.consumed)
            decompressedOffset += Int64(step.produced)
            if step.streamEnded {
                inflater.reset()
                inMember = false
            }
            if step.produced > 0 { return step.produced }
            if step.consumed == 0 && !step.streamEnded {
                // zlib needs more input than is buffered.
                if atEnd {
                    inMember = false
                    throw ArchiveError(
                        reason: .damagedMember("it ends before its end"), offset: members.last?.file ?? 0,
                        file: file.name)
                }
                try refill()
            }
        }
    }

    func fileOffset(ofDecompressed offset: Int64) -> Int64 {
        var found = members.first?.file ?? 0
        for member in members.reversed() where member.decompressed <= offset {
            found = member.file
            break
        }
        return found
    }

    func memberStart(in range: Range<Int64>) -> Int64? {
        members.first { range.contains($0.decompressed) }?.decompressed
    }

    /// Scans for the next gzip header (`1F 8B 08`) after the damaged member's start.
    func resynchronise() throws(ArchiveError) -> Bool {
        inflater.reset()
        inMember = false
        let damagedStart = members.last?.file ?? compressedOffset
        while true {
            // Search the buffered input, never at the damaged member's own first byte.
            var index = inputStart
            while index + 2 < inputEnd {
                if input[index] == 0x1F, input[index + 1] == 0x8B, input[index + 2] == 0x08,
                    compressedOffset + Int64(index - inputStart) > damagedStart
                {
                    compressedOffset += Int64(index - inputStart)
                    inputStart = index
                    return true
                }
                index += 1
            }
            let skipped = max(0, inputEnd - inputStart - 2)
            compressedOffset += Int64(skipped)
            inputStart += skipped
            if atEnd {
                compressedOffset += Int64(inputEnd - inputStart)
                inputStart = inputEnd
                return false
            }
            try refill()
        }
    }
}
