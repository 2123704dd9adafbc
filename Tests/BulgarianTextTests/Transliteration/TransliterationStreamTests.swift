import Testing
import BulgarianText

@Suite("Transliteration streams")
struct TransliterationStreamTests {
    private func streamed(_ transliterator: Transliterator, _ bytes: [UInt8], chunkSizes: [Int]) throws -> [UInt8] {
        var stream = try transliterator.makeStream()
        var output: [UInt8] = []
        var start = 0
        var sizes = chunkSizes.makeIterator()
        while start < bytes.count {
            let size = sizes.next() ?? 7
            let end = min(start + size, bytes.count)
            output += try stream.feed(bytes[start..<end])
            start = end
        }
        output += try stream.finish()
        return output
    }

    @Test(arguments: [Transliterator.Engine.native, .icu], [UInt64(1), 2, 3])
    func anyChunkingGivesTheOneShotResult(engine: Transliterator.Engine, seed: UInt64) throws {
        let transliterator = try Transliterator(engine: engine)
        let text = RandomText.text(length: 20_000, seed: seed)
        let bytes = Array(text.utf8)
        var random = SeededGenerator(seed: seed)
        let sizes = (0..<bytes.count).map { _ in Int.random(in: 1...40, using: &random) }
        let expected = Array(try transliterator.transliterate(text).utf8)
        #expect(try streamed(transliterator, bytes, chunkSizes: sizes) == expected)
        #expect(try streamed(transliterator, bytes, chunkSizes: [1]) == expected)
        #expect(try streamed(transliterator, bytes, chunkSizes: [bytes.count]) == expected)
    }

    @Test func outputComesBeforeTheInputEnds() throws {
        var stream = try Transliterator().makeStream()
        let first = try stream.feed(Array("Първи ред.\nВтори".utf8))
        #expect(String(decoding: first, as: UTF8.self).hasPrefix("Parvi red.\n"))
        #expect(String(decoding: first + (try stream.finish()), as: UTF8.self) == "Parvi red.\nVtori")
    }

    @Test func invalidBytesAreReportedWithTheirOffsetInTheStream() throws {
        var stream = try Transliterator().makeStream()
        _ = try stream.feed(Array("абв".utf8))
        #expect(throws: InvalidUTF8Error(byteOffset: 8, bytes: [0xC0, 0x80])) {
            _ = try stream.feed(Array("г".utf8) + [0xC0, 0x80])
        }
    }

    @Test func aCharacterCutAtTheEndIsAnError() throws {
        var stream = try Transliterator().makeStream()
        _ = try stream.feed([0xD0])
        #expect(throws: InvalidUTF8Error(byteOffset: 0, bytes: [0xD0])) { _ = try stream.finish() }
    }

    @Test(arguments: [UInt64(7), 8, 9, 10])
    func randomBytesRepairedNeverCrash(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let bytes = (0..<50_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        var repair = LossyUTF8Stream()
        var repaired: [UInt8] = []
        for start in stride(from: 0, to: bytes.count, by: 333) {
            repaired += repair.feed(bytes[start..<min(start + 333, bytes.count)])
        }
        repaired += repair.finish()
        #expect(repaired == Array(String(decoding: bytes, as: UTF8.self).utf8))
        let output = try Transliterator().transliterate(utf8: repaired)
        #expect(!output.isEmpty)
        #expect(throws: InvalidUTF8Error.self) { _ = try Transliterator().transliterate(utf8: bytes) }
    }
}
