import RedlineIngest

/// Any bytes as a web page: charset detection, transcoding, libxml2's parser, the layout and the
/// content finder. Refusals are fine; crashes, hangs and leaks are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    _ = try? ArticleReader.read(bytes, format: .html, name: "fuzz.html")
    _ = try? ArticleReader.read(
        bytes, format: .html, name: "fuzz.html", httpContentType: "text/html; charset=shift_jis")
    return 0
}
