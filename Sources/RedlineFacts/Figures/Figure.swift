/// A number, amount, date or time found in a sentence, with its normalised value.
///
/// Two figures are the same fact when their ``key`` and hedge class match: "$5,000,000" and
/// "$5 million" share the key `money USD 5000000`; "six" and "6" share `count 6`.
public struct Figure: Sendable, Equatable, Hashable {
    /// The kinds of figure.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case money
        case percent
        case count
        case quantity
        case date
        case time
        case year
        case ordinal
        case duration
        case score
        /// "several", "many", "for years": not a figure, kept so that replacing one with a number
        /// is reported as a figure change.
        case vague
    }

    /// How a hedge bounds the figure: "at least 12" and "more than 12" are both lower bounds.
    public enum Bound: String, Sendable, Codable {
        case atLeast
        case atMost
        case approximately
    }

    /// As it stands in the text, hedge included: "at least $5 million".
    public var surface: String
    /// UTF-8 offsets of ``surface`` in the document.
    public var range: Range<Int>
    /// A count, an amount of money, a percentage, a date, a measure…
    public var kind: Kind
    /// The value: an amount in units (5000000 for "$5 million"); a year; minutes after midnight
    /// for times; yyyymmdd-like numbers for dates (see ``key``).
    public var value: Double
    /// The upper end of a range ("10 to 15"), or the second number of a score.
    public var upper: Double?
    /// "USD", "%", "pp" (percentage points), "year", "km", "weekday", …; empty for a plain count.
    public var unit: String
    /// The hedge as written ("at least"), if any.
    public var hedge: String?
    /// "at least", "about", "up to"… when the text hedges the value.
    public var bound: Bound?
    /// The noun or verb the figure counts: "bounty", "killed".
    public var counted: String?

    /// What must be equal for two figures to be the same fact.
    public var key: String {
        var key = "\(kind.rawValue) \(unit) \(Figure.format(value))"
        if let upper { key += "–\(Figure.format(upper))" }
        return key
    }

    /// `1000000.0` → "1000000", `3.5` → "3.5".
    /// `1000000.0` → "1000000", `3.5` → "3.5".
    public static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e18 { return String(Int64(value)) }
        return String(value)
    }
}
