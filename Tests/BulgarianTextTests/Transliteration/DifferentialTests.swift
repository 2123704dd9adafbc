import Testing
@testable import BulgarianText

/// The native engine and ICU running the generated rules must agree byte for byte.
@Suite("Transliteration: native engine = ICU rules")
struct DifferentialTests {
    static let exceptions = try! TransliterationTable.exceptions(
        parsing: "Цветан Tzvetan\nЖечев Jechev\nёлка Yolka\n", source: "test")

    private func compare(_ text: String, exceptions: [TransliterationTable.Word] = [],
                         fallback: TransliterationTable? = nil) throws {
        let native = try Transliterator(exceptions: exceptions, fallback: fallback, engine: .native)
        let icu = try Transliterator(exceptions: exceptions, fallback: fallback, engine: .icu)
        let nativeOutput = try native.transliterate(text)
        let icuOutput = try icu.transliterate(text)
        if nativeOutput != icuOutput {
            // Report the first differing line, which is what a person can debug.
            let inputLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let nativeLines = nativeOutput.split(separator: "\n", omittingEmptySubsequences: false)
            let icuLines = icuOutput.split(separator: "\n", omittingEmptySubsequences: false)
            for index in 0..<min(nativeLines.count, icuLines.count) where nativeLines[index] != icuLines[index] {
                Issue.record("line \(index): input \(Array(inputLines[index].unicodeScalars).map { String($0.value, radix: 16) })\n  input  \(inputLines[index])\n  native \(nativeLines[index])\n  icu    \(icuLines[index])")
                return
            }
            Issue.record("outputs differ in line count: \(nativeLines.count) vs \(icuLines.count)")
        }
    }

    @Test(arguments: 1...8 as ClosedRange<UInt64>)
    func randomText(seed: UInt64) throws {
        try compare(RandomText.text(length: 60_000, seed: seed))
    }

    @Test(arguments: 11...14 as ClosedRange<UInt64>)
    func randomTextWithExceptionsAndFallback(seed: UInt64) throws {
        try compare(RandomText.text(length: 60_000, seed: seed),
                    exceptions: Self.exceptions, fallback: .iso9Fallback)
    }

    @Test func handPickedEdges() throws {
        let cases = [
            "Ж", "Ж.", "ЖЖ", "Ж Ж", "ПЕТРОВ Ж.", "Ж. ПЕТРОВ", "Ж.ПЕТРОВ", "Ж\nПЕТРОВ", "ПЕТРОВ\nЖ",
            "аЖ ПЕТРОВ", "Ж\u{0308} ПЕТРОВ", "ЖА\u{0301}НА Ж", "ЖЕЧЕВ Ж", "ЩИТ-ЩИТ", "Щ-Ю", "ия", "ИЯ", "Ия",
            "иЯ", "и\u{0301}я", "и\u{0300}я", "и\u{0306}я", "ия\u{0301}", "ия\u{0308}", "България-Бг",
            "\u{0301}България", "Ѝ", "ѝ\u{0301}", "е\u{0300}", "Е\u{0300}Щ", "Ю\u{0301}Г", "Y Ж ЖЖ", "",
        ]
        try compare(cases.joined(separator: "\n"))
        for text in cases { try compare(text) }
    }
}
