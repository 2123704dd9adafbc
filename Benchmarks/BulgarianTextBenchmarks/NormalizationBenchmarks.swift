import Benchmark
import BulgarianText

/// Normalization of 16 MiB of Bulgarian prose (the sample article repeated),
/// String in and `NormalizedText` out. MB/s = 16.78 / (wall clock in seconds).
///
/// - clean text, default profile: the fast path (one scan per step, no ICU call);
/// - clean text, every opt-in on (mojibake, mixed script, stress, NFKC, typography);
/// - messy text: the same prose with CR LF line ends, a soft hyphen and a
///   decomposed ѝ in every paragraph, default profile.
func normalizationBenchmarks() {
    let clean = BenchmarkCorpus.text(bytes: BenchmarkCorpus.size)
    let messy = clean.split(separator: "\n", omittingEmptySubsequences: false)
        .map { line in line.isEmpty ? "" : "дай и\u{300} ра\u{AD}бота " + line }
        .joined(separator: "\r\n")
    let standard = try! Normalizer()
    let everything = try! Normalizer(options: .all(profile: .typography))
    Benchmark("Normalization default, clean text (16 MiB)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try standard.normalize(clean))
        }
    }
    Benchmark("Normalization every opt-in, clean text (16 MiB)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try everything.normalize(clean))
        }
    }
    Benchmark("Normalization default, messy text (16 MiB)", configuration: .init(maxIterations: 5)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try standard.normalize(messy))
        }
    }
}
