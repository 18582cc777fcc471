import Foundation

/// The portable dump: one JSON object per line and per revision, oldest first within each
/// article, that `import` turns back into the same store (same texts, times, metadata, order).
///
/// ```json
/// {"article":"flood","revision":2,"captured_at":1795521600,"sha256":"…","metadata":{"headline":"…"},"text":"…"}
/// ```
public enum Dump {
    /// One line of a dump.
    public struct Record: Codable, Sendable, Equatable {
        /// The article's key.
        public var article: String
        /// The revision's number.
        public var revision: Int
        /// Seconds since 1970, as stored (to the millisecond, so times round-trip exactly);
        /// `captured_at` in JSON.
        public var capturedAt: Double
        /// The text's SHA-256, hex: checked on import.
        public var sha256: String
        /// The page metadata, when the revision had any.
        public var metadata: RevisionMetadata?
        /// The revision's text.
        public var text: String
        /// The dump format's version, on every line (`schema_version`; absent in dumps written
        /// before it existed, which read as version 1).
        public var schemaVersion: Int? = Dump.schemaVersion

        enum CodingKeys: String, CodingKey {
            case article, revision, sha256, metadata, text
            case capturedAt = "captured_at"
            case schemaVersion = "schema_version"
        }
    }

    /// The version of the dump format this build writes.
    public static let schemaVersion = 1

    /// Writes every revision of every article, one line each, through `write`.
    public static func export(_ store: any RevisionStore, write: (String) -> Void) throws(StoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for article in try store.articles() {
            let key = ArticleKey(article.key)
            for (revision, text) in try store.history(of: key) {
                let record = Record(
                    article: article.key, revision: revision.number,
                    capturedAt: revision.capturedAt.timeIntervalSince1970, sha256: sha256Hex(text),
                    metadata: revision.metadata == RevisionMetadata() ? nil : revision.metadata,
                    text: String(decoding: text, as: UTF8.self))
                guard let data = try? encoder.encode(record) else {
                    throw StoreError(.database("could not encode \(article.key)@\(revision.number)"))
                }
                write(String(decoding: data, as: UTF8.self))
            }
        }
    }

    /// One dump line for a text (for generators, tests and benchmarks).
    public static func line(
        article: String, revision: Int, capturedAt: Date, text: String, metadata: RevisionMetadata? = nil
    ) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let record = Record(
            article: article, revision: revision, capturedAt: capturedAt.timeIntervalSince1970,
            sha256: sha256Hex(Array(text.utf8)), metadata: metadata, text: text)
        return (try? encoder.encode(record)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Parses one line of a dump, checking the text against its hash.
    public static func record(_ line: Substring, number: Int) throws(StoreError) -> NewRevision {
        try decode(Data(line.utf8), number: number).revision
    }

    /// One line of a dump as its record and the revision to add, the text checked against its hash.
    static func decode(_ line: Data, number: Int) throws(StoreError) -> (record: Record, revision: NewRevision) {
        guard let record = try? JSONDecoder().decode(Record.self, from: line) else {
            throw StoreError(.invalidDump(line: number, detail: "not a revision record"))
        }
        if let version = record.schemaVersion, version > schemaVersion {
            throw StoreError(
                .invalidDump(
                    line: number,
                    detail:
                        "written by a newer Redline (schema_version \(version); this one reads up to \(schemaVersion))")
            )
        }
        let text = Array(record.text.utf8)
        guard sha256Hex(text) == record.sha256 else {
            throw StoreError(.invalidDump(line: number, detail: "the text does not match its sha256 (a damaged dump)"))
        }
        let revision = NewRevision(
            text: text, article: ArticleKey(record.article),
            capturedAt: Date(timeIntervalSince1970: record.capturedAt), metadata: record.metadata ?? .init())
        return (record, revision)
    }
}
