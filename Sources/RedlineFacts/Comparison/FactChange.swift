/// One change of fact between two versions: "the bounty changed from $5 million to $10 million".
public struct FactChange: Sendable, Equatable {
    /// The kinds of fact Redline compares.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case figure
        case name
        case quote
        case claim
    }

    /// How a fact changed between the versions.
    public enum Change: String, Sendable, CaseIterable, Codable {
        case added
        case removed
        case modified
    }

    /// A figure, a name, a quote or a claim.
    public var kind: Kind
    /// Added, removed or modified.
    public var change: Change
    /// The old surface string as it stands in the old text (nil when added).
    public var old: String?
    /// The new surface string (nil when removed).
    public var new: String?
    /// Where ``old`` and ``new`` stand (UTF-8 offsets).
    public var oldRange: Range<Int>?
    /// Where the new value is in the new text (bytes); nil for a removal.
    public var newRange: Range<Int>?
    /// The sentences the change was found in.
    public var oldContext: String?
    /// The new sentence it sits in; nil for a removal.
    public var newContext: String?
    /// For quotes: who said the old and the new words.
    public var oldSpeaker: String?
    /// Who says the new quote or claim, when someone does.
    public var newSpeaker: String?
    /// Kind-specific details, as strings or numbers: `oldValue`, `newValue`, `unit`, `counted`
    /// (figures); `reason` (names: "spelling" or "replaced"), `type`; `oldMarkers`, `newMarkers` (claims).
    public var detail: [String: Detail] = [:]

    /// A detail value.
    public enum Detail: Sendable, Equatable {
        case string(String)
        case number(Double)
        case strings([String])
    }

    /// A change of one fact, with where each value sits and in which sentence.
    public init(
        kind: Kind, change: Change, old: String?, new: String?, oldRange: Range<Int>? = nil,
        newRange: Range<Int>? = nil, oldContext: String? = nil, newContext: String? = nil
    ) {
        self.kind = kind
        self.change = change
        self.old = old
        self.new = new
        self.oldRange = oldRange
        self.newRange = newRange
        self.oldContext = oldContext
        self.newContext = newContext
    }

    /// One line in plain words: "figure: $5 million → $10 million (bounty)".
    public var summary: String {
        switch change {
        case .added: "\(new ?? "")"
        case .removed: "\(old ?? "")"
        case .modified: "\(old ?? "") → \(new ?? "")"
        }
    }
}

/// Counts of changes by kind and change.
public struct FactSummary: Sendable, Equatable {
    /// How many changes of each kind and change type.
    public private(set) var counts: [FactChange.Kind: [FactChange.Change: Int]] = [:]

    /// The counts of `changes`.
    public init(_ changes: [FactChange]) {
        for change in changes { counts[change.kind, default: [:]][change.change, default: 0] += 1 }
    }

    /// How many changes of `kind` are of type `change`.
    public func count(_ kind: FactChange.Kind, _ change: FactChange.Change) -> Int { counts[kind]?[change] ?? 0 }

    /// How many changes of `kind` there are.
    public func count(_ kind: FactChange.Kind) -> Int { counts[kind]?.values.reduce(0, +) ?? 0 }

    /// "3 figures, 1 name, 2 quotes changed", or "no fact changed".
    public var line: String {
        let parts = FactChange.Kind.allCases.compactMap { kind -> String? in
            let n = count(kind)
            guard n > 0 else { return nil }
            return "\(n) \(kind.rawValue)\(n == 1 ? "" : "s")"
        }
        return parts.isEmpty ? "no fact changed" : parts.joined(separator: ", ") + " changed"
    }
}
