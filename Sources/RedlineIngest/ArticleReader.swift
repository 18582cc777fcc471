/// Turns an input — a web page, Markdown or plain text — into the ``Article`` Redline compares.
public enum ArticleReader {
    /// The largest page Redline parses (64 MiB): beyond it, memory (libxml2 builds a tree several
    /// times the page's size) would outgrow any real article.
    public static let sizeLimit = 64 << 20

    /// Reads `bytes` as `format`.
    ///
    /// - Parameters:
    ///   - bytes: the input as read.
    ///   - format: how to read it (``InputFormat/detect(name:bytes:)`` guesses one).
    ///   - name: the input's name, for error messages.
    ///   - httpContentType: the `Content-Type` header's value when the page was fetched, whose
    ///     charset wins over the page's own `<meta charset>`.
    ///   - refusingNonArticles: throw for a live blog or section front (the default, for comparing
    ///     and storing); when false, read it anyway with ``Article/warning`` saying what it is.
    /// - Returns: the article: metadata and body paragraphs.
    /// - Throws: ``IngestError`` for input too large, binary, without article text, or (when
    ///   `refusingNonArticles`) a page that is no article.
    public static func read(
        _ bytes: UnsafeRawBufferPointer, format: InputFormat, name: String? = nil, httpContentType: String? = nil,
        refusingNonArticles: Bool = true
    ) throws(IngestError) -> Article {
        do throws(IngestError) {
            guard bytes.count <= sizeLimit else { throw IngestError(.tooLarge(size: bytes.count)) }
            if let offset = binaryOffset(bytes) { throw IngestError(.binary(offset: offset)) }
            switch format {
            case .html:
                let decision = Charset.decide(bytes, transport: httpContentType, markup: true)
                var article = try Transcoder.withUTF8(bytes, decision) { utf8 throws(IngestError) in
                    try HTMLArticleReader.read(HTMLParser.parse(utf8), refusingNonArticles: refusingNonArticles)
                }
                article.encoding = PageEncoding(decision)
                // Nothing to compare or store: an error, not an empty revision.
                guard !article.paragraphs.isEmpty else { throw IngestError(.noText) }
                return article
            case .markdown:
                let article = MarkdownArticleReader.read(decodedText(bytes))
                guard !article.paragraphs.isEmpty else { throw IngestError(.noText) }
                return article
            case .text:
                return Article(plainText: decodedText(bytes))
            }
        } catch {
            var named = error
            named.name = name
            throw named
        }
    }

    /// Why the extractor reads a web page as it does: the encoding decision, the best-scoring
    /// candidate blocks, the containers taken, the blocks the page marks as its body, and the
    /// large blocks dropped as furniture with the reason (`redline extract --explain`).
    public static func explain(_ bytes: UnsafeRawBufferPointer, httpContentType: String? = nil) -> [String] {
        guard bytes.count <= sizeLimit else { return ["the page is larger than the \(sizeLimit >> 20) MiB limit"] }
        let decision = Charset.decide(bytes, transport: httpContentType, markup: true)
        let result = Result { () throws(IngestError) in
            try Transcoder.withUTF8(bytes, decision) { utf8 throws(IngestError) in
                ExtractionExplanation.lines(try HTMLParser.parse(utf8), decision: decision)
            }
        }
        switch result {
        case .success(let lines): return lines
        case .failure(let error): return ["\(error)"]
        }
    }

    /// Reads `bytes` in the format its name and content suggest.
    public static func read(_ bytes: [UInt8], name: String, format: InputFormat? = nil) throws(IngestError) -> Article {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(IngestError) in
                try read(buffer, format: format ?? InputFormat.detect(name: name, bytes: buffer), name: name)
            }
        }
        return try result.get()
    }

    /// Text in the encoding its bytes show (``Charset``, without metas): UTF-8 with stray invalid
    /// bytes replaced, or a legacy encoding ICU recognises, else windows-1252; a byte-order mark dropped.
    static func decodedText(_ bytes: UnsafeRawBufferPointer) -> String {
        let decision = Charset.decide(bytes, transport: nil, markup: false)
        let result = Result { () throws(IngestError) in
            try Transcoder.withUTF8(bytes, decision) { utf8 in String(decoding: utf8, as: UTF8.self) }
        }
        return (try? result.get())
            ?? String(String.UnicodeScalarView(bytes.map { Windows1252.scalar($0) }))
    }

    /// The offset of a NUL byte in the first 8 KiB, which makes the input binary — unless it
    /// starts with a UTF-16 byte-order mark (UTF-16 text is full of NULs). Shared with the
    /// stream reader, which refuses a binary stream as soon as its first 8 KiB are in.
    static func leadingNUL(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard let nul = bytes.prefix(8192).firstIndex(of: 0) else { return nil }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
        return nul
    }

    /// The offset of a NUL byte in the first 8 KiB, or of the first byte when most of them are
    /// control bytes: not text, not a page.
    static func binaryOffset(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let head = UnsafeRawBufferPointer(rebasing: bytes.prefix(8192))
        // One pass, no allocation: this runs on every page a WARC import reads.
        var control = 0
        for byte in head where byte < 0x20 {
            if byte == 0 { return leadingNUL(bytes) }
            if byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { control += 1 }
        }
        return head.count >= 64 && control * 10 > head.count ? 0 : nil
    }
}

/// The windows-1252 code page: ISO-8859-1 with printable characters in 0x80–0x9F.
enum Windows1252 {
    static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func scalar(_ byte: UInt8) -> Unicode.Scalar {
        let value = byte >= 0x80 && byte < 0xA0 ? high[Int(byte) - 0x80] : UInt32(byte)
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
