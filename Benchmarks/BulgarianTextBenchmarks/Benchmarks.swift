import Benchmark

/// Every benchmark of bgtext; each capability registers its own in its file.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuUser, .peakMemoryResident, .mallocCountTotal],
        timeUnits: .milliseconds,
        warmupIterations: 2,
        maxDuration: .seconds(10),
        maxIterations: 15
    )
    transliterationBenchmarks()
    normalizationBenchmarks()
    segmentationBenchmarks()
    glossaryBenchmarks()
    prepBenchmarks()
}
