import Benchmark
@_spi(Benchmarks) import BulgarianText

/// Sentence segmentation of 16 MiB of Bulgarian prose, String in and ranges
/// out, in one run:
/// - "Bulgarian rules": `Segmenter()`, all rules on;
/// - "ICU boundaries only": the same pipeline with the rules off (UTF-8 →
///   UTF-16 by ICU, ICU's iterator, offsets mapped back, `[Sentence]` out);
/// - "raw ICU iterator": ICU's conversion and iterator alone, counting
///   boundaries (no offsets, no results): the floor.
/// MB/s = 16.78 / (wall clock in seconds).
func segmentationBenchmarks() {
    let text = BenchmarkCorpus.text(bytes: BenchmarkCorpus.size)
    let bulgarian = try! Segmenter()
    let icuOnly = try! Segmenter(options: .init(bulgarianRules: false))
    let baseline = try! SegmentationBaseline()
    Benchmark("Segmentation Bulgarian rules (16 MiB)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try bulgarian.sentences(in: text))
        }
    }
    Benchmark("Segmentation ICU boundaries only (16 MiB)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try icuOnly.sentences(in: text))
        }
    }
    Benchmark("Segmentation raw ICU iterator (16 MiB)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try baseline.icuBoundaryCount(in: text))
        }
    }
}
