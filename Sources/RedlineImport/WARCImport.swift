import Foundation
import RedlineIngest
import RedlineStore

/// Imports the captures in WARC files into the store: every `response` record holding an HTML
/// page becomes a revision of the article at its (canonicalised) `WARC-Target-URI`, dated by
/// its `WARC-Date`, in date order per article. Revisits and captures identical to the one before
/// add nothing. Memory stays constant whatever the archives' size: records are read one at a
/// time, and the extracted articles wait in a spool file (with a small index in memory) until
/// they can be added in date order.
public final class WARCImport {
    /// What an import did.
    public struct Report: Sendable {
        /// Records read (all types).
        public var records = 0
        /// Uncompressed WARC bytes read.
        public var bytes: Int64 = 0
        /// Pages extracted.
        public var captures = 0
        /// `revisit` records (added nothing).
        public var revisits = 0
        /// Captures equal to the previous capture of their article (added nothing).
        public var duplicates = 0
        /// Captures no newer than the article's latest revision already in the store (an archive
        /// imported again, or overlapping archives): added nothing.
        public var alreadyStored = 0
        /// Responses that are not captures of a page: redirects and errors, by status.
        public var notPages = 0
        /// Revisions added to the store.
        public var added = 0
        /// Articles that received at least one capture.
        public var articles = 0
        /// Records or parts of files that could not be imported, each with its file and offset.
        public var skipped: [String] = []
    }

    /// Progress while reading.
    public struct Progress: Sendable {
        /// WARC records read.
        public var records: Int
        /// Bytes read from the archives.
        public var bytes: Int64
        /// Articles that received revisions.
        public var articles: Int
        /// Captures that were web pages with an article.
        public var captures: Int
        /// Wall-clock seconds so far.
        public var seconds: Double
    }

    private let store: any RevisionStore
    private let spool: Spool
    private var index: [Spool.Entry] = []
    private var keys: [String] = []
    private var keyIDs: [String: Int32] = [:]
    /// Target URIs seen lately and their article (at most 100,000).
    private var uriKeyIDs: [String: Int32] = [:]
    private var report = Report()

    private let workers: Int

    /// An import into `store` (which must be writable), extracting pages on `workers` threads.
    public init(store: any RevisionStore, workers: Int = ProcessInfo.processInfo.activeProcessorCount)
        throws(StoreError)
    {
        self.store = store
        self.workers = max(1, workers)
        spool = try Spool()
    }

    /// Reads every file, then adds the captures in date order per article.
    ///
    /// Records are read in order on this thread and their pages extracted on every core
    /// (``Extraction``): at most ``window`` records and ``windowBytes`` bytes of them are in
    /// flight, and the results are taken back in record order, so an import is the same whatever
    /// the number of cores.
    public func run(_ paths: [String], progress: (Progress) -> Void = { _ in }) throws(StoreError) -> Report {
        let started = Date()
        var lastProgress = Date.distantPast
        var bytesBefore: Int64 = 0
        let extraction = Extraction(workers: workers)
        for path in paths {
            let reader: WARCReader
            do {
                reader = try WARCReader(path: path)
            } catch {
                report.skipped.append(error.description)
                continue
            }
            while true {
                let record: WARCRecord?
                do {
                    record = try reader.next { $0.type == "response" }
                } catch {
                    report.skipped.append(error.description)
                    if case .damagedMember = error.reason {
                        do { try reader.recover() } catch { report.skipped.append(error.description) }
                    }
                    continue
                }
                guard let record else { break }
                report.records += 1
                for done in extraction.submit(record, file: path) { try take(done) }
                if report.records % 64 == 0, Date().timeIntervalSince(lastProgress) > 0.2 {
                    lastProgress = Date()
                    progress(
                        Progress(
                            records: report.records, bytes: bytesBefore + reader.bytesDecoded, articles: keys.count,
                            captures: report.captures, seconds: Date().timeIntervalSince(started)))
                }
            }
            bytesBefore += reader.bytesDecoded
        }
        for done in extraction.finish() { try take(done) }
        report.bytes = bytesBefore
        report.articles = keys.count
        try addInOrder()
        return report
    }

    /// Records whose extraction may be under way at once, and their bytes (one record always may).
    static let window = 16
    static let windowBytes = 32 << 20

    /// What one record gave: worked out on any thread, taken in record order.
    enum Extracted: Sendable {
        case revisit
        case ignored
        case notPage
        case skipped(String)
        case capture(uri: String, date: Double, text: [UInt8], metadata: RevisionMetadata)
    }

    /// Parses a `response` record's HTTP message and extracts the article of its page.
    static func extract(_ record: WARCRecord, file: String) -> Extracted {
        switch record.type {
        case "revisit": return .revisit
        case "response": break
        default: return .ignored
        }
        let place = "\(file) at offset \(record.offset)"
        guard let uri = record.targetURI, let block = record.block else {
            return .skipped("\(place): a response without a target URI or too large to read")
        }
        let response: HTTPResponse
        do {
            response = try HTTPResponse.parse(block)
        } catch {
            return .skipped("\(place): \(error.description)")
        }
        guard (200..<300).contains(response.status) else { return .notPage }
        guard let type = response.mediaType, type.contains("html") else {
            return .skipped("\(place): not HTML (\(response.mediaType ?? "no Content-Type")), \(uri)")
        }
        let article: Article
        do {
            article = try response.body.withUnsafeBytes { bytes in
                try ArticleReader.read(
                    bytes, format: .html, name: uri, httpContentType: response.header("Content-Type"))
            }
        } catch let error as IngestError {
            return .skipped("\(place): \(error.description)")
        } catch {
            return .skipped("\(place): \(error)")
        }
        guard let date = record.date.flatMap(ISODate.secondsSince1970) else {
            return .skipped("\(place): no readable WARC-Date")
        }
        let text = article.paragraphs.isEmpty ? "" : article.body + "\n"
        return .capture(uri: uri, date: date, text: Array(text.utf8), metadata: RevisionMetadata(article))
    }

