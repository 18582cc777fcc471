/// Lines that are page furniture rather than reporting: update stamps, "Read more", ads, photo
/// credits, share and newsletter prompts. Their changes are never fact changes.
enum Boilerplate {
    private static let prefixes: [[UInt8]] = [
        "read more", "advertisement", "share this", "sign up", "subscribe", "follow us", "click here", "related:",
        "related coverage", "related stories", "image:", "photo:", "photograph:", "credit:", "copyright", "©",
        "listen to this article", "watch:", "video:", "this story has been updated", "this article has been updated",
        "more:", "also read", "recommended", "getty images", "(ap photo", "ap photo", "(photo", "(image",
        "supported by", "story continues", "continue reading", "skip advertisement", "download the app",
        "get the latest", "[image", "[photo", "caption:", "pictured:", "file photo", "(reuters)", "reporting by",
        "editing by", "additional reporting", "contact the author", "email the author",
    ].map { Array($0.utf8) }
    private static let fragments: [[UInt8]] = [
        "all rights reserved", "min read", "minutes ago", "hours ago", "(getty", "ap photo/", "/ap photo",
        "reuters/", "/reuters", "afp via getty", "/afp", "(afp photo", "photo credit", "image credit",
        "sign up for our", "newsletter", "/getty images",
    ].map { Array($0.utf8) }
    /// Stamps like "Updated 3:15 PM ET" or "Published Nov. 24, 2021": short lines starting so.
    private static let stamps: [[UInt8]] = [
        "updated ", "updated:", "last updated", "published ", "published:", "posted ", "posted:", "first published",
        "modified ",
    ].map { Array($0.utf8) }

    /// True when `line` (a paragraph or sentence, as written) is boilerplate.
    static func matches(_ line: String) -> Bool {
        var bytes = Array(line.utf8)
        var start = 0
        while start < bytes.count, [0x20, 0x09, 0x2A, 0x5F, 0x3E].contains(bytes[start]) { start += 1 }
        guard start < bytes.count else { return false }
        var words = 1
        if bytes[start...].starts(with: Array("By ".utf8)) && isByline(line) { return true }
        for k in start..<bytes.count {
            let byte = bytes[k]
            if byte >= 0x41 && byte <= 0x5A { bytes[k] = byte | 0x20 }
            if byte == 0x20 { words += 1 }
        }
        let text = bytes[start...]
        if prefixes.contains(where: { text.starts(with: $0) }) { return true }
        // Only short lines can be stamps or credits.
        guard words <= 12 else { return false }
        if stamps.contains(where: { text.starts(with: $0) }) { return true }
        // Credits and bylines: "Contributing: …", "By Mara Quinlan and Tom Ellery".
        if text.starts(with: Array("contributing".utf8)) { return true }
        let body = Array(text)
        return fragments.contains { DocumentSearch.search($0, in: body, wordBounded: false) }
    }

    /// "By Mara Quinlan", "By Nadia Karam and Tom Ellery, staff writers" — not "By Tuesday, …".
    static func isByline(_ line: String) -> Bool {
        let words = line.trimmingSpaces.split(separator: " ").map { $0.filter { $0 != "," } }
        guard words.count >= 3, words.count <= 10, words[0] == "By" else { return false }
        var names = 0
        for word in words.dropFirst() {
            if word == "and" || word == "&" { continue }
            if word == "staff" || word == "writer" || word == "writers" || word == "reporter" || word == "reporters" {
                continue
            }
            guard let first = word.first, first.isUppercase,
                Lexicon.flags(of: word.lowercased()).isDisjoint(with: [.weekday, .month, .common])
            else { return false }
            names += 1
        }
        return names >= 2
    }
}
