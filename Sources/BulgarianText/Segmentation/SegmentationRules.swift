/// The compiled, immutable form of a segmenter's options: what the hot loop
/// consults at each candidate boundary.
struct SegmentationRules: Sendable {
    /// Whether the Bulgarian rules run at all (false: ICU's boundaries only).
    let bulgarian: Bool
    /// Whether a single line break is a wrap inside a sentence.
    let softWrap: Bool
    let initials: InitialsPolicy
    private let index: [UInt64: [(bytes: [UInt8], kind: AbbreviationTable.Kind)]]

    init(abbreviations: AbbreviationTable, initials: InitialsPolicy, softWrap: Bool, bulgarian: Bool) {
        self.bulgarian = bulgarian
        self.softWrap = softWrap
        self.initials = initials
        var index: [UInt64: [(bytes: [UInt8], kind: AbbreviationTable.Kind)]] = [:]
        for (form, kind) in abbreviations.spellings {
            let bytes = Array(form.utf8)
            let hash = bytes.withUnsafeBufferPointer { SegmentationBytes($0).hash(0..<bytes.count) }
            index[hash, default: []].append((bytes, kind))
        }
        self.index = index
    }

    /// The kind of the abbreviation written in `range` (its final dot included), or nil.
    @inline(__always)
    func abbreviation(_ text: SegmentationBytes, _ range: Range<Int>) -> AbbreviationTable.Kind? {
        guard range.count <= AbbreviationTable.maximumFormLength,
              let candidates = index[text.hash(range)] else { return nil }
        for candidate in candidates where text.equals(range, candidate.bytes) {
            return candidate.kind
        }
        return nil
    }
}
