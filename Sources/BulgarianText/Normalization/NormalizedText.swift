/// The result of `Normalizer`: the normalized UTF-8 text, every change that
/// was made, and a map from any range of the normalized text back to the
/// bytes of the original input.
///
/// The map is what lets later steps (segmentation, glossary matching) report
/// positions in the user's own file, even after decoding from a legacy
/// encoding, mojibake repair and deletions.
public struct NormalizedText: Sendable {
    /// Where the text is kept: unchanged input is not copied.
    enum Storage: Sendable {
        case bytes([UInt8])
        case string(String)
    }

    let storage: Storage
    /// Every change, in order of the operations and then of position.
    public let changes: [NormalizationChange]
    /// The length of the original input in bytes.
    public let originalByteCount: Int
    /// The length of the normalized text in UTF-8 bytes.
    public let byteCount: Int
    /// Whether the normalized bytes equal the original bytes.
    public let isUnchanged: Bool
    /// One map per step that changed something, first step first.
    let maps: [OffsetMap]

    init(storage: Storage, changes: [NormalizationChange], originalByteCount: Int, isUnchanged: Bool, maps: [OffsetMap]) {
        self.storage = storage
        switch storage {
        case .bytes(let bytes): byteCount = bytes.count
        case .string(let string): byteCount = string.utf8.count
        }
        self.changes = changes
        self.originalByteCount = originalByteCount
        self.isUnchanged = isUnchanged
        self.maps = maps
    }

    /// The normalized text as UTF-8 bytes (a copy when the input was a
    /// `String` that needed no change).
    public var utf8: [UInt8] {
        switch storage {
        case .bytes(let bytes): bytes
        case .string(let string): Array(string.utf8)
        }
    }

    /// The normalized text (the input itself when it was a `String` that needed no change).
    public var text: String {
        switch storage {
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .string(let string): string
        }
    }

    /// The range of original bytes that `range` (UTF-8 offsets of the
    /// normalized text) came from.
    ///
    /// Deleted characters at either end are left out; a range that starts or
    /// ends inside a rewritten piece (a repaired mojibake character, a
    /// composed letter) is widened to the whole piece. An empty range maps to
    /// an empty range. O(log n) per step.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        precondition(range.lowerBound >= 0 && range.upperBound <= byteCount, "range outside the normalized text")
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
