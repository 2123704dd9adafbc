/// The work of `Pipeline.prepareBlock` after decoding and normalization:
/// classify spans, segment, apply the glossary, map offsets back.
///
/// Segments do not get storage of their own: their text, source and gap are
/// slices of the block's normalized bytes (or original bytes), and their
/// annotations slices of one array for the block, so that the cost per
/// segment is a few range computations rather than a dozen allocations.
struct BlockPreparation {
    let pipeline: Pipeline
    let original: [UInt8]
    let baseOffset: Int
    let normalized: NormalizedText

    /// A segment's place before its slices are cut: slices of an array taken
    /// while the array still grows would copy it.
    private struct Piece {
        var range: Range<Int>
        var paragraph: Int
        var isMetadata: Bool
    }

    private struct Pending {
        var id: Int
        var paragraph: Int
        var range: Range<Int>
        var originalRange: Range<Int>
        var translate: Bool
        var annotations: Range<Int>
        /// Where the prepared text stands in `substituted`, when the glossary changed it.
        var substitutedRange: Range<Int>?
        var source: SourceBytes
        var changes: [SegmentChange]
        var gap: GapBytes
    }

    private enum SourceBytes {
        /// The prepared text, byte for byte.
        case text
        /// The original bytes of the segment (valid UTF-8).
        case original
        /// Bytes of their own (decoded from a legacy encoding, or repaired).
        case own([UInt8])
    }

    private enum GapBytes {
        case none
        case normalized(Range<Int>)
        case own([UInt8])
    }

    func run() throws -> PreparedBlock {
        let text = normalized.utf8
        let prepared = try text.withUnsafeBufferPointer { buffer in
            try prepare(buffer)
        }
        // All arrays are complete: cut the slices.
        let pendings = prepared.pendings
        var segments: [PreparedSegment] = []
        segments.reserveCapacity(pendings.count)
        let annotations = prepared.annotations
        let substituted = prepared.substituted
        for pending in pendings {
            let textSlice = pending.substitutedRange.map { substituted[$0] } ?? text[pending.range]
            let sourceSlice: ArraySlice<UInt8>
            switch pending.source {
            case .text: sourceSlice = textSlice
            case .original: sourceSlice = original[pending.originalRange]
            case .own(let bytes): sourceSlice = bytes[...]
            }
            let gapSlice: ArraySlice<UInt8>
            switch pending.gap {
            case .none: gapSlice = []
            case .normalized(let range): gapSlice = text[range]
            case .own(let bytes): gapSlice = bytes[...]
            }
            var segment = PreparedSegment(
                id: pending.id, paragraph: pending.paragraph, textUTF8: textSlice, sourceUTF8: sourceSlice,
                start: baseOffset + pending.originalRange.lowerBound, end: baseOffset + pending.originalRange.upperBound,
                translate: pending.translate, annotations: annotations[pending.annotations],
                changes: pending.changes, gapBeforeUTF8: gapSlice)
            segment.normalizedRange = pending.range
            segments.append(segment)
        }
        return PreparedBlock(segments: segments, boilerplate: prepared.boilerplate,
                             paragraphCount: prepared.paragraphCount,
                             normalizedText: text, originalByteCount: original.count)
    }

