/// ICU's sentence iterator alone, for the benchmarks: the floor that
/// `Segmenter` is measured against in the same run.
@_spi(Benchmarks)
public struct SegmentationBaseline: Sendable {
    private let pool: SegmentationEnginePool

    /// Opens ICU's sentence iterator for `bg`.
    public init() throws {
        pool = try SegmentationEnginePool(rules: SegmentationRules(
            abbreviations: AbbreviationTable(), initials: InitialsPolicy(), colonLabels: nil,
            softWrap: false, bulgarian: false))
    }

    /// Converts `text` to UTF-16 with ICU in windows of `SegmentationEngine.windowSize`
    /// bytes and counts ICU's boundaries: no offsets mapped back, no rules, no results.
    public func icuBoundaryCount(in text: String) throws -> Int {
        var copy = text
        return try copy.withUTF8 { bytes in
            try pool.withEngine { engine in try engine.countICUBoundaries(SegmentationBytes(bytes)) }
        }
    }
}

extension SegmentationEngine {
    func countICUBoundaries(_ text: SegmentationBytes) throws(ICUError) -> Int {
        var boundaries = 0
        var start = 0
        while start < text.count {
            var end = min(text.count, start + Self.windowSize)
            while end < text.count && text[end] & 0xC0 == 0x80 { end -= 1 }
            _ = try iterator.setText(utf8: text.buffer(start..<end))
            _ = iterator.first()
            while iterator.next() != nil { boundaries += 1 }
            start = end
        }
        return boundaries
    }
}
