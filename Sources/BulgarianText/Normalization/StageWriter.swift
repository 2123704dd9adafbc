/// Builds the output of one normalization step: copies the unchanged input,
/// writes replacements, and records each one in an `OffsetMap` and as a change.
///
/// Steps scan their input for the first place that needs work and create a
/// writer only then, so clean text is never copied byte by byte.
struct StageWriter {
    struct RecordedChange {
        var kind: NormalizationChange.Kind
        /// In the coordinates of this step's input.
        var input: Range<Int>
        var before: String
        var after: String
    }

    private let input: UnsafeBufferPointer<UInt8>
    private(set) var output: [UInt8] = []
    private(set) var map = OffsetMap()
    private(set) var changes: [RecordedChange] = []
    /// Input consumed so far.
    private(set) var position = 0

    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        output.reserveCapacity(input.count + 16)
    }

    /// Copies the input up to `offset` unchanged.
    mutating func copy(upTo offset: Int) {
        if offset > position {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[position..<offset]))
            position = offset
        }
    }

    /// Replaces `range` of the input (which must start at or after the
    /// current position) with `replacement`, as one change.
    mutating func replace(_ range: Range<Int>, with replacement: some Collection<UInt8>, kind: NormalizationChange.Kind) {
        copy(upTo: range.lowerBound)
        let start = output.count
        output.append(contentsOf: replacement)
        map.append(input: range, output: start..<output.count)
        changes.append(RecordedChange(kind: kind, input: range,
                                      before: String(decoding: UnsafeBufferPointer(rebasing: input[range]), as: UTF8.self),
                                      after: String(decoding: replacement, as: UTF8.self)))
        position = range.upperBound
    }

    /// Replaces `range` with pieces that map one to one onto sub-ranges of it
    /// (for example repaired characters onto their mojibake), recorded as
    /// one change but mapped piece by piece.
    mutating func replace(_ range: Range<Int>, pieces: [(input: Range<Int>, output: [UInt8])], kind: NormalizationChange.Kind) {
        copy(upTo: range.lowerBound)
        let start = output.count
        var cursor = range.lowerBound
        for piece in pieces {
            if piece.input.lowerBound > cursor {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[cursor..<piece.input.lowerBound]))
            }
            let pieceStart = output.count
            output.append(contentsOf: piece.output)
            let unchanged = piece.input.count == piece.output.count
                && zip(input[piece.input], piece.output).allSatisfy { $0 == $1 }
            if !unchanged {
                map.append(input: piece.input, output: pieceStart..<output.count)
            }
            cursor = piece.input.upperBound
        }
        if cursor < range.upperBound {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[cursor..<range.upperBound]))
        }
        changes.append(RecordedChange(kind: kind, input: range,
                                      before: String(decoding: UnsafeBufferPointer(rebasing: input[range]), as: UTF8.self),
                                      after: String(decoding: output[start...], as: UTF8.self)))
        position = range.upperBound
    }

    /// Copies the rest and returns the output, the map and the changes.
    mutating func finish() -> StageResult {
        copy(upTo: input.count)
        return StageResult(output: output, map: map, changes: changes)
    }
}

/// What one step produced.
struct StageResult {
    var output: [UInt8]
    var map: OffsetMap
    var changes: [StageWriter.RecordedChange]
}
