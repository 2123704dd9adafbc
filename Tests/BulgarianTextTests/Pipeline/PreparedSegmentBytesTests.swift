import Testing
@testable import BulgarianText

/// Segments share their block's bytes; what they hand out must still be
/// exactly their own text, source and gap, byte for byte.
@Suite("Prepared segments: shared bytes")
struct PreparedSegmentBytesTests {
    /// `source` is the original bytes exactly, even where they are canonically
    /// equivalent to the prepared text (a decomposed й that NFC composed):
    /// String equality would not tell them apart, so compare bytes.
    @Test func sourceIsTheOriginalBytesExactly() throws {
        let original = Array(PrepDocuments.news.utf8)
        let block = try PrepDocuments.pipeline().prepare(utf8: original)
        let decomposed = try #require(block.segments.last)
        #expect(decomposed.text == "Крайният срок е 1 април.")
        #expect(Array(decomposed.textUTF8) != Array(decomposed.sourceUTF8))
        for segment in block.segments {
            #expect(Array(segment.sourceUTF8) == Array(original[segment.start..<segment.end]))
            #expect(Array(segment.source.utf8) == Array(original[segment.start..<segment.end]))
            let line = try JSONValue.parse(String(SegmentJSONL.line(segment).dropLast()))
            #expect(line["source"]?.stringValue.map { Array($0.utf8) } == Array(original[segment.start..<segment.end]))
            #expect(line["text"]?.stringValue.map { Array($0.utf8) } == Array(segment.textUTF8))
        }
    }

    @Test func gapsLeaveTheBoilerplateOut() throws {
        let block = try PrepDocuments.pipeline().prepare(PrepDocuments.news)
        #expect(block.segments.map(\.gapBefore) == ["", "\n", "", " ", "", " "])
        let text = "Първо изречение. - Реклама - Второ изречение.\n"
        let alone = try Pipeline(options: .init(spans: .preset("news")!)).prepare(text)
        #expect(alone.segments.map(\.text) == ["Първо изречение.", "Второ изречение."])
        #expect(alone.segments.map(\.gapBefore) == ["", " "])
    }

    @Test func settersGiveTheSegmentBytesOfItsOwn() throws {
        let block = try PrepDocuments.pipeline().prepare(PrepDocuments.news)
        var segment = block.segments[2]
        let before = block.segments[2]
        segment.text = "Нов текст."
        segment.gapBefore = "\n"
        #expect(segment.text == "Нов текст.")
        #expect(Array(segment.textUTF8) == Array("Нов текст.".utf8))
        #expect(segment.gapBefore == "\n")
        #expect(segment.source == before.source)
        #expect(block.segments[2] == before)
        #expect(segment != before)
        var copy = segment
        copy.annotations = []
        #expect(copy.annotations.isEmpty && !segment.annotations.isEmpty)
    }

    @Test func equalSegmentsFromDifferentStorageAreEqual() throws {
        let block = try PrepDocuments.pipeline().prepare(PrepDocuments.news)
        for segment in block.segments {
            var rebuilt = PreparedSegment(id: segment.id, paragraph: segment.paragraph, text: segment.text, source: segment.source,
                                          start: segment.start, end: segment.end, translate: segment.translate,
                                          annotations: segment.annotations, changes: segment.changes, gapBefore: segment.gapBefore)
            rebuilt.normalizedRange = segment.normalizedRange
            #expect(rebuilt == segment)
            #expect(rebuilt.hashValue == segment.hashValue)
        }
    }
}
