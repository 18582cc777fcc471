import Foundation
import RedlineSystem

/// The lines of a dump read from a file or a pipe in 1 MiB chunks: whatever the file's size,
/// memory holds one chunk and the longest line, never the file.
struct DumpLines {
    private let file: FileDescriptor
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the next line break resumes: a long line is scanned once, not again
    /// after every chunk.
    private var scanned = 0
    private var ended = false
    private let chunk: Int
    /// Bytes read from the file so far.
    private(set) var bytesRead: Int64 = 0

    /// The longest line accepted: a revision's text is at most 1 GiB, and JSON escaping can
    /// double it.
    static let lineLimit = 2 << 30 + 1 << 20

    init(_ file: FileDescriptor, chunk: Int = 1 << 20) {
        self.file = file
        self.chunk = max(1, chunk)
    }

    /// The next line without its line break (blank lines skipped), or nil at the end.
    mutating func next(number: Int) throws(StoreError) -> Data? {
        while true {
            if let newline = buffer[max(start, scanned)...].firstIndex(of: 0x0A) {
                let line = buffer[start..<newline]
                start = newline + 1
                scanned = start
                if Self.isBlank(line) { continue }
                return Data(line)
            }
            if ended {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                return Self.isBlank(line) ? nil : Data(line)
            }
            scanned = buffer.count
            guard buffer.count - start <= Self.lineLimit else {
                throw StoreError(.invalidDump(line: number, detail: "a line longer than 2 GiB"))
            }
            try refill()
        }
    }

    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }
    }

    private mutating func refill() throws(StoreError) {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            scanned -= start
            start = 0
        }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        do {
            let count = try buffer.withUnsafeMutableBytes { bytes throws(SystemError) in
                try file.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[old...]))
            }
            buffer.removeLast(chunk - count)
            bytesRead += Int64(count)
            if count == 0 { ended = true }
        } catch {
            buffer.removeLast(chunk)
            throw StoreError(.database("the dump could not be read: \(error)"))
        }
    }
}
