import Foundation

/// What a backend gives the store's rules: reading and writing the rows of schema v2 (see
/// Docs/Store.md) inside one transaction or one read. SQLite (``SQLiteStore``) and PostgreSQL
/// implement it with their own SQL; numbering, deltas, keyframes, duplicates, reverts,
/// metadata and checks are written once, in the extension below, so both backends store and
/// read the same revisions the same way.
package protocol StoreRows {
    /// The article's id, or nil.
    func articleID(_ key: String) throws -> Int64?
    /// Creates the article (its epoch is `time`) and returns its id.
    func createArticle(_ key: String, at time: Date) throws -> Int64
    /// Every article's key.
    func articleKeys() throws -> [String]
    /// The article's epoch: its creation time in milliseconds, from which history times count.
    func epoch(_ articleID: Int64) throws -> Int64
    /// The article's newest revision.
    func head(_ articleID: Int64) throws -> StoredRow?
    /// Older revisions, numbers `from` through `through`, newest first, times absolute.
    func history(_ articleID: Int64, from: Int, through: Int) throws -> [StoredRow]
    /// The first whole revision in the history at or after `number`.
    func keyframe(_ articleID: Int64, from number: Int) throws -> Int?
    /// Every history revision's number and digest.
    func historyDigests(_ articleID: Int64) throws -> [(number: Int, digest: [UInt8])]
    /// Numbers of history revisions with this digest and size, newest first.
    func candidates(_ articleID: Int64, digest: [UInt8], size: Int) throws -> [Int]
    /// The first metadata recorded at or after `number` in the history (`""`: none), or nil.
    func recordedMetadata(_ articleID: Int64, from number: Int) throws -> String?
    /// Writes a history row; its time is stored relative to `epoch`.
    func insertHistory(_ articleID: Int64, _ row: StoredRow, epoch: Int64) throws
    /// Writes the article's newest revision, replacing the one before.
    func replaceHead(_ articleID: Int64, _ row: StoredRow) throws
}

extension StoreRows {
    // MARK: Writing

    /// Adds a batch of versions, in order, inside the transaction the caller opened: each as
    /// ``insert(_:batch:)`` does, then the whole payload of every newest revision that
    /// ``PayloadCodec/prepare(_:)`` left to be made (see ``BatchWrite``).
    ///
    /// An added revision is reported as it is finally stored in this batch (whole, or as the
    /// delta it became when the next one followed).
    package func insert(_ prepared: [PreparedRevision]) throws -> [AddResult] {
        var batch = BatchWrite()
        var results: [AddResult] = []
        var newestAdded: [Int64: Int] = [:]  // each article's newest revision added, in `results`
        func restate(_ articleID: Int64, as row: StoredRow) {
            guard let index = newestAdded[articleID], case .added(var revision) = results[index] else { return }
            revision.storedSize = row.payload.count
            revision.codec = PayloadCodec(code: row.codec) ?? .full
            results[index] = .added(revision)
        }
        for entry in prepared {
            let result = try insert(entry, batch: &batch)
            guard let articleID = batch.article else { continue }
            if let row = batch.restated { restate(articleID, as: row) }
            if case .added = result { newestAdded[articleID] = results.count }
            results.append(result)
        }
        for articleID in batch.unencoded {
            guard var head = try head(articleID), let text = batch.newest[articleID] else { continue }
            head.payload = try PayloadCodec.encodeFull(text)
            try replaceHead(articleID, head)
            restate(articleID, as: head)
        }
        return results
    }

