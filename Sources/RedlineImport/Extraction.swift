import Dispatch
import Foundation
import RedlineIngest

/// The pages of WARC records extracted on every core while the next records are read: records
/// go to a concurrent queue as they are read, and their results come back in record order. At
/// most ``WARCImport/window`` records, and ``WARCImport/windowBytes`` bytes of them, are in
/// flight (one record always may be), so memory stays bounded whatever the archive.
final class Extraction: @unchecked Sendable {
    // @unchecked: every stored property below is read and written with `condition` locked.
    private let condition = NSCondition()
    private var results: [Int: WARCImport.Extracted] = [:]
    private var sizes: [Int: Int] = [:]
    private var submitted = 0
    private var taken = 0
    private var bytesInFlight = 0
    private let parallel: Bool
    private let queue = DispatchQueue(label: "redline.warc.extraction", attributes: .concurrent)

    /// An extraction on `workers` cores (one: every record extracted on the reading thread).
    init(workers: Int) {
        parallel = workers > 1
    }

    /// Hands `record` over for extraction; returns the results ready by now, in record order
    /// (waiting for the oldest while the window is full).
    func submit(_ record: WARCRecord, file: String) -> [WARCImport.Extracted] {
        guard parallel else { return [WARCImport.extract(record, file: file)] }
        let size = record.block?.count ?? 0
        var ready: [WARCImport.Extracted] = []
        condition.lock()
        while submitted > taken
            && (submitted - taken >= WARCImport.window || bytesInFlight + size > WARCImport.windowBytes)
        {
            while results[taken] == nil { condition.wait() }
            drain(into: &ready)
        }
        let number = submitted
        submitted += 1
        bytesInFlight += size
        sizes[number] = size
        condition.unlock()
        queue.async {
            let extracted = WARCImport.extract(record, file: file)
            self.condition.lock()
            self.results[number] = extracted
            self.condition.broadcast()
            self.condition.unlock()
        }
        condition.lock()
        drain(into: &ready)
        condition.unlock()
        return ready
    }

    /// Waits for every record handed over; their results in record order.
    func finish() -> [WARCImport.Extracted] {
        var ready: [WARCImport.Extracted] = []
        condition.lock()
        while taken < submitted {
            while results[taken] == nil { condition.wait() }
            drain(into: &ready)
        }
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
