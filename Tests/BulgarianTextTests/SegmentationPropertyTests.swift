import Testing
@testable import BulgarianText

/// Random text built from pieces that exercise every rule, in any order.
func randomText(length: Int, seed: UInt64) -> String {
    let pieces = ["Иван", "проф.", "г.", "лв.", "т.е.", "В.", "дойде", "и др.", "2026", "1.", "3.14", " ", " ", " ", "  ",
                  ".", "!", "?", "…", "...", ":", ",", "\n", "\n\n", "\r\n", "\t", "\u{A0}", "— ", " - ", "–", "„", "“",
                  "\"", "(", ")", "«", "»", "www.primer.bg/a?b=1", "ivan@primer.bg", "Чл.", "ал.", "Тя", "a", "Б",
                  "👋🏽", "é", "e\u{301}", "{1}", "%s", "ред", "Снимка:", "\u{2028}", "\u{2029}", "\u{85}", "х"]
    var generator = SeededGenerator(seed: seed)
    var text = ""
    while text.utf8.count < length {
        text += pieces[Int(generator.next() % UInt64(pieces.count))]
    }
    return text
}

/// Checks what every segmentation must satisfy: ranges strictly increasing,
/// no empty sentence, no whitespace at a sentence's ends, only whitespace
/// between sentences, so that sentences and gaps rebuild the input.
func checkLossless(_ text: String, _ found: [Sentence], sourceLocation: SourceLocation = #_sourceLocation) {
    let bytes = Array(text.utf8)
    let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D]
    func isGap(_ range: Range<Int>) -> Bool {
        String(decoding: bytes[range], as: UTF8.self).unicodeScalars.allSatisfy { $0 == "\u{A0}" || $0.value < 0x80 && whitespace.contains(UInt8($0.value)) }
    }
    var position = 0
    var rebuilt: [UInt8] = []
    var paragraph = 1
    for sentence in found {
        let range = sentence.utf8Range
        #expect(range.lowerBound >= position && !range.isEmpty && range.upperBound <= bytes.count, sourceLocation: sourceLocation)
        guard range.lowerBound >= position, !range.isEmpty, range.upperBound <= bytes.count else { return }
        #expect(isGap(position..<range.lowerBound), "non-whitespace between sentences at \(position)", sourceLocation: sourceLocation)
        #expect(!whitespace.contains(bytes[range.lowerBound]) && !whitespace.contains(bytes[range.upperBound - 1]), sourceLocation: sourceLocation)
        #expect(sentence.paragraph >= paragraph, sourceLocation: sourceLocation)
        paragraph = sentence.paragraph
        rebuilt += bytes[position..<range.upperBound]
        position = range.upperBound
    }
    #expect(isGap(position..<bytes.count), sourceLocation: sourceLocation)
    rebuilt += bytes[position...]
    #expect(rebuilt == bytes, sourceLocation: sourceLocation)
}

@Suite("Segmentation properties")
struct SegmentationPropertyTests {
    @Test(arguments: [false, true])
    func randomTextIsSegmentedLosslessly(softWrap: Bool) throws {
        let segmenters = [try Segmenter(options: .init(softWrap: softWrap)),
                          try Segmenter(options: .init(softWrap: softWrap, bulgarianRules: false))]
        for seed in 0..<300 as Range<UInt64> {
            let text = randomText(length: Int(seed % 97) * 7 + 1, seed: seed)
            for segmenter in segmenters {
                checkLossless(text, try segmenter.sentences(in: text))
            }
        }
    }

