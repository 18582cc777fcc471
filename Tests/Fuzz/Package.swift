// swift-tools-version: 6.2
// libFuzzer targets, built apart from the project so that its normal build is unaffected:
//   bash Tests/Fuzz/fuzz.sh TARGET SECONDS
// Each target defines `LLVMFuzzerTestOneInput` (no `main`: libFuzzer's own is linked).
import PackageDescription

/// A path dependency's identity is its folder's name, which depends on where the project was cloned.
let root = String(#filePath.split(separator: "/").dropLast(3).last ?? "main")
let noMain: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

func target(_ name: String, _ products: [String], support: Bool = false) -> Target {
    .executableTarget(
        name: name,
        dependencies: products.map { .product(name: $0, package: root) } + (support ? ["FuzzSupport"] : []),
        swiftSettings: noMain)
}

let package = Package(
    name: "RedlineFuzz",
    dependencies: [.package(path: "../..")],
    targets: [
        .target(name: "FuzzSupport"),
        target("fuzz-diff", ["RedlineDiff"], support: true),
        target("fuzz-facts", ["RedlineDiff", "RedlineFacts"], support: true),
        target("fuzz-html", ["RedlineIngest"]),
        target("fuzz-markdown", ["RedlineIngest"]),
        target("fuzz-warc", ["RedlineIngest"]),
        target("fuzz-http", ["RedlineIngest"]),
        target("fuzz-feed", ["RedlineFeeds"]),
    ],
    swiftLanguageModes: [.v6]
)
