/// Segments a byte stream chunk by chunk, for input too large to hold.
///
/// Feed chunks as they arrive (they may split characters and sentences
/// anywhere), then call `finish()`. Each call returns the sentences that are
/// complete, with their bytes. The stream holds back only the sentence that
/// may still go on (at most about 1 MiB: a longer one is cut at a space), so
/// memory does not grow with the input.
///
/// A stream is a value for one task; make one per input. It takes an ICU
/// iterator from its segmenter's pool for each call, so it is `Sendable`.
public struct SegmentationStream: Sendable {
    /// Sentences that are complete, and the input bytes that hold them.
    public struct Batch: Sendable {
        /// The offset of `bytes[0]` in the whole input.
        public let startOffset: Int
        /// The input from `startOffset` to the end of the batch's last sentence
        /// and the whitespace after it.
        public let bytes: [UInt8]
        /// The sentences, with offsets in the whole input.
        public let sentences: [Sentence]

        /// A batch of sentences found in `bytes`, which start at `startOffset` in the input.
        public init(startOffset: Int, bytes: [UInt8], sentences: [Sentence]) {
            self.startOffset = startOffset
            self.bytes = bytes
            self.sentences = sentences
        }

        /// The bytes of one of this batch's sentences.
        public func bytes(of sentence: Sentence) -> ArraySlice<UInt8> {
            bytes[(sentence.utf8Range.lowerBound - startOffset)..<(sentence.utf8Range.upperBound - startOffset)]
        }

        /// The text of one of this batch's sentences.
        public func text(of sentence: Sentence) -> String {
            String(decoding: bytes(of: sentence), as: UTF8.self)
        }
    }

    private let segmenter: Segmenter
    /// Input received but not yet segmented; starts where a sentence may start.
    private var pending: [UInt8] = []
    /// The input offset of `pending[0]`.
    private var pendingOffset = 0
    /// How much of `pending` is known to be valid UTF-8.
    private var validCount = 0
    /// Segment again once this much is valid, so that tiny chunks do not rescan the tail each time.
    private var nextRun = 0
    private var state = SegmentationEngine.State()

    /// The amount of new input that triggers a segmentation pass.
    static let step = 1 << 14

    init(_ segmenter: Segmenter) {
        self.segmenter = segmenter
    }

    /// Adds a chunk and returns the sentences that are complete.
    ///
    /// - Throws: `InvalidUTF8Error` with the offset in the whole stream;
    ///   `ICUError` when ICU fails.
    public mutating func feed(_ chunk: some Sequence<UInt8>) throws -> Batch {
        pending.append(contentsOf: chunk)
        try validate(isFinal: false)
        if validCount < nextRun { return Batch(startOffset: pendingOffset, bytes: [], sentences: []) }
        return try drain(isFinal: false)
    }

    /// Ends the stream and returns the rest of the sentences.
    ///
    /// - Throws: `InvalidUTF8Error` when the input ends inside a character.
    public mutating func finish() throws -> Batch {
        try validate(isFinal: true)
        return try drain(isFinal: true)
    }

    private mutating func validate(isFinal: Bool) throws {
        let valid = pending.withUnsafeBufferPointer { buffer in
            validCount + UTF8Validation.validPrefixLength(UnsafeBufferPointer(rebasing: buffer[validCount...]))
        }
        validCount = valid
        guard valid < pending.count else { return }
        let incomplete = pending.withUnsafeBufferPointer { UTF8Validation.sequenceLength($0, at: valid) < 0 }
        if isFinal || !incomplete {
            throw InvalidUTF8Error(byteOffset: pendingOffset + valid,
                                   bytes: Array(pending[valid..<min(valid + 4, pending.count)]))
        }
    }

    private mutating func drain(isFinal: Bool) throws -> Batch {
        var sentences: [Sentence] = []
        var state = self.state
        let base = pendingOffset
        let count = validCount
        let committed = try pending.withUnsafeBufferPointer { buffer in
            try segmenter.pool.withEngine { engine in
                try engine.run(SegmentationBytes(UnsafeBufferPointer(rebasing: buffer[..<count])), base: base,
                               isFinal: isFinal, state: &state, into: &sentences)
            }
        }
        self.state = state
        let batch = Batch(startOffset: pendingOffset, bytes: Array(pending[..<committed]), sentences: sentences)
        pending.removeFirst(committed)
        pendingOffset += committed
        validCount -= committed
        // What is left is one unfinished sentence: wait until it has doubled
        // (or grown by a step) before looking again, so a long sentence is
        // rescanned a bounded number of times, not once per chunk.
        nextRun = validCount + max(Self.step, validCount)
        return batch
    }
}
