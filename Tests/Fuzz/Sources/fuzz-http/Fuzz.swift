import RedlineIngest

/// Any bytes as an HTTP response from an archive: status line, headers, chunked transfer coding,
/// gzip and deflate content codings, under the size limit.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTP(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let response = try? HTTPResponse.parse(bytes, limit: 1 << 20), response.body.count > 1 << 20 {
        fatalError("a body over the limit was returned")
    }
    return 0
}
