/// The result of `Normalizer`: the normalized UTF-8 text, every change that
/// was made, and a map from any range of the normalized text back to the
/// bytes of the original input.
///
/// The map is what lets later steps (segmentation, glossary matching) report
/// positions in the user's own file, even after decoding from a legacy
/// encoding, mojibake repair and deletions.
public struct NormalizedText: Sendable {
    /// The normalized text as UTF-8 bytes.
    public let utf8: [UInt8]
    /// Every change, in order of the operations and then of position.
    public let changes: [NormalizationChange]
    /// The length of the original input in bytes.
    public let originalByteCount: Int
    /// Whether the normalized bytes equal the original bytes.
    public let isUnchanged: Bool
    /// One map per step that changed something, first step first.
    let maps: [OffsetMap]

    init(utf8: [UInt8], changes: [NormalizationChange], originalByteCount: Int, isUnchanged: Bool, maps: [OffsetMap]) {
        self.utf8 = utf8
        self.changes = changes
        self.originalByteCount = originalByteCount
        self.isUnchanged = isUnchanged
        self.maps = maps
    }

    /// The normalized text.
    public var text: String { String(decoding: utf8, as: UTF8.self) }

    /// The range of original bytes that `range` (UTF-8 offsets of the
    /// normalized text) came from.
    ///
    /// Deleted characters at either end are left out; a range that starts or
    /// ends inside a rewritten piece (a repaired mojibake character, a
    /// composed letter) is widened to the whole piece. An empty range maps to
    /// an empty range. O(log n) per step.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        precondition(range.lowerBound >= 0 && range.upperBound <= utf8.count, "range outside the normalized text")
        var mapped = range
        for map in maps.reversed() {
            mapped = map.inputRange(mapped)
        }
        return mapped
    }

    /// The original byte offset of a normalized UTF-8 offset (where text
    /// starting there came from).
    public func originalOffset(of offset: Int) -> Int {
        originalRange(of: offset..<offset).lowerBound
    }
}
