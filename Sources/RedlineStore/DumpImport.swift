/// Loading a dump (``Dump``) into a store: what `redline import --jsonl` does, for any caller.
extension Dump {
    /// What a load did.
    public struct LoadCounts: Sendable, Equatable {
        /// Revisions stored.
        public var added = 0
        /// Lines whose text equals their article's latest revision: nothing stored.
        public var unchanged = 0
        /// Lines already in the store: the article's revision of that number has that SHA-256
        /// (a load run again, or resumed after it was killed).
        public var alreadyStored = 0
    }

    /// Loads the dump `text` (one record per line; blank lines ignored) into `store`, committing
    /// `batch` records per transaction — each batch all or nothing, so a process killed midway
    /// leaves whole batches — and calling `added` after each commit for every revision it stored.
    /// Then returns to the file system the space of payloads that became deltas.
    ///
    /// - Parameters:
    ///   - text: the dump.
    ///   - store: where to add the revisions.
    ///   - batch: records per transaction (at least 1).
    ///   - added: called with each stored revision once its batch is committed.
    /// - Returns: how many revisions were stored and how many lines were unchanged.
    /// - Throws: ``StoreError`` for a line that is no record (with its number) or a failed write;
    ///   the batches committed before stay.
    public static func load(
        _ text: String, into store: SQLiteStore, batch: Int = 256, added: (Revision) -> Void = { _ in }
    ) throws(StoreError) -> LoadCounts {
        var counts = LoadCounts()
        var pending: [NewRevision] = []
        func commit() throws(StoreError) {
            guard !pending.isEmpty else { return }
            for result in try store.add(contentsOf: pending) {
                switch result {
                case .added(let revision):
                    counts.added += 1
                    added(revision)
                case .unchanged: counts.unchanged += 1
                }
            }
            pending.removeAll(keepingCapacity: true)
        }
        var number = 0
        // Articles the store held before this load: only their records can be there already.
        var heldBefore: [String: Bool] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            number += 1
            let (record, revision) = try decode(line, number: number)
            let held: Bool
            if let known = heldBefore[record.article] {
                held = known
            } else {
                held = try store.latestRevision(of: revision.article) != nil
                heldBefore[record.article] = held
            }
            if held, try store.digest(of: revision.article, number: record.revision) == record.sha256 {
                counts.alreadyStored += 1
                continue
            }
            pending.append(revision)
            if pending.count >= max(1, batch) { try commit() }
        }
        try commit()
        try store.compact()
        return counts
    }
}
