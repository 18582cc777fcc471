import Foundation
import Redline

#if Postgres
    import RedlinePostgres
#endif

/// Stores on a database server: PostgreSQL, in a build with the `Postgres` trait. Without it, a
/// `postgres://` store is refused with how to get a build that has it.
enum ServerStore {
    /// Opens the store at `address`; creates its schema when `create` is set (`redline init`).
    static func open(_ address: String, access: SQLiteStore.Access, create: Bool = false) throws(StoreError)
        -> any RevisionStore
    {
        #if Postgres
            return try PostgresStore(address: address, readOnly: access == .readOnly, create: create)
        #else
            throw StoreError(.unsupported(Self.withoutPostgres))
        #endif
    }

    static let withoutPostgres = """
        this redline was built without PostgreSQL support, so it cannot use a postgres:// store. \\
        Rebuild it with the Postgres trait: `swift build -c release --traits Postgres` (or use a store path for SQLite)
        """
}
