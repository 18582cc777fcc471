/// Paragraphs that are page furniture, not article text, recognised by their words: update
/// stamps ("Updated 3:15 PM ET", "5 minutes ago"), bylines, view and comment counters, reading
/// times, "Advertisement", "Read more", share and newsletter prompts, photo credits.
enum BoilerplateText {
    /// Whole paragraphs (lower-cased, without end punctuation) that are always furniture.
    static let exact: Set<String> = [
        "advertisement", "advertisement - scroll to continue", "scroll to continue", "ad", "ads", "sponsored",
        "story continues below advertisement", "article continues below advertisement", "continue reading",
        "continue reading below", "read more", "read more below", "show more", "see more", "load more", "share",
        "share this", "share this article", "share this story", "share on facebook", "share on twitter", "tweet",
        "email", "print", "copy link", "link copied", "comments", "comment", "subscribe", "sign up", "sign in",
        "log in", "subscribe now", "sign up now", "get started", "upgrade", "related", "related articles",
        "related stories", "related content", "related coverage",
        "more on this story", "recommended", "recommended for you", "most read", "most popular", "trending",
        "trending now", "you may also like", "you might also like", "top stories", "latest news", "more stories",
        "follow us", "skip to content", "skip to main content", "back to top", "close", "menu", "search",
        "listen to this article", "play", "pause", "watch", "video", "photo", "image", "enlarge this image",
        "toggle caption", "hide caption", "show caption", "open in app", "what to read next", "newsletter",
        "editor's picks", "featured", "topics", "tags", "breaking news", "live", "opinion", "analysis",
        "gift this article", "shop now", "buy now", "view deal", "see deal", "get deal", "get the deal", "check price",
        "see price", "view offer", "see at amazon", "check availability",
        "save", "saved", "bookmark", "cancel", "accept", "reject all", "accept all", "manage cookies",
    ]

    /// Beginnings (lower-cased) that mark a furniture paragraph when it is short.
    static let prefixes: [String] = [
        "read more:", "read more about", "related:", "see also:", "also read:", "also read", "more:", "watch:",
        "listen:", "sign up for", "sign up to", "subscribe to", "subscribe for", "follow us on", "follow us",
        "click here", "get the latest", "get our", "don't miss", "download the", "download our", "join our",
        "photo:", "photograph:", "image:", "picture:", "video:", "credit:", "photo credit", "image credit",
        "image source", "(photo", "(image", "updated:", "updated on", "updated at", "last updated", "published:",
        "published on", "published at", "posted:", "posted on", "posted at", "first published", "modified:",
        "this story has been shared", "share this", "copyright ©", "© 20", "all rights reserved", "tags:", "topics:",
        "filed under", "more from", "more stories from", "we want to hear", "have a news tip", "got a tip",
        "contact the author", "reporting by", "editing by", "additional reporting by", "this article originally",
        "this article was originally", "this story was originally", "originally published", "recommended:",
        "trending:", "advertisement",
    ]

    /// The prefixes, as bytes, by their first two bytes, so a paragraph is checked against a handful.
    static let prefixesByStart: [UInt16: [[UInt8]]] = {
        var table: [UInt16: [[UInt8]]] = [:]
        for prefix in prefixes {
            let bytes = Array(prefix.utf8)
            table[UInt16(bytes[0]) << 8 | UInt16(bytes[1]), default: []].append(bytes)
        }
        return table
    }()

    /// End punctuation left out before the exact comparison: ASCII, and `·`, `–`, `—`, `…` in UTF-8.
    static let trailingMarks: [[UInt8]] = [
        [0xC2, 0xB7], [0xE2, 0x80, 0x93], [0xE2, 0x80, 0x94], [0xE2, 0x80, 0xA6],
    ]

