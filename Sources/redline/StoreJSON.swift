import ArgumentParser
import Foundation
import Redline

/// `--format text|json`, for the commands that print text or one JSON object: `extract`,
/// `facts`, the store commands (`log`, `articles`, `stats`, `fsck`) and `check`.
enum TextOrJSON: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// The JSON the store commands and `check` print (schemas in `Docs/schema/`, described in `Docs/JSON.md`):
/// each one object with `schemaVersion`, keys sorted, one line, dates in ISO 8601 UTC.
enum StoreJSON {
    static let schemaVersion = 1

    struct ArticleList: Encodable {
        var schemaVersion = StoreJSON.schemaVersion
        var articles: [Entry]
        struct Entry: Encodable {
            var key: String
            var revisions: Int
            var firstCaptured: String
            var lastCaptured: String
        }
    }

    struct Statistics: Encodable {
        var schemaVersion = StoreJSON.schemaVersion
        var articles: Int
        var revisions: Int
        var rawBytes: Int
        var storedBytes: Int
        var fileBytes: Int
        /// Raw ÷ stored, 0 for an empty store.
        var ratio: Double
    }

    struct Check: Encodable {
        var schemaVersion = StoreJSON.schemaVersion
        var articles: Int
        var revisions: Int
        var intact: Bool
        var damaged: [String]

        /// One checked pair in `redline check --format json`.
        struct File: Encodable {
            var path: String
            var passed: Bool
            /// The kinds that changed and that `--fail-on` names.
            var failing: [String]
            /// Fact changes by kind.
            var changes: [String: Int]
            var correctionNote: Bool
            var missingCorrectionNote: Bool
            var problems: [String]
        }
    }

    /// `redline check --format json`: the verdict over every checked pair.
    struct CheckReport: Encodable {
        var schemaVersion = StoreJSON.schemaVersion
        var passed: Bool
        var failOn: [String]
        var files: [Check.File]
    }

    struct Log: Encodable {
        var schemaVersion = StoreJSON.schemaVersion
        var article: String
        var revisions: [Entry]
        struct Entry: Encodable {
            var number: Int
            var capturedAt: String
            var rawSize: Int
            var storedSize: Int
            var codec: String
            var revertOf: Int?
            /// With `--facts`, from the revision before (nil for the first).
            var changes: Changes?
        }
        struct Changes: Encodable {
            var deletedTokens: Int
            var insertedTokens: Int
            /// Fact changes by kind: `figure`, `name`, `quote`, `claim`.
            var facts: [String: Int]
        }
    }

    /// `redline follow --format json`: one per committed revision.
    struct Follow: Encodable {
        var schemaVersion = StoreJSON.schemaVersion
        var event: Int64
        var article: String
        var revision: Int
        var capturedAt: String
        var committedAt: String
        var rawSize: Int
        var revertOf: Int?
        /// One line in plain words: "2 figures changed", "new article, 4211 bytes".
        var summary: String
        /// Against the revision before (absent for the first).
        var deletedTokens: Int?
        var insertedTokens: Int?
        var facts: [Fact]
        struct Fact: Encodable {
            var kind: String
            var change: String
            var old: String?
            var new: String?
        }
    }

    /// `value` as one line of JSON on standard output.
    static func print<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        Terminal.write(String(decoding: data, as: UTF8.self) + "\n", to: .standardOutput)
    }

    static func stamp(_ date: Date) -> String { date.internetStamp }
}
