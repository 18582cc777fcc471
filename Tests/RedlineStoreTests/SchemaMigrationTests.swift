import Foundation
import GRDB
import Testing

@testable import RedlineStore

/// Schema v1 → v2: a store written by Redline before schema v2 (`Fixtures/store-v1`, made by
/// its `make.py` with the last v1 build) is converted in place on its first open and reads back
/// exactly what that build exported.
@Suite("Schema migration")
struct SchemaMigrationTests {
    static let fixture = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/store-v1")

    /// A copy of the v1 store, to be changed by the test.
    func copyOfV1Store() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("redline-v1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(SQLiteStore.fileName).path
        try FileManager.default.copyItem(
            atPath: Self.fixture.appendingPathComponent("v1/.redline/store.sqlite").path, toPath: path)
        return path
    }

    func export(_ store: SQLiteStore) throws -> String {
        var lines: [String] = []
        try Dump.export(store) { lines.append($0) }
        return lines.map { $0 + "\n" }.joined()
    }

    @Test("A v1 store is converted on open: the same export byte for byte, fsck clean, 1 KiB pages")
    func v1StoreReadsBackExactly() throws {
        let path = try copyOfV1Store()
        let before = try DatabaseQueue(path: path)
        #expect(try before.read { try $0.tableExists("revisions") && !$0.tableExists("heads") })
        #expect(try before.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == 4096)
        try before.close()
        let originalSize = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0

        // A reader opens it: the store is upgraded where it may be written, then read.
        let store = try SQLiteStore(path: path, access: .readOnly)
        let expected = try String(contentsOf: Self.fixture.appendingPathComponent("expected.jsonl"), encoding: .utf8)
        #expect(try export(store) == expected)
        #expect(try store.check().isEmpty)
        #expect(try store.statistics().revisions == 88)
        let bridge = try store.revisions(of: ArticleKey("https://example.com/news/bridge"))
        #expect(bridge.map(\.revertOf) == [nil, nil, 1, nil, nil])
        #expect(bridge.map { $0.metadata.headline } == ["Brücke", "Brücke", "Brücke", nil, nil])
        let flood = try store.revisions(of: ArticleKey("flood"))
        #expect(flood.first { $0.number == 64 }?.codec == .full)
        #expect(flood[4].metadata.headline == "Flood: 1 dead" && flood[9].metadata.headline == "Flood: 2 dead")
        #expect(try store.text(of: ArticleKey("flood"), .number(9)).0.metadata.headline == "Flood: 1 dead")
        // Sub-second capture times survive (stored to the millisecond).
        #expect(flood[0].capturedAt.timeIntervalSince1970 == 1_767_229_200.25)

        let after = try DatabaseQueue(path: path)
        let tables = try after.read { db in
            try ["revisions", "heads", "history"].filter { try db.tableExists($0) }
        }
        #expect(tables == ["heads", "history"])
        #expect(try after.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == SQLiteStore.pageSize)
        #expect(try after.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try after.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM heads") } == 4)
        // Metadata kept only where it changed: flood's headline changes every 10 revisions.
        let metadataRows = try after.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM history WHERE meta_json IS NOT NULL")
        }
        #expect((metadataRows ?? 99) < 12, "\(metadataRows ?? -1)")
        let migrations = try after.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(migrations.contains("v4-compact-rows"))
        try after.close()
        let convertedSize = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        #expect(convertedSize * 10 < originalSize * 7, "\(originalSize) → \(convertedSize) bytes")
    }

    @Test("A converted store takes new revisions: deltas, reverts and metadata as in a new store")
    func convertedStoreGrows() throws {
        let path = try copyOfV1Store()
        let store = try SQLiteStore(path: path)
        let key = ArticleKey("short")
        let one = Array("One line.\n".utf8)
        guard case .added(let revert) = try store.add(one, to: key, metadata: .init(headline: "Short")) else {
            Issue.record("not added")
            return
        }
        #expect(revert.number == 4 && revert.revertOf == 1)
        #expect(try store.add(one, to: key, metadata: .init(headline: "Short")) == .unchanged(revert))
        _ = try store.add(Array("One line, edited again.\n".utf8), to: key, metadata: .init(headline: "Short"))
        let texts = try store.history(of: key).map { String(decoding: $0.1, as: UTF8.self) }
        #expect(
            texts == [
                "One line.\n", "One line, edited.\n", "Two lines.\nNow.\n", "One line.\n", "One line, edited again.\n",
            ])
        #expect(try store.revisions(of: key).map { $0.metadata.headline } == [nil, nil, nil, "Short", "Short"])
        #expect(try store.check().isEmpty)
    }

    @Test("A store of a newer schema is refused, not guessed at")
    func newerSchemaRefused() throws {
        let path = try copyOfV1Store()
        _ = try SQLiteStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-from-the-future')") }
        try queue.close()
        #expect {
            try SQLiteStore(path: path)
        } throws: { error in
            (error as? StoreError)?.reason == .newerSchema
        }
    }
}
