import Benchmark
import BulgarianText

/// Sentence segmentation of 16 MiB of Bulgarian prose, String in and
/// ranges out: with all Bulgarian rules on, and ICU's iterator alone (the
/// same windows, UTF-16 conversion and offset mapping, no rules) in the same
/// run. MB/s = 16.78 / (wall clock in seconds).
func segmentationBenchmarks() {
    let text = BenchmarkCorpus.text(bytes: BenchmarkCorpus.size)
    let bulgarian = try! Segmenter()
    let icuOnly = try! Segmenter(options: .init(bulgarianRules: false))
    Benchmark("Segmentation Bulgarian rules (16 MiB)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try bulgarian.sentences(in: text))
        }
    }
    Benchmark("Segmentation ICU alone (16 MiB)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try icuOnly.sentences(in: text))
        }
    }
}
