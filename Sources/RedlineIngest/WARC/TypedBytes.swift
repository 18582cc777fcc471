extension Array where Element == UInt8 {
    /// `withUnsafeMutableBytes` keeping the body's typed error (the standard one rethrows `any Error`).
    mutating func withMutableBytes<R, E: Error>(_ body: (UnsafeMutableRawBufferPointer) throws(E) -> R) throws(E) -> R {
        let result: Result<R, E> = withUnsafeMutableBytes { buffer in Result { () throws(E) in try body(buffer) } }
        return try result.get()
    }

    /// `withUnsafeBytes` keeping the body's typed error.
    func withBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        let result: Result<R, E> = withUnsafeBytes { buffer in Result { () throws(E) in try body(buffer) } }
        return try result.get()
    }
}
