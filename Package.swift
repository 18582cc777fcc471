// swift-tools-version: 6.2
import PackageDescription

/// Settings shared by every target we own: Swift 6 language mode and warnings as errors.
/// Dependencies keep their own settings (the `-Xswiftc` flag would rebuild them all).
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "Redline",
    // Linux only (see README): RedlineSystem stops a build elsewhere with an error saying so.
    products: [
        .library(name: "Redline", targets: ["Redline"]),
        .library(name: "RedlineDiff", targets: ["RedlineDiff"]),
        .library(name: "RedlineFacts", targets: ["RedlineFacts"]),
        .library(name: "RedlineStore", targets: ["RedlineStore"]),
        .library(name: "RedlineIngest", targets: ["RedlineIngest"]),
        .library(name: "RedlineArticle", targets: ["RedlineArticle"]),
        .library(name: "RedlineReport", targets: ["RedlineReport"]),
        .library(name: "RedlineImport", targets: ["RedlineImport"]),
        .library(name: "RedlineFetch", targets: ["RedlineFetch"]),
        .library(name: "RedlineFeeds", targets: ["RedlineFeeds"]),
        .library(name: "RedlineNet", targets: ["RedlineNet"]),
        .executable(name: "redline", targets: ["redline"]),
    ],
    traits: [
        // `swift build --traits Postgres`: the PostgreSQL store (postgres-nio). Off by default, so a
        // plain build neither fetches nor compiles it.
        .trait(name: "Postgres", description: "A PostgreSQL revision store (postgres://…), with `redline follow`.")
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // `swift package generate-documentation --target Redline` (Sources/Redline/Redline.docc).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
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
        // Every call into the C library (files, mappings, threads, signals, memchr): Linux only.
        .target(name: "RedlineSystem", swiftSettings: strict),
        // The article model (Article, MetadataField, MetadataChange, PageEncoding): a leaf, so that
        // rendering a report does not link the parsers.
        .target(name: "RedlineArticle", swiftSettings: strict),
        // ICU's converters and charset detector behind plain C functions (ICU renames its symbols by version).
        .target(
            name: "CICUCharset",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        .target(
            name: "RedlineIngest",
            dependencies: [
                "RedlineArticle", "RedlineDiff", "RedlineSystem", "CLibXML2", "CICUCharset", "CCmarkGFM", "RedlineZlib",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict,
            // libxml2's own dependencies, named so that a fully static build links them too.
            linkerSettings: [
                .linkedLibrary("icuuc"), .linkedLibrary("icudata"), .linkedLibrary("lzma"), .linkedLibrary("z"),
                .linkedLibrary("stdc++"),
            ]
        ),
        // HTTP(S) over SwiftNIO: no libcurl, so every executable links statically.
        .target(
            name: "RedlineFetch",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                "RedlineSystem",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .target(name: "RedlineDiff", swiftSettings: strict),
        .target(
            name: "RedlineFacts", dependencies: ["RedlineDiff", "RedlineSystem"], exclude: ["Lexicons/generate.py"],
            swiftSettings: strict),
        .target(
            name: "RedlineStore",
            dependencies: [
                "RedlineDiff",
                "RedlineSystem",
                "RedlineZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // The same store on PostgreSQL: compiled empty unless the `Postgres` trait is on.
        .target(
            name: "RedlinePostgres",
            dependencies: [
                "RedlineStore",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["Postgres"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Postgres"])),
                .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["Postgres"])),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "RedlineReport", dependencies: ["RedlineArticle", "RedlineDiff", "RedlineFacts"],
            swiftSettings: strict
        ),
        // Moving articles into the store: WARC archives (spooled and ordered), stored metadata ↔ articles.
        .target(name: "RedlineImport", dependencies: ["RedlineIngest", "RedlineStore"], swiftSettings: strict),
        .target(
            name: "Redline",
            dependencies: [
                "RedlineArticle", "RedlineDiff", "RedlineFacts", "RedlineImport", "RedlineIngest", "RedlineReport",
                "RedlineStore", "RedlineZlib",
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "redline",
            dependencies: [
                "Redline", "RedlineFetch", "RedlineFeeds", "RedlineNet", "RedlineSystem",
                .target(name: "RedlinePostgres", condition: .when(traits: ["Postgres"])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(name: "RedlineFeeds", dependencies: ["CLibXML2"], swiftSettings: strict),
        .target(
            name: "RedlineNet",
            dependencies: [
                "Redline", "RedlineFetch", "RedlineFeeds", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "RedlineDiffTests",
            dependencies: [
                "RedlineDiff", "RedlineTestSupport",
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
        // A PostgreSQL server for the tests (Tests/Postgres/cluster.sh), shared by the test targets.
        .target(name: "RedlineTestSupport", dependencies: ["RedlineStore"], path: "Tests/RedlineTestSupport"),
        .testTarget(
            name: "RedlineStoreTests",
            dependencies: [
                "RedlineStore", "RedlineTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .target(name: "RedlinePostgres", condition: .when(traits: ["Postgres"])),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "RedlineZlibTests", dependencies: ["RedlineZlib"], swiftSettings: strict),
        .testTarget(
            name: "RedlineIngestTests", dependencies: ["RedlineIngest", "RedlineArticle", "RedlineTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "RedlineCLITests",
            dependencies: [
                "redline", "Redline", "RedlineZlib", "RedlineFeeds", "RedlineFetch", "RedlineNet", "RedlineSystem",
                "RedlineTestSupport",
                .target(name: "RedlinePostgres", condition: .when(traits: ["Postgres"])),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
