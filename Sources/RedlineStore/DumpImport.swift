import Foundation
import RedlineSystem

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
        _ text: String, into store: any RevisionStore, batch: Int = 256, added: (Revision) -> Void = { _ in }
    ) throws(StoreError) -> LoadCounts {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
        return try load(into: store, batch: batch, added: added) { () throws(StoreError) in
            lines.next().map { Data($0.utf8) }
        }
    }

    /// Loads the dump read from `file` (a file or a pipe) as ``load(_:into:batch:added:)`` does,
    /// streaming: memory holds one 1 MiB chunk, the longest line and one batch, whatever the
    /// dump's size. `progress` is called after each commit with the bytes read so far.
    public static func load(
        reading file: FileDescriptor, into store: any RevisionStore, batch: Int = 256,
        added: (Revision) -> Void = { _ in },
        progress: (_ bytesRead: Int64, _ counts: LoadCounts) -> Void = { _, _ in }
    ) throws(StoreError) -> LoadCounts {
        var lines = DumpLines(file)
        var number = 0
        return try load(
            into: store, batch: batch, added: added, committed: { progress(lines.bytesRead, $0) }
        ) { () throws(StoreError) in
            number += 1
            return try lines.next(number: number)
        }
    }

    /// The load itself, over lines from `nextLine` (nil at the end).
    private static func load(
        into store: any RevisionStore, batch: Int, added: (Revision) -> Void,
        committed: (LoadCounts) -> Void = { _ in },
        nextLine: () throws(StoreError) -> Data?
    ) throws(StoreError) -> LoadCounts {
        var counts = LoadCounts()
        var number = 0
        // Articles the store held before this load: only their records can be there already.
        // (An article's first record is read before any batch holding it is written.)
        var heldBefore: [String: Bool] = [:]
        // Stored digests of recently seen held articles, by number (a few hundred articles at most).
        var digestCache: [String: [Int: String]] = [:]
        var finished = false
        func nextBatch() throws(StoreError) -> [NewRevision]? {
            var pending: [NewRevision] = []
            while !finished, pending.count < max(1, batch) {
                guard let line = try nextLine() else {
                    finished = true
                    break
                }
                number += 1
                let (record, revision) = try decode(line, number: number)
                // The store keeps the first bytes of each SHA-256: a record whose number and digest
                // match is the revision already there (a store's own export, loaded again). An
                // article's digests are read once, not a query per record; none means not held.
                let known = heldBefore[record.article]
                if known != false, digestCache[record.article] == nil {
                    let digests = try store.digests(of: revision.article)
                    if known == nil { heldBefore[record.article] = !digests.isEmpty }
                    if known == true || !digests.isEmpty {
                        if digestCache.count >= 256 { digestCache.removeAll(keepingCapacity: true) }
                        digestCache[record.article] = digests
                    }
                }
                let held = heldBefore[record.article] ?? false
                if held, let digest = digestCache[record.article]?[record.revision], record.sha256.hasPrefix(digest) {
                    counts.alreadyStored += 1
                    continue
                }
                pending.append(revision)
            }
            return pending.isEmpty ? nil : pending
        }
        // Each batch is read and compressed while the one before is written.
        try store.add(batches: nextBatch) { results throws(StoreError) in
            for result in results {
                switch result {
                case .added(let revision):
                    counts.added += 1
                    added(revision)
                case .unchanged: counts.unchanged += 1
                }
            }
            committed(counts)
        }
        try store.compact()
        return counts
    }
}
