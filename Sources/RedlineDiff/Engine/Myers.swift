/// Myers' O(ND) difference algorithm with the linear-space divide-and-conquer refinement.
///
/// Works on token ids (`Int32`) produced by ``TokenInterner``. The result is a pair of
/// "changed" flag arrays, one per side, in the style of GNU diff and git's xdiff: a token
/// whose flag is set is deleted (old side) or inserted (new side); the unflagged tokens of
/// both sides form a common subsequence, in order.
///
/// Speed-ups, in the order they apply:
/// 1. the common prefix and suffix are trimmed;
/// 2. tokens that occur on one side only can never match, so they are flagged at once and
///    left out of the search (GNU diff's `discard_confusing_lines`, xdiff's `xdl_cleanup_records`);
/// 3. the search runs from both ends at once and splits at the middle snake, so memory stays O(N);
/// 4. unless `minimal` is set, the search for a split gives up after about √N edit steps and takes
///    the furthest-reaching path instead (xdiff's `mxcost` heuristic), and accepts an early split at
///    a long diagonal run found far along (xdiff's `snake_cnt` heuristic).
///
/// - Complexity: O((N + M) · D) time in the worst case, O(N + D²) on typical inputs; O(N + M) memory.
public enum Myers {
    /// Computes which tokens of `old` and `new` are not part of the common subsequence.
    ///
    /// - Parameters:
    ///   - old: token ids of the old side.
    ///   - new: token ids of the new side.
    ///   - idCount: one more than the largest id in either side (sizes the occurrence tables).
    ///   - minimal: search for the exact shortest edit script, however long it takes.
    /// - Returns: `changedOld[i]` is true when `old[i]` is deleted, `changedNew[j]` when `new[j]` is inserted.
    public static func changes(
        old: [Int32], new: [Int32], idCount: Int, minimal: Bool = false
    ) -> (changedOld: [Bool], changedNew: [Bool]) {
        var changedOld = [Bool](repeating: false, count: old.count)
        var changedNew = [Bool](repeating: false, count: new.count)
        old.withUnsafeBufferPointer { a in
            new.withUnsafeBufferPointer { b in
                changedOld.withUnsafeMutableBufferPointer { ca in
                    changedNew.withUnsafeMutableBufferPointer { cb in
                        run(a: a, b: b, idCount: idCount, minimal: minimal, changedA: ca, changedB: cb)
                    }
                }
            }
        }
        return (changedOld, changedNew)
    }

    /// The whole pipeline over raw buffers: trim, discard, search.
    static func run(
        a: UnsafeBufferPointer<Int32>, b: UnsafeBufferPointer<Int32>, idCount: Int, minimal: Bool,
        changedA: UnsafeMutableBufferPointer<Bool>, changedB: UnsafeMutableBufferPointer<Bool>
    ) {
        var lo = 0
        var hiA = a.count
        var hiB = b.count
        while lo < hiA && lo < hiB && a[lo] == b[lo] { lo += 1 }
        while hiA > lo && hiB > lo && a[hiA - 1] == b[hiB - 1] {
            hiA -= 1
            hiB -= 1
        }
        if lo == hiA {
            for j in lo..<hiB { changedB[j] = true }
            return
        }
        if lo == hiB {
            for i in lo..<hiA { changedA[i] = true }
            return
        }

        // Count occurrences of each id on each side of the trimmed middle.
        var countA = [Int32](repeating: 0, count: idCount)
        var countB = [Int32](repeating: 0, count: idCount)
        for i in lo..<hiA { countA[Int(a[i])] &+= 1 }
        for j in lo..<hiB { countB[Int(b[j])] &+= 1 }

        // Keep only tokens that have a counterpart; remember where each kept token came from.
        var keptA: [Int32] = []
        var indexA: [Int] = []
        keptA.reserveCapacity(hiA - lo)
        indexA.reserveCapacity(hiA - lo)
        for i in lo..<hiA {
            if countB[Int(a[i])] == 0 {
                changedA[i] = true
            } else {
                keptA.append(a[i])
                indexA.append(i)
            }
        }
        var keptB: [Int32] = []
        var indexB: [Int] = []
        keptB.reserveCapacity(hiB - lo)
        indexB.reserveCapacity(hiB - lo)
        for j in lo..<hiB {
            if countA[Int(b[j])] == 0 {
                changedB[j] = true
            } else {
                keptB.append(b[j])
                indexB.append(j)
            }
        }

        var keptChangedA = [Bool](repeating: false, count: keptA.count)
        var keptChangedB = [Bool](repeating: false, count: keptB.count)
        keptA.withUnsafeBufferPointer { ka in
            keptB.withUnsafeBufferPointer { kb in
                keptChangedA.withUnsafeMutableBufferPointer { kca in
                    keptChangedB.withUnsafeMutableBufferPointer { kcb in
                        var search = MiddleSnakeSearch(a: ka, b: kb, minimal: minimal)
                        search.compare(changedA: kca, changedB: kcb)
                    }
                }
            }
        }
        for (k, flag) in keptChangedA.enumerated() where flag { changedA[indexA[k]] = true }
        for (k, flag) in keptChangedB.enumerated() where flag { changedB[indexB[k]] = true }
    }
}

