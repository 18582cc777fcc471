import Foundation

/// When to look at an article again, the way NewsDiffs did: often while it is changing, rarely
/// once it has settled, never once it is older than the watch's `--max-age`.
public struct RecheckSchedule: Sendable {
    /// Articles first seen longer ago than this are no longer re-checked.
    public var maxAge: TimeInterval

    /// A schedule that stops re-checking articles first seen more than `maxAge` seconds ago.
    public init(maxAge: TimeInterval = 7 * 86_400) {
        self.maxAge = maxAge
    }

    /// The wait between checks, given how long ago the article last changed: every 15 minutes
    /// within 3 hours of a change, hourly within a day, every 3 hours within a week, twice a day
    /// after that.
    public func interval(sinceChange age: TimeInterval) -> TimeInterval {
        switch age {
        case ..<(3 * 3600): 15 * 60
        case ..<86_400: 3600
        case ..<(7 * 86_400): 3 * 3600
        default: 12 * 3600
        }
    }

    /// Whether an article is due: not past `maxAge`, and its wait since the last check is over.
    public func isDue(firstSeen: Date, lastChanged: Date, lastChecked: Date, now: Date = Date()) -> Bool {
        guard now.timeIntervalSince(firstSeen) <= maxAge else { return false }
        return now.timeIntervalSince(lastChecked) >= interval(sinceChange: now.timeIntervalSince(lastChanged))
    }
}
