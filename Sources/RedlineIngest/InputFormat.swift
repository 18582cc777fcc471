/// What kind of document an input is.
public enum InputFormat: String, CaseIterable, Sendable {
    /// Plain text, compared exactly as it is.
    case text
    /// A web page: the article is extracted from it.
    case html
    /// Markdown: front matter is metadata, the syntax is stripped to paragraphs.
    case markdown

    /// The format from the file name's extension, then from the content: markup at the start
    /// is HTML; a front-matter block at the start is Markdown; anything else is text.
    public static func detect(name: String, bytes: UnsafeRawBufferPointer) -> InputFormat {
        fromExtension(name) ?? sniff(bytes)
    }

    /// The format a file name's extension names, if it names one.
    public static func fromExtension(_ name: String) -> InputFormat? {
        let lower = name.lowercased()
        let fileExtension = lower.split(separator: "/").last.flatMap { part in
            part.contains(".") ? part.split(separator: ".").last.map(String.init) : nil
        }
        switch fileExtension {
        case "html", "htm", "xhtml", "shtml", "php", "asp", "aspx": return .html
        case "md", "markdown", "mdown", "mkd": return .markdown
        case "txt", "text": return .text
        default: return nil
        }
    }

    /// The format from the first bytes alone.
    public static func sniff(_ bytes: UnsafeRawBufferPointer) -> InputFormat {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        let head = String(decoding: bytes[start..<min(bytes.count, start + 1024)], as: UTF8.self).lowercased()
        if head.hasPrefix("---\n") || head.hasPrefix("---\r\n") {
            return .markdown
        }
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html")
            || head.hasPrefix("<?xml") && head.contains("<html")
        {
            return .html
        }
        if head.hasPrefix("<") {
            for tag in ["<head", "<body", "<meta", "<title", "<div", "<p>", "<article", "<!--"] where head.contains(tag)
            {
                return .html
            }
        }
        return .text
    }
}
