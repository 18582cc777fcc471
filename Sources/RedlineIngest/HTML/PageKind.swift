/// Pages that are not one article: a live blog (a stream of timestamped posts) or a section
/// front (a list of headlines linking elsewhere). Comparing two captures of one would give a
/// huge diff of unrelated items, so Redline says what the page is instead.
enum PageKind {
    static func check(_ tree: HTMLTree, layout: PageLayout, containers: [Int], linkedData: LinkedData?)
        throws(IngestError)
    {
        if linkedData?.isLiveBlog == true {
            throw IngestError(.notAnArticle(kind: "live blog", detail: "its JSON-LD says LiveBlogPosting"))
        }
        let posts = livePosts(layout)
        if posts >= 5 {
            throw IngestError(.notAnArticle(kind: "live blog", detail: "\(posts) timestamped live posts"))
        }
        let bodyText = containers.reduce(0) { $0 + Int(layout.textLength[$1]) }
        let teasers = headlineLinks(tree, layout: layout)
        if teasers >= 12 && bodyText < 150 * teasers && (bodyText < 2500 || linkedData?.isCollection == true) {
            throw IngestError(
                .notAnArticle(kind: "section front", detail: "\(teasers) headlines linking to other pages"))
        }
    }

    /// Elements marked as live-blog posts.
    static func livePosts(_ layout: PageLayout) -> Int {
        layout.marksLivePost.lazy.filter { $0 }.count
    }

    /// Headline teasers: a heading (`h2`–`h4`) whose text is mostly one link, of several words.
    static func headlineLinks(_ tree: HTMLTree, layout: PageLayout) -> Int {
        var count = 0
        for index in tree.nodes.indices {
            switch tree.nodes[index].tag {
            case .h2, .h3, .h4:
                let text = layout.textLength[index]
                if text >= 20, layout.linkDensity(index) > 0.8 { count += 1 }
            default: break
            }
        }
        return count
    }
}
