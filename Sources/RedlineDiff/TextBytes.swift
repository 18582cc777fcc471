/// The immutable UTF-8 bytes of one text, shared between a diff, its hunks and its reports
/// without copying.
///
/// The storage is either an array copied in, or memory handed over by the caller (a file mapped
/// into memory, say) together with the function that releases it.
public final class TextBytes: RandomAccessCollection, @unchecked Sendable {
    // @unchecked Sendable: the buffer is never written after init and is released only in deinit.
    private let buffer: UnsafeBufferPointer<UInt8>
    private let release: @Sendable (UnsafeBufferPointer<UInt8>) -> Void

    /// Copies `bytes`.
    public init<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Swift.max(bytes.count, 1))
        _ = storage.initialize(from: bytes)
        buffer = UnsafeBufferPointer(rebasing: storage[0..<bytes.count])
        release = { $0.baseAddress.map { UnsafeMutableRawPointer(mutating: $0).deallocate() } }
    }

    /// Copies the UTF-8 of `string`.
    public convenience init(_ string: String) {
        self.init(Array(string.utf8))
    }

    /// Takes ownership of `buffer`; `release` is called once, when the last reference goes.
    public init(
        adopting buffer: UnsafeBufferPointer<UInt8>, release: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        self.buffer = buffer
        self.release = release
    }

    deinit { release(buffer) }

    /// The first byte's position: always 0.
    public var startIndex: Int { 0 }
    /// One past the last byte's position: the count.
    public var endIndex: Int { buffer.count }
    /// The byte at `position`.
    public subscript(position: Int) -> UInt8 { buffer[position] }

    /// Calls `body` with the bytes in place: they are always contiguous.
    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        try body(buffer)
    }

    /// Calls `body` with the bytes. The pointer must not escape the call.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(buffer)
    }

    /// The bytes in `range` as a string.
    public func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }

    /// The whole text as a string.
    public var string: String { string(0..<buffer.count) }

    /// Appends the bytes in `range` to `output` with one copy.
    public func append(_ range: Range<Int>, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[range]))
    }
}
