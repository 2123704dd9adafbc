/// The work of `Pipeline.prepareBlock` after decoding and normalization:
/// classify spans, segment, apply the glossary, map offsets back.
struct BlockPreparation {
    let pipeline: Pipeline
    let original: [UInt8]
    let baseOffset: Int
    let normalized: NormalizedText

    func run() throws -> PreparedBlock {
        let text = normalized.utf8
        return try text.withUnsafeBufferPointer { buffer in
            let metadataLines = metadataLines(buffer)
            let boilerplate = pipeline.options.spans.boilerplate(in: buffer)
            let excluded = (metadataLines + boilerplate).sorted { $0.lowerBound < $1.lowerBound }
            let sentences = try pipeline.segmenter.sentences(inValidUTF8: buffer)

            // Segment pieces: sentences minus metadata lines and boilerplate,
            // plus the metadata lines themselves.
            var pieces: [(range: Range<Int>, paragraph: Int, isMetadata: Bool)] = []
            var cursor = 0
            for sentence in sentences {
                for piece in Self.subtract(excluded, from: sentence.utf8Range, cursor: &cursor) {
                    let trimmed = Self.trimmed(piece, buffer)
                    if !trimmed.isEmpty { pieces.append((trimmed, sentence.paragraph, false)) }
                }
            }
            var sentenceIndex = 0
            for line in metadataLines {
                while sentenceIndex < sentences.count && sentences[sentenceIndex].utf8Range.upperBound <= line.lowerBound {
                    sentenceIndex += 1
                }
                let paragraph = sentenceIndex < sentences.count ? sentences[sentenceIndex].paragraph
                    : (sentences.last?.paragraph ?? 1)
                pieces.append((line, paragraph, true))
            }
            pieces.sort { $0.range.lowerBound < $1.range.lowerBound }

            var changes = ChangeIndex(normalized.changes)
            var segments: [PreparedSegment] = []
            segments.reserveCapacity(pieces.count)
            var previousEnd: Int?
            var previousParagraph = 0
            for piece in pieces {
                var gap = ""
                if piece.paragraph == previousParagraph, let previousEnd {
                    gap = Self.textWithout(boilerplate, in: previousEnd..<piece.range.lowerBound, buffer)
                }
                segments.append(segment(piece.range, buffer: buffer, id: segments.count + 1,
                                        paragraph: piece.paragraph, isMetadata: piece.isMetadata,
                                        gap: gap, changes: &changes))
                previousEnd = piece.range.upperBound
                previousParagraph = piece.paragraph
            }
            let removed = boilerplate.map { range in
                let originalRange = normalized.originalRange(of: range)
                return Boilerplate(start: baseOffset + originalRange.lowerBound, end: baseOffset + originalRange.upperBound,
                                   text: String(decoding: buffer[range], as: UTF8.self))
            }
            return PreparedBlock(segments: segments, boilerplate: removed,
                                 paragraphCount: sentences.last?.paragraph ?? 0,
                                 normalizedText: text, originalByteCount: original.count)
        }
    }

    /// One segment for the normalized range `range`.
    private func segment(_ range: Range<Int>, buffer: UnsafeBufferPointer<UInt8>, id: Int, paragraph: Int,
                         isMetadata: Bool, gap: String, changes: inout ChangeIndex) -> PreparedSegment {
        let originalRange = normalized.originalRange(of: range)
        let pieceBytes = UnsafeBufferPointer(rebasing: buffer[range])
        var translate = !isMetadata
        var annotations: [SegmentAnnotation] = []
        let protectedSpans = ProtectedSpanScanner.spans(inUTF8: pieceBytes)
        if protectedSpans.count == 1 && protectedSpans[0].range == 0..<pieceBytes.count {
            translate = false
        } else {
            annotations = protectedSpans.map { SegmentAnnotation(kind: .protected($0.kind.rawValue), range: $0.range) }
        }
        var text = String(decoding: pieceBytes, as: UTF8.self)
        if translate, let glossary = pipeline.options.glossary {
            (text, annotations) = GlossaryApplication(glossary: glossary, action: pipeline.options.glossaryAction)
                .apply(to: pieceBytes, protected: annotations)
        }
        var result = PreparedSegment(
            id: id, paragraph: paragraph, text: text,
            source: sourceIsPrepared(originalRange, range, buffer, text) ? text : source(of: originalRange),
            start: baseOffset + originalRange.lowerBound, end: baseOffset + originalRange.upperBound,
            translate: translate, annotations: annotations,
            changes: changes.changes(in: originalRange).map { change in
                SegmentChange(kind: change.kind.rawValue, start: baseOffset + change.originalRange.lowerBound,
                              before: change.before, after: change.after)
            },
            gapBefore: gap)
        result.normalizedRange = range
        return result
    }

