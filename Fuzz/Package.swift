// swift-tools-version: 6.1
// Fuzz targets (libFuzzer + AddressSanitizer), a package of its own so that
// building and testing bgtext does not build them. Run from the repository:
// scripts/fuzz SECONDS (see docs/reliability.md). Each target is an
// executable that hands its function to libFuzzer's driver
// (`LLVMFuzzerRunDriver`); scripts/fuzz builds the package with
// AddressSanitizer and libFuzzer's coverage instrumentation and links
// libFuzzer without its main (SwiftPM's `--sanitize fuzzer` would also link
// libFuzzer's main into the build tool embed-tables).
import PackageDescription

let fuzzTargets = ["FuzzSegmentation", "FuzzTransliteration", "FuzzNormalization",
                   "FuzzDecoding", "FuzzGlossary", "FuzzRestore"]

let package = Package(
    name: "bgtext-fuzz",
    dependencies: [
        .package(name: "bgtext", path: ".."),
    ],
    targets: [
        .target(name: "FuzzDriver", path: "Sources/FuzzDriver"),
        .target(
            name: "FuzzSupport",
            dependencies: ["FuzzDriver", .product(name: "BulgarianText", package: "bgtext")],
            path: "Sources/FuzzSupport"
        ),
    ] + fuzzTargets.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "BulgarianText", package: "bgtext")],
            path: "Sources/\(name)",
        )
    },
    swiftLanguageModes: [.v6]
)
