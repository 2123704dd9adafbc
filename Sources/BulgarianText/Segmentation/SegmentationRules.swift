/// The compiled, immutable form of a segmenter's options: what the hot loop
/// consults at each candidate boundary.
struct SegmentationRules: Sendable {
    /// Whether the Bulgarian rules run at all (false: ICU's boundaries only).
    let bulgarian: Bool
    /// Whether a single line break is a wrap inside a sentence.
    let softWrap: Bool
    let initials: InitialsPolicy
    /// Whether a colon before a capital ends a sentence.
    let colonBreaks: Bool
    private let index: [UInt64: [(bytes: [UInt8], kind: AbbreviationTable.Kind)]]
    private let colonLabels: [UInt64: [[UInt8]]]

    init(abbreviations: AbbreviationTable, initials: InitialsPolicy, colonLabels: [String]?,
         softWrap: Bool, bulgarian: Bool) {
        self.bulgarian = bulgarian
        self.softWrap = softWrap
        self.initials = initials
        colonBreaks = colonLabels != nil
        var labels: [UInt64: [[UInt8]]] = [:]
        for word in colonLabels ?? [] {
            for variant in Set([word, word.prefix(1).uppercased() + word.dropFirst()]) {
                let bytes = Array(variant.utf8)
                let hash = bytes.withUnsafeBufferPointer { SegmentationBytes($0).hash(0..<bytes.count) }
                labels[hash, default: []].append(bytes)
            }
        }
        self.colonLabels = labels
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

    /// Whether the word in `range` is a label before a colon (`Снимка`).
    func isColonLabel(_ text: SegmentationBytes, _ range: Range<Int>) -> Bool {
        guard range.count <= 64, let candidates = colonLabels[text.hash(range)] else { return false }
        return candidates.contains { text.equals(range, $0) }
    }
}