    /// Whether a paragraph is furniture; only short paragraphs (under 120 bytes) can be. Worked on
    /// bytes, ASCII lower-cased (every word list here is ASCII): a page of thousands of short
    /// table cells calls this for each.
    static func isBoilerplate(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count < 120, bytes.count >= 1 else { return false }
        let lowerBytes = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var end = lowerBytes.count
        trimming: while end > 0 {
            switch lowerBytes[end - 1] {
            case UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: "-"), 0x20:
                end -= 1
            default:
                guard let mark = trailingMarks.first(where: { lowerBytes[..<end].suffix($0.count).elementsEqual($0) })
                else { break trimming }
                end -= mark.count
            }
        }
        if end <= 40, exact.contains(String(decoding: lowerBytes[..<end], as: UTF8.self)) { return true }
        if lowerBytes.count >= 2, let candidates = prefixesByStart[UInt16(lowerBytes[0]) << 8 | UInt16(lowerBytes[1])] {
            for prefix in candidates where lowerBytes.starts(with: prefix) {
                return !(lowerBytes.starts(with: "reporting by".utf8) || lowerBytes.starts(with: "editing by".utf8))
                    || lowerBytes.count < 100
            }
        }
        let lower = String(decoding: lowerBytes, as: UTF8.self)
        if isPriceLine(text) { return true }
        let hasDigit = lowerBytes.contains { $0 >= 0x30 && $0 <= 0x39 }
        let spaces = lowerBytes.lazy.filter { $0 == 0x20 }.count
        if spaces < 12, hasDigit || lower.hasSuffix(" ago") || lower.hasSuffix(" read") {
            if isStamp(lower) || (spaces < 3 && isCounter(lower)) { return true }
        }
        return (lower.hasPrefix("by ") || lower.hasPrefix("written by ")) && isByline(text, lower)
    }

    /// Time-zone and clock words of a stamp.
    static let timeWords: Set<Substring> = [
        "am", "pm", "a.m.", "p.m.", "et", "est", "edt", "pt", "pst", "pdt", "gmt", "bst", "utc", "cet", "cest", "ist",
        "aest",
    ]
    /// Words a stamp has besides its date and time.
    static let stampWords: Set<Substring> = [
        "updated", "published", "posted", "modified", "last", "on", "at", "first", "|", "-", "–", "—", "•", "·",
    ]
    /// Month and weekday abbreviations, as the first three bytes of a word packed into an integer.
    static let monthCodes = Set(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].compactMap {
            code($0.utf8)
        })
    static let dayCodes = Set(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].compactMap { code($0.utf8) })

    /// The words of a short lower-cased paragraph, split at spaces (and commas) on bytes.
    static func splitWords(_ lower: String, atComma: Bool) -> [Substring] {
        var words: [Substring] = []
        let utf8 = lower.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x20 || (atComma && byte == UInt8(ascii: ",")) {
                if start < index { words.append(lower[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start < index { words.append(lower[start..<index]) }
        return words
    }

    /// The first three bytes of a word, packed; nil for a shorter word.
    static func code(_ word: some Collection<UInt8>) -> UInt32? {
        guard word.count >= 3 else { return nil }
        var value: UInt32 = 0
        for byte in word.prefix(3) { value = value << 8 | UInt32(byte) }
        return value
    }

    /// "Updated 3:15 PM ET", "5 minutes ago", "Nov. 24, 2026 10:02 a.m.", "3 min read".
    static func isStamp(_ lower: String) -> Bool {
        let words = splitWords(lower, atComma: true)
        guard words.count <= 12 else { return false }
        if lower.hasSuffix(" ago") || lower.hasSuffix("min read") || lower.hasSuffix("minute read")
            || lower.hasSuffix("minutes read") || lower.hasSuffix("mins read")
        {
            return true
        }
        // Nothing but a date and a time (and words like "updated", "published"): no verbs.
        var monthish = false
        for word in words {
            let bytes = word.utf8
            guard bytes.contains(where: { ($0 >= 0x61 && $0 <= 0x7A) || $0 >= 0x80 }) else { continue }
            let prefix = code(bytes)
            if let prefix, monthCodes.contains(prefix) {
                monthish = true
                continue
            }
            if let prefix, dayCodes.contains(prefix) { continue }
            if timeWords.contains(word) || stampWords.contains(word) { continue }
            return false
        }
        let hasClock = words.contains { $0.contains(":") && $0.first?.isNumber == true }
        let hasZone = words.contains { timeWords.contains($0) }
        let hasYear = words.contains {
            $0.utf8.count == 4 && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                && ($0.hasPrefix("19") || $0.hasPrefix("20"))
        }
        return hasClock || hasZone || (monthish && hasYear)
    }

    /// A product listing's price line: "$29.99 at Amazon", "£19 from Currys", "€45 at Fnac" —
    /// a price, then "at" or "from" and a capitalised shop name, and nothing else.
    static func isPriceLine(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count >= 3, words.count <= 5, text.utf8.count < 60, let price = words.first,
            let symbol = price.first, "$£€".contains(symbol), price.dropFirst().first?.isNumber == true,
            price.dropFirst().allSatisfy({ $0.isNumber || $0 == "." || $0 == "," }),
            words[1] == "at" || words[1] == "from", words[2].first?.isUppercase == true
        else { return false }
        return true
    }

    /// "By Jane Doe", "By Jane Doe and John Roe, Reuters".
    static func isByline(_ text: String, _ lower: String) -> Bool {
        guard lower.hasPrefix("by ") || lower.hasPrefix("written by ") else { return false }
        let words = text.split(separator: " ").dropFirst()
        guard !words.isEmpty, words.count <= 10 else { return false }
        return words.allSatisfy { word in
            word.first?.isUppercase == true
                || ["and", "&", "in", "for", "|", "-", "–", "—", "de", "van", "von", "al"]
                    .contains(word.lowercased())
                || word.first?.isNumber == true
        }
    }

    /// "12,345 views", "1.2K views", "Comments (12)", "12 comments", "345 shares".
    static func isCounter(_ lower: String) -> Bool {
        let words = splitWords(lower, atComma: false)
        guard words.count <= 3 else { return false }
        let numeric = words.contains { word in word.first?.isNumber == true || word.hasPrefix("(") }
        return numeric && words.contains { counted.contains(Substring($0.trimming("()"))) }
    }

    static let counted: Set<Substring> = [
        "views", "view", "comments", "comment", "shares", "likes", "reads", "reactions",
    ]
}
