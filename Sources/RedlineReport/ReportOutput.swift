import RedlineDiff

/// Where a report's bytes go while it is rendered: kept in memory, or handed on in chunks of
/// 64 KiB to a writer (a file, standard output), so that the report of a large diff never sits
/// in memory whole and is never copied as it grows.
public struct ReportOutput {
    /// Receives each full chunk, and the rest when the output is finished.
    public typealias Writer = (UnsafeRawBufferPointer) -> Void

    private var buffer: [UInt8] = []
    private let writer: Writer?
    /// The last byte appended, or nil before the first.
    public private(set) var lastByte: UInt8?

    private static let chunkSize = 1 << 16

    /// An output that keeps everything in memory; read it with ``bytes``.
    public init() {
        writer = nil
    }

    /// An output that passes chunks to `writer`; call ``finish()`` at the end.
    public init(writer: @escaping Writer) {
        self.writer = writer
        buffer.reserveCapacity(Self.chunkSize + 4096)
    }

    /// Everything appended so far (in memory), or what is not yet written (with a writer).
    public var bytes: [UInt8] { buffer }

    /// Appends one byte.
    public mutating func append(_ byte: UInt8) {
        buffer.append(byte)
        lastByte = byte
        if buffer.count >= Self.chunkSize { flush() }
    }

    /// Appends the UTF-8 of `text`.
    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends raw bytes.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let last = bytes.last else { return }
        if let writer, buffer.count + bytes.count >= Self.chunkSize {
            flush()
            if bytes.count >= Self.chunkSize {
                writer(bytes)
                lastByte = last
                return
            }
        }
        buffer.append(contentsOf: bytes)
        lastByte = last
    }

    /// Appends UTF-8 bytes.
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(UnsafeRawBufferPointer(bytes)) }

    /// Appends `bytes[range]`.
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[range])))
    }

    /// Appends `text[range]`.
    public mutating func append(_ text: TextBytes, _ range: Range<Int>) {
        text.withBytes { append($0, range) }
    }

    /// Writes what is buffered (with a writer; in memory this does nothing).
    public mutating func finish() { flush() }

    private mutating func flush() {
        guard let writer, !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { writer($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A report format: renders a comparison into a ``ReportOutput``.
public protocol ReportRenderer {
    /// Renders `comparison` into `output`.
    func render(_ comparison: Comparison, into output: inout ReportOutput)
}

extension ReportRenderer {
    /// Renders `comparison` in memory.
    public func render(_ comparison: Comparison) -> [UInt8] {
        var output = ReportOutput()
        render(comparison, into: &output)
        return output.bytes
    }
}
