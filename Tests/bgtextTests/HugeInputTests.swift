import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// GNU time, which measures the peak memory of the bgtext process.
let gnuTime = "/usr/bin/time"

/// A 100 MB single line and a 100 MB TBX, each run once, with the peak
/// memory of the bgtext process measured (GNU time's `%M`; without
/// /usr/bin/time the suite is skipped).
///
/// Bounds: `translit`, `segment` and `detect` stream, so their memory does not
/// depend on the line (under 64 MiB); `normalize`, `glossary`, `prep` and
/// `restore --map` take a line as their unit and hold it (under 5× the
/// line: measured 1.9×, 4.1×, 1.2× and 2.7× in a debug build, with the
/// allocator tuning of `AllocatorTuning`). A TBX is read whole and parsed (under 3× the
/// file: measured 1.5×).
///
/// These are the heaviest tests of the suite: about 150 s of CPU in a debug
/// build (`prep` alone takes 56 s), so they are serialized, and skipped
/// under sanitizers (`BGTEXT_TEST_SANITIZER`, set by scripts/test), where
/// the memory is the sanitizer's.
@Suite("Huge inputs", .serialized,
       .enabled(if: ProcessInfo.processInfo.environment["BGTEXT_TEST_SANITIZER"] == nil),
       .enabled(if: FileManager.default.isExecutableFile(atPath: gnuTime), "needs GNU time to measure memory"))
struct HugeInputTests {
    static let sentence = "Съединението прави силата, а думите текат без край."
    static let megabyte = 1 << 20

