import Foundation
import GRDB
import RedlineZlib

/// Adding revisions: one transaction per call, deduplicated against the latest, delta-compressed.
extension SQLiteStore {
    // MARK: Writing

    /// Adds several prepared versions in one transaction: all of them or, on failure, none.
    ///
    /// - Complexity: one inflate per article whose newest text is not in the batch, and the
    ///   rows; the deflating and diffing was done by ``PayloadCodec/prepare(_:)``.
    public func add(prepared: [PreparedRevision]) throws(StoreError) -> [AddResult] {
        try perform { db in
            try SQLiteRows(db).insert(prepared)
        }
    }
}
