#if Postgres
    import PostgresNIO
    import RedlineStore

    /// The store's tables in PostgreSQL: schema `redline` (so a shared database keeps them apart),
    /// the rows of SQLite's schema v2 with server types, plus `events` — one row per revision in
    /// commit order, for `redline follow`. Migrations are recorded in `redline.migrations`.
    enum PostgresSchema {
        /// Migrations in order; a database holding one this list lacks was written by a newer Redline.
        static let migrations: [(identifier: String, sql: [String])] = [
            (
                "v2-rows",
                [
                    """
                    CREATE TABLE redline.articles (
                        id BIGSERIAL PRIMARY KEY,
                        key TEXT NOT NULL UNIQUE,
                        created_at DOUBLE PRECISION NOT NULL
                    )
                    """,
                    """
                    CREATE TABLE redline.heads (
                        article_id BIGINT PRIMARY KEY REFERENCES redline.articles(id),
                        seq INTEGER NOT NULL,
                        captured_at BIGINT NOT NULL,
                        digest BYTEA NOT NULL,
                        raw_size INTEGER NOT NULL,
                        meta_json TEXT,
                        revert_of INTEGER,
                        payload BYTEA NOT NULL
                    )
                    """,
                    """
                    CREATE TABLE redline.history (
                        article_id BIGINT NOT NULL REFERENCES redline.articles(id),
                        seq INTEGER NOT NULL,
                        captured_at BIGINT NOT NULL,
                        digest BYTEA NOT NULL,
                        raw_size INTEGER NOT NULL,
                        codec SMALLINT NOT NULL,
                        payload BYTEA NOT NULL,
                        revert_of INTEGER,
                        meta_json TEXT,
                        PRIMARY KEY (article_id, seq)
                    )
                    """,
                    """
                    CREATE TABLE redline.fetch_state (
                        article_id BIGINT PRIMARY KEY REFERENCES redline.articles(id),
                        url TEXT NOT NULL,
                        etag TEXT,
                        last_modified TEXT,
                        checked_at DOUBLE PRECISION NOT NULL,
                        changed_at DOUBLE PRECISION
                    )
                    """,
                    """
                    CREATE TABLE redline.events (
                        id BIGSERIAL PRIMARY KEY,
                        article_id BIGINT NOT NULL REFERENCES redline.articles(id),
                        seq INTEGER NOT NULL,
                        committed_at TIMESTAMPTZ NOT NULL DEFAULT now()
                    )
                    """,
                ]
            )
        ]

        /// The channel `NOTIFY` announces each committed revision on (its event id as payload).
        static let channel = "redline_revisions"
        /// The advisory lock that serialises migrations, and the one that orders events.
        static let migrationLock = 7_460_001
        static let eventLock = 7_460_002

        /// Whether the store's schema exists; throws ``StoreError/Reason/newerSchema`` when it
        /// holds migrations this build does not know.
        static func isPresent(_ connection: WaitedConnection, logger: Logger) throws -> Bool {
            let exists =
                try connection.run(
                    "SELECT to_regclass('redline.migrations') IS NOT NULL", logger: logger
                ).rows.first?.decode(Bool.self) ?? false
            guard exists else { return false }
            let applied = try connection.run("SELECT identifier FROM redline.migrations", logger: logger).rows
                .map { try $0.decode(String.self) }
            let known = Set(migrations.map(\.identifier))
            if applied.contains(where: { !known.contains($0) }) { throw StoreError(.newerSchema) }
            return applied.count == migrations.count
        }

        /// Creates the schema and runs the migrations not yet applied, each in a transaction, under
        /// an advisory lock (two `init`s at once run them once).
        static func migrate(_ connection: WaitedConnection, logger: Logger) throws {
            _ = try connection.run("BEGIN", logger: logger)
            do {
                _ = try connection.run("SELECT pg_advisory_xact_lock(\(migrationLock))", logger: logger)
                _ = try connection.run("CREATE SCHEMA IF NOT EXISTS redline", logger: logger)
                _ = try connection.run(
                    """
                    CREATE TABLE IF NOT EXISTS redline.migrations (
                        identifier TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                    """, logger: logger)
                let applied = Set(
                    try connection.run("SELECT identifier FROM redline.migrations", logger: logger).rows
                        .map { try $0.decode(String.self) })
                for migration in migrations where !applied.contains(migration.identifier) {
                    for statement in migration.sql {
                        _ = try connection.run(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    _ = try connection.run(
                        "INSERT INTO redline.migrations (identifier) VALUES (\(migration.identifier))", logger: logger)
                }
                _ = try connection.run("COMMIT", logger: logger)
            } catch {
                _ = try? connection.run("ROLLBACK", logger: logger)
                throw error
            }
        }
    }
#endif
