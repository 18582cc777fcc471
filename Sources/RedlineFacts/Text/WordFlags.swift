/// The word lists a word belongs to, as bits.
struct WordFlags: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    static let numberWord = WordFlags(rawValue: 1 << 0)
    static let ordinal = WordFlags(rawValue: 1 << 1)
    static let approximateAmount = WordFlags(rawValue: 1 << 2)
    static let scale = WordFlags(rawValue: 1 << 3)
    static let vague = WordFlags(rawValue: 1 << 4)
    static let month = WordFlags(rawValue: 1 << 5)
    static let weekday = WordFlags(rawValue: 1 << 6)
    static let dayWord = WordFlags(rawValue: 1 << 7)
    static let relativeHead = WordFlags(rawValue: 1 << 8)
    static let relativeUnit = WordFlags(rawValue: 1 << 9)
    static let timeZone = WordFlags(rawValue: 1 << 10)
    static let hedgeStart = WordFlags(rawValue: 1 << 11)
    static let currencyCode = WordFlags(rawValue: 1 << 12)
    static let currencyWord = WordFlags(rawValue: 1 << 13)
    static let timeUnit = WordFlags(rawValue: 1 << 14)
    static let measureUnit = WordFlags(rawValue: 1 << 15)
    static let ordinalNoun = WordFlags(rawValue: 1 << 16)
    static let title = WordFlags(rawValue: 1 << 17)
    static let particle = WordFlags(rawValue: 1 << 18)
    static let common = WordFlags(rawValue: 1 << 19)
    static let demonym = WordFlags(rawValue: 1 << 20)
    static let place = WordFlags(rawValue: 1 << 21)
    static let givenName = WordFlags(rawValue: 1 << 22)
    static let organisation = WordFlags(rawValue: 1 << 23)
    static let placeWord = WordFlags(rawValue: 1 << 24)
    static let placeOpener = WordFlags(rawValue: 1 << 25)
    static let figureStart = WordFlags(rawValue: 1 << 26)
    /// Sets something in an assertion signature (see ``Assertion``).
    static let assertion = WordFlags(rawValue: 1 << 27)
    /// Attributes speech: "said", "told", "according".
    static let speechVerb = WordFlags(rawValue: 1 << 28)
    /// Never a name: holidays, seasons, acronyms for things (``Lexicon/notNames``).
    static let notName = WordFlags(rawValue: 1 << 29)

    /// Lists whose words can open a figure.
    static let startsFigures: WordFlags = [
        .numberWord, .ordinal, .approximateAmount, .vague, .month, .weekday, .dayWord, .relativeHead, .hedgeStart,
        .currencyCode,
    ]
}