    /// Adds one version as the article's newest revision, moving the previous newest into the
    /// history as a delta against it — or nothing when it equals the latest (same text, same
    /// headline, byline, date and source).
    func insert(_ prepared: PreparedRevision, batch: inout BatchWrite) throws -> AddResult {
        let item = prepared.item
        let captured = item.capturedAt ?? Date()
        let article = item.article.value
        let articleID = try articleID(article) ?? createArticle(article, at: captured)
        (batch.article, batch.restated) = (articleID, nil)
        let digest = StoredRow.digest(item.text)
        let head = try head(articleID)
        // A newest revision written in this batch without its whole payload is read from `newest`.
        let unencoded = batch.unencoded.contains(articleID)
        var headText: [UInt8]?
        if let head, head.digest == digest, head.rawSize == item.text.count {
            let text = try batch.newest[articleID] ?? head.decode(base: nil, article: article)
            headText = text
            if text == item.text, RevisionMetadata.from(json: head.metadataJSON).describesSameVersion(as: item.metadata)
            {
                var kept = head
                if unencoded {  // it stays the newest: its whole payload now, so that it is reported whole
                    kept.payload = try PayloadCodec.encodeFull(text)
                    try replaceHead(articleID, kept)
                    batch.unencoded.remove(articleID)
                    batch.restated = kept
                }
                return .unchanged(kept.revision(article: article, metadata: kept.metadataJSON))
            }
        }
        let revertOf = try earlierRevision(
            withText: item.text, digest: digest, articleID, head: head, headText: headText,
            newestText: batch.newest[articleID], article: article)
        if let head {
            var moved = head
            let previousText = try headText ?? batch.newest[articleID] ?? head.decode(base: nil, article: article)
            var whole = true
            // The previous newest becomes a delta against this text (unless it is a keyframe)…
            if head.number % PayloadCodec.keyframeInterval != 0 {
                let (codec, delta) =
                    if let ready = prepared.deltaOfPrevious, ready.previous == previousText {
                        (ready.codec, ready.payload)
                    } else {
                        try PayloadCodec.encodeSmallestDelta(previousText, base: item.text)
                    }
                // …when it is smaller than the whole payload. A payload not yet made is made only
                // when the delta is not far below any whole payload of text (1/16 of the text).
                let farBelow = unencoded && delta.count * 16 <= previousText.count
                let wholeSize =
                    farBelow ? 0 : unencoded ? try PayloadCodec.encodeFull(previousText).count : head.payload.count
                if farBelow || Double(delta.count) <= Double(wholeSize) * PayloadCodec.deltaGain {
                    (moved.codec, moved.payload) = (codec.code, delta)
                    whole = false
                }
            }
            if whole && unencoded { moved.payload = try PayloadCodec.encodeFull(previousText) }
            // Metadata only where it changes: nil is "as the next revision", "" is none.
            moved.metadataJSON = head.metadataJSON == item.metadata.json ? nil : head.metadataJSON ?? ""
            try insertHistory(articleID, moved, epoch: epoch(articleID))
            batch.restated = moved
        }
        let row = StoredRow(
            number: (head?.number ?? 0) + 1, capturedAt: StoredRow.milliseconds(captured), digest: digest,
            rawSize: item.text.count, codec: PayloadCodec.full.code, payload: prepared.payload ?? [],
            revertOf: revertOf, metadataJSON: item.metadata.json)
        try replaceHead(articleID, row)
        batch.newest[articleID] = item.text
        if prepared.payload == nil { batch.unencoded.insert(articleID) } else { batch.unencoded.remove(articleID) }
        return .added(row.revision(article: article, metadata: row.metadataJSON))
    }

    /// The newest earlier revision whose text is `text` (a revert: A → B → A), or nil. Candidates
    /// are found by digest and size, then confirmed on the texts themselves.
    func earlierRevision(
        withText text: [UInt8], digest: [UInt8], _ articleID: Int64, head: StoredRow?, headText: [UInt8]?,
        newestText: [UInt8]?, article: String
    ) throws -> Int? {
        guard let head else { return nil }
        if head.digest == digest, head.rawSize == text.count,
            try (headText ?? head.decode(base: nil, article: article)) == text
        {
            return head.number
        }
        for number in try candidates(articleID, digest: digest, size: text.count)
        where try self.text(articleID, number: number, head: head, headText: newestText, article: article) == text {
            return number
        }
        return nil
    }

