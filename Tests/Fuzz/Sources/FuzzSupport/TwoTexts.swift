/// The fuzzer's bytes as two texts for the targets that compare an old and a new version: split
/// at the first NUL byte (in the middle when there is none), each decoded as UTF-8 with repairs.
public func twoTexts(_ data: UnsafePointer<UInt8>, _ size: Int) -> (old: String, new: String) {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let split = bytes.firstIndex(of: 0) ?? bytes.count / 2
    let old = String(decoding: bytes[..<split], as: UTF8.self)
    let new = String(decoding: bytes[min(bytes.count, split + 1)...], as: UTF8.self)
    return (old, new)
}
