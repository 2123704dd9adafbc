// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "bgtext",
    products: [
        .library(name: "BulgarianText", targets: ["BulgarianText"]),
        .executable(name: "bgtext", targets: ["bgtext"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `swift package generate-documentation --target BulgarianText` (DocC).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The system ICU (apt: libicu-dev). Its module header includes no ICU
        // header: it only carries the pkg-config flags and link lines.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev", "pkg-config"])]
        ),
        // The C shim: the only code that sees ICU's headers. Its public header
        // uses its own `cicu_` names and plain C types, so no ICU type ever
        // reaches a Swift-visible module (see ARCHITECTURE.md).
        .target(
            name: "CICUShim",
            dependencies: ["CICU"]
        ),
        // Compiles every file under tables/ into the library.
        .executableTarget(name: "embed-tables", path: "Sources/embed-tables"),
        .plugin(
            name: "EmbedTablesPlugin",
            capability: .buildTool(),
            dependencies: ["embed-tables"]
        ),
        .target(
            name: "BulgarianText",
            dependencies: ["CICUShim"],
            plugins: ["EmbedTablesPlugin"]
        ),
        .executableTarget(
            name: "bgtext",
            dependencies: [
                "BulgarianText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "BulgarianTextTests",
            dependencies: ["BulgarianText", "CICUShim"]
        ),
        .testTarget(
            name: "bgtextTests",
            dependencies: ["bgtext"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
