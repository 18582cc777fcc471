/// Word lists the extractors share. All lower case.
enum Lexicon {
    private static func set(_ words: String) -> Set<String> {
        Set(words.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }

    // MARK: Numbers

    static let units: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Double] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let scales: [String: Double] = [
        "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
        "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
    ]
    /// Scale suffixes that follow digits without a space ("5m", "1.2bn", "10k").
    static let attachedScales: Set<String> = set("k m mn bn b tn")
    static let ordinals: [String: Double] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
        "fifteenth": 15, "twentieth": 20, "thirtieth": 30, "fiftieth": 50, "hundredth": 100,
    ]
    /// Nouns after which a word ordinal is a figure ("the third day", "for the second time").
    static let ordinalNouns: Set<String> = set(
        """
        time times day days week weeks month months year years quarter round term place anniversary floor century
        consecutive straight largest biggest highest lowest deadliest worst best attempt attack strike wave
        """)
    /// Approximate amounts written as words: "dozens of", "hundreds of".
    static let approximateAmounts: [String: Double] = [
        "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "tens": 10,
    ]
    /// Quantifiers that are not figures, though replacing one with a number is a figure change.
    static let vagueQuantifiers: Set<String> = set("several many numerous countless few handful multiple dozens")

    // MARK: Money and units

    static let currencySymbols: [String: String] = [
        "$": "USD", "€": "EUR", "£": "GBP", "₺": "TRY", "₪": "ILS", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW",
        "₴": "UAH", "₦": "NGN", "₱": "PHP",
    ]
    static let currencyCodes: Set<String> = set(
        "usd eur gbp try ils nis jpy cny rmb inr rub chf cad aud krw uah zar brl mxn sek nok dkk egp sar aed")
    static let currencyWords: [String: String] = [
        "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
        "sterling": "GBP", "lira": "TRY", "liras": "TRY", "lire": "TRY", "shekel": "ILS", "shekels": "ILS",
        "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "rouble": "RUB",
        "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "franc": "CHF", "francs": "CHF", "won": "KRW",
        "hryvnia": "UAH", "hryvnias": "UAH", "rand": "ZAR", "naira": "NGN", "peso": "MXN", "pesos": "MXN",
        "riyal": "SAR", "riyals": "SAR", "dirham": "AED", "dirhams": "AED",
    ]
    static let timeUnits: [String: String] = [
        "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute", "hour": "hour",
        "hours": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
        "months": "month", "year": "year", "years": "year", "decade": "decade", "decades": "decade",
        "century": "century", "centuries": "century",
    ]
    static let measureUnits: [String: String] = [
        "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "mile": "mile",
        "miles": "mile", "metres": "m", "meters": "m", "metre": "m", "meter": "m", "feet": "ft", "foot": "ft",
        "kg": "kg", "kilograms": "kg", "kilogram": "kg", "tonnes": "t", "tons": "t", "tonne": "t", "ton": "t",
        "acres": "acre", "acre": "acre", "hectares": "ha", "hectare": "ha", "degrees": "degree", "degree": "degree",
        "litres": "l", "liters": "l", "barrels": "barrel", "barrel": "barrel", "inches": "in", "inch": "in",
        "cm": "cm", "mm": "mm", "millimetres": "mm", "millimeters": "mm", "centimetres": "cm", "centimeters": "cm",
        "gallons": "gallon", "pounds": "lb", "lbs": "lb", "mph": "mph", "kph": "kph",
        "megawatts": "MW", "gigawatts": "GW", "votes": "vote", "points": "point",
    ]

    // MARK: Dates

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let weekdays: Set<String> = set("monday tuesday wednesday thursday friday saturday sunday")
    static let relativeDateHeads: Set<String> = set("next last this past coming previous")
    static let relativeDateUnits: Set<String> = set(
        "week month year weekend spring summer autumn fall winter decade century quarter season")
    static let dayWords: Set<String> = set("yesterday today tonight tomorrow")
    static let timeZones: Set<String> = set(
        "et est edt ct cst cdt pt pst pdt mt gmt utc bst cet cest ist jst aest local")

    // MARK: Hedges

    /// Hedges before a figure, longest first when they share a start.
    static let hedges: [[String]] = [
        ["at", "least"], ["at", "most"], ["more", "than"], ["less", "than"], ["fewer", "than"], ["no", "more", "than"],
        ["no", "fewer", "than"], ["up", "to"], ["as", "many", "as"], ["as", "much", "as"], ["as", "few", "as"],
        ["close", "to"], ["just", "over"], ["just", "under"], ["well", "over"], ["in", "excess", "of"],
        ["upwards", "of"], ["an", "estimated"], ["nearly"], ["almost"], ["about"], ["around"], ["roughly"],
        ["approximately"], ["some"], ["over"], ["under"], ["only"], ["just"], ["below"], ["above"], ["exactly"],
        ["estimated"], ["barely"], ["approx"], ["~"],
    ]

    // MARK: Names

    /// Titles and honorifics: kept apart from the name as its role.
    static let titles: Set<String> = set(
        """
        mr mrs ms mx dr prof professor president vice prime minister ministers secretary foreign defence defense
        interior finance health justice chancellor king queen prince princess pope sheikh sheik emir sultan
        ayatollah rabbi imam father sister brother sir dame lord lady gen general lt lieutenant col colonel maj
        major capt captain sgt sergeant cpl corporal adm admiral cmdr commander sen senator rep representative gov
        governor mayor judge justice chief officer ambassador envoy speaker deputy commissioner inspector
        detective det supt superintendent coach ceo cfo chairman chairwoman chair director spokesman spokeswoman
        spokesperson attorney prosecutor minister premier chancellor crown saint st hon rev reverend bishop
        archbishop cardinal dean mme mlle herr frau senhor señor president-elect vice-president governor-elect
        mayor-elect senator-elect chancellor-elect prime-minister-designate
        """)
    /// Lower-case name particles ("Bashar al-Assad", "Ludwig van Beethoven", "Osama bin Laden").
    static let particles: Set<String> = set(
        "al el bin ibn bint ben bar abu abd de da das dos di del della der den van von le la du ter op ould y")
    /// Words that make a capitalised sequence an organisation.
    static let organisationWords: Set<String> = set(
        """
        ministry party bank corp corporation inc ltd llc plc group agency council court army forces force navy
        university college school association committee company co times news post journal herald tribune
        union authority police department office institute commission foundation federation league fund
        organization organisation club airlines airways hospital parliament senate congress government cabinet
        assembly reuters ap afp bbc cnn network service services board bureau center centre church movement
        brigade brigades guard command front alliance coalition trust partners holdings industries motors
        technologies systems labs laboratories studios press media television radio channel museum house
        pentagon kremlin
        """)
    /// Words that make a capitalised sequence a place.
    static let placeWords: Set<String> = set(
        """
        city river street avenue road square province region county state island islands mountains mountain
        valley gulf sea ocean strait bay lake desert peninsula district village town airport port border
        bridge park heights hills strip bank coast falls springs beach harbour harbor creek forest canyon plains
        junction crossing camp base republic kingdom emirates principality
        """)
    /// First words that make a capitalised sequence a place: "Lower Hollin", "Fort Worth", "San Diego".
    static let placeOpeners: Set<String> = set(
        "lower upper north south east west northern southern eastern western new port fort mount lake san santa saint st"
    )
    /// Places common in news, so that a one-word place is typed right.
    static let places: Set<String> = set(
        """
        afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh belarus
        belgium bolivia bosnia brazil britain bulgaria cambodia cameroon canada chile china colombia congo croatia
        cuba cyprus czechia denmark egypt england eritrea estonia ethiopia europe finland france gaza georgia
        germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel
        italy japan jordan kazakhstan kenya korea kosovo kuwait kyrgyzstan laos latvia lebanon libya lithuania
        luxembourg malaysia mali malta mexico moldova mongolia montenegro morocco mozambique myanmar nepal
        netherlands nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru philippines poland
        portugal qatar romania russia rwanda scotland senegal serbia singapore slovakia slovenia somalia spain sudan
        sweden switzerland syria taiwan tajikistan tanzania thailand tunisia turkey turkiye uganda ukraine
        uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe africa asia america jerusalem london
        paris berlin moscow kyiv kiev beijing tokyo washington ankara istanbul cairo tehran baghdad damascus
        beirut amman riyadh dubai doha delhi mumbai karachi lahore kabul madrid rome athens vienna warsaw prague
        budapest brussels geneva zurich stockholm oslo copenhagen helsinki dublin lisbon toronto ottawa sydney
        melbourne nairobi lagos johannesburg seoul manila jakarta bangkok hanoi taipei shanghai hong haifa
        gaza ramallah hebron nablus jenin rafah khan tel aviv california texas florida york chicago boston
        ohio michigan pennsylvania virginia georgia arizona nevada oregon colorado alaska hawaii
        """)
    /// Nationality and group adjectives: "Israeli strikes", "French envoys" name no one.
    static let demonyms: Set<String> = set(
        """
        afghan albanian algerian american argentine argentinian armenian australian austrian azerbaijani bahraini
        bangladeshi belarusian belgian bolivian bosnian brazilian british bulgarian cambodian canadian chilean
        chinese colombian congolese croatian cuban cypriot czech danish dutch egyptian emirati english eritrean
        estonian ethiopian european finnish french georgian german ghanaian greek haitian hungarian icelandic
        indian indonesian iranian iraqi irish israeli italian japanese jordanian kazakh kenyan korean kosovar
        kurdish kuwaiti lebanese libyan lithuanian malaysian malian mexican moldovan mongolian moroccan nigerian
        norwegian pakistani palestinian panamanian peruvian filipino polish portuguese qatari romanian russian
        rwandan saudi scottish senegalese serbian slovak slovenian somali spanish sudanese swedish swiss syrian
        taiwanese thai tunisian turkish ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni
        african asian arab arabic western eastern northern southern jewish muslim christian catholic sunni shiite
        shia hindu buddhist democratic republican conservative liberal socialist communist
        """)
    /// Given names common in news, so that a two-word name starting with one is typed a person.
    static let givenNames: Set<String> = set(
        """
        john james robert michael william david richard joseph thomas charles daniel matthew anthony mark donald
        steven paul andrew joshua kenneth kevin brian george edward ronald timothy jason jeffrey ryan jacob gary
        nicholas eric jonathan stephen larry justin scott brandon benjamin samuel frank gregory raymond alexander
        patrick jack dennis jerry tyler aaron jose adam henry nathan douglas peter kyle walter ethan jeremy harold
        keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan
        billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah
        louis bobby philip johnny mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy
        lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
        stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma
        samantha katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie
        joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline
        frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
        amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose
        alexis kayla isaac benjamin yair yitzhak avi moshe eli ehud naftali itamar bezalel yoav benny gideon
        ahmed ahmad mohammed muhammad mohamed mahmoud ali hassan hussein omar khalid abdullah ibrahim yusuf yousef
        mustafa recep tayyip emine hakan mevlut ekrem kemal vladimir sergei sergey dmitry alexei volodymyr olena
        emmanuel olaf angela ursula boris rishi keir liz theresa justin xi li narendra imran shehbaz joe kamala
        hillary barack nancy mitch chuck antony lloyd jake jens pedro giorgia mario luiz jair javier gustavo
        """)
    /// Capitalised words that open sentences and are not names (beyond the function words).
    static let commonWords: Set<String> = set(
        """
        a an the this that these those there here it its he she they we i you his her their our my your him them
        us me who whom whose which what when where why how if then than but and or nor so yet for of in on at by
        to from with without into onto over under after before during since until while as because although
        though despite about against between among through across along around near behind beyond within
        all any both each every either neither no none not some such only also even just still already again
        more most less least many much few several other another same own
        is are was were be been being has have had do does did will would shall should may might can could must
        said says say told asked added according officials police authorities people residents witnesses
        meanwhile however instead later earlier today yesterday tomorrow now then once last next first second
        new old one two three four five six seven eight nine ten
        monday tuesday wednesday thursday friday saturday sunday
        some nearly almost about around roughly approximately over under at least more than up
        in an on after as while with without despite amid among following since
        critics supporters analysts experts lawmakers investigators rescuers doctors officers soldiers troops
        protesters demonstrators families relatives leaders members students workers voters prosecutors judges
        update updated read photo image video watch listen share advertisement editor note correction clarification
        breaking live exclusive analysis opinion comment subscribe sign follow click related more
        i'm i've i'd i'll we've we're we'll we'd you're you've you'll you'd they're they've they'll they'd
        it's that's there's here's what's who's let's he's she's he'll she'll he'd she'd isn't aren't wasn't
        weren't don't doesn't didn't can't couldn't won't wouldn't shouldn't
        i’m i’ve i’d i’ll we’ve we’re we’ll we’d you’re you’ve you’ll you’d they’re they’ve they’ll they’d
        it’s that’s there’s here’s what’s who’s let’s he’s she’s don’t doesn’t didn’t can’t won’t isn’t
        """)
    /// Capitalised words that never name a person, organisation or place: holidays, seasons, and
    /// acronyms for things rather than bodies ("PDF", "CEO", "FAQ", "GDP", "AI").
    static let notNames: Set<String> = set(
        """
        christmas easter ramadan eid hanukkah chanukah diwali thanksgiving halloween passover lent advent
        pentecost yom kippur spring summer autumn winter fall xmas
        pdf png jpg jpeg gif svg csv html xml json url urls http https www api sdk faq faqs ceo cfo coo cto cio cmo
        vp svp evp gdp gnp cpi id tv pc ok asap diy fyi rsvp usb gps sms mms ai ui ux vr ar iot seo roi kpi saas paas
        iaas crm erp hr pr q&a iq mvp ipo etf llm dna rna hiv aids covid mph kph et pt gmt utc am pm ad bc ce bce
        led lcd oled hd uhd hdr suv ev evs atm pin dvd cd mp3 mp4 wifi lol omg tbd tba eta aka ps ppe pos ppc hvac
        bmi diy irl yoy ii iii iv vi vii viii ix xi xii cfp cfps
        """)

    // MARK: Word classes

    /// Every list a lower-cased word belongs to, found with one look-up when the word is tokenized.
    /// The flags of every listed word, computed from the lists above. The program looks words up
    /// in ``generatedFlagTable`` instead — the same table, compiled in (`WordFlags.generated.swift`,
    /// written and checked by `LexiconTests`), so that nothing is built at start-up.
    static let computedFlags: [String: WordFlags] = {
        var table: [String: WordFlags] = [:]
        func mark<S: Sequence>(_ words: S, _ flag: WordFlags) where S.Element == String {
            for word in words { table[word, default: []].insert(flag) }
        }
        mark(units.keys, .numberWord)
        mark(tens.keys, .numberWord)
        mark(ordinals.keys, .ordinal)
        mark(approximateAmounts.keys, .approximateAmount)
        mark(scales.keys, .scale)
        mark(vagueQuantifiers, .vague)
        mark(months.keys, .month)
        mark(weekdays, .weekday)
        mark(dayWords, .dayWord)
        mark(relativeDateHeads, .relativeHead)
        mark(relativeDateUnits, .relativeUnit)
        mark(timeZones, .timeZone)
        mark(hedges.map { $0[0] }, .hedgeStart)
        mark(currencyCodes, .currencyCode)
        mark(currencyWords.keys, .currencyWord)
        mark(timeUnits.keys, .timeUnit)
        mark(measureUnits.keys, .measureUnit)
        mark(ordinalNouns, .ordinalNoun)
        mark(titles, .title)
        mark(particles, .particle)
        mark(commonWords, .common)
        mark(demonyms, .demonym)
        mark(places, .place)
        mark(givenNames, .givenName)
        mark(organisationWords, .organisation)
        mark(placeWords, .placeWord)
        mark(placeOpeners, .placeOpener)
        mark(
            ["a", "an", "half", "dozen", "for", "between", "noon", "midnight", "us", "c", "hk", "nz", "s"], .figureStart
        )
        mark(Assertion.lexicon.keys, .assertion)
        mark(["expected", "set", "plans", "going", "one"], .assertion)
        mark(Attribution.speechVerbs, .speechVerb)
        mark(notNames, .notName)
        mark(["according"], .speechVerb)
        for (word, flags) in table where !flags.isDisjoint(with: WordFlags.startsFigures) {
            table[word] = flags.union(.figureStart)
        }
        return table
    }()

    /// True for a lower-cased common English word: the short hand-made list (`.common`, given as
    /// `flags` when the caller has them) or the generated one.
    static func isCommon(_ word: String, flags: WordFlags? = nil) -> Bool {
        (flags ?? Self.flags(of: word)).contains(.common) || GeneratedLexicon.commonWords.contains(word)
    }

    /// The flags of a lower-cased word, including hyphenated number words ("twenty-five").
    static func flags(of word: String) -> WordFlags {
        if let found = generatedFlagTable[word] { return found }
        if let hyphen = word.utf8.firstIndex(of: UInt8(ascii: "-")),
            tens[String(word[..<hyphen])] != nil
        {
            return [.numberWord, .figureStart]
        }
        // "didn't", "won't": negations.
        if word.utf8.last == UInt8(ascii: "t") && (word.hasSuffix("n't") || word.hasSuffix("n\u{2019}t")) {
            return .assertion
        }
        return []
    }
}
