import Testing
@testable import BulgarianText

/// Metadata and boilerplate patterns (`tables/prep/`), and a date header that
/// a scraper left on the same line as the first sentence.
@Suite("Span patterns")
struct SpanPatternsTests {
    static let patterns = try! SpanPatterns(parsing: """
        metadata-start date {digits}-{digits}-{digits}
        metadata-line  Източник: {rest}
        boilerplate    - Реклама -
        """, source: "spans.txt")

    func metadata(_ line: String) -> String? {
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            Self.patterns.metadataRange(inLine: buffer).map { String(decoding: bytes[$0], as: UTF8.self) }
        }
    }

    @Test func aMetadataStartIsFoundAloneOrBeforeProse() {
        #expect(metadata("date 2026-01-21") == "date 2026-01-21")
        #expect(metadata(" date 2026-01-21 Пратеникът пристигна в Москва.") == "date 2026-01-21")
        #expect(metadata("\tdate 2026-01-21\tТекст") == "date 2026-01-21")
    }

    @Test func aMetadataStartMustEndAtASpace() {
        #expect(metadata("date 2026-01-21г. е денят") == nil)
        #expect(metadata("date 2026-01-") == nil)
        #expect(metadata("Пратеникът даде date 2026-01-21 като срок.") == nil)
    }

    @Test func aMetadataLineMustBeTheWholeLine() {
        #expect(metadata("Източник: БТА") == "Източник: БТА")
        #expect(metadata("  Източник: БТА") == "Източник: БТА")
        #expect(metadata("Според Източник: БТА") == nil)
    }

    @Test func anUnknownKindNamesTheLine() {
        #expect(throws: TableError(source: "s.txt", line: 2, message:
            "expected `metadata-line PATTERN`, `metadata-start PATTERN` or `boilerplate PATTERN`, found `metadata-end date`")) {
            try SpanPatterns(parsing: "# patterns\nmetadata-end date\n", source: "s.txt")
        }
    }

    @Test func aDateHeaderOnTheFirstSentencesLineBecomesASegmentOfItsOwn() throws {
        let document = " date 2026-01-21 Пратеникът пристигна в Москва. Срещата е в четвъртък. - Реклама -\n\nВтори абзац.\n"
        let pipeline = try Pipeline(options: .init(spans: .preset("news")!))
        let block = try pipeline.prepare(document)
        #expect(block.segments.map(\.text) == ["date 2026-01-21", "Пратеникът пристигна в Москва.",
                                               "Срещата е в четвъртък.", "Втори абзац."])
        #expect(block.segments.map(\.translate) == [false, true, true, true])
        #expect(block.segments.map(\.paragraph) == [1, 1, 1, 2])
        let original = Array(document.utf8)
        for segment in block.segments {
            #expect(String(decoding: original[segment.start..<segment.end], as: UTF8.self) == segment.source)
        }
        #expect(block.restored([:]) == Array(document.utf8))
        #expect(block.restored([2: "The envoy arrived in Moscow."])
                == Array(" date 2026-01-21 The envoy arrived in Moscow. Срещата е в четвъртък. - Реклама -\n\nВтори абзац.\n".utf8))
    }
}
