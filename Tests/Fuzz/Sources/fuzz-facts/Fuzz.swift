import FuzzSupport
import RedlineDiff
import RedlineFacts

/// One text through the sentence segmenter and every fact extractor, then two texts (split at
/// the first NUL byte) through the fact diff: nothing may crash, and every fact's range must lie
/// inside its text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFacts(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let (old, new) = twoTexts(data, size)
    let sheet = FactSheet(new)
    let length = new.utf8.count
    for sentence in sheet.sentences {
        guard sentence.range.upperBound <= length else { fatalError("a sentence lies outside its text") }
        for figure in sentence.figures where figure.range.upperBound > length {
            fatalError("a figure's range \(figure.range) lies outside its text (\(length) bytes)")
        }
        for name in sentence.names where name.range.upperBound > length {
            fatalError("a name's range \(name.range) lies outside its text (\(length) bytes)")
        }
    }
    let facts = FactDiff(old: old, new: new)
    _ = facts.summary.line
    return 0
}
