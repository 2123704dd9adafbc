import Benchmark
import BulgarianText

/// Full prep on 16 MiB: default normalization, segmentation, a glossary of
/// 10,000 entries (marking), and JSON Lines output, one core.
/// MB/s = 16.78 / (wall clock in seconds).
func prepBenchmarks() {
    let text = BenchmarkCorpus.text(bytes: BenchmarkCorpus.size)
    let bytes = Array(text.utf8)
    let glossary = Glossary(entries: BenchmarkGlossary.entries(count: 10_000))
    let pipeline = try! Pipeline(options: .init(spans: .preset("news")!, glossary: glossary))
    Benchmark("Prep: normalize + segment + 10k glossary + JSONL (16 MiB)", configuration: .init(maxIterations: 5)) { benchmark in
        for _ in benchmark.scaledIterations {
            var stream = pipeline.makeStream()
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count * 3)
            var blocks = try stream.feed(bytes)
            blocks += try stream.finish()
            for block in blocks {
                for segment in block.segments { SegmentJSONL.write(segment, into: &output) }
            }
            blackHole(output)
        }
    }
}

/// A glossary built from the benchmark text itself: its words and word pairs
/// (so that matches are frequent, as in real use), filled up with
/// pseudo-words to the size asked.
enum BenchmarkGlossary {
    static func entries(count: Int) -> [GlossaryEntry] {
        let words = BenchmarkCorpus.article.split { !$0.isLetter }.map(String.init).filter { $0.count > 3 }
        var sources: [String] = []
        var seen = Set<String>()
        for word in words where seen.insert(word.lowercased()).inserted { sources.append(word.lowercased()) }
        for (first, second) in zip(words, words.dropFirst()) where seen.insert("\(first) \(second)".lowercased()).inserted {
            sources.append("\(first) \(second)".lowercased())
        }
        let syllables = ["ба", "ве", "ги", "до", "же", "зу", "ка", "ле", "ми", "но", "пра", "ро", "се", "ти", "фу", "хо", "це", "чо", "ша", "щи"]
        var state: UInt64 = 42
        while sources.count < count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var word = ""
            var bits = state
            for _ in 0..<(3 + Int(bits % 3)) {
                bits /= 20
                word += syllables[Int(bits % 20)]
            }
            if seen.insert(word).inserted { sources.append(word + ["", "к", "н", "ст"][Int(state >> 60) % 4]) }
        }
        return sources.prefix(count).enumerated().map { index, source in
            GlossaryEntry(source: source, target: "term\(index)", line: index + 1)
        }
    }
}
