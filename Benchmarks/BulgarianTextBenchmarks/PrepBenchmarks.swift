import Benchmark
import BulgarianText

/// Full prep on 16 MiB: default normalization, segmentation, a glossary of
/// 10,000 entries (marking), and JSON Lines output, one core.
/// MB/s = 16.78 / (wall clock in seconds).
///
/// Used as `bgtext prep` uses the library: the input is fed in chunks of
/// 1 MiB, and each block's JSONL is written as soon as the block is ready
/// (here into one buffer that is emptied after each block, as a writer to a
/// file or pipe would), so memory stays bounded whatever the input's size.
func prepBenchmarks() {
    let text = BenchmarkCorpus.text(bytes: BenchmarkCorpus.size)
    let bytes = Array(text.utf8)
    let glossary = Glossary(entries: BenchmarkGlossary.entries(count: 10_000))
    let pipeline = try! Pipeline(options: .init(spans: .preset("news")!, glossary: glossary))
    Benchmark("Prep: normalize + segment + 10k glossary + JSONL (16 MiB)", configuration: .init(maxIterations: 5)) { benchmark in
        for _ in benchmark.scaledIterations {
            var stream = pipeline.makeStream()
            var output: [UInt8] = []
            var written = 0
            func write(_ blocks: [PreparedBlock]) {
                for block in blocks {
                    for segment in block.segments { SegmentJSONL.write(segment, into: &output) }
                    written += output.count
                    output.removeAll(keepingCapacity: true)
                }
            }
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + (1 << 20), bytes.count)
                write(try stream.feed(bytes[offset..<end]))
                offset = end
            }
            write(try stream.finish())
            blackHole(written)
        }
    }
}

/// A glossary of 10,000 entries built from the benchmark text itself, so that
/// it matches about as often as a real one (one match every 45 bytes or so):
/// the article's capitalised words of six letters or more (names,
/// institutions), its pairs of words of four letters or more, and pseudo-words
/// that never match to fill it up.
enum BenchmarkGlossary {
    static func entries(count: Int) -> [GlossaryEntry] {
        let words = BenchmarkCorpus.article.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        var sources: [String] = []
        var seen = Set<String>()
        for word in words where word.count >= 6 && word.first!.isUppercase && seen.insert(word.lowercased()).inserted {
            sources.append(word)
        }
        for (first, second) in zip(words, words.dropFirst()) where first.count > 3 && second.count > 3 {
            let pair = "\(first) \(second)".lowercased()
            if seen.insert(pair).inserted { sources.append(pair) }
        }
        let syllables = ["ба", "ве", "ги", "до", "же", "зу", "ка", "ле", "ми", "но", "пра", "ро", "се", "ти", "фу", "хо", "це", "чо", "ша", "щи"]
        var state: UInt64 = 42
        while sources.count < count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var word = ""
            var bits = state >> 8
            for _ in 0..<(3 + Int(bits % 3)) {
                bits /= 20
                word += syllables[Int(bits % 20)]
            }
            if seen.insert(word).inserted { sources.append(word) }
        }
        return sources.prefix(count).enumerated().map { index, source in
            GlossaryEntry(source: source, target: "term\(index)", line: index + 1)
        }
    }
}
