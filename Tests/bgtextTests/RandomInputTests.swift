import Foundation
import Testing

/// Every command, fed random bytes: a clean error (65) without `--lossy`,
/// output with it; never a crash.
@Suite("Random bytes into every command")
struct RandomInputTests {
    static let glossary = packageRoot.appendingPathComponent("tables/glossary/news.tsv").path

    static let commands: [[String]] = [
        ["prep", "-q"], ["prep", "-q", "--format", "xliff"], ["normalize"], ["segment"],
        ["glossary", "--glossary", glossary], ["translit"],
    ]

    @Test(arguments: commands)
    func randomBytes(command: [String]) throws {
        var generator = SystemRandomNumberGenerator()
        for size in [1, 100, 10_000] {
            var bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bytes[0] = 0xFF  // certainly not UTF-8
            let strict = try BGTextRunner.run(command, stdin: Data(bytes))
            #expect(strict.status == 65, "\(command) \(size): \(strict.stderr)")
            #expect(strict.stderr.hasPrefix("bgtext: error: <stdin>: "), "\(command): \(strict.stderr)")
            #expect(strict.stderr.split(separator: "\n").count == 1)
            let lossy = try BGTextRunner.run(command + ["--lossy"], stdin: Data(bytes))
            #expect(lossy.status == 0, "\(command) --lossy \(size): \(lossy.stderr)")
        }
    }

    @Test func detectNeverFails() throws {
        let folder = try TemporaryDirectory()
        var generator = SystemRandomNumberGenerator()
        let file = try folder.file("random.bin", Data((0..<5000).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        let result = try BGTextRunner.run(["detect", file])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("\(file): "))
    }
}
