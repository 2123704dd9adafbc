/// The work of `Pipeline.prepareBlock` after decoding and normalization:
/// classify spans, segment, apply the glossary, map offsets back.
///
/// Segments do not get storage of their own: their text, source, gap,
/// annotations and changes are ranges in one `SegmentStorage` for the block
/// (its normalized and original bytes, and arrays that grow as the segments
/// are made), so that the cost per segment is a few range computations
/// rather than a dozen allocations.
struct BlockPreparation {
    let pipeline: Pipeline
    let original: [UInt8]
    let baseOffset: Int
    let normalized: NormalizedText

    /// A sentence, or a metadata line, to become a segment.
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
        var text: SegmentStorage.Bytes
        var source: SegmentStorage.Bytes
        var changes: Range<Int>
        var gap: SegmentStorage.Bytes
    }

    func run() throws -> PreparedBlock {
        let text = normalized.utf8
        let prepared = try text.withUnsafeBufferPointer { buffer in
            try prepare(buffer)
        }
        let storage = SegmentStorage(normalized: text, original: pipeline.options.encoding == .utf8 ? original : [],
                                     own: prepared.own, annotations: prepared.annotations, changes: prepared.changes)
        var segments: [PreparedSegment] = []
        segments.reserveCapacity(prepared.pendings.count)
        for pending in prepared.pendings {
            segments.append(PreparedSegment(
                id: pending.id, paragraph: pending.paragraph,
                start: baseOffset + pending.originalRange.lowerBound, end: baseOffset + pending.originalRange.upperBound,
                translate: pending.translate, storage: storage, text: pending.text, source: pending.source, gap: pending.gap,
                annotations: pending.annotations, changes: pending.changes, normalizedRange: pending.range))
        }
        return PreparedBlock(segments: segments, boilerplate: prepared.boilerplate,
                             paragraphCount: prepared.paragraphCount,
                             normalizedText: text, originalByteCount: original.count)
    }

    private func prepare(_ buffer: UnsafeBufferPointer<UInt8>) throws
        -> (pendings: [Pending], annotations: [SegmentAnnotation], changes: [SegmentChange], own: [UInt8],
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

        var changeIndex = ChangeIndex(normalized.changes)
        var changes: [SegmentChange] = []
        var pendings: [Pending] = []
        pendings.reserveCapacity(pieces.count)
        var annotations: [SegmentAnnotation] = []
        // About one annotation every 40 bytes in news with a large glossary.
        annotations.reserveCapacity(Swift.max(pieces.count * 2, buffer.count / 32))
        var own: [UInt8] = []
        var scratch = GlossaryApplication.Scratch()
        let application = pipeline.options.glossary.map {
            GlossaryApplication(glossary: $0, action: pipeline.options.glossaryAction)
        }
        var previousEnd: Int?
        var previousParagraph = 0
        var boilerplateCursor = 0
        for piece in pieces {
            var gap = SegmentStorage.Bytes(buffer: .normalized, range: 0..<0)
            if piece.paragraph == previousParagraph, let previousEnd {
                gap = Self.gap(previousEnd..<piece.range.lowerBound, without: boilerplate, cursor: &boilerplateCursor,
                               buffer, own: &own)
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
            var text = SegmentStorage.Bytes(buffer: .normalized, range: range)
            if translate, let application {
                let substitutedStart = own.count
                if application.apply(to: pieceBytes, protectedSpans: protectedSpans, protected: protected,
                                     annotations: &annotations,
                                     output: &own, scratch: &scratch) {
                    text = SegmentStorage.Bytes(buffer: .own, range: substitutedStart..<own.count)
                }
            } else {
                annotations += protected
            }
            let source = text.buffer == .normalized && sourceIsPrepared(originalRange, range, buffer)
                ? text : source(of: originalRange, own: &own)
            let changeStart = changes.count
            changeIndex.appendSegmentChanges(in: originalRange, baseOffset: baseOffset, to: &changes)
            pendings.append(Pending(
                id: pendings.count + 1, paragraph: piece.paragraph, range: range, originalRange: originalRange,
                translate: translate, annotations: annotationStart..<annotations.count,
                text: text, source: source, changes: changeStart..<changes.count, gap: gap))
            previousEnd = range.upperBound
            previousParagraph = piece.paragraph
        }
        let removed = boilerplate.map { range in
            let originalRange = normalized.originalRange(of: range)
            return Boilerplate(start: baseOffset + originalRange.lowerBound, end: baseOffset + originalRange.upperBound,
                               text: String(decoding: buffer[range], as: UTF8.self))
        }
        return (pendings, annotations, changes, own, removed, sentences.last?.paragraph ?? 0)
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
    /// are valid UTF-8, else decoded (or repaired) into `own`.
    private func source(of range: Range<Int>, own: inout [UInt8]) -> SegmentStorage.Bytes {
        if pipeline.options.encoding == .utf8 {
            let valid = original.withUnsafeBufferPointer { bytes in
                let slice = UnsafeBufferPointer(rebasing: bytes[range])
                return UTF8Validation.validPrefixLength(slice) == slice.count
            }
            if valid { return SegmentStorage.Bytes(buffer: .original, range: range) }
            let start = own.count
            own += String(decoding: original[range], as: UTF8.self).utf8
            return SegmentStorage.Bytes(buffer: .own, range: start..<own.count)
        }
        let slice = Array(original[range])
        let decoded = try? TextDecoder.decode(slice, as: pipeline.options.encoding, lossy: true)
        let start = own.count
        own += String(decoding: decoded?.utf8 ?? slice, as: UTF8.self).utf8
        return SegmentStorage.Bytes(buffer: .own, range: start..<own.count)
    }

    /// The metadata at the start of each line: whole metadata lines, and
    /// `metadata-start` matches before prose on the same line.
    private func metadataLines(_ buffer: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let spans = pipeline.options.spans
        guard spans.hasMetadataPatterns else { return [] }
        // A line can only match a pattern whose literal it starts with (after
        // spaces): comparing its first four bytes with those of each pattern
        // keeps the patterns away from most lines (a first byte alone would
        // not: every Cyrillic line starts with 0xD0 or 0xD1).
        var heads: [(bytes: UInt32, mask: UInt32)] = []
        for pattern in spans.patterns where pattern.kind != .boilerplate {
            guard case .literal(let bytes) = pattern.pieces.first else { continue }
            var head: (bytes: UInt32, mask: UInt32) = (0, 0)
            for (index, byte) in bytes.prefix(4).enumerated() {
                head.bytes |= UInt32(byte) << (8 * index)
                head.mask |= 0xFF << (8 * index)
            }
            heads.append(head)
        }
        var lines: [Range<Int>] = []
        var start = 0
        while start < buffer.count {
            let end = ByteSearch.firstIndex(of: 0x0A, in: buffer, from: start) ?? buffer.count
            var first = start
            while first < end && (buffer[first] == 0x20 || buffer[first] == 0x09) { first += 1 }
            // The line's first four bytes (zeros past its end).
            var word: UInt32 = 0
            for index in 0..<Swift.min(4, end - first) { word |= UInt32(buffer[first + index]) << (8 * index) }
            if first < end && heads.contains(where: { word & $0.mask == $0.bytes }),
               let range = spans.metadataRange(inLine: UnsafeBufferPointer(rebasing: buffer[start..<end])) {
                lines.append((start + range.lowerBound)..<(start + range.upperBound))
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
    /// of the normalized text when there is none (the usual case), else bytes
    /// appended to `own`.
    private static func gap(_ range: Range<Int>, without boilerplate: [Range<Int>], cursor: inout Int,
                            _ buffer: UnsafeBufferPointer<UInt8>, own: inout [UInt8]) -> SegmentStorage.Bytes {
        guard !range.isEmpty else { return SegmentStorage.Bytes(buffer: .normalized, range: 0..<0) }
        let cursorBefore = cursor
        var whole = false
        subtract(boilerplate, from: range, cursor: &cursor) { whole = $0 == range }
        if whole { return SegmentStorage.Bytes(buffer: .normalized, range: range) }
        cursor = cursorBefore
        let start = own.count
        subtract(boilerplate, from: range, cursor: &cursor) { own += buffer[$0] }
        return SegmentStorage.Bytes(buffer: .own, range: start..<own.count)
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

    /// Appends the changes that touch `range` as a segment reports them, with
    /// offsets moved by `baseOffset`; call with ranges in order.
    mutating func appendSegmentChanges(in range: Range<Int>, baseOffset: Int, to found: inout [SegmentChange]) {
        forEachChange(in: range) { change in
            found.append(SegmentChange(kind: change.kind.rawValue, start: baseOffset + change.originalRange.lowerBound,
                                       before: change.before, after: change.after))
        }
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
