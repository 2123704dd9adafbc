import Foundation
import Testing
@testable import BulgarianText

@Suite("Normalization: properties")
struct NormalizationPropertyTests {
    static let pieces = [
        "а", "и", "й", "ѝ", "Ѝ", "е", "о", "р", "ф", "дом", "вода", "\u{300}", "\u{301}", "\u{306}", "\u{308}",
        "\u{AD}", "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{0}", "\u{1B}", "\u{85}", "\u{202E}",
        "\r", "\n", "\r\n", " ", "\t", "\u{2003}", "\u{3000}", "\u{A0}", "\u{202F}",
        "\"", "-", " - ", ".", "...", "„", "“", "–", "…", "«", "»",
        "C", "o", "B", "x", "y", "Reuters", "_", "https://a.bg/x", "a@b.bg", "{1}",
        "Р‘", "СЉ", "Ð", "Ñ", "€", "Ђ", "╨", "п▒", "Á", "ú", "ﬁ", "№", "²", "½", "ё", "ы", "😀", "é", "e\u{301}",
    ]

    static func randomText(_ generator: inout SeededGenerator) -> String {
        let length = Int.random(in: 0...40, using: &generator)
        return (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    static let optionSets: [NormalizationOptions] = [
        NormalizationOptions(),
        NormalizationOptions(stripStress: true),
        NormalizationOptions(compatibilityComposition: true),
        NormalizationOptions(fixMixedScript: true),
        NormalizationOptions(fixMojibake: true),
        NormalizationOptions(profile: .typography),
        NormalizationOptions(profile: .ascii),
        .all(profile: .typography),
        .all(profile: .ascii),
    ]

    @Test(arguments: optionSets)
    func normalizingTwiceEqualsNormalizingOnce(_ options: NormalizationOptions) throws {
        let normalizer = try Normalizer(options: options)
        var generator = SeededGenerator(seed: 20_261_126)
        for _ in 0..<1500 {
            let text = Self.randomText(&generator)
            let once = try normalizer.normalize(text)
            let twice = try normalizer.normalize(once.text)
            #expect(twice.utf8 == once.utf8, "input: \(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(twice.isUnchanged && twice.changes.isEmpty, "\(twice.changes.map { "\($0.kind) \($0.before.unicodeScalars.map { String($0.value, radix: 16) }) → \($0.after.unicodeScalars.map { String($0.value, radix: 16) })" })")
        }
    }

    @Test(arguments: optionSets)
    func everyChangeNamesItsOriginalBytes(_ options: NormalizationOptions) throws {
        let normalizer = try Normalizer(options: options)
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let text = Self.randomText(&generator)
            let result = try normalizer.normalize(text)
            let bytes = Array(text.utf8)
            for change in result.changes {
                #expect(change.originalRange.lowerBound >= 0 && change.originalRange.upperBound <= bytes.count)
            }
            // The whole output maps to (at most) the whole input.
            let whole = result.originalRange(of: 0..<result.utf8.count)
            #expect(whole.lowerBound >= 0 && whole.upperBound <= bytes.count)
        }
    }

    /// Words that no operation changes, separated by noise that the default
    /// operations delete or rewrite: each word must map back to exactly its
    /// own bytes in the input.
    @Test func offsetMapUnderRandomEdits() throws {
        let words = ["дом", "вода", "ѝ", "й", "Пловдив", "COVID-19", "1\u{A0}000", "„цитат“", "é"]
        // (input, output) pairs of the noise.
        let noise: [(String, String)] = [
            ("\u{AD}", ""), ("\u{200B}", ""), ("\u{FEFF}", ""), ("\u{200E}", ""), ("\u{7}", ""),
            ("\r\n", "\n"), ("\r\u{AD}", "\n"), ("\u{2003}", " "), ("\u{3000}", " "), (" ", " "), ("\n", "\n"),
            ("и\u{300}", "ѝ"), ("и\u{306}", "й"), ("e\u{301}", "é"),
        ]
        let normalizer = try Normalizer()
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<400 {
            var input: [UInt8] = []
            var expected: [UInt8] = []
            var spans: [(original: Range<Int>, normalized: Range<Int>)] = []
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    let (from, to) = noise.randomElement(using: &generator)!
                    // A composed pair is a word of its own: it maps to its whole input.
                    if (0x300..<0x370).contains(from.unicodeScalars.last!.value) {
                        spans.append((input.count..<input.count + from.utf8.count, expected.count..<expected.count + to.utf8.count))
                    }
                    input += from.utf8
                    expected += to.utf8
                }
                let word = words.randomElement(using: &generator)!
                spans.append((input.count..<input.count + word.utf8.count, expected.count..<expected.count + word.utf8.count))
                input += word.utf8
                expected += word.utf8
                // Keep a boundary so that no mark composes with the next word.
                input += " ".utf8
                expected += " ".utf8
            }
            let result = try normalizer.normalize(utf8: input)
            try #require(result.utf8 == expected, "\(String(decoding: input, as: UTF8.self).unicodeScalars.map { String($0.value, radix: 16) })")
            for span in spans {
                #expect(result.originalRange(of: span.normalized) == span.original)
            }
            // Every single byte offset maps inside the input, in order.
            var previous = 0
            for offset in 0...result.utf8.count {
                let mapped = result.originalOffset(of: offset)
                #expect(mapped >= previous && mapped <= input.count)
                previous = mapped
            }
        }
    }
}

