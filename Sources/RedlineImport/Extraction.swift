import Foundation
import RedlineIngest

/// The pages of WARC records extracted on several threads while the next records are read:
/// records are queued as they are read, `workers` threads take them, and their results come
/// back in record order. At most ``WARCImport/window`` records, and ``WARCImport/windowBytes``
/// bytes of them, are in flight (one record always may be), so memory stays bounded whatever
/// the archive.
final class Extraction: @unchecked Sendable {
    // @unchecked: every stored property below is read and written with `condition` locked.
    private let condition = NSCondition()
    private var pending: [(number: Int, record: WARCRecord, file: String)] = []
    private var results: [Int: WARCImport.Extracted] = [:]
    private var sizes: [Int: Int] = [:]
    private var submitted = 0
    private var taken = 0
    private var bytesInFlight = 0
    private var closed = false
    private let parallel: Bool

    /// An extraction on `workers` threads (one: every record extracted on the reading thread).
    init(workers: Int) {
        parallel = workers > 1
        guard parallel else { return }
        for index in 0..<workers {
            let thread = Thread { [self] in work() }
            thread.name = "redline-extract-\(index)"
            thread.start()
        }
    }

    deinit {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// A worker: takes queued records until the extraction is closed.
    private func work() {
        while true {
            condition.lock()
            while pending.isEmpty && !closed { condition.wait() }
            if pending.isEmpty {
                condition.unlock()
                return
            }
            let job = pending.removeFirst()
            condition.unlock()
            let extracted = WARCImport.extract(job.record, file: job.file)
            condition.lock()
            results[job.number] = extracted
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Hands `record` over for extraction; returns the results ready by now, in record order
    /// (waiting for the oldest while the window is full).
    func submit(_ record: WARCRecord, file: String) -> [WARCImport.Extracted] {
        guard parallel else { return [WARCImport.extract(record, file: file)] }
        let size = record.block?.count ?? 0
        var ready: [WARCImport.Extracted] = []
        condition.lock()
        defer { condition.unlock() }
        while submitted > taken
            && (submitted - taken >= WARCImport.window || bytesInFlight + size > WARCImport.windowBytes)
        {
            while results[taken] == nil { condition.wait() }
            drain(into: &ready)
        }
        pending.append((submitted, record, file))
        sizes[submitted] = size
        bytesInFlight += size
        submitted += 1
        condition.broadcast()
        drain(into: &ready)
        return ready
    }

    /// Waits for every record handed over; their results in record order. The workers stop.
    func finish() -> [WARCImport.Extracted] {
        var ready: [WARCImport.Extracted] = []
        condition.lock()
        while taken < submitted {
            while results[taken] == nil { condition.wait() }
            drain(into: &ready)
        }
        closed = true
        condition.broadcast()
        condition.unlock()
        return ready
    }

    /// Moves the results ready in order into `ready` (with `condition` locked).
    private func drain(into ready: inout [WARCImport.Extracted]) {
        while let extracted = results.removeValue(forKey: taken) {
            bytesInFlight -= sizes.removeValue(forKey: taken) ?? 0
            taken += 1
            ready.append(extracted)
        }
    }
}
