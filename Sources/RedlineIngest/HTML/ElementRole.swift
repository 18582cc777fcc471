/// What an element's tag, attributes, class and id say about it: boilerplate to drop, a likely
/// article body, a block that starts a new paragraph.
enum ElementRole {
    /// Tags whose content is never article text.
    static let droppedTags: Set<String> = [
        "script", "style", "noscript", "button", "select", "input", "textarea", "iframe", "svg", "figure",
        "figcaption", "picture", "video", "audio", "canvas", "object", "embed", "template", "map", "head", "title",
        "meta", "link", "label", "option", "math", "img",
        "source", "track", "amp-ad", "amp-embed", "amp-sidebar", "amp-social-share", "amp-iframe", "amp-img",
        "amp-carousel", "amp-video", "amp-list", "amp-analytics", "amp-consent",
    ]

    /// Tags whose content is page furniture, unless the element holds the article: a page built
    /// with ASP.NET puts everything in one `<form>`, and some put the article in a `<header>`.
    static let furnitureTags: Set<String> = ["nav", "aside", "footer", "form", "header", "menu", "dialog"]

    /// Classes that drop even an inline element (a caption or credit inside a paragraph).
    static let inline = FragmentMatcher(
        fragments: ["caption", "credit", "byline", "timestamp", "advert", "dateline-"], words: ["ad", "ads"])

