import FuzzSupport
import RedlineDiff

/// Two texts (split at the first NUL byte): at every granularity the diff's edit script rebuilds
/// the new text from the old, and on short inputs `--minimal` finds the exact shortest script
/// (the standard library's Myers on the same tokens).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDiff(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let (old, new) = twoTexts(data, size)
    for granularity in Granularity.allCases {
        for options in [Diff.Options(), Diff.Options(minimal: true), Diff.Options(hierarchical: false)] {
            let diff = Diff(old, new, by: granularity, options: options)
            guard (try? diff.script.apply(to: old)) == new else {
                fatalError("the edit script does not rebuild the new text (\(granularity), \(options))")
            }
            if options.minimal && size < 600 {
                let a = granularity.tokens(of: old)
                let b = granularity.tokens(of: new)
                let counts = diff.counts
                guard counts.deletedTokens + counts.insertedTokens == b.difference(from: a).count else {
                    fatalError("--minimal is not minimal (\(granularity))")
                }
            }
        }
    }
    return 0
}
