/// Applies a glossary to one segment's text for the pipeline: marks the
/// matches, substitutes their targets, or puts numbered placeholders in
/// their place; annotations follow the text as it changes.
struct GlossaryApplication {
    let glossary: Glossary
    let action: Pipeline.GlossaryAction

    /// The segment's new text and its annotations. Matches that overlap a
    /// protected span are left alone.
    func apply(to text: UnsafeBufferPointer<UInt8>, protected: [SegmentAnnotation]) -> (String, [SegmentAnnotation]) {
        let matches = glossary.matches(inUTF8: text).filter { match in
            let entry = glossary.entries[match.entryIndex]
            return !entry.options.status.isReportOnly
                && !protected.contains { $0.range.overlaps(match.range) }
        }
        guard !matches.isEmpty else { return (String(decoding: text, as: UTF8.self), protected) }
        if action == .mark {
            // The text stays as it is: only annotations to add.
            var annotations = protected
            for match in matches {
                let entry = glossary.entries[match.entryIndex]
                annotations.append(SegmentAnnotation(kind: .term(source: entry.source, target: glossary.replacement(for: match, inUTF8: text)),
                                                     range: match.range))
            }
            annotations.sort { $0.range.lowerBound < $1.range.lowerBound }
            return (String(decoding: text, as: UTF8.self), annotations)
        }
        var output: [UInt8] = []
        output.reserveCapacity(text.count + 16)
        var annotations: [SegmentAnnotation] = []
        var protectedIndex = 0
        var position = 0
        var shift = 0
        var placeholder = 0
        func copy(upTo end: Int) {
            // Protected spans before `end` move by the current shift.
            while protectedIndex < protected.count && protected[protectedIndex].range.lowerBound < end {
                var moved = protected[protectedIndex]
                moved.range = (moved.range.lowerBound + shift)..<(moved.range.upperBound + shift)
                annotations.append(moved)
                protectedIndex += 1
            }
            output.append(contentsOf: text[position..<end])
            position = end
        }
        for match in matches {
            copy(upTo: match.range.lowerBound)
            let entry = glossary.entries[match.entryIndex]
            let target = glossary.replacement(for: match, inUTF8: text)
            let start = output.count
            switch action {
            case .mark, .substitute:
                output.append(contentsOf: target.utf8)
                annotations.append(SegmentAnnotation(kind: .term(source: entry.source, target: target), range: start..<output.count))
            case .placeholder:
                placeholder += 1
                output.append(contentsOf: PlaceholderMap.placeholder(placeholder).utf8)
                let surface = String(decoding: text[match.range], as: UTF8.self)
                annotations.append(SegmentAnnotation(kind: .placeholder(id: placeholder, original: surface, target: target),
                                                     range: start..<output.count))
            }
            shift += (output.count - start) - match.range.count
            position = match.range.upperBound
        }
        copy(upTo: text.count)
        annotations.sort { $0.range.lowerBound < $1.range.lowerBound }
        return (String(decoding: output, as: UTF8.self), annotations)
    }
}