    private func prepare(_ buffer: UnsafeBufferPointer<UInt8>) throws
        -> (pendings: [Pending], annotations: [SegmentAnnotation], substituted: [UInt8],
            boilerplate: [Boilerplate], paragraphCount: Int) {
        let metadataLines = metadataLines(buffer)
        let boilerplate = pipeline.options.spans.boilerplate(in: buffer)
        let excluded = Self.merged(metadataLines, boilerplate) { $0.lowerBound < $1.lowerBound }
        let sentences = try pipeline.segmenter.sentences(inValidUTF8: buffer)

        // Segment pieces: sentences minus metadata lines and boilerplate,
        // plus the metadata lines themselves.
        var sentencePieces: [Piece] = []
        sentencePieces.reserveCapacity(sentences.count + 8)
        var cursor = 0
        for sentence in sentences {
            Self.subtract(excluded, from: sentence.utf8Range, cursor: &cursor) { piece in
                let trimmed = Self.trimmed(piece, buffer)
                if !trimmed.isEmpty { sentencePieces.append(Piece(range: trimmed, paragraph: sentence.paragraph, isMetadata: false)) }
            }
        }
        var metadataPieces: [Piece] = []
        var sentenceIndex = 0
        for line in metadataLines {
            while sentenceIndex < sentences.count && sentences[sentenceIndex].utf8Range.upperBound <= line.lowerBound {
                sentenceIndex += 1
            }
            let paragraph = sentenceIndex < sentences.count ? sentences[sentenceIndex].paragraph
                : (sentences.last?.paragraph ?? 1)
            metadataPieces.append(Piece(range: line, paragraph: paragraph, isMetadata: true))
        }
        let pieces = metadataPieces.isEmpty ? sentencePieces
            : Self.merged(sentencePieces, metadataPieces) { $0.range.lowerBound < $1.range.lowerBound }

        var changes = ChangeIndex(normalized.changes)
        var pendings: [Pending] = []
        pendings.reserveCapacity(pieces.count)
        var annotations: [SegmentAnnotation] = []
        // About one annotation every 40 bytes in news with a large glossary.
        annotations.reserveCapacity(Swift.max(pieces.count * 2, buffer.count / 32))
        var substituted: [UInt8] = []
        var scratch = GlossaryApplication.Scratch()
        let application = pipeline.options.glossary.map {
            GlossaryApplication(glossary: $0, action: pipeline.options.glossaryAction)
        }
        var previousEnd: Int?
        var previousParagraph = 0
        var boilerplateCursor = 0
        for piece in pieces {
            var gap = GapBytes.none
            if piece.paragraph == previousParagraph, let previousEnd {
                gap = Self.gap(previousEnd..<piece.range.lowerBound, without: boilerplate, cursor: &boilerplateCursor, buffer)
            }
            let range = piece.range
            let originalRange = normalized.originalRange(of: range)
            let pieceBytes = UnsafeBufferPointer(rebasing: buffer[range])
            var translate = !piece.isMetadata
            let annotationStart = annotations.count
            let protectedSpans = ProtectedSpanScanner.spans(inUTF8: pieceBytes)
            var protected: [SegmentAnnotation] = []
            if protectedSpans.count == 1 && protectedSpans[0].range == 0..<pieceBytes.count {
                translate = false
            } else if !protectedSpans.isEmpty {
                protected = protectedSpans.map { SegmentAnnotation(kind: .protected($0.kind.rawValue), range: $0.range) }
            }
            var substitutedRange: Range<Int>?
            if translate, let application {
                let substitutedStart = substituted.count
                if application.apply(to: pieceBytes, protected: protected, annotations: &annotations,
                                     output: &substituted, scratch: &scratch) {
                    substitutedRange = substitutedStart..<substituted.count
                }
            } else {
                annotations += protected
            }
            let source: SourceBytes = substitutedRange == nil && sourceIsPrepared(originalRange, range, buffer)
                ? .text : source(of: originalRange)
            pendings.append(Pending(
                id: pendings.count + 1, paragraph: piece.paragraph, range: range, originalRange: originalRange,
                translate: translate, annotations: annotationStart..<annotations.count,
                substitutedRange: substitutedRange, source: source,
                changes: changes.segmentChanges(in: originalRange, baseOffset: baseOffset),
                gap: gap))
            previousEnd = range.upperBound
            previousParagraph = piece.paragraph
        }
        let removed = boilerplate.map { range in
            let originalRange = normalized.originalRange(of: range)
            return Boilerplate(start: baseOffset + originalRange.lowerBound, end: baseOffset + originalRange.upperBound,
                               text: String(decoding: buffer[range], as: UTF8.self))
        }
        return (pendings, annotations, substituted, removed, sentences.last?.paragraph ?? 0)
    }

    /// Whether the original bytes of a segment are its normalized text, byte
    /// for byte (UTF-8 input that normalization did not change), so that
    /// `source` can share `text`'s storage.
    private func sourceIsPrepared(_ originalRange: Range<Int>, _ range: Range<Int>,
                                  _ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard pipeline.options.encoding == .utf8, originalRange.count == range.count else { return false }
        return original.withUnsafeBufferPointer { originalBytes in
            memoryEqual(UnsafeBufferPointer(rebasing: originalBytes[originalRange]), UnsafeBufferPointer(rebasing: buffer[range]))
        }
    }

    /// The original bytes of a range, as UTF-8: the bytes themselves when they
    /// are valid UTF-8, else decoded (or repaired) into bytes of their own.
    private func source(of range: Range<Int>) -> SourceBytes {
        if pipeline.options.encoding == .utf8 {
            let valid = original.withUnsafeBufferPointer { bytes in
                let slice = UnsafeBufferPointer(rebasing: bytes[range])
                return UTF8Validation.validPrefixLength(slice) == slice.count
            }
            if valid { return .original }
            return .own(Array(String(decoding: original[range], as: UTF8.self).utf8))
        }
        let slice = Array(original[range])
        let decoded = try? TextDecoder.decode(slice, as: pipeline.options.encoding, lossy: true)
        return .own(Array(String(decoding: decoded?.utf8 ?? slice, as: UTF8.self).utf8))
    }