    // MARK: Reading

    /// The article's id, or an error listing the keys that look like it.
    package func existingArticle(_ article: ArticleKey) throws -> Int64 {
        if let id = try articleID(article.value) { return id }
        let wanted = article.value.lowercased()
        let nearby = try articleKeys().filter { key in
            let lower = key.lowercased()
            return lower.contains(wanted) || wanted.contains(lower) || lower.hasPrefix(String(wanted.prefix(3)))
        }
        throw StoreError(.unknownArticle(article.value, nearby: Array(nearby.sorted().prefix(5))))
    }

    /// A revision and its text, checked against its digest.
    package func text(of article: ArticleKey, _ selector: RevisionSelector) throws -> (Revision, [UInt8]) {
        let articleID = try existingArticle(article)
        let head = try head(articleID)
        guard let head, let number = selector.resolve(count: head.number) else {
            throw StoreError(
                .unknownRevision(article: article.value, revision: selector.description, count: head?.number ?? 0))
        }
        let text = try self.text(articleID, number: number, head: head, article: article.value)
        guard let row = try row(articleID, number: number, head: head) else {
            throw StoreError(.corrupt(article: article.value, revision: number, detail: "missing from the history"))
        }
        let metadata = try metadata(articleID, number: number, head: head)
        return (row.revision(article: article.value, metadata: metadata), text)
    }

    /// Revision `number`'s row: the newest, or one of the history.
    package func row(_ articleID: Int64, number: Int, head: StoredRow) throws -> StoredRow? {
        number == head.number ? head : try history(articleID, from: number, through: number).first
    }

    /// The article's newest revision, or nil when there is no such article.
    package func latestRevision(of article: ArticleKey) throws -> Revision? {
        guard let id = try articleID(article.value), let head = try head(id) else { return nil }
        return head.revision(article: article.value, metadata: head.metadataJSON)
    }

    /// The stored digest (hex) of each revision, by number (empty for an unknown article).
    package func digests(of article: ArticleKey) throws -> [Int: String] {
        guard let id = try articleID(article.value), let head = try head(id) else { return [:] }
        var digests = [head.number: hex(head.digest)]
        for (number, digest) in try historyDigests(id) { digests[number] = hex(digest) }
        return digests
    }

    /// Every revision of an article, oldest first.
    package func revisions(of article: ArticleKey) throws -> [Revision] {
        try newestFirst(existingArticle(article)).map { row, metadata in
            row.revision(article: article.value, metadata: metadata)
        }.reversed()
    }

    /// The text of revision `number`: the chain of deltas from it up to the first whole revision
    /// after it (a keyframe, at most ``PayloadCodec/keyframeInterval`` steps, or the newest).
    ///
    /// Only the text asked for is checked against its digest: a damaged step changes it too. When
    /// it does not match, the chain is walked again checking every step, to name the damaged one.
    /// `headText`, when given, is the newest revision's text (in a batch, before its whole
    /// payload is written).
    package func text(_ articleID: Int64, number: Int, head: StoredRow, headText: [UInt8]? = nil, article: String)
        throws -> [UInt8]
    {
        guard number < head.number else { return try headText ?? head.decode(base: nil, article: article) }
        let keyframe = try keyframe(articleID, from: number)
        var chain = try history(articleID, from: number, through: keyframe ?? head.number)
        if keyframe == nil { chain.insert(head, at: 0) }
        guard chain.last?.number == number, chain.count == (keyframe ?? head.number) - number + 1 else {
            throw StoreError(.corrupt(article: article, revision: number, detail: "a revision after it is missing"))
        }
        func walk(verifyingEach: Bool) throws(StoreError) -> [UInt8] {
            var text: [UInt8]?
            for (index, row) in chain.enumerated() {
                if index == 0, keyframe == nil, let headText {
                    text = headText
                    continue
                }
                text = try row.decode(base: text, article: article, verify: verifyingEach || index == chain.count - 1)
            }
            return text ?? []
        }
        do {
            return try walk(verifyingEach: false)
        } catch {
            return try walk(verifyingEach: true)
        }
    }