/// The divide-and-conquer search. Kept separate so that its buffers are allocated once per diff.
struct MiddleSnakeSearch {
    /// A run of at least this many matching tokens counts as a "good" snake for the early-split heuristic.
    static let snakeCount = 20
    /// The early-split heuristic is only tried past this cost.
    static let heuristicMinimumCost = 256
    /// The smallest cost limit, whatever the input size.
    static let minimumCostLimit = 256
    /// A path qualifies for an early split when its progress exceeds this multiple of its cost.
    static let progressFactor = 4

    let a: UnsafeBufferPointer<Int32>
    let b: UnsafeBufferPointer<Int32>
    let minimal: Bool
    let costLimit: Int

    init(a: UnsafeBufferPointer<Int32>, b: UnsafeBufferPointer<Int32>, minimal: Bool) {
        self.a = a
        self.b = b
        self.minimal = minimal
        let diagonals = a.count + b.count + 3
        var root = 1
        while root * root < diagonals { root += 1 }
        costLimit = Swift.max(root, Self.minimumCostLimit)
    }

    struct Split {
        var i = 0
        var j = 0
        var minimalLow = true
        var minimalHigh = true
    }

    /// Flags every token of `a` and `b` that is not on the chosen path.
    mutating func compare(changedA: UnsafeMutableBufferPointer<Bool>, changedB: UnsafeMutableBufferPointer<Bool>) {
        let n = a.count
        let m = b.count
        let diagonals = n + m + 3
        // Forward and backward furthest-reaching arrays, indexed by diagonal k = i - j, offset by m + 1.
        let forward = UnsafeMutablePointer<Int>.allocate(capacity: diagonals)
        let backward = UnsafeMutablePointer<Int>.allocate(capacity: diagonals)
        defer {
            forward.deallocate()
            backward.deallocate()
        }
        let kvf = forward + (m + 1)
        let kvb = backward + (m + 1)

        // An explicit stack instead of recursion: heuristic splits can be very unbalanced.
        var stack: [(lowA: Int, highA: Int, lowB: Int, highB: Int, minimal: Bool)] = [(0, n, 0, m, minimal)]
        while let box = stack.popLast() {
            var lowA = box.lowA
            var highA = box.highA
            var lowB = box.lowB
            var highB = box.highB
            while lowA < highA && lowB < highB && a[lowA] == b[lowB] {
                lowA += 1
                lowB += 1
            }
            while lowA < highA && lowB < highB && a[highA - 1] == b[highB - 1] {
                highA -= 1
                highB -= 1
            }
            if lowA == highA {
                for j in lowB..<highB { changedB[j] = true }
            } else if lowB == highB {
                for i in lowA..<highA { changedA[i] = true }
            } else {
                let split = self.split(
                    lowA: lowA, highA: highA, lowB: lowB, highB: highB, needMinimal: box.minimal, kvf: kvf, kvb: kvb)
                stack.append((split.i, highA, split.j, highB, split.minimalHigh))
                stack.append((lowA, split.i, lowB, split.j, split.minimalLow))
            }
        }
    }

