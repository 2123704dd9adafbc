/// Prepares input arriving in chunks, one block of whole paragraphs at a
/// time, so that output starts before the input ends and memory stays
/// bounded by the block size, whatever the input's size.
///
/// A block ends at a blank line once `blockSize` bytes have gathered; a
/// paragraph longer than four blocks is cut at a line break, or failing that
/// at a space (a sentence may then be split in two).
public struct PipelineStream: Sendable {
    /// The default block size: 1 MiB.
    public static let defaultBlockSize = 1 << 20

    private let pipeline: Pipeline
    private let blockSize: Int
    /// Input not yet cut into blocks: `pending[consumed...]`. Cut blocks
    /// are dropped from the front only once they make up half of the array,
    /// so that cutting a block does not move the rest of the input each time.
    private var pending: [UInt8] = []
    private var consumed = 0
    private var pendingOffset = 0
    private var numbering = BlockNumbering()
    /// Whether the last block was cut inside a paragraph.
    private var cutInsideParagraph = false

    init(_ pipeline: Pipeline, blockSize: Int) {
        self.pipeline = pipeline
        self.blockSize = max(blockSize, 64)
    }

    /// Adds a chunk; returns the blocks it completed, numbered in document order.
    public mutating func feed(_ chunk: some Sequence<UInt8>) throws -> [PreparedBlock] {
        append(chunk)
        var blocks: [PreparedBlock] = []
        while let cut = nextCut() {
            blocks.append(try take(cut))
        }
        return blocks
    }

    /// Ends the input; returns the last block (possibly empty).
    public mutating func finish() throws -> [PreparedBlock] {
        guard pendingCount > 0 else { return [] }
        return [try take((pendingCount, true))]
    }

    /// Splits the pending bytes into raw blocks without preparing them, for
    /// callers that prepare blocks in parallel (`Pipeline.prepareBlock`) and
    /// number them afterwards in order with a `BlockNumbering`.
    public mutating func nextRawBlock(isFinal: Bool) -> RawBlock? {
        if let cut = nextCut() { return takeRaw(cut) }
        if isFinal && pendingCount > 0 { return takeRaw((pendingCount, true)) }
        return nil
    }

    /// Adds a chunk without preparing anything (see `nextRawBlock`).
    public mutating func append(_ chunk: some Sequence<UInt8>) {
        if consumed > 0 && consumed >= pending.count - consumed {
            pending.removeFirst(consumed)
            consumed = 0
        }
        pending.append(contentsOf: chunk)
    }

    /// How many bytes wait to be cut into blocks.
    private var pendingCount: Int { pending.count - consumed }

    private mutating func take(_ cut: (Int, Bool)) throws -> PreparedBlock {
        let raw = takeRaw(cut)
        return numbering.number(try pipeline.prepareBlock(raw.bytes, baseOffset: raw.baseOffset), raw)
    }

    private mutating func takeRaw(_ cut: (end: Int, atParagraphEnd: Bool)) -> RawBlock {
        let bytes = Array(pending[consumed..<(consumed + cut.end)])
        consumed += cut.end
        if consumed == pending.count {
            pending.removeAll(keepingCapacity: true)
            consumed = 0
        }
        let raw = RawBlock(bytes: bytes, baseOffset: pendingOffset, continuesParagraph: cutInsideParagraph)
        pendingOffset += cut.end
        cutInsideParagraph = !cut.atParagraphEnd
        return raw
    }

    /// Where the next block ends and whether that is the end of a paragraph,
    /// or nil when more input is needed.
    private func nextCut() -> (Int, Bool)? {
        let count = pendingCount
        guard count >= blockSize else { return nil }
        return pending.withUnsafeBufferPointer { whole in
            let pending = UnsafeBufferPointer(rebasing: whole[consumed...])
            let limit = min(count, blockSize * 4)
            // The end of the last blank line (a line feed that follows a line feed,
            // possibly with a carriage return between) before the limit.
            var index = limit - 1
            while index >= blockSize / 2 {
                if pending[index] == 0x0A {
                    var previous = index - 1
                    if previous >= 0 && pending[previous] == 0x0D { previous -= 1 }
                    if previous >= 0 && pending[previous] == 0x0A { return (index + 1, true) }
                }
                index -= 1
            }
            guard count >= blockSize * 4 else { return nil }
            // A paragraph longer than four blocks: cut at a line feed, else a space.
            for wanted: UInt8 in [0x0A, 0x20] {
                if let cut = pending[blockSize..<limit].lastIndex(of: wanted) { return (cut + 1, false) }
            }
            // No space at all: cut before a UTF-8 lead byte.
            var cut = limit
            while cut > blockSize && (cut >= count || pending[cut] & 0xC0 == 0x80) { cut -= 1 }
            return (cut, false)
        }
    }
}

/// A block of input cut by `PipelineStream.nextRawBlock`, not yet prepared.
public struct RawBlock: Sendable {
    /// The block's bytes.
    public var bytes: [UInt8]
    /// Where they start in the whole input.
    public var baseOffset: Int
    /// Whether the block starts inside the previous block's last paragraph
    /// (a paragraph too long for one block).
    public var continuesParagraph: Bool

    /// Creates a raw block.
    public init(bytes: [UInt8], baseOffset: Int, continuesParagraph: Bool) {
        self.bytes = bytes
        self.baseOffset = baseOffset
        self.continuesParagraph = continuesParagraph
    }
}

/// Numbers prepared blocks in document order: segment ids run on, and so do
/// paragraph numbers, a paragraph split between two blocks keeping one number.
public struct BlockNumbering: Sendable {
    private var segments = 0
    private var paragraphs = 0

    /// Creates numbering from the start of a document.
    public init() {}

    /// `block` (prepared from `raw`) with its ids and paragraphs numbered after
    /// the blocks numbered before it.
    public mutating func number(_ block: consuming PreparedBlock, _ raw: RawBlock) -> PreparedBlock {
        let paragraphOffset = raw.continuesParagraph ? max(paragraphs - 1, 0) : paragraphs
        let segmentOffset = segments
        segments += block.segments.count
        paragraphs = max(paragraphs, paragraphOffset + block.paragraphCount)
        return block.renumbered(segmentOffset: segmentOffset, paragraphOffset: paragraphOffset)
    }
}
