// swift-tools-version: 6.1
// The benchmarks live in a package of their own, as in swift-collections, so
// that building and testing bgtext does not build the benchmark harness.
// Run from this folder: swift package benchmark (see the README).
import PackageDescription

let package = Package(
    name: "bgtext-benchmarks",
    dependencies: [
        .package(name: "bgtext", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "BulgarianTextBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "BulgarianText", package: "bgtext"),
            ],
            path: "BulgarianTextBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