    /// The metadata of revision `number`: its own, or that of the first newer revision that has
    /// any recorded (the history keeps metadata only where it changed).
    package func metadata(_ articleID: Int64, number: Int, head: StoredRow) throws -> String? {
        guard number < head.number, let json = try recordedMetadata(articleID, from: number) else {
            return head.metadataJSON
        }
        return json.isEmpty ? nil : json
    }

    /// The article's rows, newest first, each with its metadata resolved.
    package func newestFirst(_ articleID: Int64) throws -> [(row: StoredRow, metadata: String?)] {
        guard let head = try head(articleID) else { return [] }
        var current = head.metadataJSON
        var rows: [(row: StoredRow, metadata: String?)] = [(head, current)]
        for row in try history(articleID, from: 1, through: head.number - 1) {
            if let json = row.metadataJSON { current = json.isEmpty ? nil : json }
            rows.append((row, current))
        }
        return rows
    }

    /// Every revision of an article with its text, oldest first, decoded in one pass, each text
    /// checked against its digest.
    package func history(of article: ArticleKey) throws -> [(Revision, [UInt8])] {
        try history(existingArticle(article), article: article.value)
    }

    /// ``history(of:)`` by the article's id (`article` names it in revisions and errors).
    package func history(_ articleID: Int64, article: String) throws -> [(Revision, [UInt8])] {
        var next: [UInt8]?
        var versions: [(Revision, [UInt8])] = []
        for (row, metadata) in try newestFirst(articleID) {
            let text = try row.decode(base: row.isWhole ? nil : next, article: article)
            versions.append((row.revision(article: article, metadata: metadata), text))
            next = text
        }
        return versions.reversed()
    }

    // MARK: Checking

    /// Every revision of the article decoded and checked, newest first (each delta needs the text
    /// of the revision after it); numbering gaps and broken chains reported.
    package func check(_ articleID: Int64, key: String) throws -> [StoreProblem] {
        var problems: [StoreProblem] = []
        let rows = try newestFirst(articleID).map(\.row)
        var successor: (number: Int, text: [UInt8]?)?
        for (index, row) in rows.enumerated() {
            if row.number != (rows.first?.number ?? 0) - index || (index == rows.count - 1 && row.number != 1) {
                problems.append(StoreProblem(article: key, revision: row.number, detail: "numbering gap"))
            }
            var base: [UInt8]?
            if !row.isWhole {
                guard let successor, successor.number == row.number + 1, let text = successor.text else {
                    problems.append(
                        StoreProblem(
                            article: key, revision: row.number,
                            detail: "its base revision \(row.number + 1) is unreadable"))
                    successor = (row.number, nil)
                    continue
                }
                base = text
            }
            do {
                successor = (row.number, try row.decode(base: base, article: key))
            } catch {
                if case .corrupt(_, _, let detail) = error.reason {
                    problems.append(StoreProblem(article: key, revision: row.number, detail: detail))
                }
                successor = (row.number, nil)
            }
        }
        return problems
    }
}

/// What a batch's writes keep between its revisions: each touched article's newest text (not
/// inflated again), and the articles whose newest revision was written without its whole
/// payload. ``PayloadCodec/prepare(_:)`` makes that payload only for the last revision of an
/// article in a batch: the others become deltas as soon as the next one is added, so deflating
/// them whole was wasted (two deflates in three, importing a WARC archive). One still needed — a
/// keyframe, a delta that does not pay — is made when the revision moves into the history, and
/// a newest revision left without it at the end of the batch gets it there.
package struct BatchWrite {
    package var newest: [Int64: [UInt8]] = [:]
    package var unencoded: Set<Int64> = []
    /// The article of the last version inserted, and its previous newest revision as now stored
    /// when that changed (moved into the history, or given its whole payload).
    package var article: Int64?
    package var restated: StoredRow?
}
