import RedlineDiff
import RedlineSystem

/// One side of a comparison: a text read from a file or standard input, checked to be UTF-8
/// text; or a web page or Markdown file, read as the ``Article`` it holds.
public struct TextDocument: Sendable {
    /// What the user called it: the path, or `-` for standard input.
    public let name: String
    /// The text, valid UTF-8: the file itself, or the article's body (paragraphs separated by
    /// blank lines).
    public let bytes: TextBytes
    /// The article read from a page or Markdown, with its metadata; nil for plain text.
    public private(set) var article: Article?
    /// For a page or Markdown file, the file as read (the text is the article's body).
    public private(set) var source: TextBytes?

    /// The largest input Redline reads (1 GiB); larger files are refused rather than half-read.
    public static let sizeLimit = 1 << 30

    /// A document from text already in memory.
    public init(name: String, text: String) {
        self.name = name
        self.bytes = TextBytes(text)
    }

    /// A document from an article: its body is the text.
    public init(name: String, article: Article) {
        self.name = name
        self.bytes = TextBytes(article.paragraphs.isEmpty ? "" : article.body + "\n")
        self.article = article
    }

    /// A document whose text is already known, with the article it came from.
    public init(name: String, text: TextBytes, article: Article?) {
        self.name = name
        self.bytes = text
        self.article = article
    }

    /// A document from a file's contents in `format` (detected from the name and content when nil).
    ///
    /// - Parameters:
    ///   - name: the input's name (a path, `-`, a URL), for messages and format detection.
    ///   - contents: the bytes as read.
    ///   - format: how to read them; nil detects it from the name and content.
    ///   - lenient: read live blogs and section fronts too (for showing what a page holds);
    ///     comparing and storing refuse them.
    /// - Throws: ``InputError`` for invalid, binary or empty input, or a page with no article.
    public init(name: String, contents: TextBytes, format: InputFormat?, lenient: Bool = false) throws(InputError) {
        let format = format ?? contents.withBytes { InputFormat.detect(name: name, bytes: UnsafeRawBufferPointer($0)) }
        guard format != .text else {
            try self.init(name: name, text: contents)
            return
        }
        let result = contents.withBytes { buffer in
            Result { () throws(IngestError) in
                try ArticleReader.read(
                    UnsafeRawBufferPointer(buffer), format: format, name: name, refusingNonArticles: !lenient)
            }
        }
        switch result {
        case .success(let article):
            self.init(name: name, article: article)
            source = contents
        case .failure(let error): throw InputError(name: name, reason: .unreadable(error.description))
        }
    }

    /// A document from bytes, after checking that they are UTF-8 text.
    public init(name: String, bytes: [UInt8]) throws(InputError) {
        try self.init(name: name, text: TextBytes(bytes))
    }

    /// A document from bytes, after checking that they are UTF-8 text.
    public init(name: String, text bytes: TextBytes) throws(InputError) {
        if let problem = bytes.withBytes({ TextValidation.firstProblem(in: $0) }) {
            switch problem {
            case .nul(let offset): throw InputError(name: name, reason: .binary(offset: offset))
            case .invalidUTF8(let offset, let byte):
                throw InputError(name: name, reason: .invalidUTF8(offset: offset, byte: byte))
            }
        }
        self.name = name
        self.bytes = bytes
    }

    /// Reads a file, or standard input when `path` is `-`, as `format` (detected when nil).
    public static func load(_ path: String, format: InputFormat? = nil, lenient: Bool = false) throws(InputError)
        -> TextDocument
    {
        let bytes = path == "-" ? try FileReader.readStandardInput() : try FileReader.read(path)
        return try TextDocument(name: path, contents: bytes, format: format, lenient: lenient)
    }

    /// Reads the two sides of a comparison, the larger ones at the same time on two threads.
    /// When both fail, the old side's error is the one thrown.
    public static func load(_ old: String, _ new: String, format: InputFormat? = nil) throws(InputError) -> (
        old: TextDocument, new: TextDocument
    ) {
        let parallel = old != "-" && new != "-" && FileReader.size(old) + FileReader.size(new) >= parallelThreshold
        let (oldResult, newResult) = ForkJoin.run(
            parallel: parallel,
            { Result { () throws(InputError) in try load(old, format: format) } },
            { Result { () throws(InputError) in try load(new, format: format) } })
        return (try oldResult.get(), try newResult.get())
    }

    /// Inputs at least this large together (bytes) are read on two threads.
    static let parallelThreshold = 1 << 20
}

