import Benchmark
import BulgarianText

/// Streamlined transliteration of 16 MiB of Bulgarian prose, String in and
/// String out, by the native engine and by ICU running the same table.
/// MB/s = 16.78 / (wall clock in seconds).
func transliterationBenchmarks() {
    let text = BenchmarkCorpus.text(bytes: BenchmarkCorpus.size)
    let native = try! Transliterator()
    let icu = try! Transliterator(engine: .icu)
    Benchmark("Transliteration native (16 MiB)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try native.transliterate(text))
        }
    }
    Benchmark("Transliteration ICU rules (16 MiB)", configuration: .init(maxIterations: 5)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try icu.transliterate(text))
        }
    }
}
