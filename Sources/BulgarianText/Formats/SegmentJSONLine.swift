/// One segment's line of JSON Lines as a sequence of bytes whose
/// `_copyContents(initializing:)` writes the whole line at once, so that
/// `Array.append(contentsOf:)` puts it straight into the array's spare
/// capacity (`SegmentJSONL.write` reserves room first). When the room runs
/// out all the same (a segment with very many annotations), the line is
/// made apart and copied.
///
/// It holds pointers to the segment's parts, valid only while
/// `SegmentJSONL.write` appends it: copying it costs no reference counting.
struct SegmentJSONLine: Sequence {
    var id: Int
    var paragraph: Int
    var start: Int
    var end: Int
    var translate: Bool
    var text: UnsafeBufferPointer<UInt8>
    var source: UnsafeBufferPointer<UInt8>
    var annotations: UnsafeBufferPointer<SegmentAnnotation>
    var changes: UnsafeBufferPointer<SegmentChange>

    /// The room below which `SegmentJSONL.write` grows the array first.
    static let margin = 1 << 12

    /// The most bytes the line can take.
    var bound: Int {
        var strings = text.count + source.count
        var fixed = 256
        for annotation in annotations {
            fixed += 160
            strings += annotation.range.count
            switch annotation.kind {
            case .term(let source, let target): strings += source.utf8.count + target.utf8.count
            case .protected(let kind): strings += kind.utf8.count
            case .placeholder(_, let original, let target): strings += original.utf8.count + target.utf8.count
            }
        }
        for change in changes {
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
        // Not enough room: the slow way (the array grows as the rest is appended).
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
    private func write(to first: UnsafeMutablePointer<UInt8>, room: Int) -> Int? {
        var out = ByteCursor(first, room: room)
        guard out.fits(256, text.count + source.count) else { return nil }
        out.raw("{\"id\":"); out.integer(id)
        out.raw(",\"paragraph\":"); out.integer(paragraph)
        out.raw(",\"text\":")
        let textStart = out.position
        out.jsonString(text)
        let textLength = out.position - textStart
        out.raw(",\"source\":")
        if memoryEqual(source, text) {
            // Most segments are their own source: copy the escaped text.
            out.bytes(UnsafeBufferPointer(start: textStart, count: textLength))
        } else {
            out.jsonString(source)
        }
        out.raw(",\"start\":"); out.integer(start)
        out.raw(",\"end\":"); out.integer(end)
        out.raw(translate ? ",\"translate\":true" : ",\"translate\":false")
        // Annotations by kind, each kind's array written only when present
        // (terms always), in the order of `SegmentJSONL.object(_:)`.
        var hasProtected = false
        var hasPlaceholders = false
        out.raw(",\"terms\":[")
        var wrote = false
        // By index, not by copying each annotation out: `annotations[index].kind`
        // is switched over in place, without retaining its strings.
        for index in annotations.indices {
            let range = annotations[index].range
            switch annotations[index].kind {
            case .term(let source, let target):
                guard out.fits(160, range.count + source.utf8.count + target.utf8.count) else { return nil }
                if wrote { out.byte(UInt8(ascii: ",")) }
                out.span(range)
                out.raw(",\"surface\":"); out.jsonString(UnsafeBufferPointer(rebasing: text[range]))
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
                guard out.fits(160, annotation.range.count + name.utf8.count) else { return nil }
                if wrote { out.byte(UInt8(ascii: ",")) }
                out.span(annotation.range)
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
                guard out.fits(160, original.utf8.count + target.utf8.count) else { return nil }
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
        guard out.fits(64, 0) else { return nil }
        out.raw(",\"changes\":[")
        for (index, change) in changes.enumerated() {
            guard out.fits(96, change.kind.utf8.count + change.before.utf8.count + change.after.utf8.count) else { return nil }
            if index > 0 { out.byte(UInt8(ascii: ",")) }
            out.raw("{\"kind\":"); out.jsonString(change.kind)
            out.raw(",\"start\":"); out.integer(change.start)
            out.raw(",\"before\":"); out.jsonString(change.before)
            out.raw(",\"after\":"); out.jsonString(change.after)
            out.byte(UInt8(ascii: "}"))
        }
        out.raw("]}\n")
        return out.position - first
    }
}
