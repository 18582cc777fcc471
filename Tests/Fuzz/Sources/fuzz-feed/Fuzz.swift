import Foundation
import RedlineFeeds

/// Any bytes as an RSS or Atom feed, and as a feed list (lines or OPML).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeed(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    guard let base = URL(string: "https://news.example/feed") else { return 0 }
    if let feed = try? Feed.parse(bytes, baseURL: base) {
        for entry in feed.entries where !["http", "https"].contains(entry.link.scheme?.lowercased() ?? "") {
            fatalError("an entry links to a non-http(s) URL: \(entry.link)")
        }
    }
    _ = FeedList.parse(bytes)
    return 0
}
