import Foundation
import Testing

@testable import RedlineIngest

/// The pages in `Fixtures/html/`, each written in the markup of a kind of news site, against the
/// article a reader sees in it (`NAME.expected.json`).
@Suite("Extraction of the fixture pages")
struct FixturePageTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/html")

    static var pages: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".html") }.map { String($0.dropLast(5)) }.sorted()
    }

    struct Expected: Decodable {
        var headline: String?
        var byline: String?
        var published: String?
        var modified: String?
        var canonicalURL: String?
        var language: String?
        var paragraphs: [String]?
        var notAnArticle: String?
    }

    static func read(_ name: String) throws -> Result<Article, IngestError> {
        let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(name + ".html")))
        return Result { () throws(IngestError) in try ArticleReader.read(bytes, name: name + ".html") }
    }

    static func expected(_ name: String) throws -> Expected {
        try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: directory.appendingPathComponent(name + ".expected.json")))
    }

    @Test("There are at least 12 fixture pages, each with its expected article")
    func enoughPages() throws {
        #expect(Self.pages.count >= 12)
        for page in Self.pages { _ = try Self.expected(page) }
    }

    @Test("Each page: metadata exactly, body token F1 at least 0.95", arguments: pages)
    func page(_ name: String) throws {
        let expected = try Self.expected(name)
        let result = try Self.read(name)
        if let kind = expected.notAnArticle {
            guard case .failure(let error) = result, case .notAnArticle(let found, _) = error.reason else {
                Issue.record("\(name): expected to be refused as a \(kind)")
                return
            }
            #expect(found == kind)
            return
        }
        let article = try result.get()
        #expect(article.headline == expected.headline)
        #expect(article.byline == expected.byline)
        #expect(article.published == expected.published)
        #expect(article.modified == expected.modified)
        #expect(article.canonicalURL == expected.canonicalURL)
        #expect(article.language == expected.language)
        let want = (expected.paragraphs ?? []).joined(separator: "\n\n")
        let score = ExtractionScore.score(extracted: article.body, expected: want)
        #expect(score.f1 >= 0.95, "\(name): precision \(score.precision), recall \(score.recall)")
    }

    @Test("Over all pages, 4-word-shingle F1 (the hidden set's measure) is at least 0.95")
    func shingleScore() throws {
        var precision = 0.0
        var recall = 0.0
        var count = 0
        for name in Self.pages {
            let expected = try Self.expected(name)
            guard expected.notAnArticle == nil, case .success(let article) = try Self.read(name) else { continue }
            let score = ExtractionScore.score(
                extracted: article.body, expected: (expected.paragraphs ?? []).joined(separator: "\n\n"), shingle: 4)
            precision += score.precision
            recall += score.recall
            count += 1
        }
        precision /= Double(count)
        recall /= Double(count)
        let f1 = 2 * precision * recall / (precision + recall)
        #expect(f1 >= 0.95, "precision \(precision), recall \(recall)")
    }

    @Test("The windows-1252 page decodes its curly quotes, dashes and accents")
    func windows1252() throws {
        let article = try Self.read("windows-1252").get()
        #expect(article.body.contains("l’effondrement"))
        #expect(article.body.contains("« Nous avons choisi"))
        #expect(article.body.contains("vingt minutes — un service"))
        #expect(article.byline == "Claire Dubé")
    }

    @Test("A paywalled page takes its body from JSON-LD's articleBody, split into paragraphs")
    func paywall() throws {
        let article = try Self.read("paywall-stub").get()
        #expect(article.paragraphs.count == 5)
        #expect(!article.body.contains("Subscribe"))
    }
}
