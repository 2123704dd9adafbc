import Benchmark
@_spi(Benchmarks) import BulgarianText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sentence segmentation of 16 MiB of Bulgarian prose, String in and ranges
/// out, in one run:
/// - "Bulgarian rules": `Segmenter()`, all rules on;
/// - "ICU boundaries only": the same pipeline with the rules off (UTF-8 →
///   UTF-16 by ICU, ICU's iterator, offsets mapped back, `[Sentence]` out);
/// - "raw ICU iterator": ICU's conversion and iterator alone, counting
///   boundaries (no offsets, no results): the floor.
///
/// Besides wall clock, each benchmark records the CPU time of the thread
/// that runs it (`Thread CPU (μs)`, from CLOCK_THREAD_CPUTIME_ID, exact to
/// the microsecond), which stays meaningful on a machine shared with other
/// work. MB/s = 16.78 / (seconds).
func segmentationBenchmarks() {
    let text = BenchmarkCorpus.text(bytes: BenchmarkCorpus.size)
    let bulgarian = try! Segmenter()
    let icuOnly = try! Segmenter(options: .init(bulgarianRules: false))
    let baseline = try! SegmentationBaseline()
    let threadCPU = BenchmarkMetric.custom("Thread CPU (μs)", polarity: .prefersSmaller, useScalingFactor: false)
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .cpuUser, .mallocCountTotal, threadCPU])

    func measured(_ benchmark: Benchmark, _ body: () throws -> Int) rethrows {
        for _ in benchmark.scaledIterations {
            let start = threadCPUMicroseconds()
            blackHole(try body())
            benchmark.measurement(threadCPU, threadCPUMicroseconds() - start)
        }
    }
    Benchmark("Segmentation Bulgarian rules (16 MiB)", configuration: configuration) { benchmark in
        try measured(benchmark) { try bulgarian.sentences(in: text).count }
    }
    Benchmark("Segmentation ICU boundaries only (16 MiB)", configuration: configuration) { benchmark in
        try measured(benchmark) { try icuOnly.sentences(in: text).count }
    }
    Benchmark("Segmentation raw ICU iterator (16 MiB)", configuration: configuration) { benchmark in
        try measured(benchmark) { try baseline.icuBoundaryCount(in: text) }
    }
}

/// The CPU time the calling thread has used, in microseconds.
private func threadCPUMicroseconds() -> Int {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Int(time.tv_sec) * 1_000_000 + Int(time.tv_nsec) / 1000
}
