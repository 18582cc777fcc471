internal import CZlib

/// A streaming inflater: input in, output out, in whatever pieces the caller has, with one zlib
/// state reused from stream to stream (`reset()`), as multi-member gzip files (WARC) need.
///
/// The `z_stream` lives at a fixed address (zlib's state points back to it).
public final class StreamInflater {
    private let stream: UnsafeMutablePointer<z_stream>
    /// The container it reads.
    public let format: ZlibFormat

    /// An inflater for a stream in `format`.
    public init(format: ZlibFormat) throws(ZlibError) {
        self.format = format
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = CZlib_inflateInit2(stream, format.windowBits)
        guard status == Z_OK else {
            stream.deinitialize(count: 1).deallocate()
            throw ZlibError(reason: status == Z_MEM_ERROR ? .outOfMemory : .status(status))
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1).deallocate()
    }

    /// What one call did.
    public struct Step: Sendable {
        /// Input bytes used.
        public var consumed: Int
        /// Output bytes written.
        public var produced: Int
        /// The compressed stream (a gzip member) ended; call `reset()` before the next one.
        public var streamEnded: Bool
    }

    /// Inflates as much of `input` as fits into `output`.
    public func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(ZlibError)
        -> Step
    {
        stream.pointee.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = UInt32(input.count)
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = UInt32(output.count)
        let status = CZlib.inflate(stream, Z_NO_FLUSH)
        let step = Step(
            consumed: input.count - Int(stream.pointee.avail_in),
            produced: output.count - Int(stream.pointee.avail_out),
            streamEnded: status == Z_STREAM_END)
        switch status {
        case Z_OK, Z_STREAM_END: return step
        case Z_BUF_ERROR: return step  // no progress possible with this input or output: the caller supplies more
        case Z_DATA_ERROR:
            throw ZlibError(reason: .corrupt(stream.pointee.msg.map { String(cString: $0) } ?? "invalid deflate data"))
        case Z_MEM_ERROR: throw ZlibError(reason: .outOfMemory)
        case Z_NEED_DICT: throw ZlibError(reason: .dictionaryMismatch)
        default: throw ZlibError(reason: .status(status))
        }
    }

    /// Starts a new stream with the same state (no reallocation).
    public func reset() {
        inflateReset(stream)
    }
}
