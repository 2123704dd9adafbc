/// Applies a glossary to one segment's text for the pipeline: marks the
/// matches, substitutes their targets, or puts numbered placeholders in
/// their place; annotations follow the text as it changes.
///
/// Results go into arrays shared by the whole block (the block's annotations,
/// its substituted text), so that a segment costs no allocation of its own.
struct GlossaryApplication {
    let glossary: Glossary
    let action: Pipeline.GlossaryAction

    /// Buffers kept from one segment to the next.
    struct Scratch {
        var matches: [Match] = []
    }

    /// A match with the case of its text, as the matcher saw it.
    struct Match {
        var range: Range<Int>
        var entryIndex: Int
        var allCapitals: Bool
        var firstUppercase: Bool
    }

    /// Appends the segment's annotations (the `protected` spans, which are
    /// `protectedSpans` as annotations, and the glossary's, in order of
    /// position) to `annotations`. When the text
    /// changes (substitution, placeholders), appends the new text to `output`
    /// and returns true; annotation ranges are then offsets in the new text.
    /// Matches that overlap a protected span, and matches of deprecated or
    /// forbidden entries, are left alone.
    func apply(to text: UnsafeBufferPointer<UInt8>, protectedSpans: [ProtectedSpan], protected: [SegmentAnnotation],
               annotations: inout [SegmentAnnotation], output: inout [UInt8], scratch: inout Scratch) -> Bool {
        let checkStatus = glossary.hasReportOnlyEntries
        scratch.matches.removeAll(keepingCapacity: true)
        glossary.scan(text, protectedSpans: protectedSpans) { raw in
            let match = Match(range: raw.start..<raw.end, entryIndex: Int(raw.entry),
                              allCapitals: raw.allCapitals, firstUppercase: raw.firstUppercase)
            if checkStatus && glossary.entries[match.entryIndex].options.status.isReportOnly { return }
            if !protected.isEmpty && protected.contains(where: { $0.range.overlaps(match.range) }) { return }
            scratch.matches.append(match)
        }
        let matches = scratch.matches
        guard !matches.isEmpty else {
            annotations += protected
            return false
        }
        if action == .mark {
            // The text stays as it is: the terms and the protected spans, merged by position.
            var protectedIndex = 0
            for match in matches {
                while protectedIndex < protected.count && protected[protectedIndex].range.lowerBound < match.range.lowerBound {
                    annotations.append(protected[protectedIndex])
                    protectedIndex += 1
                }
                annotations.append(SegmentAnnotation(
                    kind: .term(source: glossary.entries[match.entryIndex].source,
                                target: glossary.replacement(entry: match.entryIndex, allCapitals: match.allCapitals, firstUppercase: match.firstUppercase)),
                    range: match.range))
            }
            annotations += protected[protectedIndex...]
            return false
        }
        let outputStart = output.count
        output.reserveCapacity(outputStart + text.count + 16)
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
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[position..<end]))
            position = end
        }
        for match in matches {
            copy(upTo: match.range.lowerBound)
            let target = glossary.replacement(entry: match.entryIndex, allCapitals: match.allCapitals, firstUppercase: match.firstUppercase)
            let start = output.count - outputStart
            switch action {
            case .mark, .substitute:
                output.append(contentsOf: target.utf8)
                annotations.append(SegmentAnnotation(kind: .term(source: glossary.entries[match.entryIndex].source, target: target),
                                                     range: start..<(output.count - outputStart)))
            case .placeholder:
                placeholder += 1
                output.append(contentsOf: PlaceholderMap.placeholder(placeholder).utf8)
                let surface = String(decoding: text[match.range], as: UTF8.self)
                annotations.append(SegmentAnnotation(kind: .placeholder(id: placeholder, original: surface, target: target),
                                                     range: start..<(output.count - outputStart)))
            }
            shift += (output.count - outputStart - start) - match.range.count
            position = match.range.upperBound
        }
        copy(upTo: text.count)
        return true
    }
}
