import Testing
@testable import BulgarianText

/// Hand-built segments of a small document of our own, for the writers.
enum SampleSegments {
    static let paragraph1 = [
        PreparedSegment(id: 1, paragraph: 1, text: "date 2026-03-14", source: "date 2026-03-14", start: 0, end: 15, translate: false),
    ]
    static let paragraph2: [PreparedSegment] = {
        let first = "Говорителят на ⟦1⟧ цитира <данни> & „анализ“ от https://example.bg/a?b=1&c=2."
        let firstBytes = Array(first.utf8)
        func range(of needle: String, in bytes: [UInt8]) -> Range<Int> {
            let target = Array(needle.utf8)
            let start = (0...(bytes.count - target.count)).first { Array(bytes[$0..<$0 + target.count]) == target }!
            return start..<start + target.count
        }
        let second = "Централната банка мълчи\u{0001}."
        return [
            PreparedSegment(id: 2, paragraph: 2, text: first, source: first.replacingOccurrences("⟦1⟧", "Кремъла"),
                            start: 17, end: 120,
                            annotations: [
                                .init(kind: .placeholder(id: 1, original: "Кремъла", target: "Kremlin"), range: range(of: "⟦1⟧", in: firstBytes)),
                                .init(kind: .protected("url"), range: range(of: "https://example.bg/a?b=1&c=2", in: firstBytes)),
                            ],
                            changes: [.init(kind: "delete-invisible", start: 30, before: "\u{00AD}", after: "")]),
            PreparedSegment(id: 3, paragraph: 2, text: second, source: second, start: 121, end: 170,
                            annotations: [.init(kind: .term(source: "централна банка", target: "central bank"),
                                                range: range(of: "Централната банка", in: Array(second.utf8)))],
                            gapBefore: " "),
        ]
    }()

    static func xliff2() -> String {
        let writer = XLIFF2Writer(original: "статия.txt", targetLanguage: "en")
        return writer.header() + writer.unit(paragraph: 1, segments: paragraph1)
            + writer.unit(paragraph: 2, segments: paragraph2) + writer.footer()
    }

    static func xliff12() -> String {
        let writer = XLIFF12Writer(original: "статия.txt", targetLanguage: "en")
        return writer.header() + writer.unit(paragraph: 1, segments: paragraph1)
            + writer.unit(paragraph: 2, segments: paragraph2) + writer.footer()
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

@Suite("Segment formats")
struct SegmentFormatsTests {
    @Test func jsonlRecord() throws {
        let line = SegmentJSONL.line(SampleSegments.paragraph2[1])
        #expect(line == #"{"id":3,"paragraph":2,"text":"Централната банка мълчи\u0001.","source":"Централната банка мълчи\u0001.","start":121,"end":170,"translate":true,"terms":[{"start":0,"end":33,"surface":"Централната банка","source":"централна банка","target":"central bank"}],"changes":[]}"# + "\n")
        let parsed = try JSONValue.parse(String(line.dropLast()))
        #expect(parsed == SegmentJSONL.object(SampleSegments.paragraph2[1]))
        #expect(parsed["text"]?.stringValue == "Централната банка мълчи\u{0001}.")
    }

    @Test func jsonlRecordWithPlaceholdersProtectedSpansAndChanges() throws {
        let object = SegmentJSONL.object(SampleSegments.paragraph2[0])
        #expect(object["placeholders"]?.arrayValue?.first?["original"]?.stringValue == "Кремъла")
        #expect(object["protected"]?.arrayValue?.first?["text"]?.stringValue == "https://example.bg/a?b=1&c=2")
        #expect(object["changes"]?.arrayValue?.first?["before"]?.stringValue == "\u{00AD}")
        #expect(try JSONValue.parse(object.serialized) == object)
    }

    @Test func xliff2Document() {
        let document = SampleSegments.xliff2()
        #expect(document.contains(#"<unit id="u1" translate="no">"#))
        #expect(document.contains(#"<ph id="ph1" disp="Кремъла" equiv="Кремъла"/>"#))
        #expect(document.contains(#"&lt;данни&gt; &amp; „анализ“ от <mrk id="s2-m2" translate="no">https://example.bg/a?b=1&amp;c=2</mrk>."#))
        #expect(document.contains(#"<mrk id="s3-m1" type="term" value="central bank">Централната банка</mrk> мълчи<cp hex="0001"/>."#))
        #expect(document.contains("<ignorable>\n        <source> </source>\n      </ignorable>"))
        #expect(document.contains(##"<gls:glossEntry ref="#s3-m1">"##))
    }

    @Test func xliff12Document() {
        let document = SampleSegments.xliff12()
        #expect(document.contains(#"<seg-source><mrk mtype="seg" mid="2">Говорителят на <x id="1" ctype="x-bgtext-placeholder"/> цитира"#))
        #expect(document.contains(#"<mrk mtype="protected">https://example.bg/a?b=1&amp;c=2</mrk>"#))
        #expect(document.contains(#"<note from="bgtext">централна банка = central bank</note>"#))
        #expect(document.contains("мълчи\u{FFFD}."))
    }

    @Test(.enabled(if: XLIFFSchemaValidation.isAvailable, "needs xmllint and ../shared/schemas/xliff: skipped"))
    func xliff2ValidatesAgainstTheOASISSchemas() throws {
        let result = try XLIFFSchemaValidation.validate(SampleSegments.xliff2(), as: .v21)
        #expect(result.status == 0, "\(result.messages)")
    }

    @Test(.enabled(if: XLIFFSchemaValidation.isAvailable, "needs xmllint and ../shared/schemas/xliff: skipped"))
    func xliff12ValidatesAgainstTheOASISSchema() throws {
        let result = try XLIFFSchemaValidation.validate(SampleSegments.xliff12(), as: .v12)
        #expect(result.status == 0, "\(result.messages)")
    }

    @Test(.enabled(if: XLIFFSchemaValidation.isAvailable, "needs xmllint and ../shared/schemas/xliff: skipped"))
    func theValidationCanFail() throws {
        let broken = SampleSegments.xliff2().replacingOccurrences("<segment id=\"s3\">", "<segment id=\"s3\" colour=\"red\">")
        #expect(try XLIFFSchemaValidation.validate(broken, as: .v21).status != 0)
    }
}
