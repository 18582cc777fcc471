import Foundation
import RedlineIngest

/// Any bytes as a WARC file (plain, or gzip when they start with its magic bytes): records are
/// read until the end, damage reported and skipped; the reader must always make progress.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWARC(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let path = NSTemporaryDirectory() + "redline-fuzz-\(getpid()).warc"
    FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: size))
    defer { try? FileManager.default.removeItem(atPath: path) }
    guard let reader = try? WARCReader(path: path) else { return 0 }
    var steps = 0
    while steps < 100_000 {
        steps += 1
        do {
            guard let record = try reader.next(wantsBlock: { _ in true }) else { break }
            if let block = record.block { _ = try? HTTPResponse.parse(block) }
        } catch {
            if case .damagedMember = error.reason { try? reader.recover() }
        }
    }
    if steps >= 100_000 { fatalError("the WARC reader made no progress") }
    return 0
}
