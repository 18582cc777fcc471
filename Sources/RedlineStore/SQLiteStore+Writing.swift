import Foundation
import GRDB
import RedlineZlib

/// Adding revisions: one transaction per call, deduplicated against the latest, delta-compressed.
extension SQLiteStore {
    // MARK: Writing

    /// Adds several versions in one transaction (imports): all of them or, on failure, none.
    ///
    /// - Complexity: one whole-text deflate per version (outside the write lock), plus one
    ///   inflate and one delta encoding per version that displaces an earlier newest.
    public func add(contentsOf items: [NewRevision]) throws(StoreError) -> [AddResult] {
        // Compress outside the transaction: the lock is held only for the rows written.
        let prepared = try PayloadCodec.prepare(items)
        return try perform { db in
            let rows = SQLiteRows(db)
            // The newest text of each article touched in this batch, so it is not inflated again.
            var newest: [Int64: [UInt8]] = [:]
            return try prepared.map { item, payload in try rows.insert(item, fullPayload: payload, newest: &newest) }
        }
    }
}