    @Test(arguments: [false, true])
    func streamingInRandomChunksGivesTheSameSentences(softWrap: Bool) throws {
        let segmenter = try Segmenter(options: .init(softWrap: softWrap))
        var generator = SeededGenerator(seed: 7)
        for seed in 0..<40 as Range<UInt64> {
            let text = randomText(length: 40_000, seed: seed)
            let whole = try segmenter.sentences(in: text)
            let bytes = Array(text.utf8)
            var stream = segmenter.makeStream()
            var streamed: [Sentence] = []
            var texts: [String] = []
            var offset = 0
            while offset < bytes.count {
                let size = Int(generator.next() % 9000) + 1
                let batch = try stream.feed(bytes[offset..<min(bytes.count, offset + size)])
                streamed += batch.sentences
                texts += batch.sentences.map(batch.text(of:))
                offset += size
            }
            let last = try stream.finish()
            streamed += last.sentences
            texts += last.sentences.map(last.text(of:))
            #expect(streamed == whole, "seed \(seed)")
            #expect(texts == whole.map { String($0.text(in: text)) })
        }
    }

    @Test func textsLongerThanAWindowStreamTheSameWay() throws {
        let segmenter = try Segmenter()
        let text = randomText(length: 3_500_000, seed: 2026)
        let whole = try segmenter.sentences(in: text)
        checkLossless(text, whole)
        let bytes = Array(text.utf8)
        var stream = segmenter.makeStream()
        var streamed: [Sentence] = []
        for start in stride(from: 0, to: bytes.count, by: 65_536) {
            streamed += try stream.feed(bytes[start..<min(bytes.count, start + 65_536)]).sentences
        }
        streamed += try stream.finish().sentences
        #expect(streamed == whole)
    }

    @Test func sentencesFromUTF8BytesMatchTheString() throws {
        let text = randomText(length: 5000, seed: 99)
        let segmenter = try Segmenter()
        #expect(try segmenter.sentences(inUTF8: Array(text.utf8)) == segmenter.sentences(in: text))
    }

    @Test func manyTasksAtOnce() async throws {
        let segmenter = try Segmenter()
        let texts = (0..<16).map { randomText(length: 20_000, seed: UInt64($0)) }
        let expected = try texts.map { try segmenter.sentences(in: $0) }
        let results = try await withThrowingTaskGroup(of: (Int, [Sentence]).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, try segmenter.sentences(in: text)) }
            }
            var results = [[Sentence]](repeating: [], count: texts.count)
            for try await (index, found) in group { results[index] = found }
            return results
        }
        #expect(results == expected)
    }

    @Test func theWordMaskFlagsEveryCandidateByte() {
        // Every pair of byte values at every pair of positions in a word of plain letters.
        func check(_ word: UInt64) {
            let mask = SegmentationBytes.candidateMask(word)
            for position in 0..<8 {
                let byte = (word >> (8 * position)) & 0xFF
                if (0x2D...0x3A).contains(byte) || byte == 0xE2 {
                    #expect(mask & (0x80 << (8 * position)) != 0, "byte \(byte) at \(position) of \(word)")
                }
            }
        }
        for first in 0..<8 {
            for second in (first + 1)..<8 {
                for a in 0...255 as ClosedRange<UInt64> {
                    for b in [0x00, 0x01, 0x2C, 0x2D, 0x2E, 0x3A, 0x3B, 0x7F, 0x80, 0xD0, 0xE1, 0xE2, 0xE3, 0xFF] as [UInt64] {
                        let base = 0x6161_6161_6161_6161 & ~(UInt64(0xFF) << (8 * first)) & ~(UInt64(0xFF) << (8 * second))
                        check(base | a << (8 * first) | b << (8 * second))
                        check(base | b << (8 * first) | a << (8 * second))
                    }
                }
            }
        }
        let samples = ["абвгдежз", "a бвгд e", "👋🏽ab", "ééééa", "        "]
        for sample in samples {
            var bytes = Array(sample.utf8)
            bytes += [UInt8](repeating: 0x61, count: max(0, 8 - bytes.count))
            let word = bytes.withUnsafeBufferPointer { SegmentationBytes($0).word(at: 0) }
            let leads = bytes.prefix(8).reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : ($1 >= 0xF0 ? 2 : 1)) }
            #expect(SegmentationBytes.utf16Count(word) == leads, "\(sample)")
        }
    }
}