    /// Whether the original bytes of a segment are its prepared text, byte for
    /// byte (UTF-8 input that neither normalization nor the glossary changed),
    /// so that `source` can share `text`'s storage.
    private func sourceIsPrepared(_ originalRange: Range<Int>, _ range: Range<Int>,
                                  _ buffer: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        guard pipeline.options.encoding == .utf8, originalRange.count == range.count,
              text.utf8.count == range.count else { return false }
        return original.withUnsafeBufferPointer { originalBytes in
            memoryEqual(UnsafeBufferPointer(rebasing: originalBytes[originalRange]), UnsafeBufferPointer(rebasing: buffer[range]))
        }
    }

    /// The original bytes of a range, as text.
    private func source(of range: Range<Int>) -> String {
        let slice = Array(original[range])
        if pipeline.options.encoding == .utf8 { return String(decoding: slice, as: UTF8.self) }
        let decoded = try? TextDecoder.decode(slice, as: pipeline.options.encoding, lossy: true)
        return String(decoding: decoded?.utf8 ?? slice, as: UTF8.self)
    }

    /// The metadata at the start of each line: whole metadata lines, and
    /// `metadata-start` matches before prose on the same line.
    private func metadataLines(_ buffer: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let spans = pipeline.options.spans
        guard spans.hasMetadataPatterns else { return [] }
        var lines: [Range<Int>] = []
        var start = 0
        while start < buffer.count {
            var end = start
            while end < buffer.count && buffer[end] != 0x0A { end += 1 }
            if end > start, let range = spans.metadataRange(inLine: UnsafeBufferPointer(rebasing: buffer[start..<end])) {
                lines.append((start + range.lowerBound)..<(start + range.upperBound))
            }
            start = end + 1
        }
        return lines
    }

    /// `range` minus the sorted ranges `excluded`; `cursor` remembers where
    /// the search in `excluded` may start, since calls come in order.
    static func subtract(_ excluded: [Range<Int>], from range: Range<Int>, cursor: inout Int) -> [Range<Int>] {
        while cursor < excluded.count && excluded[cursor].upperBound <= range.lowerBound { cursor += 1 }
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        var index = cursor
        while index < excluded.count && excluded[index].lowerBound < range.upperBound {
            let cut = excluded[index]
            if cut.lowerBound > start { pieces.append(start..<cut.lowerBound) }
            start = max(start, cut.upperBound)
            index += 1
        }
        if start < range.upperBound { pieces.append(start..<range.upperBound) }
        return pieces
    }

    /// `range` without the whitespace at its ends.
    static func trimmed(_ range: Range<Int>, _ buffer: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end && isSpace(buffer[start]) { start += 1 }
        while end > start && isSpace(buffer[end - 1]) { end -= 1 }
        return start..<end
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The text of `range` with the boilerplate inside it left out.
    static func textWithout(_ boilerplate: [Range<Int>], in range: Range<Int>, _ buffer: UnsafeBufferPointer<UInt8>) -> String {
        var cursor = 0
        let kept = subtract(boilerplate, from: range, cursor: &cursor)
        return kept.map { String(decoding: buffer[$0], as: UTF8.self) }.joined()
    }
}

/// Normalization changes sorted by original position, handed out to the
/// segments in order: O(changes + segments) for a block.
struct ChangeIndex {
    private let sorted: [NormalizationChange]
    private var next = 0

    init(_ changes: [NormalizationChange]) {
        sorted = changes.sorted { $0.originalRange.lowerBound < $1.originalRange.lowerBound }
    }

    /// The changes that touch `range` (original offsets); call with ranges in order.
    mutating func changes(in range: Range<Int>) -> [NormalizationChange] {
        while next < sorted.count && sorted[next].originalRange.upperBound < range.lowerBound { next += 1 }
        var found: [NormalizationChange] = []
        var index = next
        while index < sorted.count && sorted[index].originalRange.lowerBound < range.upperBound {
            let change = sorted[index].originalRange
            if change.upperBound > range.lowerBound || (change.isEmpty && change.lowerBound >= range.lowerBound) {
                found.append(sorted[index])
            }
            index += 1
        }
        return found
    }
}

/// Whether two byte buffers hold the same bytes.
func memoryEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard let left = a.baseAddress, let right = b.baseAddress else { return true }
    return UnsafeRawPointer(left) == UnsafeRawPointer(right)
        || (0..<a.count).allSatisfy { left[$0] == right[$0] }
}
