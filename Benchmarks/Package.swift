// swift-tools-version: 6.2
// The benchmarks live in their own package so that CI's test build does not pay for them.
import PackageDescription

/// A path dependency's identity is its folder's name, which depends on where the project was cloned.
let rootFolderName = String(#filePath.split(separator: "/").dropLast(2).last ?? "main")

let package = Package(
    name: "RedlineBenchmarks",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "redline-bench",
            dependencies: [
                .product(name: "RedlineDiff", package: rootFolderName),
                .product(name: "RedlineFacts", package: rootFolderName),
                .product(name: "RedlineStore", package: rootFolderName),
                .product(name: "RedlineIngest", package: rootFolderName),
            ],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        )
    ],
    swiftLanguageModes: [.v6]
)
