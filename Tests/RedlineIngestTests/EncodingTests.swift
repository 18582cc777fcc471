import Foundation
import Testing

@testable import RedlineIngest

/// Pages in eleven languages (`Fixtures/encoding/`, written by its `make_pages.py`) in UTF-8 and
/// in their legacy encodings, declared in every way a page or its transport can declare them,
/// truthfully or not: each must come out as the text it holds, with the encoding and the reason.
@Suite("Encodings of real-language pages")
struct EncodingTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/encoding")

    struct Manifest: Decodable {
        struct Expected: Decodable {
            var headline: String
            var paragraphs: [String]
        }
        struct Page: Decodable, CustomTestStringConvertible {
            var file: String
            var encoding: String
            var source: String
            var declared: String?
            var transport: String?
            var language: String
            var replacedByte: Bool
            var testDescription: String { file }
        }
        var articles: [String: Expected]
        var pages: [Page]
    }

    static let manifest: Manifest = {
        let data = (try? Data(contentsOf: directory.appendingPathComponent("manifest.json"))) ?? Data()
        return (try? JSONDecoder().decode(Manifest.self, from: data)) ?? Manifest(articles: [:], pages: [])
    }()

    static func read(_ bytes: [UInt8], transport: String? = nil) throws -> Article {
        try bytes.withUnsafeBytes { buffer in
            try ArticleReader.read(buffer, format: .html, name: "page.html", httpContentType: transport)
        }
    }

    @Test("Eleven languages, nine ways each")
    func manifestIsComplete() {
        #expect(Self.manifest.articles.count == 11)
        #expect(Self.manifest.pages.count == 99)
    }

    @Test("Each page comes out as its text, in the encoding decided for the reason given", arguments: manifest.pages)
    func page(_ page: Manifest.Page) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.directory.appendingPathComponent(page.file)))
        let article = try Self.read(bytes, transport: page.transport)
        let expected = try #require(Self.manifest.articles[page.language])
        var paragraphs = expected.paragraphs
        // The stray byte sits at the end of the first paragraph and is replaced, not dropped.
        if page.replacedByte { paragraphs[0] += "\u{FFFD}" }
        #expect(article.paragraphs == paragraphs)
        #expect(article.headline == expected.headline)
        #expect(article.encoding?.name == page.encoding)
        #expect(article.encoding?.source.rawValue == page.source)
        #expect(article.encoding?.declared == page.declared)
    }

    @Test("WHATWG labels name their encodings: gb2312 is GBK, x-sjis is Shift_JIS, latin1 is windows-1252")
    func labels() {
        #expect(EncodingLabel.encoding(for: "gb2312")?.name == "GBK")
        #expect(EncodingLabel.encoding(for: "GB_2312-80")?.name == "GBK")
        #expect(EncodingLabel.encoding(for: "x-sjis")?.name == "Shift_JIS")
        #expect(EncodingLabel.encoding(for: " latin1 ")?.name == "windows-1252")
        #expect(EncodingLabel.encoding(for: "us-ascii")?.name == "windows-1252")
        #expect(EncodingLabel.encoding(for: "iso-8859-9")?.name == "windows-1254")
        #expect(EncodingLabel.encoding(for: "ks_c_5601-1987")?.name == "EUC-KR")
        #expect(EncodingLabel.encoding(for: "utf8")?.name == "UTF-8")
        #expect(EncodingLabel.encoding(for: "iso-2022-kr") == nil)
        #expect(EncodingLabel.encoding(for: "klingon") == nil)
    }

    @Test("Every encoding's ICU converter exists on this system")
    func convertersExist() {
        for label in [
            "gbk", "big5", "euc-jp", "iso-2022-jp", "shift_jis", "euc-kr", "koi8-u", "x-mac-cyrillic", "ibm866",
        ] {
            let converter = EncodingLabel.encoding(for: label)?.converter
            #expect(converter.map { converts($0) } == true, "\(label)")
        }
    }

    private func converts(_ name: String) -> Bool {
        let bytes: [UInt8] = [0x41, 0x42]
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(IngestError) in try Transcoder.convert(buffer, from: name) }
        }
        return (try? result.get()) == [0x41, 0x42]
    }

    @Test("A charset inside a script or a comment is not a declaration; the meta after them is")
    func prescanSkipsScriptsAndComments() {
        let page = Array(
            """
            <html><head><script>var x = "<meta charset=koi8-r>";</script><!-- <meta charset="big5"> -->
            <meta name="viewport" content="width=device-width"><meta content="text/html; charset=windows-1251"
             http-equiv="Content-Type"></head></html>
            """.utf8)
        let label = page.withUnsafeBytes { Charset.metaCharset(in: $0) }
        #expect(label == "windows-1251")
    }

    @Test("A page declared UTF-8 whose bytes are mostly windows-1251 is read as what the bytes are")
    func wrongUTF8Declaration() throws {
        let text = "Городской совет в понедельник утвердил бюджет на следующий год, сообщил мэр."
        let bytes = try #require(Self.windows1251(text))
        let page =
            Array("<html><head><meta charset=utf-8></head><body><article><p>".utf8) + bytes
            + Array("</p></article></body></html>".utf8)
        let article = try Self.read(page)
        #expect(article.paragraphs == [text])
        #expect(article.encoding?.name == "windows-1251")
        #expect(article.encoding?.source == .detected)
        #expect(article.encoding?.declared == "utf-8")
    }

    @Test("Plain text in a legacy encoding is detected too; a BOM is dropped")
    func plainText() throws {
        let text =
            "Депутаты спорили почти шесть часов. Оппозиция требовала снизить тарифы на воду, но предложение не набрало большинства голосов."
        let bytes = try #require(Self.windows1251(text))
        let decoded = bytes.withUnsafeBytes { ArticleReader.decodedText($0) }
        #expect(decoded == text)
        let withMark = ([0xEF, 0xBB, 0xBF] + Array(text.utf8)).withUnsafeBytes { ArticleReader.decodedText($0) }
        #expect(withMark == text)
    }

    @Test("Invalid UTF-8 sequences are replaced one U+FFFD per maximal ill-formed part")
    func repair() {
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xE2, 0x82, 0x63, 0xF0, 0x9F, 0x98, 0x80, 0xC0, 0xAF]
        let repaired = bytes.withUnsafeBytes { Transcoder.repairedUTF8($0) }
        #expect(String(decoding: repaired, as: UTF8.self) == "a\u{FFFD}b\u{FFFD}c😀\u{FFFD}\u{FFFD}")
    }

    /// `text` in windows-1251 (Redline only decodes, so the test maps the Cyrillic alphabet itself).
    static func windows1251(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x80: bytes.append(UInt8(scalar.value))
            case 0x410...0x44F: bytes.append(UInt8(scalar.value - 0x410 + 0xC0))
            case 0x401: bytes.append(0xA8)
            case 0x451: bytes.append(0xB8)
            default: return nil
            }
        }
        return bytes
    }
}
