#if os(Linux)
    import Glibc
#endif

/// A failed system call: its `errno`, said in the system's words.
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `errno` value.
    public let code: Int32

    /// The error of a call that just failed.
    public static var current: SystemError { SystemError(code: errno) }

    /// A failure with `code`.
    public init(code: Int32) {
        self.code = code
    }

    /// The system's message (`No such file or directory`).
    public var description: String { String(cString: strerror(code)) }

    /// No such file, or a path through something that is not a directory.
    public var isNotFound: Bool { code == ENOENT || code == ENOTDIR }
    /// Not allowed to read or write it.
    public var isPermissionDenied: Bool { code == EACCES || code == EPERM }
    /// A directory where a file was expected.
    public var isDirectory: Bool { code == EISDIR }
    /// The disk, a quota or a file-size limit is full.
    public var isOutOfSpace: Bool { code == ENOSPC || code == EDQUOT || code == EFBIG }
}
