/// The JSON Lines form of prepared segments: one object per segment.
///
/// ```json
/// {"id":1,"paragraph":1,"text":"…","source":"…","start":0,"end":42,"translate":true,
///  "terms":[{"start":4,"end":18,"surface":"Кремъла","source":"Кремъл","target":"Kremlin"}],
///  "protected":[{"start":20,"end":40,"text":"https://…","kind":"url"}],
///  "placeholders":[{"id":1,"start":5,"end":11,"original":"Кремъла","target":"Kremlin"}],
///  "changes":[{"kind":"delete-invisible","start":12,"before":"\u00ad","after":""}]}
/// ```
/// `start`/`end` of the segment are UTF-8 byte offsets into the original input
/// (slicing it with them gives `source`); offsets inside `terms`, `protected`
/// and `placeholders` are UTF-8 byte offsets into `text`.
public enum SegmentJSONL {
    /// The JSON object of a segment.
    public static func object(_ segment: PreparedSegment) -> JSONValue {
        var terms: [JSONValue] = []
        var protected: [JSONValue] = []
        var placeholders: [JSONValue] = []
        let bytes = Array(segment.text.utf8)
        for annotation in segment.annotations {
            let surface = String(decoding: bytes[annotation.range], as: UTF8.self)
            let start = JSONValue.integer(annotation.range.lowerBound)
            let end = JSONValue.integer(annotation.range.upperBound)
            switch annotation.kind {
            case .term(let source, let target):
                terms.append(.object([("start", start), ("end", end), ("surface", .string(surface)),
                                      ("source", .string(source)), ("target", .string(target))]))
            case .protected(let kind):
                protected.append(.object([("start", start), ("end", end), ("text", .string(surface)), ("kind", .string(kind))]))
            case .placeholder(let id, let original, let target):
                placeholders.append(.object([("id", .integer(id)), ("start", start), ("end", end),
                                             ("original", .string(original)), ("target", .string(target))]))
            }
        }
        let changes: [JSONValue] = segment.changes.map { change in
            .object([("kind", .string(change.kind)), ("start", .integer(change.start)),
                     ("before", .string(change.before)), ("after", .string(change.after))])
        }
        var fields: [(String, JSONValue)] = [
            ("id", .integer(segment.id)),
            ("paragraph", .integer(segment.paragraph)),
            ("text", .string(segment.text)),
            ("source", .string(segment.source)),
            ("start", .integer(segment.start)),
            ("end", .integer(segment.end)),
            ("translate", .bool(segment.translate)),
            ("terms", .array(terms)),
        ]
        if !protected.isEmpty { fields.append(("protected", .array(protected))) }
        if !placeholders.isEmpty { fields.append(("placeholders", .array(placeholders))) }
        fields.append(("changes", .array(changes)))
        return .object(fields)
    }

    /// One line of JSON Lines, with its line feed.
    public static func line(_ segment: PreparedSegment) -> String {
        var bytes: [UInt8] = []
        write(segment, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the segment's line of JSON Lines (with its line feed) as UTF-8,
    /// the same text as `object(_:)` serialized, without building the object.
    public static func write(_ segment: PreparedSegment, into output: inout [UInt8]) {
        func key(_ name: StaticString, first: Bool = false) {
            if !first { output.append(UInt8(ascii: ",")) }
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            output += "\":".utf8
        }
        func number(_ value: Int) { JSONValue.writeInteger(value, to: &output) }
        func string(_ value: String) { JSONValue.writeString(value, to: &output) }
        output.append(UInt8(ascii: "{"))
        key("id", first: true); number(segment.id)
        key("paragraph"); number(segment.paragraph)
        key("text")
        let textStart = output.count
        string(segment.text)
        let textEnd = output.count
        key("source")
        if segment.source == segment.text {
            // Most segments are their own source: copy the escaped text.
            let escaped = Array(output[textStart..<textEnd])
            output.append(contentsOf: escaped)
        } else {
            string(segment.source)
        }
        key("start"); number(segment.start)
        key("end"); number(segment.end)
        key("translate"); output += (segment.translate ? "true" : "false").utf8
        // Annotations by kind, each kind's array written only when present
        // (terms always), in the order of `object(_:)`.
        var text = segment.text
        func surface(_ range: Range<Int>) {
            text.withUTF8 { JSONValue.writeString(utf8: UnsafeBufferPointer(rebasing: $0[range]), to: &output) }
        }
        func span(_ annotation: SegmentAnnotation) {
            output += "{\"start\":".utf8; number(annotation.range.lowerBound)
            output += ",\"end\":".utf8; number(annotation.range.upperBound)
        }
        for kind in 0..<3 {
            var wrote = false
            for annotation in segment.annotations {
                switch (kind, annotation.kind) {
                case (0, .term(let source, let target)):
                    output += (wrote ? "," : ",\"terms\":[").utf8
                    span(annotation)
                    output += ",\"surface\":".utf8; surface(annotation.range)
                    output += ",\"source\":".utf8; string(source)
                    output += ",\"target\":".utf8; string(target)
                case (1, .protected(let name)):
                    output += (wrote ? "," : ",\"protected\":[").utf8
                    span(annotation)
                    output += ",\"text\":".utf8; surface(annotation.range)
                    output += ",\"kind\":".utf8; string(name)
                case (2, .placeholder(let id, let original, let target)):
                    output += (wrote ? "," : ",\"placeholders\":[").utf8
                    output += "{\"id\":".utf8; number(id)
                    output += ",\"start\":".utf8; number(annotation.range.lowerBound)
                    output += ",\"end\":".utf8; number(annotation.range.upperBound)
                    output += ",\"original\":".utf8; string(original)
                    output += ",\"target\":".utf8; string(target)
                default:
                    continue
                }
                output.append(UInt8(ascii: "}"))
                wrote = true
            }
            if wrote { output.append(UInt8(ascii: "]")) } else if kind == 0 { output += ",\"terms\":[]".utf8 }
        }
        key("changes")
        output.append(UInt8(ascii: "["))
        for (index, change) in segment.changes.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(UInt8(ascii: "{"))
            key("kind", first: true); string(change.kind)
            key("start"); number(change.start)
            key("before"); string(change.before)
            key("after"); string(change.after)
            output.append(UInt8(ascii: "}"))
        }
        output += "]}\n".utf8
    }
}
