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
    /// is made, a source equal to the text is escaped once, and the line is
    /// written straight into `output`'s storage (grown geometrically).
    public static func write(_ segment: PreparedSegment, into output: inout [UInt8]) {
        // Room for the text and source escaped at their worst, and a margin
        // for the rest, which the line checks as it goes.
        let needed = output.count + JSONEscaping.bound(segment.textUTF8.count + segment.sourceUTF8.count)
            + SegmentJSONLine.margin
        if output.capacity < needed { output.reserveCapacity(max(needed, output.capacity * 2)) }
        output.append(contentsOf: SegmentJSONLine(segment))
    }
}

/// One segment's line of JSON Lines as a sequence of bytes whose
/// `_copyContents(initializing:)` writes the whole line at once, so that
/// `Array.append(contentsOf:)` puts it straight into the array's spare
/// capacity (`SegmentJSONL.write` reserves room first). When the room runs
/// out all the same (a segment with very many annotations), the line is
/// made apart and copied.
struct SegmentJSONLine: Sequence {
    let segment: PreparedSegment

    /// Room reserved beyond the text and the source.
    static let margin = 1 << 16

    init(_ segment: PreparedSegment) {
        self.segment = segment
    }

    /// The most bytes the line can take.
    var bound: Int {
        var strings = segment.textUTF8.count + segment.sourceUTF8.count
        var fixed = 256
        for annotation in segment.annotationSlice {
            fixed += 160
            strings += annotation.range.count
            switch annotation.kind {
            case .term(let source, let target): strings += source.utf8.count + target.utf8.count
            case .protected(let kind): strings += kind.utf8.count
            case .placeholder(_, let original, let target): strings += original.utf8.count + target.utf8.count
            }
        }
        for change in segment.changes {
            fixed += 96
            strings += change.kind.utf8.count + change.before.utf8.count + change.after.utf8.count
        }
        return fixed + 6 * strings
    }

    /// Lower than any line, so that `Array.append(contentsOf:)` leaves the reserving to `SegmentJSONL.write`.
    var underestimatedCount: Int { 0 }

    func makeIterator() -> IndexingIterator<[UInt8]> {
        materialized().makeIterator()
    }

    func _copyContents(initializing buffer: UnsafeMutableBufferPointer<UInt8>)
        -> (IndexingIterator<[UInt8]>, UnsafeMutableBufferPointer<UInt8>.Index) {
        if let base = buffer.baseAddress, let count = write(to: base, room: buffer.count) {
            return ([UInt8]().makeIterator(), count)
        }
        // Not enough room (a caller other than `SegmentJSONL.write`): the slow way.
        let bytes = materialized()
        let count = Swift.min(bytes.count, buffer.count)
        for index in 0..<count { (buffer.baseAddress! + index).initialize(to: bytes[index]) }
        var rest = bytes.makeIterator()
        for _ in 0..<count { _ = rest.next() }
        return (rest, count)
    }

    private func materialized() -> [UInt8] {
        let bound = bound
        return [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            count = write(to: buffer.baseAddress!, room: bound) ?? 0
        }
    }

