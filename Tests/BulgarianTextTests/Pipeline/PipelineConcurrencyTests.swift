import Testing
import BulgarianText

/// One `Pipeline` and one `Normalizer` used from many tasks at once give what
/// they give on one task (run under `swift test --sanitize=thread` too).
@Suite("Pipeline: concurrency")
struct PipelineConcurrencyTests {
    static func document(_ number: Int) -> String {
        "date 2026-03-14\n\nПроф. Иванов каза \"\(number)\" на www.primer.bg - Реклама -. Централната банка мълчи.\r\n\r\nТя\u{AD} дойде в \(number) ч. Всички станаха.\n"
    }

    @Test func onePipelineFromManyTasks() async throws {
        let glossary = Glossary(entries: try GlossaryFile.entries(
            parsing: Array("централна банка\tcentral bank\n".utf8), format: .tsv, source: "test.tsv"))
        let pipeline = try Pipeline(options: .init(normalization: .all(profile: .typography),
                                                   spans: .preset("news")!, glossary: glossary))
        let expected = try (0..<32).map { try pipeline.prepare(Self.document($0)).segments }
        let found = try await withThrowingTaskGroup(of: (Int, [PreparedSegment]).self) { group in
            for _ in 0..<4 {
                for number in 0..<32 {
                    group.addTask { (number, try pipeline.prepare(Self.document(number)).segments) }
                }
            }
            var results: [(Int, [PreparedSegment])] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(found.count == 128)
        for (number, segments) in found {
            #expect(segments == expected[number])
        }
    }

    @Test func oneNormalizerFromManyTasks() async throws {
        let normalizer = try Normalizer(options: .all(profile: .typography))
        let expected = try (0..<32).map { try normalizer.normalize(Self.document($0)).text }
        let found = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for number in 0..<32 {
                group.addTask { (number, try normalizer.normalize(Self.document(number)).text) }
            }
            var results: [(Int, String)] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(found.count == 32)
        for (number, text) in found { #expect(text == expected[number]) }
    }
}
