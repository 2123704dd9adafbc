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
    guard let text = try? Data(contentsOf: URL(fileURLWithPath: folder + "/text.txt")) else { return }
    let bytes = [UInt8](text)
    let lines = lineRanges(bytes)
    let glossary = Glossary(entries: (try? GlossaryTSV.entries(parsing: glossaryText, source: "glossary.tsv")) ?? [])
    Benchmark("Glossary substitute (10 MB, line by line)") { benchmark in
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
