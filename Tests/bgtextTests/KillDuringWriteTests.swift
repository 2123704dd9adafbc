import Foundation
import Testing

/// `-o` and `--in-place` write a temporary file beside the destination and
/// rename it over the destination only when complete: a process killed with
/// SIGKILL at any moment leaves the complete old file or the complete new one.
@Suite("Killed during a write")
struct KillDuringWriteTests {
    /// Text that normalization changes (CR LF, soft hyphens): about 6 MB.
    static let input = text(paragraphs: 60_000)
    /// Less for prep, which does more per byte: about 1.5 MB.
    static let prepInput = text(paragraphs: 15_000)

    static func text(paragraphs: Int) -> Data {
        let paragraph = "Проф. Иванов ра\u{AD}боти в София от 2026 г. Всички станаха.\r\nТя каза: \"Добре!\"\r\n\r\n"
        return Data(String(repeating: paragraph, count: paragraphs).utf8)
    }

    /// Runs `bgtext arguments` and kills it after `delay` seconds (if still running).
    private func runAndKill(_ arguments: [String], after delay: Double) throws {
        let process = Process()
        process.executableURL = BGTextRunner.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Kill moments spread over a whole run, in a shuffled order.
    private func delays(for duration: Double, count: Int) -> [Double] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { index in
            duration * (Double(index) + Double.random(in: 0..<1, using: &generator)) / Double(count)
        }.shuffled()
    }

    private func timed(_ body: () throws -> Void) rethrows -> Double {
        let start = Date()
        try body()
        return Date().timeIntervalSince(start)
    }

    @Test func prepToAFileIsOldOrNew() throws {
        let folder = try TemporaryDirectory()
        let source = try folder.file("article.txt", Self.prepInput)
        let destination = folder.url.appendingPathComponent("article.jsonl")
        let old = Data("{\"old\":true}\n".utf8)
        try old.write(to: destination)
        var new = Data()
        let duration = try timed {
            let result = try BGTextRunner.run(["prep", "-q", "-o", destination.path, source])
            #expect(result.status == 0, "\(result.stderr)")
            new = try Data(contentsOf: destination)
        }
        #expect(new.count > Self.prepInput.count)
        for delay in delays(for: duration, count: 6) {
            try old.write(to: destination)
            try runAndKill(["prep", "-q", "-o", destination.path, source], after: delay)
            let found = try Data(contentsOf: destination)
            #expect(found == old || found == new, "after \(delay) s: \(found.count) bytes, neither old nor new")
        }
    }

    @Test func normalizeInPlaceIsOldOrNew() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.file("article.txt", Self.input)
        var new = Data()
        let duration = try timed {
            let result = try BGTextRunner.run(["normalize", "--in-place", path])
            #expect(result.status == 0, "\(result.stderr)")
            new = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        #expect(new != Self.input && !new.isEmpty)
        for delay in delays(for: duration, count: 8) {
            try Self.input.write(to: URL(fileURLWithPath: path))
            try runAndKill(["normalize", "--in-place", path], after: delay)
            let found = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(found == Self.input || found == new, "after \(delay) s: \(found.count) bytes, neither old nor new")
        }
    }
}