    /// Counts what a record gave and spools a capture.
    private func take(_ extracted: Extracted) throws(StoreError) {
        switch extracted {
        case .revisit: report.revisits += 1
        case .ignored: break
        case .notPage: report.notPages += 1
        case .skipped(let message): report.skipped.append(message)
        case .capture(let uri, let date, let text, let metadata):
            report.captures += 1
            let keyID: Int32
            if let known = uriKeyIDs[uri] {
                keyID = known  // the same URI captured again: not canonicalised again
            } else {
                let key = ArticleKey(uri).value
                if let known = keyIDs[key] {
                    keyID = known
                } else {
                    keyID = Int32(keys.count)
                    keys.append(key)
                    keyIDs[key] = keyID
                }
                if uriKeyIDs.count >= 100_000 { uriKeyIDs.removeAll(keepingCapacity: true) }
                uriKeyIDs[uri] = keyID
            }
            index.append(try spool.append(key: keyID, date: date, text: text, metadata: metadata))
        }
    }

    /// Adds the spooled captures by article and date, 256 per transaction, skipping a capture equal
    /// (text and metadata) to the one before it; each batch is compressed on the other cores
    /// while the one before is written.
    private func addInOrder() throws(StoreError) {
        index.sort { ($0.key, $0.date, $0.sequence) < ($1.key, $1.date, $1.sequence) }
        var position = 0
        var previous: Spool.Entry?
        var storedUntil: (key: Int32, date: Double)?
        func nextBatch() throws(StoreError) -> [NewRevision]? {
            var batch: [NewRevision] = []
            while position < index.count, batch.count < 256 {
                let entry = index[position]
                position += 1
                defer { previous = entry }
                if storedUntil?.key != entry.key {
                    let latest = try store.latestRevision(of: ArticleKey(keys[Int(entry.key)]))
                    storedUntil = (entry.key, latest?.capturedAt.timeIntervalSince1970 ?? -.infinity)
                }
                if let storedUntil, entry.date <= storedUntil.date {
                    report.alreadyStored += 1
                    continue
                }
                if let previous, previous.key == entry.key, previous.hash == entry.hash {
                    report.duplicates += 1
                    continue
                }
                let (text, metadata) = try spool.read(entry)
                batch.append(
                    NewRevision(
                        text: text, article: ArticleKey(keys[Int(entry.key)]),
                        capturedAt: Date(timeIntervalSince1970: entry.date), metadata: metadata))
            }
            return batch.isEmpty ? nil : batch
        }
        try store.add(batches: nextBatch) { results throws(StoreError) in
            for result in results {
                switch result {
                case .added: report.added += 1
                case .unchanged: report.duplicates += 1
                }
            }
        }
    }
}

/// Extracted captures waiting to be added in order: a temporary file of records and, per
/// record, a small index entry kept in memory.
final class Spool {
    struct Entry {
        var key: Int32
        var date: Double
        var sequence: Int32
        var hash: UInt64
        var offset: Int64
        var length: Int32
    }

    private let handle: FileHandle
    private let path: String
    private var size: Int64 = 0
    private var count: Int32 = 0
    /// Records not yet written: appended a megabyte at a time, not a write per record.
    private var buffer: [UInt8] = []
    private static let bufferLimit = 1 << 20

    init() throws(StoreError) {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("redline-spool-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forUpdatingAtPath: path)
        else {
            throw StoreError(.database("cannot create a spool file in \(FileManager.default.temporaryDirectory.path)"))
        }
        self.handle = handle
        unlink(path)  // gone when closed, whatever happens
    }

    deinit { try? handle.close() }

    func append(key: Int32, date: Double, text: [UInt8], metadata: RevisionMetadata) throws(StoreError) -> Entry {
        let meta = Array((metadata.json ?? "").utf8)
        let length = 8 + meta.count + text.count
        if buffer.count + length > Self.bufferLimit { try flush() }
        for value in [UInt32(meta.count), UInt32(text.count)] {
            withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
        }
        buffer += meta
        buffer += text
        // FNV-1a over the metadata, a separator and the text, without joining them.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in [meta, [0], text] {
            part.withUnsafeBufferPointer { bytes in
                for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            }
        }
        let entry = Entry(key: key, date: date, sequence: count, hash: hash, offset: size, length: Int32(length))
        size += Int64(length)
        count += 1
        return entry
    }

    /// Writes the records buffered so far.
    private func flush() throws(StoreError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: buffer)
        } catch {
            throw StoreError(.database("the spool file could not be written: \(error)"))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func read(_ entry: Entry) throws(StoreError) -> (text: [UInt8], metadata: RevisionMetadata) {
        try flush()
        let data: Data
        do {
            try handle.seek(toOffset: UInt64(entry.offset))
            data = try handle.read(upToCount: Int(entry.length)) ?? Data()
        } catch {
            throw StoreError(.database("the spool file could not be read: \(error)"))
        }
        let bytes = [UInt8](data)
        guard bytes.count == Int(entry.length), bytes.count >= 8 else {
            throw StoreError(.database("the spool file is short"))
        }
        let metaCount = Int(UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24)
        let meta = String(decoding: bytes[8..<8 + metaCount], as: UTF8.self)
        return (Array(bytes[(8 + metaCount)...]), RevisionMetadata.from(json: meta.isEmpty ? nil : meta))
    }
}
