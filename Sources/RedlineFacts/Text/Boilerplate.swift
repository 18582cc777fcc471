/// Lines that are page furniture rather than reporting: update stamps, "Read more", ads, photo
/// credits, share and newsletter prompts. Their changes are never fact changes.
enum Boilerplate {
    private static let prefixes = [
        "read more", "advertisement", "share this", "sign up", "subscribe", "follow us", "click here", "related:",
        "related coverage", "related stories", "image:", "photo:", "photograph:", "credit:", "copyright", "©",
        "listen to this article", "watch:", "video:", "this story has been updated", "this article has been updated",
        "more:", "also read", "recommended", "getty images", "(ap photo", "ap photo", "(photo", "(image",
        "supported by", "story continues", "continue reading", "skip advertisement", "download the app",
        "get the latest", "[image", "[photo", "caption:", "pictured:", "file photo", "(reuters)", "reporting by",
        "editing by", "additional reporting", "contact the author", "email the author",
    ]
    private static let fragments = [
        "all rights reserved", "min read", "minutes ago", "hours ago", "(getty", "ap photo/", "/ap photo",
        "reuters/", "/reuters", "afp via getty", "/afp", "(afp photo", "photo credit", "image credit",
        "sign up for our", "newsletter", "/getty images",
    ]
    /// Stamps like "Updated 3:15 PM ET" or "Published Nov. 24, 2021": short lines starting so.
    private static let stamps = ["updated", "last updated", "published", "posted", "first published", "modified"]

    /// True when `line` (a paragraph or sentence, as written) is boilerplate.
    static func matches(_ line: String) -> Bool {
        var text = Substring(line)
        while let first = text.first, first == " " || first == "\t" || first == "*" || first == "_" || first == ">" {
            text = text.dropFirst()
        }
        let lower = text.lowercased()
        if lower.isEmpty { return false }
        if prefixes.contains(where: { lower.hasPrefix($0) }) { return true }
        let words = lower.split(separator: " ").count
        if words <= 12 && fragments.contains(where: { lower.contains($0) }) { return true }
        if words <= 12 && stamps.contains(where: { lower.hasPrefix($0 + " ") || lower.hasPrefix($0 + ":") }) {
            return true
        }
        return false
    }
}
