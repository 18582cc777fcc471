/// Text with position markers, in the style of swift-format's tests: `"killing 1️⃣at least 12"`
/// marks where a fact must start. Markers are emoji keycaps 1️⃣…9️⃣ and are removed from the text.
struct MarkedText {
    let text: String
    /// The UTF-8 offset in `text` of each marker, by marker.
    let markers: [String: Int]

    static let names = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    init(_ marked: String) {
        var text = ""
        var markers: [String: Int] = [:]
        var rest = Substring(marked)
        while !rest.isEmpty {
            if let marker = Self.names.first(where: { rest.hasPrefix($0) }) {
                markers[marker] = text.utf8.count
                rest = rest.dropFirst(marker.count)
            } else {
                text.append(rest.removeFirst())
            }
        }
        self.text = text
        self.markers = markers
    }

    /// The offset of `marker`; a test that names a missing marker fails loudly.
    subscript(_ marker: String) -> Int {
        guard let offset = markers[marker] else { fatalError("no marker \(marker) in the text") }
        return offset
    }
}
