import Testing
@testable import BulgarianText

/// The fast JSONL writer writes exactly what the JSON object serializes to,
/// whatever room the output array has and however many annotations a segment has.
@Suite("Segment JSONL writer")
struct SegmentJSONLWriterTests {
    static func expected(_ segment: PreparedSegment) -> String {
        SegmentJSONL.object(segment).serialized + "\n"
    }

    /// A segment with every character JSON escapes, U+2028/U+2029, and long runs without escapes.
    static let escapes: PreparedSegment = {
        let text = "Кавички \"вътре\", обратна \\ черта,\tтаб,\r\nред, \u{0001}\u{001F}\u{007F} и \u{2028}/\u{2029}; "
            + String(repeating: "дълъг ред без нищо особено ", count: 20) + "край „тук“ — …"
        return PreparedSegment(id: 12_345, paragraph: 678, text: text, source: text.replacingOccurrences("„тук“", "\"тук\""),
                               start: 9_876_543_210, end: 9_876_543_999, translate: false,
                               changes: [.init(kind: "punctuation", start: 9_876_543_900, before: "\"", after: "„")])
    }()

    /// A segment with thousands of annotations: more than the room the writer reserves ahead.
    static let crowded: PreparedSegment = {
        let word = "Кремъл "
        let text = String(repeating: word, count: 3000)
        let length = word.utf8.count
        let annotations = (0..<3000).map { index in
            SegmentAnnotation(kind: index % 3 == 0 ? .protected("code") : .term(source: "Кремъл", target: String(repeating: "Kremlin\"", count: 10)),
                              range: (index * length)..<(index * length + length - 1))
        }
        return PreparedSegment(id: 1, paragraph: 1, text: text, source: text, start: 0, end: text.utf8.count,
                               annotations: annotations)
    }()

    @Test func lineMatchesTheSerializedObject() {
        for segment in SampleSegments.paragraph1 + SampleSegments.paragraph2 + [Self.escapes, Self.crowded] {
            #expect(SegmentJSONL.line(segment) == Self.expected(segment))
        }
    }

    @Test func appendsToAnArrayOfAnyCapacity() {
        let segments = SampleSegments.paragraph1 + SampleSegments.paragraph2 + [Self.escapes, Self.crowded, Self.escapes]
        let expected = segments.map(Self.expected).joined()
        var output: [UInt8] = []
        for segment in segments { SegmentJSONL.write(segment, into: &output) }
        #expect(String(decoding: output, as: UTF8.self) == expected)
        // Into an array that already holds bytes and has just enough room for the text.
        var prefixed = Array("previous line\n".utf8)
        prefixed.reserveCapacity(prefixed.count + 10)
        SegmentJSONL.write(Self.crowded, into: &prefixed)
        #expect(String(decoding: prefixed, as: UTF8.self) == "previous line\n" + Self.expected(Self.crowded))
    }

    @Test func escapesAsJSONValueDoes() throws {
        let line = SegmentJSONL.line(Self.escapes)
        #expect(line.contains(#"\"вътре\", обратна \\ черта,\tтаб,\r\nред, \u0001\u001f\u007f и \u2028/\u2029; "#))
        #expect(try JSONValue.parse(String(line.dropLast()))["text"]?.stringValue == Self.escapes.text)
        #expect(!line.contains("\u{2028}"))
    }

    @Test func integersAsSwiftPrintsThem() {
        var values = [0, 7, 9, 10, 11, 99, 100, 101, 999, 1000, 12_345, 9_876_543_210, -1, -10, -100, -12_345, Int.max, Int.min]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1]
        }
        for value in values {
            let written = [UInt8](unsafeUninitializedCapacity: 24) { buffer, count in
                var cursor = ByteCursor(buffer.baseAddress!, room: 24)
                cursor.integer(value)
                count = cursor.position - buffer.baseAddress!
            }
            #expect(String(decoding: written, as: UTF8.self) == String(value))
        }
    }

    /// Each character that needs an escape, at every offset of a 40-byte run
    /// (the writer reads sixteen and eight bytes at a time).
    @Test func escapesAtEveryOffset() {
        for special in ["\"", "\\", "\n", "\u{1}", "\u{7F}", "\u{2028}", "„"] {
            for offset in 0..<40 {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "б", count: 20)
                let segment = PreparedSegment(id: 1, paragraph: 1, text: text, source: text, start: 0, end: text.utf8.count)
                #expect(SegmentJSONL.line(segment) == Self.expected(segment), "\(special) at \(offset)")
            }
        }
    }
}
