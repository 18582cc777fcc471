internal import CZlib

/// The container around a deflate stream.
public enum ZlibFormat: Sendable {
    /// Bare deflate data, no header or checksum (what Redline's store uses).
    case raw
    /// RFC 1950: a two-byte header and an Adler-32 trailer.
    case zlib
    /// RFC 1952: the gzip member format (`.gz` files, WARC members, HTTP bodies).
    case gzip

    var windowBits: Int32 {
        switch self {
        case .raw: -15
        case .zlib: 15
        case .gzip: 31
        }
    }
}

/// A zlib failure, said in words.
public struct ZlibError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What went wrong.
    public enum Reason: Equatable, Sendable {
        /// The input is not valid compressed data (zlib's `Z_DATA_ERROR`).
        case corrupt(String)
        /// The input ended before the compressed stream did.
        case truncated
        /// The stream was compressed with a preset dictionary that was not supplied or does not match.
        case dictionaryMismatch
        /// Inflating would exceed the caller's output limit (a decompression bomb, or a wrong limit).
        case outputLimitExceeded(limit: Int)
        /// zlib could not allocate memory.
        case outOfMemory
        /// Any other zlib status code.
        case status(Int32)
    }

    /// What went wrong.
    public let reason: Reason

    /// A failure for `reason`.
    public init(reason: Reason) {
        self.reason = reason
    }

    /// What went wrong.
    public var description: String {
        switch reason {
        case .corrupt(let message): "compressed data is corrupt: \(message)"
        case .truncated: "compressed data ends early (truncated file or payload)"
        case .dictionaryMismatch: "compressed data needs a different preset dictionary"
        case .outputLimitExceeded(let limit): "decompressed data would exceed the limit of \(limit) bytes"
        case .outOfMemory: "zlib ran out of memory"
        case .status(let code): "zlib failed with status \(code)"
        }
    }
}

/// One-shot compression and decompression through the system zlib.
///
/// Every zlib call Redline makes goes through this file, so the C types never leak.
public enum Zlib {
    /// Compresses `input`.
    ///
    /// - Parameters:
    ///   - input: the bytes to compress.
    ///   - format: the container to write.
    ///   - level: 0 (store) to 9 (smallest); 6 is zlib's default.
    ///   - dictionary: a preset dictionary (typically a neighbouring revision); the same bytes
    ///     must be given to ``inflate(_:format:dictionary:limit:)``. Not allowed with `.gzip`.
    /// - Returns: the compressed bytes.
    /// - Throws: ``ZlibError`` when zlib refuses the parameters or fails.
    /// - Complexity: O(n) in the size of the input.
    public static func deflate(
        _ input: [UInt8], format: ZlibFormat = .zlib, level: Int = 6, dictionary: [UInt8]? = nil
    ) throws(ZlibError) -> [UInt8] {
        var stream = z_stream()
        let initStatus = CZlib_deflateInit2(&stream, Int32(level), format.windowBits, 8)
        guard initStatus == Z_OK else { throw error(for: initStatus, stream: stream) }
        defer { deflateEnd(&stream) }

        if let dictionary, !dictionary.isEmpty {
            let status = dictionary.withUnsafeBufferPointer { buffer in
                deflateSetDictionary(&stream, buffer.baseAddress, UInt32(buffer.count))
            }
            guard status == Z_OK else { throw error(for: status, stream: stream) }
        }

        let bound = Int(deflateBound(&stream, UInt(input.count)))
        var output = [UInt8](repeating: 0, count: bound)
        let status: Int32 = input.withUnsafeBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw error(for: status, stream: stream) }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// Decompresses `input`, which must hold exactly one complete stream.
    ///
    /// - Parameters:
    ///   - input: the compressed bytes.
    ///   - format: the container they are in.
    ///   - dictionary: the preset dictionary the data was compressed with, if any.
    ///   - limit: the largest output accepted; larger output throws `outputLimitExceeded`
    ///     instead of exhausting memory.
    /// - Returns: the decompressed bytes.
    /// - Throws: ``ZlibError`` for damaged or truncated data, a missing dictionary, or output past
    ///   `limit`.
    /// - Complexity: O(n) in the size of the output.
    public static func inflate(
        _ input: [UInt8], format: ZlibFormat = .zlib, dictionary: [UInt8]? = nil, limit: Int = 1 << 30
    ) throws(ZlibError) -> [UInt8] {
        var stream = z_stream()
        let initStatus = CZlib_inflateInit2(&stream, format.windowBits)
        guard initStatus == Z_OK else { throw error(for: initStatus, stream: stream) }
        defer { inflateEnd(&stream) }

        if format == .raw, let dictionary, !dictionary.isEmpty {
            let status = setInflateDictionary(&stream, dictionary)
            guard status == Z_OK else { throw error(for: status, stream: stream) }
        }

        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: Swift.max(4096, Swift.min(limit + 1, input.count * 4)))
        var status: Int32 = Z_OK
        try input.withUnsafeBufferPointer { (inBuffer) throws(ZlibError) in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = UInt32(inBuffer.count)
            while true {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = UInt32(outBuffer.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return outBuffer.count - Int(stream.avail_out)
                }
                if status == Z_NEED_DICT {
                    guard let dictionary, !dictionary.isEmpty else { throw ZlibError(reason: .dictionaryMismatch) }
                    let dictStatus = setInflateDictionary(&stream, dictionary)
                    guard dictStatus == Z_OK else { throw ZlibError(reason: .dictionaryMismatch) }
                    continue
                }
                if output.count + produced > limit { throw ZlibError(reason: .outputLimitExceeded(limit: limit)) }
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_STREAM_END { break }
                if status == Z_BUF_ERROR && stream.avail_in == 0 { throw ZlibError(reason: .truncated) }
                guard status == Z_OK || status == Z_BUF_ERROR else { throw error(for: status, stream: stream) }
                if stream.avail_in == 0 && produced < chunk.count { throw ZlibError(reason: .truncated) }
            }
        }
        if stream.avail_in != 0 {
            throw ZlibError(reason: .corrupt("\(stream.avail_in) bytes of trailing data after the stream"))
        }
        return output
    }

    private static func setInflateDictionary(_ stream: inout z_stream, _ dictionary: [UInt8]) -> Int32 {
        dictionary.withUnsafeBufferPointer { buffer in
            inflateSetDictionary(&stream, buffer.baseAddress, UInt32(buffer.count))
        }
    }

    private static func error(for status: Int32, stream: z_stream) -> ZlibError {
        switch status {
        case Z_DATA_ERROR:
            let message = stream.msg.map { String(cString: $0) } ?? "invalid deflate data"
            if message.contains("dictionary") { return ZlibError(reason: .dictionaryMismatch) }
            return ZlibError(reason: .corrupt(message))
        case Z_MEM_ERROR: return ZlibError(reason: .outOfMemory)
        case Z_BUF_ERROR: return ZlibError(reason: .truncated)
        default: return ZlibError(reason: .status(status))
        }
    }
}