    /// Finds a point on an optimal (or, past the cost limit, a good) path through the box.
    func split(
        lowA: Int, highA: Int, lowB: Int, highB: Int, needMinimal: Bool,
        kvf: UnsafeMutablePointer<Int>, kvb: UnsafeMutablePointer<Int>
    ) -> Split {
        let dmin = lowA - highB
        let dmax = highA - lowB
        let fmid = lowA - lowB
        let bmid = highA - highB
        let odd = (fmid - bmid) & 1 != 0
        var fmin = fmid
        var fmax = fmid
        var bmin = bmid
        var bmax = bmid
        kvf[fmid] = lowA
        kvb[bmid] = highA
        var split = Split()

        var cost = 1
        while true {
            var gotSnake = false

            // Forward pass: extend each diagonal's furthest-reaching path by one edit.
            if fmin > dmin {
                fmin -= 1
                kvf[fmin - 1] = -1
            } else {
                fmin += 1
            }
            if fmax < dmax {
                fmax += 1
                kvf[fmax + 1] = -1
            } else {
                fmax -= 1
            }
            var d = fmax
            while d >= fmin {
                var i = kvf[d - 1] >= kvf[d + 1] ? kvf[d - 1] + 1 : kvf[d + 1]
                let start = i
                var j = i - d
                while i < highA && j < highB && a[i] == b[j] {
                    i += 1
                    j += 1
                }
                if i - start > Self.snakeCount { gotSnake = true }
                kvf[d] = i
                if odd && bmin <= d && d <= bmax && kvb[d] <= i {
                    return Split(i: i, j: j, minimalLow: true, minimalHigh: true)
                }
                d -= 2
            }

            // Backward pass.
            if bmin > dmin {
                bmin -= 1
                kvb[bmin - 1] = Int.max
            } else {
                bmin += 1
            }
            if bmax < dmax {
                bmax += 1
                kvb[bmax + 1] = Int.max
            } else {
                bmax -= 1
            }
            d = bmax
            while d >= bmin {
                var i = kvb[d - 1] < kvb[d + 1] ? kvb[d - 1] : kvb[d + 1] - 1
                let start = i
                var j = i - d
                while i > lowA && j > lowB && a[i - 1] == b[j - 1] {
                    i -= 1
                    j -= 1
                }
                if start - i > Self.snakeCount { gotSnake = true }
                kvb[d] = i
                if !odd && fmin <= d && d <= fmax && i <= kvf[d] {
                    return Split(i: i, j: j, minimalLow: true, minimalHigh: true)
                }
                d -= 2
            }

            if needMinimal {
                cost += 1
                continue
            }

            // Early split: a path that made far more progress than it cost and ends in a long snake.
            if gotSnake && cost > Self.heuristicMinimumCost {
                var best = 0
                d = fmax
                while d >= fmin {
                    let dd = d > fmid ? d - fmid : fmid - d
                    let i = kvf[d]
                    let j = i - d
                    let progress = (i - lowA) + (j - lowB) - dd
                    if progress > Self.progressFactor * cost && progress > best
                        && lowA + Self.snakeCount <= i && i < highA && lowB + Self.snakeCount <= j && j < highB
                    {
                        var k = 1
                        while a[i - k] == b[j - k] {
                            if k == Self.snakeCount {
                                best = progress
                                split.i = i
                                split.j = j
                                break
                            }
                            k += 1
                        }
                    }
                    d -= 2
                }
                if best > 0 {
                    split.minimalLow = true
                    split.minimalHigh = false
                    return split
                }
                best = 0
                d = bmax
                while d >= bmin {
                    let dd = d > bmid ? d - bmid : bmid - d
                    let i = kvb[d]
                    let j = i - d
                    let progress = (highA - i) + (highB - j) - dd
                    if progress > Self.progressFactor * cost && progress > best
                        && lowA < i && i <= highA - Self.snakeCount && lowB < j && j <= highB - Self.snakeCount
                    {
                        var k = 0
                        while a[i + k] == b[j + k] {
                            if k == Self.snakeCount - 1 {
                                best = progress
                                split.i = i
                                split.j = j
                                break
                            }
                            k += 1
                        }
                    }
                    d -= 2
                }
                if best > 0 {
                    split.minimalLow = false
                    split.minimalHigh = true
                    return split
                }
            }

            // Cost limit reached: split at the furthest-reaching path of either direction.
            if cost >= costLimit {
                var forwardBest = -1
                var forwardI = -1
                d = fmax
                while d >= fmin {
                    var i = Swift.min(kvf[d], highA)
                    var j = i - d
                    if highB < j {
                        i = highB + d
                        j = highB
                    }
                    if forwardBest < i + j {
                        forwardBest = i + j
                        forwardI = i
                    }
                    d -= 2
                }
                var backwardBest = Int.max
                var backwardI = Int.max
                d = bmax
                while d >= bmin {
                    var i = Swift.max(lowA, kvb[d])
                    var j = i - d
                    if j < lowB {
                        i = lowB + d
                        j = lowB
                    }
                    if i + j < backwardBest {
                        backwardBest = i + j
                        backwardI = i
                    }
                    d -= 2
                }
                if (highA + highB) - backwardBest < forwardBest - (lowA + lowB) {
                    return Split(i: forwardI, j: forwardBest - forwardI, minimalLow: true, minimalHigh: false)
                }
                return Split(i: backwardI, j: backwardBest - backwardI, minimalLow: false, minimalHigh: true)
            }
            cost += 1
        }
    }
}