/// Why an input could not be used, with what to do about it.
public struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        case notFound
        case isDirectory
        case permissionDenied
        case tooLarge(size: Int)
        case binary(offset: Int)
        case invalidUTF8(offset: Int, byte: UInt8)
        case readFailed(errno: Int32)
        /// A page or Markdown file that holds no readable article; the message says why.
        case unreadable(String)
    }

    /// The input's name as the user gave it.
    public let name: String
    /// What went wrong.
    public let reason: Reason

    /// What went wrong and what to do, in one sentence.
    public var description: String {
        switch reason {
        case .notFound:
            "\(name): no such file. Check the path, or use '-' to read standard input."
        case .isDirectory:
            "\(name): is a directory. Give a file for each side of the comparison."
        case .permissionDenied:
            "\(name): permission denied. Check the file's permissions (ls -l \(name))."
        case .tooLarge(let size):
            "\(name): \(size) bytes is over the \(TextDocument.sizeLimit >> 20) MiB limit. Split the file first."
        case .binary(let offset):
            "\(name): looks like a binary file (NUL byte at offset \(offset)). Redline compares text."
        case .invalidUTF8(let offset, let byte):
            "\(name): not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset)). "
                + "Convert it first, e.g. iconv -f windows-1252 -t utf-8 \(name)."
        case .unreadable(let message):
            message
        case .readFailed(let code):
            "\(name): read failed (\(SystemError(code: code))). Check the disk and try again."
        }
    }
}

/// Whole-file reads: one status call, one buffer (or a mapping), no copies.
enum FileReader {
    static func read(_ path: String) throws(InputError) -> TextBytes {
        let file: FileDescriptor
        do {
            file = try FileDescriptor.open(path, for: .reading)
        } catch {
            throw Self.error(path, error)
        }
        defer { try? file.close() }
        do {
            let status = try file.status()
            if status.kind == .directory { throw InputError(name: path, reason: .isDirectory) }
            if status.size > TextDocument.sizeLimit {
                throw InputError(name: path, reason: .tooLarge(size: status.size))
            }
            if status.kind != .regular || status.size == 0 {
                return TextBytes(try readStream(file, name: path))  // pipes, devices, /proc files report no size
            }
            if status.size >= mapThreshold, let region = file.map(size: status.size) {
                return TextBytes(adopting: region) { FileDescriptor.unmap($0) }
            }
            let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: status.size, alignment: 16)
            let done: Int
            do {
                // A file that shrank while being read gives what is there.
                done = try file.readFully(into: storage)
            } catch {
                storage.deallocate()
                throw error
            }
            let buffer = UnsafeBufferPointer(
                start: storage.baseAddress?.assumingMemoryBound(to: UInt8.self), count: done)
            return TextBytes(adopting: buffer) {
                $0.baseAddress.map { UnsafeMutableRawPointer(mutating: $0).deallocate() }
            }
        } catch let error as InputError {
            throw error
        } catch let error as SystemError {
            throw Self.error(path, error)
        } catch {
            throw InputError(name: path, reason: .unreadable("\(path): \(error)"))
        }
    }

    /// The size of the regular file at `path`, or 0 when it cannot be seen.
    static func size(_ path: String) -> Int {
        FileStatus(path: path)?.size ?? 0
    }

    /// Files at least this large are mapped into memory instead of copied (as git does).
    static let mapThreshold = 1 << 16

    static func readStandardInput() throws(InputError) -> TextBytes {
        TextBytes(try readStream(.standardInput, name: "-"))
    }

    static func readStream(_ file: FileDescriptor, name: String) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count: Int
            do {
                count = try chunk.withUnsafeMutableBytes { try file.read(into: $0) }
            } catch let error as SystemError {
                throw Self.error(name, error)
            } catch {
                throw InputError(name: name, reason: .unreadable("\(name): \(error)"))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            // A stream that starts like a binary file (`/dev/zero`, an image piped in) is refused as
            // soon as that shows, not after reading up to the size limit: a NUL in the first 8 KiB
            // (as `ArticleReader` decides; UTF-16 pages, which start with a byte-order mark, aside).
            if bytes.count - count < 8192, let nul = bytes.withUnsafeBytes({ ArticleReader.leadingNUL($0) }) {
                throw InputError(name: name, reason: .binary(offset: nul))
            }
            if bytes.count > TextDocument.sizeLimit {
                throw InputError(name: name, reason: .tooLarge(size: bytes.count))
            }
        }
        return bytes
    }

    private static func error(_ path: String, _ error: SystemError) -> InputError {
        if error.isNotFound { return InputError(name: path, reason: .notFound) }
        if error.isPermissionDenied { return InputError(name: path, reason: .permissionDenied) }
        if error.isDirectory { return InputError(name: path, reason: .isDirectory) }
        return InputError(name: path, reason: .readFailed(errno: error.code))
    }
}
