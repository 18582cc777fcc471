// In-process benchmarks of the diff engine against the standard library's `difference(from:)`.
//
//   swift run -c release --package-path Benchmarks redline-bench CORPUS_DIR
//
// CORPUS_DIR is the output of ../shared/bench/gen_corpus.py. Prints one table; every figure is a
// median over repeated runs in this process, so ratios compare like with like.
import Foundation
import RedlineDiff
import RedlineFacts
import RedlineIngest
import RedlineStore

let clock = ContinuousClock()

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Median wall time of `body` over `repetitions` runs (at least one), stopping early past `budget` seconds.
func median(repetitions: Int, budget: Double = 20, _ body: () -> Void) -> Double {
    var times: [Double] = []
    var spent = 0.0
    for _ in 0..<repetitions {
        let time = seconds(clock.measure(body))
        times.append(time)
        spent += time
        if spent > budget { break }
    }
    times.sort()
    return times[times.count / 2]
}

func load(_ corpus: String, _ name: String) -> (String, String) {
    let folder = URL(fileURLWithPath: corpus).appendingPathComponent(name)
    guard let a = try? String(contentsOf: folder.appendingPathComponent("a.txt"), encoding: .utf8),
        let b = try? String(contentsOf: folder.appendingPathComponent("b.txt"), encoding: .utf8)
    else {
        FileHandle.standardError.write(Data("cannot read \(folder.path): run gen_corpus.py first\n".utf8))
        exit(2)
    }
    return (a, b)
}

/// Word tokens interned to dense ids through a Swift dictionary, as the stdlib peer does.
func internedWords(_ a: String, _ b: String) -> ([Int], [Int]) {
    var ids: [Substring: Int] = [:]
    func intern(_ text: String) -> [Int] {
        Granularity.word.tokens(of: text).map { token in
            if let id = ids[token] { return id }
            let id = ids.count
            ids[token] = id
            return id
        }
    }
    return (intern(a), intern(b))
}