/// The evaluation corpus of the project (UD Bulgarian BTB), read where it
/// lies beside the project and never copied into it.
enum SharedCorpus {
    static let folder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora/ud-bg-btb")
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("dev.txt").path) }
}

let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite("Normalization: the BTB texts")
struct SharedCorpusTests {
    @Test(.enabled(if: SharedCorpus.isAvailable, "skipped: ../shared/corpora/ud-bg-btb is not present"),
          arguments: ["dev.txt", "test.txt"])
    func btbTextsAreUnchanged(_ name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: SharedCorpus.folder.appendingPathComponent(name)))
        for options in [NormalizationOptions(), NormalizationOptions(fixMojibake: true),
                        NormalizationOptions(fixMojibake: true, fixMixedScript: true, stripStress: true)] {
            let result = try Normalizer(options: options).normalize(utf8: bytes)
            #expect(result.isUnchanged, "\(name) \(options): \(result.changes.prefix(5))")
            #expect(result.changes.isEmpty)
        }
    }

    @Test func theProjectsSampleArticleIsUnchanged() throws {
        let bytes = [UInt8](try Data(contentsOf: packageRoot.appendingPathComponent("samples/article.txt")))
        for options in [NormalizationOptions(), NormalizationOptions(fixMojibake: true, fixMixedScript: true, stripStress: true)] {
            let result = try Normalizer(options: options).normalize(utf8: bytes)
            #expect(result.isUnchanged, "\(options): \(result.changes.prefix(5))")
        }
    }
}

@Suite("Normalization: any bytes")
struct AnyBytesTests {
    /// Random bytes in every encoding, decoded leniently and normalized with
    /// every option: nothing crashes, the output is valid UTF-8, and every
    /// change lies inside the input.
    @Test func randomBytesNeverCrash() throws {
        var generator = SeededGenerator(seed: 1_234_567)
        let normalizers = try NormalizationPropertyTests.optionSets.map { try Normalizer(options: $0) }
        for round in 0..<300 {
            let length = Int.random(in: 0...64, using: &generator)
            // Half the inputs are biased towards UTF-8 lead and continuation bytes.
            let bytes: [UInt8] = (0..<length).map { _ in
                round % 2 == 0 ? UInt8.random(in: 0...255, using: &generator)
                    : [0xD0, 0xD1, 0x80, 0xBF, 0xE2, 0x80, 0x9E, 0xC2, 0xAD, 0x0D, 0x0A, 0x20, 0x22, 0x2E, 0x43, 0xCC, 0x80]
                        .randomElement(using: &generator)!
            }
            for encoding in TextEncoding.allCases {
                guard let decoded = try? TextDecoder.decode(bytes, as: encoding, lossy: true) else { continue }
                for normalizer in normalizers {
                    let result = try normalizer.normalize(decoded)
                    #expect(result.utf8.withUnsafeBufferPointer { UTF8Validation.validPrefixLength($0) } == result.byteCount)
                    for change in result.changes {
                        #expect(change.originalRange.lowerBound >= 0 && change.originalRange.upperBound <= bytes.count)
                    }
                    let whole = result.originalRange(of: 0..<result.byteCount)
                    #expect(whole.upperBound <= bytes.count)
                }
            }
        }
    }
}
