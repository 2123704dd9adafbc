import Benchmark
import BulgarianText
import Foundation

/// The glossary matcher on the inputs of
/// `python3 /work/shared/tools/make_glossary_bench.py --out DIR` (100,000
/// entries; 10 MB of prose): set BGTEXT_GLOSSARY_BENCH=DIR. Without it the
/// benchmarks are skipped.
///
/// - build: parse glossary.tsv and build the glossary with all its forms;
/// - substitute / mark: the whole text line by line (as `bgtext glossary`
///   does), the glossary built beforehand. MB/s = 10.08 / (wall clock in s).
func glossaryBenchmarks() {
    guard let folder = ProcessInfo.processInfo.environment["BGTEXT_GLOSSARY_BENCH"],
          let glossaryText = try? String(contentsOfFile: folder + "/glossary.tsv", encoding: .utf8) else {
        return
    }
    Benchmark("Glossary build (100k entries, all forms)", configuration: .init(maxIterations: 10)) { benchmark in
        for _ in benchmark.scaledIterations {
            let entries = try GlossaryTSV.entries(parsing: glossaryText, source: "glossary.tsv")
            blackHole(Glossary(entries: entries))
        }
    }
    // Loaded on first use (a warm-up iteration), so that the build benchmark's
    // peak memory holds neither the text nor a second glossary.
    let inputs = GlossaryBenchmarkInputs(folder: folder, glossaryText: glossaryText)
    Benchmark("Glossary substitute (10 MB, line by line)") { benchmark in
        let (glossary, bytes, lines) = inputs.value
        for _ in benchmark.scaledIterations {
            var output: [UInt8] = []
            output.reserveCapacity(1 << 16)
            var written = 0
            bytes.withUnsafeBufferPointer { all in
                for line in lines {
                    glossary.substitute(inUTF8: UnsafeBufferPointer(rebasing: all[line]), into: &output)
                    output.append(0x0A)
                    // Flushed like the CLI does, so memory does not grow with the input.
                    if output.count >= 1 << 16 {
                        written += output.count
                        output.removeAll(keepingCapacity: true)
                    }
                }
            }
            blackHole(written + output.count)
        }
    }
    Benchmark("Glossary mark (10 MB, line by line)") { benchmark in
        let (glossary, bytes, lines) = inputs.value
        for _ in benchmark.scaledIterations {
            var count = 0
            bytes.withUnsafeBufferPointer { all in
                for line in lines {
                    glossary.forEachMatch(inUTF8: UnsafeBufferPointer(rebasing: all[line])) { _ in count += 1 }
                }
            }
            blackHole(count)
        }
    }
}

/// The built glossary and the text, made once, on first use.
private final class GlossaryBenchmarkInputs: @unchecked Sendable {
    private let folder: String
    private let glossaryText: String
    private var cached: (Glossary, [UInt8], [Range<Int>])?

    init(folder: String, glossaryText: String) {
        self.folder = folder
        self.glossaryText = glossaryText
    }

    /// Benchmarks run one at a time, so no lock is needed.
    var value: (Glossary, [UInt8], [Range<Int>]) {
        if let cached { return cached }
        let bytes = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: folder + "/text.txt"))) ?? Data())
        let glossary = Glossary(entries: (try? GlossaryTSV.entries(parsing: glossaryText, source: "glossary.tsv")) ?? [])
        let made = (glossary, bytes, lineRanges(bytes))
        cached = made
        return made
    }
}

private func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == 0x0A {
        ranges.append(start..<index)
        start = index + 1
    }
    if start < bytes.count { ranges.append(start..<bytes.count) }
    return ranges
}