func format(_ seconds: Double) -> String {
    if seconds < 1e-3 { return String(format: "%.1f µs", seconds * 1e6) }
    if seconds < 1 { return String(format: "%.2f ms", seconds * 1e3) }
    return String(format: "%.2f s", seconds)
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: redline-bench CORPUS_DIR")
    exit(2)
}
let corpus = arguments[1]
if corpus == "extract" {
    // `redline-bench extract PAGES_DIR [ROUNDS]`: single-core extraction speed over every .html
    // file under PAGES_DIR (subfolders too: the real-page set keeps one per source), the slowest
    // pages, and the process's peak memory.
    guard arguments.count >= 3 else {
        print("usage: redline-bench extract PAGES_DIR [ROUNDS]")
        exit(2)
    }
    let directory = URL(fileURLWithPath: arguments[2])
    let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5
    let files = (FileManager.default.subpaths(atPath: directory.path) ?? []).filter { $0.hasSuffix(".html") }.sorted()
    let pages = try files.map { [UInt8](try Data(contentsOf: directory.appendingPathComponent($0))) }
    let bytes = pages.reduce(0) { $0 + $1.count }
    var failures = 0
    var times: [Double] = []
    var pageTimes = [[Double]](repeating: [], count: pages.count)
    for _ in 0..<rounds {
        let time = seconds(
            clock.measure {
                for (index, page) in pages.enumerated() {
                    let start = clock.now
                    do {
                        _ = try ArticleReader.read(page, name: files[index], format: .html)
                    } catch {
                        failures += 1
                    }
                    pageTimes[index].append(seconds(start.duration(to: clock.now)))
                }
            })
        times.append(time)
    }
    times.sort()
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let best = times[0]
    let median = times[times.count / 2]
    print("| pages | bytes | rounds | median time | MB/s (median) | MB/s (best) | pages/s | peak RSS |")
    print("|---|---|---|---|---|---|---|---|")
    print(
        "| \(pages.count) | \(bytes) | \(rounds) | \(format(median)) | \(String(format: "%.1f", Double(bytes) / median / 1e6)) | "
            + "\(String(format: "%.1f", Double(bytes) / best / 1e6)) | \(String(format: "%.0f", Double(pages.count) / median)) | "
            + "\(usage.ru_maxrss / 1024) MiB |")
    // Each page's median time over the rounds; the five slowest in MB/s.
    let perPage = pages.indices.map { index -> (rate: Double, name: String, time: Double) in
        let sorted = pageTimes[index].sorted()
        let time = sorted[sorted.count / 2]
        return (Double(pages[index].count) / time / 1e6, files[index], time)
    }.sorted { $0.rate < $1.rate }
    print()
    print("Slowest pages: " + perPage.prefix(5).map { "\($0.name) \(String(format: "%.1f", $0.rate)) MB/s (\(format($0.time)))" }.joined(separator: "; "))
    if failures > 0 { print("(\(failures / rounds) pages per round were refused: not articles)") }
    exit(0)
}
if corpus == "warc-read" {
    // `redline-bench warc-read FILE...`: the WARC reader alone (every record, every block copied),
    // no extraction or store; MB/s of uncompressed WARC data and peak memory.
    var records = 0
    var blocks = 0
    var decoded: Int64 = 0
    var compressed: Int64 = 0
    let time = seconds(
        clock.measure {
            for path in arguments.dropFirst(2) {
                guard let reader = try? WARCReader(path: path) else { continue }
                while true {
                    do {
                        guard let record = try reader.next(wantsBlock: { _ in true }) else { break }
                        records += 1
                        blocks += record.block?.count ?? 0
                    } catch {
                        try? reader.recover()
                    }
                }
                decoded += reader.bytesDecoded
                compressed += reader.fileBytesRead
            }
        })
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    print("| records | block bytes | WARC bytes (uncompressed) | file bytes | time | MB/s uncompressed | peak RSS |")
    print("|---|---|---|---|---|---|---|")
    print(
        "| \(records) | \(blocks) | \(decoded) | \(compressed) | \(format(time)) | "
            + "\(String(format: "%.1f", Double(decoded) / time / 1e6)) | \(usage.ru_maxrss / 1024) MiB |")
    exit(0)
}
if corpus == "store-read" {
    // `redline-bench store-read STORE_DIR ARTICLES REVISIONS`: in-process latency of reading one
    // revision at several depths of a history (Benchmarks/store.sh builds the store).
    guard arguments.count == 5, let articles = Int(arguments[3]), let revisions = Int(arguments[4]) else {
        print("usage: redline-bench store-read STORE_DIR ARTICLES REVISIONS")
        exit(2)
    }
    let store = try SQLiteStore(path: StoreLocation.find(explicit: arguments[2]))
    var generator = SystemRandomNumberGenerator()
    print("| revision read | steps from the newest | median | p99 |")
    print("|---|---|---|---|")
    for number in [revisions, revisions - 1, revisions / 2, 1] {
        var times: [Double] = []
        for _ in 0..<2000 {
            let key = ArticleKey(String(format: "article-%03d", Int.random(in: 0..<articles, using: &generator)))
            times.append(seconds(clock.measure { _ = try? store.text(of: key, .number(number)) }))
        }
        times.sort()
        let p99 = times[times.count * 99 / 100]
        print("| @\(number) of \(revisions) | \(revisions - number) | \(format(times[times.count / 2])) | \(format(p99)) |")
    }
    exit(0)
}
/// `redline-bench CORPUS facts` runs only the facts figures (for profiling).
let onlyFacts = arguments.count > 2 && arguments[2] == "facts"
if arguments.count > 2 && arguments[2] == "profile-pairs" {
    // A tight loop over one article pair's fact diff, for `perf record`: `profile-pairs [PAIR]`.
    let (a, b) = load(corpus, arguments.count > 3 ? arguments[3] : "a2_article_8k_3pct")
    let diff = Diff(a, b, by: .word)
    for _ in 0..<3000 { _ = FactDiff(diff: diff) }
    exit(0)
}
if arguments.count > 2 && arguments[2] == "breakdown" {
    let (a, b) = load(corpus, "a2_article_8k_3pct")
    let diff = Diff(a, b, by: .word)
    let changes = diff.sentenceChanges!
    let tDiff = median(repetitions: 300) { _ = Diff(a, b, by: .word) }
    let tOld = median(repetitions: 300) { _ = FactSheet(text: diff.oldBytes, touching: changes.map(\.old)) }
    let tNew = median(repetitions: 300) { _ = FactSheet(text: diff.newBytes, touching: changes.map(\.new)) }
    let tAll = median(repetitions: 300) { _ = FactDiff(diff: diff) }
    print("diff", format(tDiff), "old sheet", format(tOld), "new sheet", format(tNew), "fact diff", format(tAll))
    exit(0)
}
if arguments.count > 2 && arguments[2] == "profile-sheet" {
    let (a, _) = load(corpus, "a2_article_8k_3pct")
    let text = TextBytes(a)
    for _ in 0..<1000 { _ = FactSheet(text: text) }
    exit(0)
}

