#if os(Linux)
    import Glibc
#endif

/// The C library's byte search and comparison (vectorised), for the hot loops of fact
/// extraction.
public enum ByteSearch {
    /// The first `byte` in `count` bytes from `start`, or nil.
    @inline(__always)
    public static func first(_ byte: UInt8, from start: UnsafeRawPointer, count: Int) -> UnsafeRawPointer? {
        UnsafeRawPointer(memchr(start, Int32(byte), count))
    }

    /// `memcmp`: negative, zero or positive as `a`'s first `count` bytes sort before, equal or after `b`'s.
    @inline(__always)
    public static func compare(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Int32 {
        memcmp(a, b, count)
    }
}
