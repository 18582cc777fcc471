import RedlineIngest

/// Any bytes as Markdown with front matter: Yams and cmark-gfm, then the block walk.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    _ = try? ArticleReader.read(bytes, format: .markdown, name: "fuzz.md")
    return 0
}
