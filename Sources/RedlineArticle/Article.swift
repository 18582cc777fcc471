/// An article as Redline sees it: metadata and body paragraphs, whatever the input's format.
public struct Article: Sendable, Equatable, Codable {
    /// The headline.
    public var headline: String?
    /// Who wrote it: names joined by ", " ("Jane Doe, John Roe").
    public var byline: String?
    /// When it was first published, ISO 8601 (UTC when the page gave a time zone).
    public var published: String?
    /// When it was last modified, ISO 8601.
    public var modified: String?
    /// The page's canonical URL.
    public var canonicalURL: String?
    /// The language tag (`en`, `en-GB`).
    public var language: String?
    /// The body, one string per paragraph, whitespace normalised.
    public var paragraphs: [String]
    /// What is odd about the page, when it was read anyway (a live blog, a section front).
    public var warning: String?
    /// For a web page: the encoding it was read in, and why.
    public var encoding: PageEncoding?

    /// An article from its parts.
    /// - Parameters:
    ///   - headline: The headline.
    ///   - byline: Who wrote it.
    ///   - published: When it was first published, ISO 8601.
    ///   - modified: When it was last modified, ISO 8601.
    ///   - canonicalURL: The page's canonical URL.
    ///   - language: The language tag.
    ///   - paragraphs: The body, one string per paragraph.
    public init(
        headline: String? = nil, byline: String? = nil, published: String? = nil, modified: String? = nil,
        canonicalURL: String? = nil, language: String? = nil, paragraphs: [String] = []
    ) {
        self.headline = headline
        self.byline = byline
        self.published = published
        self.modified = modified
        self.canonicalURL = canonicalURL
        self.language = language
        self.paragraphs = paragraphs
    }

    /// The paragraphs joined by blank lines: the text Redline diffs and stores.
    public var body: String {
        paragraphs.joined(separator: "\n\n")
    }

    /// The metadata fields in report order, with their values.
    public var metadataFields: [(field: MetadataField, value: String?)] {
        MetadataField.allCases.map { ($0, self[$0]) }
    }

    /// A metadata field's value.
    public subscript(field: MetadataField) -> String? {
        switch field {
        case .headline: headline
        case .byline: byline
        case .published: published
        case .modified: modified
        case .canonicalURL: canonicalURL
        case .language: language
        }
    }
}

/// The metadata an ``Article`` carries, in the order reports list them.
public enum MetadataField: String, CaseIterable, Sendable, Codable {
    case headline
    case byline
    case published
    case modified
    case canonicalURL
    case language
}

/// The encoding a page was decoded from, and what decided it.
public struct PageEncoding: Sendable, Equatable, Codable {
    /// The WHATWG name of the encoding (`UTF-8`, `windows-1251`, `Shift_JIS`).
    public var name: String
    /// What decided it.
    public var source: EncodingSource
    /// The label the page or its transport declared, if any (`cp1251`, `x-sjis`).
    public var declared: String?

    /// An encoding decision.
    public init(name: String, source: EncodingSource, declared: String? = nil) {
        self.name = name
        self.source = source
        self.declared = declared
    }
}

/// What decided a page's encoding, in the order WHATWG's sniffing consults them.
public enum EncodingSource: String, Sendable, Equatable, Codable {
    /// A byte-order mark at the start.
    case byteOrderMark = "byte-order-mark"
    /// The HTTP `Content-Type` header's charset.
    case transport
    /// The page's `<meta charset>` or `Content-Type` meta.
    case meta
    /// The bytes are UTF-8 although a legacy encoding was declared.
    case utf8OverDeclared = "utf8-over-declared"
    /// Nothing declared; the bytes are UTF-8 (or plain ASCII).
    case utf8Content = "utf8-content"
    /// Nothing usable declared; ICU's charset detector chose.
    case detected
    /// Nothing declared or detected: windows-1252, the web's legacy default.
    case fallback
}
