/// The heaviest chain of items whose positions strictly increase: a weighted longest increasing
/// subsequence, used to decide what stays in place when text moves.
enum HeaviestChain {
    /// Indices of the chain with the largest total weight among `positions` (in the order given),
    /// whose positions strictly increase. Positions must be in `0..<positionCount`.
    ///
    /// - Complexity: O(n log p), with a Fenwick tree of running maxima over positions.
    static func indices(positions: [Int], weights: [Double], positionCount: Int) -> [Int] {
        guard !positions.isEmpty else { return [] }
        var tree = [(weight: Double, index: Int)](repeating: (0, -1), count: positionCount + 1)
        var best = [Double](repeating: 0, count: positions.count)
        var previous = [Int](repeating: -1, count: positions.count)
        for (index, position) in positions.enumerated() {
            // The best chain ending strictly before this position.
            var query = position
            var found: (weight: Double, index: Int) = (0, -1)
            while query > 0 {
                if tree[query].weight > found.weight { found = tree[query] }
                query -= query & -query
            }
            best[index] = found.weight + weights[index]
            previous[index] = found.index
            var update = position + 1
            while update < tree.count {
                if best[index] > tree[update].weight { tree[update] = (best[index], index) }
                update += update & -update
            }
        }
        var index = best.indices.max { best[$0] < best[$1] } ?? -1
        var chain: [Int] = []
        while index >= 0 {
            chain.append(index)
            index = previous[index]
        }
        return chain.reversed()
    }
}
