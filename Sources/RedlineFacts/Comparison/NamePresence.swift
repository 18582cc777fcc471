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
        let isFullPersonName = name.kind == .person && name.surface.contains(" ")
        if !exactly && isFullPersonName && sheet.nameKeys.contains(name.lastWordKey) { return true }
        if sheet.search.contains(name.surface) { return true }
        if let full = name.fullName, sheet.search.contains(full) { return true }
        if !exactly && isFullPersonName, let last = name.surface.split(separator: " ").last {
            return sheet.search.contains(String(last))
        }
        return false
    }
}
