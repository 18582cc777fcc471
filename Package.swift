// swift-tools-version: 6.2
import PackageDescription

/// Settings shared by every target we own: Swift 6 language mode and warnings as errors.
/// Dependencies keep their own settings (the `-Xswiftc` flag would rebuild them all).
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "Redline",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Redline", targets: ["Redline"]),
        .library(name: "RedlineDiff", targets: ["RedlineDiff"]),
        .library(name: "RedlineFacts", targets: ["RedlineFacts"]),
        .library(name: "RedlineStore", targets: ["RedlineStore"]),
        .library(name: "RedlineIngest", targets: ["RedlineIngest"]),
        .executable(name: "redline", targets: ["redline"]),
        .executable(name: "redline-net", targets: ["redline-net"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // GitHub's CommonMark parser (libcmark-gfm-dev, libcmark-gfm-extensions-dev): Markdown articles.
        .systemLibrary(
            name: "CCmarkGFM",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "RedlineZlib", dependencies: ["CZlib"], swiftSettings: strict),
        // ICU's converters and charset detector behind plain C functions (ICU renames its symbols by version).
        .target(
            name: "CICUCharset",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        .target(
            name: "RedlineIngest",
            dependencies: [
                "CLibXML2", "CICUCharset", "CCmarkGFM", "RedlineZlib", .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict,
            // libxml2's own dependencies, named so that a fully static build links them too.
            linkerSettings: [
                .linkedLibrary("icuuc"), .linkedLibrary("icudata"), .linkedLibrary("lzma"), .linkedLibrary("z"),
                .linkedLibrary("stdc++"),
            ]
        ),
        .target(name: "RedlineFetch", swiftSettings: strict),
        .target(name: "RedlineDiff", swiftSettings: strict),
        .target(
            name: "RedlineFacts", dependencies: ["RedlineDiff"], exclude: ["Lexicons/generate.py"],
            swiftSettings: strict),
        .target(
            name: "RedlineStore",
            dependencies: [
                "RedlineDiff",
                "RedlineZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "RedlineReport", dependencies: ["RedlineDiff", "RedlineFacts", "RedlineIngest"], swiftSettings: strict
        ),
        .target(
            name: "Redline",
            dependencies: [
                "RedlineDiff", "RedlineFacts", "RedlineIngest", "RedlineReport", "RedlineStore", "RedlineZlib",
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "redline",
            dependencies: [
                "Redline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .target(name: "RedlineFeeds", swiftSettings: strict),
        .target(name: "RedlineNet", dependencies: ["Redline", "RedlineFetch", "RedlineFeeds"], swiftSettings: strict),
        .executableTarget(
            name: "redline-net",
            dependencies: [
                "Redline", "RedlineFetch", "RedlineFeeds", "RedlineNet",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RedlineDiffTests",
            dependencies: [
                "RedlineDiff",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RedlineFactsTests",
            dependencies: [
                "RedlineFacts",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RedlineStoreTests",
            dependencies: ["RedlineStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(name: "RedlineZlibTests", dependencies: ["RedlineZlib"], swiftSettings: strict),
        .testTarget(name: "RedlineIngestTests", dependencies: ["RedlineIngest"], swiftSettings: strict),
        .testTarget(
            name: "RedlineCLITests",
            dependencies: ["redline", "redline-net", "Redline", "RedlineZlib", "RedlineFeeds", "RedlineFetch"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
