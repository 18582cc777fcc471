import Foundation
import RedlineIngest

/// The pages of WARC records extracted on several threads while the next records are read:
/// records are queued as they are read, `workers` threads take them, and their results come
/// back in record order. At most ``WARCImport/window`` records, and ``WARCImport/windowBytes``
/// bytes of them, are in flight (one record always may be), so memory stays bounded whatever
/// the archive.
final class Extraction: @unchecked Sendable {
    // @unchecked: `pending` and `closed` are touched with `work` locked; `results`, `sizes`,
    // `taken` and `bytesInFlight` with `done` locked; `submitted` only by the reading thread.
    // Two conditions, so that a record handed over wakes one worker and a result wakes the reader
    // only when it is the one the reader waits for (rather than one broadcast waking every thread
    // twice a record).
    private let work = NSCondition()
    private let done = NSCondition()
    private var pending: [(number: Int, record: WARCRecord, file: String)] = []
    private var closed = false
    private var results: [Int: WARCImport.Extracted] = [:]
    private var sizes: [Int: Int] = [:]
    private var submitted = 0
    private var taken = 0
    private var bytesInFlight = 0
    private let parallel: Bool

    /// An extraction on `workers` threads (one: every record extracted on the reading thread).
    init(workers: Int) {
        parallel = workers > 1
        guard parallel else { return }
        for index in 0..<workers {
            let thread = Thread { [self] in extractQueued() }
            thread.name = "redline-extract-\(index)"
            thread.start()
        }
    }

    deinit {
        close()
    }

    /// Tells the workers to stop once the queue is empty.
    private func close() {
        work.lock()
        closed = true
        work.broadcast()
        work.unlock()
    }

    /// A worker: takes queued records until the extraction is closed.
    private func extractQueued() {
        while true {
            work.lock()
            while pending.isEmpty && !closed { work.wait() }
            if pending.isEmpty {
                work.unlock()
                return
            }
            let job = pending.removeFirst()
            work.unlock()
            let extracted = WARCImport.extract(job.record, file: job.file)
            done.lock()
            results[job.number] = extracted
            if job.number == taken { done.signal() }  // the reader waits for no other
            done.unlock()
        }
    }

    /// Hands `record` over for extraction; returns the results ready by now, in record order
    /// (waiting for the oldest while the window is full).
    func submit(_ record: WARCRecord, file: String) -> [WARCImport.Extracted] {
        guard parallel else { return [WARCImport.extract(record, file: file)] }
        let size = record.block?.count ?? 0
        var ready: [WARCImport.Extracted] = []
        done.lock()
        while submitted > taken
            && (submitted - taken >= WARCImport.window || bytesInFlight + size > WARCImport.windowBytes)
        {
            while results[taken] == nil { done.wait() }
            drain(into: &ready)
        }
        drain(into: &ready)
        sizes[submitted] = size
        bytesInFlight += size
        done.unlock()
        work.lock()
        pending.append((submitted, record, file))
        work.signal()
        work.unlock()
        submitted += 1
        return ready
    }

    /// Waits for every record handed over; their results in record order. The workers stop.
    func finish() -> [WARCImport.Extracted] {
        var ready: [WARCImport.Extracted] = []
        done.lock()
        while taken < submitted {
            while results[taken] == nil { done.wait() }
            drain(into: &ready)
        }
        done.unlock()
        close()
        return ready
    }

    /// Moves the results ready in order into `ready` (with `done` locked).
    private func drain(into ready: inout [WARCImport.Extracted]) {
        while let extracted = results.removeValue(forKey: taken) {
            bytesInFlight -= sizes.removeValue(forKey: taken) ?? 0
            taken += 1
            ready.append(extracted)
        }
    }
}
