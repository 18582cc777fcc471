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
        "editing by", "additional reporting", "contact the author", "email the author", "shop now", "buy now",
        "view deal", "see deal", "get deal", "check price", "see price", "view offer", "shop the", "more from",
        "see also", "don't miss", "most read", "trending now", "watch now", "listen now", "opinion:", "analysis:",
        "live:", "live updates:", "pictures:", "in pictures:", "quiz:", "explainer:", "figure:", "fig.", "license:",
        "licence:", "source:", "image source:", "photo by", "image by", "illustration:", "illustration by",
    ].map { Array($0.utf8) }
    /// ``prefixes`` by their first byte: a line is compared with the few that can match.
    private static let prefixesByFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for prefix in prefixes { table[Int(prefix[0])].append(prefix) }
        return table
    }()
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
        if prefixesByFirstByte[Int(bytes[start])].contains(where: { text.starts(with: $0) }) { return true }
        // Only short lines can be stamps or credits.
        guard words <= 12 else { return false }
        if stamps.contains(where: { text.starts(with: $0) }) { return true }
        // Credits and bylines: "Contributing: …", "By Mara Quinlan and Tom Ellery".
        if text.starts(with: Array("contributing".utf8)) { return true }
        let body = Array(text)
        return fragments.contains { DocumentSearch.search($0, in: body, wordBounded: false) }
    }

    /// Social platforms whose name alone on a line labels an embedded post.
    private static let platforms: Set<String> = [
        "facebook", "twitter", "x", "instagram", "youtube", "tiktok", "linkedin", "whatsapp", "threads", "bluesky",
        "reddit", "pinterest", "snapchat", "telegram", "vimeo", "flickr", "soundcloud", "spotify",
    ]
    /// The nouns of a listicle teaser: "Five ways to …", "The 10 best …", "7 things you …".
    private static let listicleNouns: Set<String> = [
        "ways", "things", "reasons", "tips", "signs", "steps", "facts", "questions", "lessons", "mistakes", "ideas",
        "places", "spots", "best", "worst", "biggest", "top", "moments", "takeaways", "charts", "photos", "pictures",
        "books", "films", "movies", "songs", "shows", "games", "deals", "products", "gifts", "recipes", "myths",
    ]
    /// How a teaser headline ends after its colon: "…: Expert advice", "…: What we know".
    private static let teaserEndings: [String] = [
        "explains", "explained", "advice", "picks", "guide", "what we know", "what you need to know", "in pictures",
        "in photos", "in charts", "in numbers", "live", "latest", "watch", "opinion", "analysis", "review", "quiz",
        "the full story", "here's why", "here's how", "find out", "our verdict", "key takeaways",
    ]
    /// Words of a product listing: "hardback £14.99 at Waterstones", "was $99, now $79".
    private static let shopWords: Set<String> = [
        "hardback", "paperback", "hardcover", "ebook", "audiobook", "kindle", "rrp", "deal", "deals", "buy", "shop",
        "sale", "save", "discount", "was", "now", "amazon", "ebay", "retailer",
    ]

    /// A whole line of page furniture that no sentence-level rule sees: an embed label
    /// ("Facebook"), a teaser headline for another story ("Five ways to stay safe this winter:
    /// Expert advice"), a product listing ("Zimbabwe: A Biography, hardback £14.99 at Waterstones").
    /// Lines that end like sentences are never furniture by these rules.
    static func isFurnitureLine(_ line: String) -> Bool {
        // Most lines end like sentences: decide that from the last byte, before any work.
        guard let lastByte = line.utf8.last(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }),
            lastByte != UInt8(ascii: "."), lastByte != UInt8(ascii: "!"), lastByte != UInt8(ascii: "?"),
            lastByte != UInt8(ascii: "\""), lastByte != UInt8(ascii: "'")
        else { return false }
        let trimmed = line.trimmingSpaces
        guard let last = trimmed.unicodeScalars.last, !".!?\u{201D}\"'\u{2019}".unicodeScalars.contains(last) else {
            return false
        }
        let words = trimmed.split(whereSeparator: { $0 == " " })
        guard !words.isEmpty, words.count <= 25 else { return false }
        let lower = words.map { Tokenizer.lowercase(String($0.filter { !",:;()".contains($0) })) }
        if lower.count == 1 && platforms.contains(lower[0]) { return true }
        // A listicle: "(The) 10 best …", "Five ways to …".
        let k = lower.first == "the" ? 1 : 0
        if k + 1 < lower.count, isCount(lower[k]), listicleNouns.contains(lower[k + 1]) { return true }
        // A colon kicker: "…: Our critic's picks", "…: What we know".
        if let colon = trimmed.lastIndex(of: ":") {
            let after = Tokenizer.lowercase(String(trimmed[trimmed.index(after: colon)...]).trimmingSpaces)
            if teaserEndings.contains(where: { after == $0 || after.hasSuffix(" " + $0) || after.hasPrefix($0 + " ") })
            {
                return true
            }
        }
        // A product listing: a price and a shop word.
        let hasPrice = words.contains { word in
            guard let first = word.unicodeScalars.first else { return false }
            return Lexicon.currencySymbols[String(first)] != nil
                && word.unicodeScalars.dropFirst().first.map {
                    $0.properties.numericType != nil
                } ?? false
        }
        if hasPrice && lower.contains(where: { shopWords.contains($0) || $0 == "at" }) { return true }
        return false
    }

    private static func isCount(_ word: String) -> Bool {
        word.allSatisfy(\.isNumber) || Lexicon.units[word] != nil || Lexicon.tens[word] != nil
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