    /// Tags that start and end a paragraph.
    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "pre", "table", "tr", "td", "th", "tbody", "thead", "dd", "dt", "dl", "hr", "address", "center", "details",
        "summary", "fieldset", "body", "html", "caption", "br",
    ]

    /// Tags that hold a paragraph of running text.
    static let paragraphTags: Set<String> = ["p", "pre", "blockquote", "td", "dd", "li"]

    /// Class and id fragments that mark boilerplate: sharing, newsletters, related links, ads,
    /// comments, navigation, captions, bylines and datelines, paywall prompts.
    static let boilerplateFragments: [String] = [
        "comment", "disqus", "newsletter", "subscri", "related", "recommend", "promo", "sponsor", "advert",
        "social", "sharing", "sharebar", "share-", "-share", "_share", "share_", "breadcrumb", "sidebar", "cookie",
        "consent", "popup", "modal", "outbrain", "taboola", "popular", "trending", "read-more", "readmore",
        "more-stories", "morestories", "signup", "sign-up", "byline", "author-bio", "authorbio", "caption", "credit",
        "toolbar", "masthead", "skip-link", "skiplink", "pagination", "pager", "footer", "header", "menu", "navbar",
        "widget", "banner", "timestamp", "tags-", "tag-list", "taglist", "keywords", "rating", "donate", "login",
        "video-player", "gallery", "slideshow", "author-info", "article-meta", "post-meta", "entry-meta", "meta-data",
        "metadata", "print-", "paywall", "inline-link", "see-also", "seealso", "more-from", "next-article",
        "prev-article", "nextarticle", "breaking-news-bar", "ticker", "live-bar", "alert-bar", "correction-link",
        "jump-link", "table-of-contents", "toc-", "dateline-", "pubdate", "publish-date", "published-date",
        "updated-date", "article-date", "post-date", "entry-date", "read-time", "reading-time", "readtime",
        "view-count", "views-count", "viewcount", "hit-count", "sr-only", "visually-hidden", "screen-reader",
        "offscreen", "hidden-text", "adslot", "ad-slot", "ad-container", "ad-wrapper", "ad-unit", "adunit", "dfp-",
        "gpt-ad", "native-ad", "-ad-", "promoted", "affiliate", "shopping", "podcast-promo", "audio-player",
        "listen-", "embed-", "twitter-tweet", "instagram-media", "fb-post", "call-to-action", "feedback",
        "survey", "poll-", "epic", "standfirst", "subtitle", "sub-title", "kicker", "eyebrow", "article-summary",
        "article__summary", "support-us", "supportus", "membership", "donation", "nocontent", "no-print",
        "hide-for-print", "author-card", "contributor", "topics",
    ]

    /// Whole class or id words (after splitting on `-`, `_` and spaces) that mark boilerplate.
    static let boilerplateWords: Set<String> = [
        "ad", "ads", "advertisement", "share", "shares", "tags", "tag", "nav", "navigation", "date", "time",
        "author", "authors", "hidden", "hide", "social", "meta", "aside", "byline", "caption", "credits", "sponsored",
        "promo", "related", "comments", "footer", "header", "dateline", "published", "updated", "timeago", "disclaimer",
        "masthead", "breadcrumbs", "subscribe", "newsletter", "overlay", "toast", "tooltip", "cta", "dek", "deck",
    ]

    /// Class and id fragments that mark an article's body.
    static let bodyFragments: [String] = [
        "article-body", "articlebody", "article_body", "article__body", "story-body", "storybody", "story_body",
        "story__body", "entry-content", "entry_content", "post-content", "post_content", "postcontent",
        "article-content", "article_content", "articlecontent", "article__content", "story-content", "storycontent",
        "body-text", "bodytext", "article-text", "articletext", "article__text", "content-body", "post-body",
        "postbody", "post__content", "story-text", "storytext", "article-copy", "body-copy", "rich-text", "richtext",
        "text-body", "main-text", "maintext", "article-main", "news-body", "news-text", "entry-body", "single-content",
        "td-post-content", "c-entry-content", "paywall-content", "caas-body", "l-article-body", "field--name-body",
        "field-name-body", "story__content", "article__content", "articlebodycontent", "post__body", "gh-content",
        "entry__content", "content-article", "article-detail", "detail-body", "newsarticle", "storytext",
    ]

    static let boilerplate = FragmentMatcher(fragments: boilerplateFragments, words: Array(boilerplateWords))
    static let body = FragmentMatcher(fragments: bodyFragments)
    static let hidden = FragmentMatcher(fragments: hiddenFragments)
    static let byline = FragmentMatcher(fragments: [
        "byline", "author-name", "authorname", "article-author", "author__name",
    ])
    static let livePost = FragmentMatcher(fragments: [
        "liveblog-post", "live-blog-post", "live-post", "live-update", "liveupdate", "live-entry", "liveblog-entry",
        "live-blog-entry", "livepost", "live-event-post", "block-time-stamp",
    ])

    /// `itemprop`, `data-testid`, class or id naming the body.
    ///
    /// A class on a paragraph-level element (`<p class="MsoBodyText">`, Word's paragraph style) is
    /// a paragraph's style, not the article's container, and marks nothing.
    static func marksBody(_ tree: HTMLTree, _ index: Int, classes: [UInt8]) -> Bool {
        if let itemprop = tree.attribute("itemprop", of: index),
            itemprop.lowercased().utf8.elementsEqual("articlebody".utf8)
        {
            return true
        }
        switch tree.nodes[index].tag {
        case .p, .span, .font, .li, .a, .h1, .h2, .h3, .h4, .h5, .h6: return false
        // `<body id="article-main">` names the page, not the article's block.
        case .body, .html: return false
        default: return body.matches(classes)
        }
    }

    /// The element's class, id, `data-component` and `data-testid`, lower-cased ASCII, separated
    /// by spaces. An id made from a heading (`sharing-with-a-single-developer`: four words or
    /// more joined by hyphens) names the section's subject, not its role, and is left out.
    static func classes(_ tree: HTMLTree, _ index: Int) -> [UInt8] {
        var result: [UInt8] = []
        for attribute in tree.attributes(of: index) {
            if attribute.name == "id", isHeadingSlug(attribute.value) { continue }
            switch attribute.name {
            case "class", "id", "data-component", "data-testid":
                if !result.isEmpty { result.append(0x20) }
                for byte in attribute.value.utf8 { result.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
            default: break
            }
        }
        return result
    }

    /// Whether an id reads like a heading turned into an anchor: four or more words of letters
    /// joined by hyphens (`getting-into-trouble-with-shared-history`).
    static func isHeadingSlug(_ id: String) -> Bool {
        let words = id.split(separator: "-", omittingEmptySubsequences: false)
        return words.count >= 4 && words.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber } }
    }

    /// Class fragments that hide text from sighted readers (kept off inline elements too), and
    /// the conditional-visibility classes of site builders (Webflow's `w-condition-invisible`).
    static let hiddenFragments = [
        "sr-only", "visually-hidden", "visuallyhidden", "screen-reader", "offscreen", "a11y", "w-condition-invisible",
    ]

    /// A `<div hidden id="S:0">`: React's streaming renderer sends the page's content in hidden
    /// blocks that a script then moves into place; the text is what readers see.
    static func isStreamedContent(_ tree: HTMLTree, _ index: Int) -> Bool {
        guard let id = tree.attribute("id", of: index), id.hasPrefix("S:") else { return false }
        return id.dropFirst(2).allSatisfy(\.isNumber) && id.count > 2
    }

    /// Whether the element is hidden from readers: `hidden`, `aria-hidden`, `display:none`,
    /// navigation and complementary roles, dialogs.
    static func isHidden(_ tree: HTMLTree, _ index: Int) -> Bool {
        for attribute in tree.attributes(of: index) {
            switch attribute.name {
            case "hidden": return !isStreamedContent(tree, index)
            case "aria-hidden": if attribute.value.lowercased() == "true" { return true }
            case "style":
                let style = attribute.value.lowercased().filter { $0 != " " }
                if style.contains("display:none") || style.contains("visibility:hidden") { return true }
            case "role":
                switch attribute.value.lowercased() {
                case "navigation", "complementary", "banner", "contentinfo", "dialog", "alert", "menu", "menubar",
                    "search", "toolbar", "tablist", "button":
                    return true
                default: break
                }
            default: break
            }
        }
        return false
    }
}
