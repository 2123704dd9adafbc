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
        for annotation in segment.annotations {
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
    /// is made, a source equal to the text is escaped once, and the line is
    /// written straight into `output`'s storage (grown geometrically).
    public static func write(_ segment: PreparedSegment, into output: inout [UInt8]) {
        // The line checks its room as it goes and, when the room runs out,
        // falls back to appending its bytes the slow way (which grows the
        // array): growing it here only when it is nearly full keeps an array
        // reserved to the right size from growing for nothing.
        let storage = segment.storage
        if output.capacity - output.count < SegmentJSONLine.margin {
            output.reserveCapacity(Swift.max(output.count + SegmentJSONLine.margin
                + JSONEscaping.bound(segment.textBytes.range.count + segment.sourceBytes.range.count), output.capacity * 2))
        }
        storage.withBytes(segment.textBytes) { text in
            storage.withBytes(segment.sourceBytes) { source in
                storage.annotations.withUnsafeBufferPointer { allAnnotations in
                    storage.changes.withUnsafeBufferPointer { allChanges in
                        output.append(contentsOf: SegmentJSONLine(
                            id: segment.id, paragraph: segment.paragraph, start: segment.start, end: segment.end,
                            translate: segment.translate, text: text, source: source,
                            annotations: UnsafeBufferPointer(rebasing: allAnnotations[segment.annotationRange]),
                            changes: UnsafeBufferPointer(rebasing: allChanges[segment.changeRange])))
                    }
                }
            }
        }
    }
}
