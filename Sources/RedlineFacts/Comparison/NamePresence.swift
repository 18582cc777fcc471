/// Answers "does this name occur anywhere in that version?" — by its folded key among the names
/// found there, else by searching the text itself (folded, so "Erdogan" finds "Erdoğan", and
/// with spacing dropped, so "Exxon Mobil" finds "ExxonMobil").
struct NamePresence {
    let sheet: FactSheet

    init(_ sheet: FactSheet) {
        self.sheet = sheet
    }

    /// True when the name occurs in the other version. Unless `exactly`, a person's surname alone
    /// counts ("Herzog" for "Isaac Herzog").
    func contains(_ name: Name, exactly: Bool = false) -> Bool {
        if sheet.nameKeys.contains(name.key) { return true }
        // "CO" and "Colorado": a US state by its postal code or its name.
        if name.kind != .person, let state = Self.state(of: name),
            sheet.nameKeys.contains(state) || sheet.search.contains(state)
        {
            return true
        }
        let isFullPersonName = name.kind == .person && name.surface.contains(" ")
        if !exactly && isFullPersonName && sheet.nameKeys.contains(name.lastWordKey) { return true }
        if sheet.search.contains(name.surface) { return true }
        if let full = name.fullName, sheet.search.contains(full) { return true }
        if !exactly && isFullPersonName, let last = name.surface.split(separator: " ").last {
            return sheet.search.contains(String(last))
        }
        // "theWebAssembly": one word, long enough not to hide inside another by chance.
        return name.surface.utf8.count >= 5 && !name.surface.contains(" ") && sheet.search.containsGlued(name.surface)
    }

    /// The other spelling of a US state: its folded name for a postal code, its code for a name.
    static func state(of name: Name) -> String? {
        if name.surface.utf8.count == 2, name.surface.allSatisfy(\.isUppercase) {
            return GeneratedLexicon.usStates[name.key]
        }
        return stateCodes[name.key]?.uppercased()
    }

    private static let stateCodes: [String: String] = Dictionary(
        GeneratedLexicon.usStates.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
}
