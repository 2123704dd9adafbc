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
        let bytes = segment.textUTF8
        for annotation in segment.annotationSlice {
            let surface = String(decoding: bytes[(bytes.startIndex + annotation.range.lowerBound)..<(bytes.startIndex + annotation.range.upperBound)], as: UTF8.self)
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
    ///
    /// Works on the segment's bytes (`textUTF8`, `sourceUTF8`): no `String`
    /// is made, and a source equal to the text is escaped once.
    public static func write(_ segment: PreparedSegment, into output: inout [UInt8]) {
        func raw(_ text: StaticString) {
            output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        func number(_ value: Int) { JSONValue.writeInteger(value, to: &output) }
        func string(_ value: String) { JSONValue.writeString(value, to: &output) }
        segment.textUTF8.withUnsafeBufferPointer { text in
            raw("{\"id\":"); number(segment.id)
            raw(",\"paragraph\":"); number(segment.paragraph)
            raw(",\"text\":")
            let textStart = output.count
            JSONValue.writeString(utf8: text, to: &output)
            let textEnd = output.count
            raw(",\"source\":")
            segment.sourceUTF8.withUnsafeBufferPointer { source in
                if memoryEqual(source, text) {
                    // Most segments are their own source: copy the escaped text.
                    // (Appending a slice of `output` to itself would copy all of it.)
                    let length = textEnd - textStart
                    let destination = output.count
                    output.append(contentsOf: repeatElement(0, count: length))
                    output.withUnsafeMutableBufferPointer { buffer in
                        (buffer.baseAddress! + destination).update(from: buffer.baseAddress! + textStart, count: length)
                    }
                } else {
                    JSONValue.writeString(utf8: source, to: &output)
                }
            }
            raw(",\"start\":"); number(segment.start)
            raw(",\"end\":"); number(segment.end)
            raw(segment.translate ? ",\"translate\":true" : ",\"translate\":false")
            // Annotations by kind, each kind's array written only when present
            // (terms always), in the order of `object(_:)`.
            func surface(_ range: Range<Int>) {
                JSONValue.writeString(utf8: UnsafeBufferPointer(rebasing: text[range]), to: &output)
            }
            func span(_ annotation: SegmentAnnotation) {
                raw("{\"start\":"); number(annotation.range.lowerBound)
                raw(",\"end\":"); number(annotation.range.upperBound)
            }
            let annotations = segment.annotationSlice
            var hasProtected = false
            var hasPlaceholders = false
            raw(",\"terms\":[")
            var wrote = false
            for annotation in annotations {
                switch annotation.kind {
                case .term(let source, let target):
                    if wrote { raw(",") }
                    span(annotation)
                    raw(",\"surface\":"); surface(annotation.range)
                    raw(",\"source\":"); string(source)
                    raw(",\"target\":"); string(target)
                    raw("}")
                    wrote = true
                case .protected:
                    hasProtected = true
                case .placeholder:
                    hasPlaceholders = true
                }
            }
            raw("]")
            if hasProtected {
                raw(",\"protected\":[")
                wrote = false
                for annotation in annotations {
                    guard case .protected(let name) = annotation.kind else { continue }
                    if wrote { raw(",") }
                    span(annotation)
                    raw(",\"text\":"); surface(annotation.range)
                    raw(",\"kind\":"); string(name)
                    raw("}")
                    wrote = true
                }
                raw("]")
            }
            if hasPlaceholders {
                raw(",\"placeholders\":[")
                wrote = false
                for annotation in annotations {
                    guard case .placeholder(let id, let original, let target) = annotation.kind else { continue }
                    if wrote { raw(",") }
                    raw("{\"id\":"); number(id)
                    raw(",\"start\":"); number(annotation.range.lowerBound)
                    raw(",\"end\":"); number(annotation.range.upperBound)
                    raw(",\"original\":"); string(original)
                    raw(",\"target\":"); string(target)
                    raw("}")
                    wrote = true
                }
                raw("]")
            }
        }
        raw(",\"changes\":[")
        for (index, change) in segment.changes.enumerated() {
            if index > 0 { raw(",") }
            raw("{\"kind\":"); string(change.kind)
            raw(",\"start\":"); number(change.start)
            raw(",\"before\":"); string(change.before)
            raw(",\"after\":"); string(change.after)
            raw("}")
        }
        raw("]}\n")
    }
}
