import GRDB

/// Schema v2 (migration `v4-compact-rows`): the newest revision of each article, stored whole, in
/// `heads`; every older one, written once and never changed, in a `WITHOUT ROWID` table keyed by
/// `(article_id, seq)` with integer times, a 4-byte digest and metadata only where it changed.
///
/// Schema v1 kept every revision in one rowid table with a separate `UNIQUE (article_id, seq)`
/// index, a 32-byte SHA-256 and a REAL time per row, and the newest text's whole payload — turned
/// into a delta of tens of bytes when the next revision came — in the same pages as the history:
/// filled snapshot by snapshot, those pages stayed mostly empty (8.1× the size of git's pack on
/// `Benchmarks/store-size.sh`).
extension SQLiteStore {
    static let compactSchema = """
        CREATE TABLE heads (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id),
            seq INTEGER NOT NULL,
            captured_at INTEGER NOT NULL,
            digest BLOB NOT NULL,
            raw_size INTEGER NOT NULL,
            meta_json TEXT,
            revert_of INTEGER,
            payload BLOB NOT NULL
        );
        CREATE TABLE history (
            article_id INTEGER NOT NULL REFERENCES articles(id),
            seq INTEGER NOT NULL,
            captured_at INTEGER NOT NULL,
            digest BLOB NOT NULL,
            raw_size INTEGER NOT NULL,
            codec INTEGER NOT NULL,
            payload BLOB NOT NULL,
            revert_of INTEGER,
            meta_json TEXT,
            PRIMARY KEY (article_id, seq)
        ) WITHOUT ROWID;
        """

    /// Converts v1 rows to v2 in place (a no-op once done). Payloads are kept as they are — a v1
    /// delta is already against its successor — so the conversion is a few SQL statements: times
    /// to milliseconds (in `history`, after the article's epoch), digests cut to ``digestLength`` bytes, metadata dropped where it equals the
    /// next revision's (NULL; `''` stands for none).
    static func convertToCompactRows(_ db: Database) throws {
        guard try !db.tableExists("heads") else { return }
        try db.execute(sql: compactSchema)
        try db.execute(
            sql: """
                INSERT INTO heads (article_id, seq, captured_at, digest, raw_size, meta_json, revert_of, payload)
                SELECT article_id, seq, CAST(ROUND(captured_at * 1000) AS INTEGER), SUBSTR(sha256, 1, ?), raw_size,
                    meta_json, revert_of, payload
                FROM revisions r WHERE seq = (SELECT MAX(seq) FROM revisions WHERE article_id = r.article_id);
                INSERT INTO history (article_id, seq, captured_at, digest, raw_size, codec, payload, revert_of, meta_json)
                SELECT article_id, seq, CAST(ROUND(r.captured_at * 1000) AS INTEGER) - \(SQLiteRows.epoch("a")),
                    SUBSTR(sha256, 1, ?), raw_size, codec, payload, revert_of,
                    CASE WHEN meta_json IS next_meta THEN NULL ELSE COALESCE(meta_json, '') END
                FROM (
                    SELECT *, LEAD(meta_json) OVER w AS next_meta, LEAD(seq) OVER w AS next_seq
                    FROM revisions WINDOW w AS (PARTITION BY article_id ORDER BY seq)) r
                JOIN articles a ON a.id = r.article_id
                WHERE next_seq IS NOT NULL;
                DROP TABLE revisions;
                """,
            arguments: [StoredRow.digestLength, StoredRow.digestLength])
    }
}