    /// Writes the line at `start`; returns its length, or nil when it needs
    /// more than `room` bytes.
    private func write(to start: UnsafeMutablePointer<UInt8>, room: Int) -> Int? {
        var out = ByteCursor(start)
        let limit = start + room
        /// Whether `fixed` bytes and `strings` bytes of strings fit.
        func fits(_ fixed: Int, _ strings: Int) -> Bool {
            limit - out.position >= fixed + 6 * strings
        }
        let segment = segment
        guard fits(256, segment.textUTF8.count + segment.sourceUTF8.count) else { return nil }
        let complete = segment.textUTF8.withUnsafeBufferPointer { text -> Bool in
            out.raw("{\"id\":"); out.integer(segment.id)
            out.raw(",\"paragraph\":"); out.integer(segment.paragraph)
            out.raw(",\"text\":")
            let textStart = out.position
            out.jsonString(text)
            let textLength = out.position - textStart
            out.raw(",\"source\":")
            segment.sourceUTF8.withUnsafeBufferPointer { source in
                if memoryEqual(source, text) {
                    // Most segments are their own source: copy the escaped text.
                    out.bytes(UnsafeBufferPointer(start: textStart, count: textLength))
                } else {
                    out.jsonString(source)
                }
            }
            out.raw(",\"start\":"); out.integer(segment.start)
            out.raw(",\"end\":"); out.integer(segment.end)
            out.raw(segment.translate ? ",\"translate\":true" : ",\"translate\":false")
            // Annotations by kind, each kind's array written only when present
            // (terms always), in the order of `object(_:)`.
            func span(_ annotation: SegmentAnnotation) {
                out.raw("{\"start\":"); out.integer(annotation.range.lowerBound)
                out.raw(",\"end\":"); out.integer(annotation.range.upperBound)
            }
            let annotations = segment.annotationSlice
            var hasProtected = false
            var hasPlaceholders = false
            out.raw(",\"terms\":[")
            var wrote = false
            for annotation in annotations {
                switch annotation.kind {
                case .term(let source, let target):
                    guard fits(160, annotation.range.count + source.utf8.count + target.utf8.count) else { return false }
                    if wrote { out.byte(UInt8(ascii: ",")) }
                    span(annotation)
                    out.raw(",\"surface\":"); out.jsonString(UnsafeBufferPointer(rebasing: text[annotation.range]))
                    out.raw(",\"source\":"); out.jsonString(source)
                    out.raw(",\"target\":"); out.jsonString(target)
                    out.byte(UInt8(ascii: "}"))
                    wrote = true
                case .protected:
                    hasProtected = true
                case .placeholder:
                    hasPlaceholders = true
                }
            }
            out.byte(UInt8(ascii: "]"))
            if hasProtected {
                out.raw(",\"protected\":[")
                wrote = false
                for annotation in annotations {
                    guard case .protected(let name) = annotation.kind else { continue }
                    guard fits(160, annotation.range.count + name.utf8.count) else { return false }
                    if wrote { out.byte(UInt8(ascii: ",")) }
                    span(annotation)
                    out.raw(",\"text\":"); out.jsonString(UnsafeBufferPointer(rebasing: text[annotation.range]))
                    out.raw(",\"kind\":"); out.jsonString(name)
                    out.byte(UInt8(ascii: "}"))
                    wrote = true
                }
                out.byte(UInt8(ascii: "]"))
            }
            if hasPlaceholders {
                out.raw(",\"placeholders\":[")
                wrote = false
                for annotation in annotations {
                    guard case .placeholder(let id, let original, let target) = annotation.kind else { continue }
                    guard fits(160, original.utf8.count + target.utf8.count) else { return false }
                    if wrote { out.byte(UInt8(ascii: ",")) }
                    out.raw("{\"id\":"); out.integer(id)
                    out.raw(",\"start\":"); out.integer(annotation.range.lowerBound)
                    out.raw(",\"end\":"); out.integer(annotation.range.upperBound)
                    out.raw(",\"original\":"); out.jsonString(original)
                    out.raw(",\"target\":"); out.jsonString(target)
                    out.byte(UInt8(ascii: "}"))
                    wrote = true
                }
                out.byte(UInt8(ascii: "]"))
            }
            return true
        }
        guard complete, fits(64, 0) else { return nil }
        out.raw(",\"changes\":[")
        for (index, change) in segment.changes.enumerated() {
            guard fits(96, change.kind.utf8.count + change.before.utf8.count + change.after.utf8.count) else { return nil }
            if index > 0 { out.byte(UInt8(ascii: ",")) }
            out.raw("{\"kind\":"); out.jsonString(change.kind)
            out.raw(",\"start\":"); out.integer(change.start)
            out.raw(",\"before\":"); out.jsonString(change.before)
            out.raw(",\"after\":"); out.jsonString(change.after)
            out.byte(UInt8(ascii: "}"))
        }
        out.raw("]}\n")
        return out.position - start
    }
}
