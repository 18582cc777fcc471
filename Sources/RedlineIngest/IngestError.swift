/// Why an input could not be turned into an ``Article``, with what to do next.
public struct IngestError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Why an input could not be read as an article.
    public enum Reason: Sendable, Equatable {
        /// Larger than ``ArticleReader/sizeLimit``.
        case tooLarge(size: Int)
        /// Binary data (NUL bytes, or mostly control bytes): not a page or a text.
        case binary(offset: Int)
        /// Nothing a document could be made of.
        case notHTML(detail: String)
        /// A page that is not one article: a live blog, a section front, a list of links.
        case notAnArticle(kind: String, detail: String)
        /// The page holds no article text at all.
        case noText
    }

    /// What went wrong.
    public let reason: Reason
    /// The input's name as the user gave it, when known.
    public var name: String?

    /// A failure for `reason`, naming the input when `name` is given.
    public init(_ reason: Reason, name: String? = nil) {
        self.reason = reason
        self.name = name
    }

    /// What went wrong and what to do, in one sentence.
    public var description: String {
        let prefix = name.map { "\($0): " } ?? ""
        switch reason {
        case .tooLarge(let size):
            return prefix
                + "\(size) bytes is over the \(ArticleReader.sizeLimit >> 20) MiB limit for a page. "
                + "Save the article's own page, or pass --input text to compare it as plain text."
        case .binary(let offset):
            return prefix
                + "looks like a binary file (byte \(offset) is not text). Redline reads HTML, Markdown and text."
        case .notHTML(let detail):
            return prefix + "could not be read as HTML (\(detail)). Pass --input text to compare it as plain text."
        case .notAnArticle(let kind, let detail):
            return prefix
                + "this page is a \(kind), not an article (\(detail)); comparing two captures of it would give a "
                + "meaningless diff. Compare the article pages it links to, or pass --input text to compare it as text."
        case .noText:
            return prefix + "no article text found in the page. Check it with `redline extract`, or pass --input text."
        }
    }
}
