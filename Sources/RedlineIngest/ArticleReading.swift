import Foundation
@_exported import RedlineArticle

extension Article {
    /// Plain text as an article: no metadata, paragraphs separated by blank lines.
    public init(plainText text: String) {
        self.init(
            paragraphs: text.components(separatedBy: "\n\n").map { Whitespace.collapse(Array($0.utf8)) }
                .filter { !$0.isEmpty })
    }
}

extension PageEncoding {
    /// The encoding ``Charset`` decided on.
    init(_ decision: Charset.Decision) {
        self.init(name: decision.name, source: decision.source, declared: decision.declared)
    }
}
