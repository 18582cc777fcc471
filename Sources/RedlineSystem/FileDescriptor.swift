#if os(Linux)
    import Glibc
#endif

/// An open file: reads and writes that retry interruptions and short transfers, its status,
/// memory mapping. Closed explicitly (``close()``), like a file descriptor.
public struct FileDescriptor: Sendable, Equatable {
    /// The descriptor number.
    public let rawValue: Int32

    /// A descriptor that is already open.
    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// Standard input.
    public static let standardInput = FileDescriptor(rawValue: STDIN_FILENO)
    /// Standard output.
    public static let standardOutput = FileDescriptor(rawValue: STDOUT_FILENO)
    /// Standard error.
    public static let standardError = FileDescriptor(rawValue: STDERR_FILENO)

    /// How a file is opened.
    public enum Access: Sendable {
        /// For reading.
        case reading
        /// For writing, in place (devices and pipes: nothing is created or truncated).
        case writing
    }

    /// Opens `path` (close-on-exec).
    public static func open(_ path: String, for access: Access) throws(SystemError) -> FileDescriptor {
        let flags = (access == .reading ? O_RDONLY : O_WRONLY) | O_CLOEXEC
        let fd = Glibc.open(path, flags)
        guard fd >= 0 else { throw SystemError.current }
        return FileDescriptor(rawValue: fd)
    }

    /// Creates a new, empty, private file next to `path` (`.NAME.redline-XXXXXX`): the file a
    /// safe overwrite writes before renaming it into place. Its descriptor and its path.
    public static func temporary(beside path: String) throws(SystemError) -> (FileDescriptor, path: String) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { path[..<$0].isEmpty ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(directory)/.\(name).redline-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw SystemError.current }
        let created = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (FileDescriptor(rawValue: fd), created)
    }

    /// Closes the descriptor; a failure here can mean data did not reach the disk.
    public func close() throws(SystemError) {
        guard Glibc.close(rawValue) == 0 else { throw SystemError.current }
    }

    /// Reads what is available into `buffer` (0 at the end), retrying interruptions.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        while true {
            let count = Glibc.read(rawValue, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw SystemError.current }
        }
    }

    /// Fills `buffer` unless the file ends first; how much was read.
    public func readFully(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        var done = 0
        while done < buffer.count {
            let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[done...]))
            if count == 0 { break }
            done += count
        }
        return done
    }

    /// Writes all of `buffer`, retrying short writes and interruptions.
    public func write(_ buffer: UnsafeRawBufferPointer) throws(SystemError) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let count = Glibc.write(rawValue, base + offset, buffer.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemError.current
            }
            offset += count
        }
    }

    /// Flushes the file to the disk (a no-op on descriptors that cannot be synced, like pipes).
    public func sync() throws(SystemError) {
        guard fsync(rawValue) == 0 || errno == EINVAL else { throw SystemError.current }
    }

    /// Sets the permission bits (`0o644`).
    public func setPermissions(_ mode: UInt32) {
        _ = fchmod(rawValue, mode_t(mode))
    }

    /// The open file's kind, size and permissions.
    public func status() throws(SystemError) -> FileStatus {
        var info = stat()
        guard fstat(rawValue, &info) == 0 else { throw SystemError.current }
        return FileStatus(info)
    }

    /// Whether it is a terminal.
    public var isTerminal: Bool { isatty(rawValue) == 1 }

    /// Maps `size` bytes of a regular file read-only, pages read up front; nil when the file
    /// cannot be mapped. `unmap` releases the region.
    public func map(size: Int) -> UnsafeBufferPointer<UInt8>? {
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, rawValue, 0),
            address != MAP_FAILED
        else { return nil }
        return UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
    }

    /// Releases a region ``map(size:)`` returned.
    public static func unmap(_ region: UnsafeBufferPointer<UInt8>) {
        _ = munmap(UnsafeMutableRawPointer(mutating: region.baseAddress), region.count)
    }
}

/// What `stat` says of a file.
public struct FileStatus: Sendable, Equatable {
    /// The kinds of file Redline tells apart.
    public enum Kind: Sendable, Equatable {
        /// A regular file.
        case regular
        /// A directory.
        case directory
        /// A pipe, a device, a socket.
        case other
    }

    /// The kind of file.
    public var kind: Kind
    /// Its size in bytes (0 for pipes and most devices).
    public var size: Int
    /// The permission bits.
    public var permissions: UInt32

    init(_ info: stat) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        default: kind = .other
        }
        size = Int(info.st_size)
        permissions = UInt32(info.st_mode & 0o7777)
    }

    /// The status of the file at `path`, following links; nil when it cannot be seen.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }
}

/// Operations on paths.
public enum FileSystem {
    /// Renames `source` to `target` atomically, replacing `target`.
    public static func rename(_ source: String, to target: String) throws(SystemError) {
        guard Glibc.rename(source, target) == 0 else { throw SystemError.current }
    }

    /// Removes a file; silently nothing when it is gone already.
    public static func remove(_ path: String) {
        _ = unlink(path)
    }
}

extension FileSystem {
    /// Whether this process may write `path` (a file or a directory).
    public static func isWritable(_ path: String) -> Bool {
        access(path, W_OK) == 0
    }
}
