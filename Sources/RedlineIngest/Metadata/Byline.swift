/// Names in a byline as pages show it: "By Tom Okafor and Lena Fischer · Oct. 2, 2026",
/// "Jo Martin / Culture reporter", "By Sam Whitfield, Staff Writer". The text arrives as
/// segments (one per text node or line); names are the segments, or parts of them split at
/// "and" and commas, that read as names: capitalised words, no digits, no job title.
enum Byline {
    /// Words that make a segment a job title or a label, not a name.
    static let roleWords: Set<String> = [
        "reporter", "correspondent", "editor", "writer", "staff", "columnist", "producer", "contributor", "analyst",
        "journalist", "news", "desk", "team", "updated", "published", "posted", "photographer", "photos", "video",
        "follow", "email", "twitter", "share", "min", "read", "bureau", "chief", "senior", "associate", "special",
        "opinion", "press", "service", "agency", "wire",
    ]

    /// Name particles that may be lower-case inside a name.
    static let particles: Set<String> = [
        "de", "da", "del", "der", "van", "von", "al", "el", "bin", "la", "le", "di", "du",
    ]

    /// "By Jane Doe" → "Jane Doe" (and "written by", "words by", "von", "par", "por").
    static func withoutPrefix(_ text: String) -> String {
        for prefix in ["by ", "written by ", "words by ", "von ", "par ", "por "]
        where text.lowercased().hasPrefix(prefix) {
            return String(text.dropFirst(prefix.count))
        }
        return text
    }

    static func names(in segments: [String]) -> [String] {
        var names: [String] = []
        for segment in segments {
            let text = withoutPrefix(Whitespace.collapse(Array(segment.utf8)))
            if ["by", "and", "&", "·", "|", "-", "–", "—", "•", ","].contains(text.lowercased()) { continue }
            for part in text.components(separatedBy: " and ").flatMap({ $0.components(separatedBy: ", ") })
                .flatMap({ $0.components(separatedBy: " & ") })
            {
                let name = part.trimming(" ·|•–—-/").trimmingWhitespace
                if isName(name), !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    /// Two to five words, each capitalised (or a particle), no digits, no role word.
    static func isName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...5).contains(words.count) else { return false }
        for word in words {
            let lower = word.lowercased()
            if roleWords.contains(lower.trimming(".,:")) { return false }
            if word.contains(where: \.isNumber) { return false }
            if !(word.first?.isUppercase ?? false) && !particles.contains(lower) { return false }
        }
        return true
    }
}
