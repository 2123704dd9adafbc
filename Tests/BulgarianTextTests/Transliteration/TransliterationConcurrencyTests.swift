import Testing
import BulgarianText

@Suite("Transliteration from many tasks")
struct TransliterationConcurrencyTests {
    @Test(arguments: [Transliterator.Engine.native, .icu])
    func oneTransliteratorManyTasks(engine: Transliterator.Engine) async throws {
        let transliterator = try Transliterator(engine: engine)
        let texts = (1...16).map { RandomText.text(length: 3_000, seed: UInt64($0)) }
        let expected = try texts.map { try transliterator.transliterate($0) }
        let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for _ in 0..<4 {
                for (index, text) in texts.enumerated() {
                    group.addTask { (index, try transliterator.transliterate(text)) }
                }
            }
            var results: [(Int, String)] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(results.count == 64)
        for (index, output) in results {
            #expect(output == expected[index])
        }
    }
}