    /// The ranges of whole lines that a metadata pattern matches.
    private func metadataLines(_ buffer: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let spans = pipeline.options.spans
        // A line can only match a pattern whose first literal it starts with:
        // checking that first keeps the patterns away from most lines.
        let prefixes = spans.patterns.compactMap { pattern -> [UInt8]? in
            guard pattern.kind == .metadataLine, case .literal(let bytes) = pattern.pieces.first else { return nil }
            return bytes
        }
        guard !prefixes.isEmpty else { return [] }
        var lines: [Range<Int>] = []
        var start = 0
        while start < buffer.count {
            let end = ByteSearch.firstIndex(of: 0x0A, in: buffer, from: start) ?? buffer.count
            let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
            if prefixes.contains(where: { line.starts(with: $0) }) && spans.isMetadataLine(line) {
                lines.append(start..<end)
            }
            start = end + 1
        }
        return lines
    }

    /// Two sorted arrays as one sorted array (ties: `first`'s element first).
    static func merged<Element>(_ first: [Element], _ second: [Element],
                                by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        if second.isEmpty { return first }
        if first.isEmpty { return second }
        var result: [Element] = []
        result.reserveCapacity(first.count + second.count)
        var i = 0
        var j = 0
        while i < first.count && j < second.count {
            if areInIncreasingOrder(second[j], first[i]) {
                result.append(second[j]); j += 1
            } else {
                result.append(first[i]); i += 1
            }
        }
        result += first[i...]
        result += second[j...]
        return result
    }

    /// Calls `body` with each piece of `range` minus the ranges `excluded`
    /// (sorted by lower bound), in order; `cursor` remembers where the search
    /// in `excluded` may start, since calls come in order.
    static func subtract(_ excluded: [Range<Int>], from range: Range<Int>, cursor: inout Int,
                         _ body: (Range<Int>) -> Void) {
        while cursor < excluded.count && excluded[cursor].upperBound <= range.lowerBound { cursor += 1 }
        var start = range.lowerBound
        var index = cursor
        while index < excluded.count && excluded[index].lowerBound < range.upperBound {
            let cut = excluded[index]
            if cut.lowerBound > start { body(start..<cut.lowerBound) }
            start = max(start, cut.upperBound)
            index += 1
        }
        if start < range.upperBound { body(start..<range.upperBound) }
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

    /// The text of `range` with the boilerplate inside it left out: a range
    /// of the normalized text when there is none (the usual case).
    private static func gap(_ range: Range<Int>, without boilerplate: [Range<Int>], cursor: inout Int,
                            _ buffer: UnsafeBufferPointer<UInt8>) -> GapBytes {
        guard !range.isEmpty else { return .none }
        var pieces: [Range<Int>] = []
        subtract(boilerplate, from: range, cursor: &cursor) { pieces.append($0) }
        if pieces.count == 1 && pieces[0] == range { return .normalized(range) }
        var bytes: [UInt8] = []
        for piece in pieces { bytes += buffer[piece] }
        return bytes.isEmpty ? .none : .own(bytes)
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
        var found: [NormalizationChange] = []
        forEachChange(in: range) { found.append($0) }
        return found
    }

    /// The changes that touch `range` as a segment reports them, with offsets
    /// moved by `baseOffset`; call with ranges in order.
    mutating func segmentChanges(in range: Range<Int>, baseOffset: Int) -> [SegmentChange] {
        var found: [SegmentChange] = []
        forEachChange(in: range) { change in
            found.append(SegmentChange(kind: change.kind.rawValue, start: baseOffset + change.originalRange.lowerBound,
                                       before: change.before, after: change.after))
        }
        return found
    }

    private mutating func forEachChange(in range: Range<Int>, _ body: (NormalizationChange) -> Void) {
        while next < sorted.count && sorted[next].originalRange.upperBound < range.lowerBound { next += 1 }
        var index = next
        while index < sorted.count && sorted[index].originalRange.lowerBound < range.upperBound {
            let change = sorted[index].originalRange
            if change.upperBound > range.lowerBound || (change.isEmpty && change.lowerBound >= range.lowerBound) {
                body(sorted[index])
            }
            index += 1
        }
    }
}

/// Whether two byte buffers hold the same bytes.
func memoryEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard let left = a.baseAddress, let right = b.baseAddress else { return true }
    let leftRaw = UnsafeRawPointer(left)
    let rightRaw = UnsafeRawPointer(right)
    if leftRaw == rightRaw { return true }
    var index = 0
    let count = a.count
    while index + 8 <= count {
        if leftRaw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            != rightRaw.loadUnaligned(fromByteOffset: index, as: UInt64.self) { return false }
        index += 8
    }
    while index < count {
        if left[index] != right[index] { return false }
        index += 1
    }
    return true
}