print("## In-process figures (median of repeated runs)\n")
if !onlyFacts {

    // 1. Typical article pairs: microseconds per full word diff (paragraphs → sentences → words).
    print("| article pair | bytes | redline word diff | stdlib difference(from:) on interned words | ratio |")
    print("|---|---|---|---|---|")
    for name in ["a1_article_6k_1pct", "a2_article_8k_3pct", "a3_article_10k_5pct"] {
        let (a, b) = load(corpus, name)
        let ours = median(repetitions: 400) { _ = Diff(a, b, by: .word) }
        let (ia, ib) = internedWords(a, b)
        let stdlib = median(repetitions: 200) { _ = ib.difference(from: ia) }
        print(
            "| \(name) | \(a.utf8.count) | \(format(ours)) | \(format(stdlib)) | \(String(format: "%.1f×", stdlib / ours)) |"
        )
    }

    // 2. The 1 MB pair: our word diff against the standard library on the same interned tokens.
    do {
        let (a, b) = load(corpus, "c1_1m_1pct")
        let (ia, ib) = internedWords(a, b)
        let ids32a = ia.map(Int32.init)
        let ids32b = ib.map(Int32.init)
        let idCount = max(ia.max() ?? 0, ib.max() ?? 0) + 1
        let stdlib = median(repetitions: 5) { _ = ib.difference(from: ia) }
        let whole = median(repetitions: 20) { _ = Diff(a, b, by: .word) }
        let flat = median(repetitions: 10) { _ = Diff(a, b, by: .word, options: .init(hierarchical: false)) }
        let engine = median(repetitions: 10) { _ = Myers.changes(old: ids32a, new: ids32b, idCount: idCount) }
        let engineMinimal = median(repetitions: 10) {
            _ = Myers.changes(old: ids32a, new: ids32b, idCount: idCount, minimal: true)
        }
        print("\n### 1 MB pair, word diff (\(ia.count) + \(ib.count) tokens)\n")
        print("| what | time | stdlib ÷ this |")
        print("|---|---|---|")
        print("| stdlib `difference(from:)` on interned word ids (diff only) | \(format(stdlib)) | 1.0× |")
        print(
            "| redline `Diff(a, b, by: .word)` (tokenize + intern + hierarchical diff) | \(format(whole)) | \(String(format: "%.1f×", stdlib / whole)) |"
        )
        print(
            "| redline flat word diff, cost limit (tokenize + intern + diff) | \(format(flat)) | \(String(format: "%.1f×", stdlib / flat)) |"
        )
        print(
            "| redline `Myers.changes` on the same ids, cost limit | \(format(engine)) | \(String(format: "%.1f×", stdlib / engine)) |"
        )
        print(
            "| redline `Myers.changes` on the same ids, minimal | \(format(engineMinimal)) | \(String(format: "%.1f×", stdlib / engineMinimal)) |"
        )
    }

    // 3. Unrelated texts: how far from minimal the cost limit leaves the script.
    do {
        let (a, b) = load(corpus, "d_unrelated_100k")
        func edited(_ diff: Diff) -> Int { diff.counts.deletedTokens + diff.counts.insertedTokens }
        let minimal = Diff(a, b, by: .word, options: .init(minimal: true))
        let flat = Diff(a, b, by: .word, options: .init(hierarchical: false))
        let prose = Diff(a, b, by: .word)
        let tMinimal = median(repetitions: 5) { _ = Diff(a, b, by: .word, options: .init(minimal: true)) }
        let tFlat = median(repetitions: 20) { _ = Diff(a, b, by: .word, options: .init(hierarchical: false)) }
        let tProse = median(repetitions: 20) { _ = Diff(a, b, by: .word) }
        print("\n### Unrelated 100 KB pair, word diff: distance from minimal\n")
        print("| mode | time | tokens deleted + inserted | over minimal |")
        print("|---|---|---|---|")
        for (label, diff, time) in [
            ("minimal (`--minimal`)", minimal, tMinimal), ("flat, cost limit", flat, tFlat),
            ("hierarchical (default)", prose, tProse),
        ] {
            let overhead = Double(edited(diff)) / Double(max(edited(minimal), 1)) - 1
            print("| \(label) | \(format(time)) | \(edited(diff)) | \(String(format: "+%.1f%%", overhead * 100)) |")
        }
    }

}

// 4. Facts: extraction throughput, and whole comparisons (word diff + fact diff) per second.
do {
    print("\n### Facts\n")
    print("| what | input | time | throughput |")
    print("|---|---|---|---|")
    let (big, _) = load(corpus, "c1_1m_1pct")
    let bigBytes = TextBytes(big)
    let extraction = median(repetitions: 5) { _ = FactSheet(text: bigBytes) }
    print(
        "| `FactSheet` extraction (every sentence) | 1 MB | \(format(extraction)) | \(String(format: "%.1f MB/s", Double(big.utf8.count) / extraction / 1e6)) |"
    )
    for name in ["a1_article_6k_1pct", "a2_article_8k_3pct", "a3_article_10k_5pct"] {
        let (a, b) = load(corpus, name)
        let aBytes = TextBytes(a)
        let sheet = median(repetitions: 300) { _ = FactSheet(text: aBytes) }
        let pair = median(repetitions: 300) { _ = FactDiff(diff: Diff(a, b, by: .word)) }
        print(
            "| `FactSheet` extraction | \(name) a.txt | \(format(sheet)) | \(String(format: "%.1f MB/s", Double(a.utf8.count) / sheet / 1e6)) |"
        )
        print(
            "| word diff + fact diff | \(name) | \(format(pair)) | \(String(format: "%.0f pairs/s", 1 / pair)) |"
        )
    }
}
