import Foundation
import GRDB

/// Compaction and the hashes the dump format uses.
extension SQLiteStore {
    /// The full SHA-256 of a text, hex (dumps carry it).
    static func sha256(_ bytes: [UInt8]) -> String { sha256Hex(bytes) }

    /// Compacts the file: the space of payloads replaced by smaller deltas goes back to the disk.
    public func compact() throws(StoreError) {
        do {
            guard isWritable else { throw StoreError(.readOnly(path: path)) }
            try pool.writeWithoutTransaction { try $0.execute(sql: "VACUUM") }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }
}