    /// Writes `count` copies of `unit` and then `last` to `path`, in pieces.
    static func write(_ path: String, unit: Data, count: Int, last: Data = Data(), header: Data = Data()) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.write(contentsOf: header)
        let perPiece = max(1, megabyte / unit.count)
        var piece = Data()
        for _ in 0..<perPiece { piece += unit }
        var left = count
        while left >= perPiece {
            try handle.write(contentsOf: piece)
            left -= perPiece
        }
        for _ in 0..<left { try handle.write(contentsOf: unit) }
        try handle.write(contentsOf: last)
    }

    /// Whether the file holds exactly `count` copies of `unit` and then `last`, compared in pieces.
    static func matches(_ path: String, unit: Data, count: Int, last: Data = Data()) throws -> Bool {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        if unit.isEmpty || count == 0 { return try (handle.readToEnd() ?? Data()) == last }
        let perPiece = max(1, megabyte / unit.count)
        var piece = Data()
        for _ in 0..<perPiece { piece += unit }
        var left = count
        while left > 0 {
            let take = min(left, perPiece)
            let expected = take == perPiece ? piece : piece.prefix(take * unit.count)
            guard try handle.read(upToCount: expected.count) == expected else { return false }
            left -= take
        }
        let rest = try handle.readToEnd() ?? Data()
        return rest == last
    }


    /// Runs bgtext under GNU time with standard output into a file; returns
    /// how it ended, its standard error and its peak memory in KiB.
    ///
    /// Not `wait4`'s figure for a child the test spawns itself: `posix_spawn`
    /// starts the child in the test process's memory (vfork), and Linux
    /// carries that memory's high-water mark over the exec into the child's
    /// `ru_maxrss` (121 MiB from a busy test process for a 20 MiB bgtext).
    /// GNU time forks from its own small process, so its `%M` is bgtext's own.
    static func measure(_ arguments: [String], output: String, in folder: TemporaryDirectory)
        throws -> (outcome: ChildProcess.Outcome, stderr: String, peakKiB: Int) {
        let errors = folder.url.appendingPathComponent("stderr").path
        let peak = folder.url.appendingPathComponent("peak").path
        let pid = try ChildProcess.spawn(arguments, launcher: [gnuTime, "-f", "%M", "-o", peak],
                                         stdout: .file(output), stderr: errors)
        let outcome = try #require(ChildProcess.wait(pid, timeout: 900), "\(arguments) did not finish")
        let lines = try String(contentsOfFile: peak, encoding: .utf8).split(separator: "\n")
        return (outcome, try String(contentsOfFile: errors, encoding: .utf8), lines.last.flatMap { Int($0) } ?? Int.max)
    }

    @Test func aHundredMegabyteLineInBoundedMemory() throws {
        let folder = try TemporaryDirectory()
        let unit = Data((Self.sentence + " ").utf8)
        let count = 100_000_000 / unit.count
        let input = folder.url.appendingPathComponent("line.txt").path
        // One line, no line feed at all: the sentence `count` times.
        try Self.write(input, unit: unit, count: count - 1, last: Data(Self.sentence.utf8))
        let lineMiB = (count * unit.count) >> 20
        let glossary = try folder.file("glossary.tsv", "сила\tstrength\n")
        let output = folder.url.appendingPathComponent("output").path

        let latin = "Saedinenieto pravi silata, a dumite tekat bez kray."
        let marked = "Съединението прави ⟦силата|strength⟧, а думите текат без край."
        let cases: [(arguments: [String], unit: String, last: String, limitMiB: Int)] = [
            (["translit"], latin + " ", latin, 64),
            (["segment"], Self.sentence + "\n", Self.sentence + "\n", 64),
            (["detect"], "", "\(input): utf-8 1.00\n", 64),
            (["normalize"], Self.sentence + " ", Self.sentence, 5 * lineMiB),
            (["glossary", "--glossary", glossary], marked + " ", marked, 5 * lineMiB),
            (["prep", "-q", "--format", "text"], Self.sentence + "\n", Self.sentence + "\n", 5 * lineMiB),
        ]
        for test in cases {
            let (outcome, stderr, peakKiB) = try Self.measure(test.arguments + [input], output: output, in: folder)
            #expect(outcome.exitStatus == 0, "\(test.arguments): \(outcome) \(stderr)")
            #expect(stderr == "", "\(test.arguments)")
            let units = test.unit.isEmpty ? 0 : count - 1
            #expect(try Self.matches(output, unit: Data(test.unit.utf8), count: units, last: Data(test.last.utf8)),
                    "\(test.arguments): the output is not the whole expected text")
            let peakMiB = peakKiB >> 10
            #expect(peakMiB < test.limitMiB, "\(test.arguments): \(peakMiB) MiB for a \(lineMiB) MiB line")
        }
    }

    /// `restore --map` on a 100 MB line with a placeholder in every
    /// sentence: each is restored, and the one report is that ⟦1⟧ occurs
    /// that many times.
    @Test func aHundredMegabyteLineOfPlaceholdersIsRestoredInBoundedMemory() throws {
        let folder = try TemporaryDirectory()
        let hidden = "Съединението прави ⟦1⟧, а думите текат без край."
        let unit = Data((hidden + " ").utf8)
        let count = 100_000_000 / unit.count
        let input = folder.url.appendingPathComponent("translated.txt").path
        try Self.write(input, unit: unit, count: count - 1, last: Data(hidden.utf8))
        let lineMiB = (count * unit.count) >> 20
        let map = try folder.file("map.tsv", "⟦1⟧\tsilata\tсила\tсилата\n")
        let output = folder.url.appendingPathComponent("output").path

        let (outcome, stderr, peakKiB) = try Self.measure(["restore", "--map", map, input], output: output, in: folder)
        #expect(outcome.exitStatus == 0, "\(outcome) \(stderr)")
        #expect(stderr == "bgtext: warning: placeholder ⟦1⟧ occurs \(count) times (each restored)\n")
        let restored = "Съединението прави silata, а думите текат без край."
        #expect(try Self.matches(output, unit: Data((restored + " ").utf8), count: count - 1, last: Data(restored.utf8)),
                "the output is not the whole restored text")
        let peakMiB = peakKiB >> 10
        #expect(peakMiB < 5 * lineMiB, "\(peakMiB) MiB for a \(lineMiB) MiB line")
    }

    @Test func aHundredMegabyteTBXIsParsedInBoundedMemory() throws {
        let folder = try TemporaryDirectory()
        let path = folder.url.appendingPathComponent("large.tbx").path
        // Concept entries with a long definition and note, as termbase exports
        // have; the last entry is the one the text needs, so the whole file
        // must have been read.
        let definition = String(repeating: "Определение на понятието с достатъчно дълъг текст. ", count: 20)
        let entry = """
            <conceptEntry id="c"><descrip type="definition">\(definition)</descrip><langSec xml:lang="bg"><termSec>\
            <term>примерен термин</term><note>\(definition)</note></termSec></langSec><langSec xml:lang="en"><termSec>\
            <term>sample term</term></termSec></langSec></conceptEntry>

            """
        let header = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>

            """
        let last = """
            <conceptEntry id="last"><langSec xml:lang="bg"><termSec><term>банка</term></termSec></langSec>\
            <langSec xml:lang="en"><termSec><term>bank</term></termSec></langSec></conceptEntry>
            </body></text></tbx>

            """
        let entryData = Data(entry.utf8)
        let count = 100_000_000 / entryData.count
        try Self.write(path, unit: entryData, count: count, last: Data(last.utf8), header: Data(header.utf8))
        let fileMiB = Int((try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0) >> 20
        #expect(fileMiB >= 95)
        let text = try folder.file("text.txt", "Банката на България и примерният термин.\n")
        let output = folder.url.appendingPathComponent("output").path
        let (outcome, stderr, peakKiB) = try Self.measure(["glossary", "--glossary", path, text], output: output, in: folder)
        #expect(outcome.exitStatus == 0, "\(outcome) \(stderr)")
        #expect(stderr == "")
        #expect(try String(contentsOfFile: output, encoding: .utf8)
                == "⟦Банката|bank⟧ на България и ⟦примерният термин|sample term⟧.\n")
        let peakMiB = peakKiB >> 10
        #expect(peakMiB < 3 * fileMiB, "\(peakMiB) MiB for a \(fileMiB) MiB TBX")
    }
}
