/// At most N requests at once to a host, and a minimum delay between the starts of two.
actor HostPoliteness {
    let connectionsPerHost: Int
    let delay: Double
    private var active: [String: Int] = [:]
    private var lastStart: [String: ContinuousClock.Instant] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    init(connectionsPerHost: Int, delay: Double) {
        self.connectionsPerHost = max(1, connectionsPerHost)
        self.delay = delay
    }

    /// Waits for a free slot for `host` and for the delay since the last start there.
    func enter(_ host: String) async {
        while active[host, default: 0] >= connectionsPerHost {
            await withCheckedContinuation { waiting[host, default: []].append($0) }
        }
        active[host, default: 0] += 1
        if let last = lastStart[host] {
            let wait = Duration.seconds(delay) - (ContinuousClock.now - last)
            if wait > .zero {
                lastStart[host] = ContinuousClock.now + wait
                try? await Task.sleep(for: wait)
                return
            }
        }
        lastStart[host] = ContinuousClock.now
    }

    /// Frees the slot taken by `enter`, waking the next waiter for `host`.
    func leave(_ host: String) {
        active[host, default: 1] -= 1
        if var queue = waiting[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[host] = queue
            next.resume()
        }
    }
}
