/// The translation-prep pipeline: bytes → decode → normalize → classify
/// spans → segment → glossary → segments, every offset in the coordinates of
/// the original bytes.
///
/// A `Pipeline` is immutable and `Sendable`: build it once from `Options` and
/// use it from many tasks. It works on blocks of whole paragraphs
/// (`prepareBlock`), which is what makes streaming (`makeStream()`) and
/// parallel processing possible; `prepare(utf8:)` runs a whole document.
///
/// ```swift
/// let pipeline = try Pipeline(options: .init(spans: .preset("news")!))
/// let document = try pipeline.prepare(utf8: Array(article.utf8))
/// for segment in document.segments { print(segment.id, segment.text) }
/// ```
public struct Pipeline: Sendable {
    /// What the pipeline does.
    public struct Options: Sendable {
        /// The encoding of the input; UTF-8 by default.
        public var encoding: TextEncoding
        /// Replace undecodable bytes with U+FFFD instead of failing.
        public var lossy: Bool
        /// Normalization beyond the always-on default operations.
        public var normalization: NormalizationOptions
        /// Abbreviations, initials and line-break handling for segmentation.
        public var segmentation: Segmenter.Options
        /// Metadata lines and boilerplate (a preset such as `news`, and your own).
        public var spans: SpanPatterns
        /// The glossary, if any.
        public var glossary: Glossary?
        /// What to do with glossary matches.
        public var glossaryAction: GlossaryAction

        /// Options; by default UTF-8, the default normalization, the built-in
        /// segmentation tables, no span patterns and no glossary.
        public init(encoding: TextEncoding = .utf8, lossy: Bool = false,
                    normalization: NormalizationOptions = NormalizationOptions(),
                    segmentation: Segmenter.Options = Segmenter.Options(),
                    spans: SpanPatterns = SpanPatterns(),
                    glossary: Glossary? = nil, glossaryAction: GlossaryAction = .mark) {
            self.encoding = encoding
            self.lossy = lossy
            self.normalization = normalization
            self.segmentation = segmentation
            self.spans = spans
            self.glossary = glossary
            self.glossaryAction = glossaryAction
        }
    }

    /// What the pipeline does with glossary matches.
    public enum GlossaryAction: String, Sendable, Hashable, CaseIterable {
        /// Report them as term annotations; the text is unchanged.
        case mark
        /// Replace them with their targets.
        case substitute
        /// Replace them with numbered placeholders `⟦N⟧` that restore resolves.
        case placeholder
    }

    /// The options the pipeline was built with.
    public let options: Options
    let normalizer: Normalizer
    let segmenter: Segmenter

    /// Builds the pipeline's stages.
    ///
    /// - Throws: `ICUError` when ICU cannot open a service.
    public init(options: Options = Options()) throws {
        self.options = options
        normalizer = try Normalizer(options: options.normalization)
        segmenter = try Segmenter(options: options.segmentation)
    }

    /// Prepares a whole document held in memory.
    ///
    /// - Throws: `DecodingError` (with the byte offset) for bytes that are not
    ///   in `options.encoding`, unless `options.lossy`; `ICUError` when ICU fails.
    public func prepare(utf8 bytes: [UInt8]) throws -> PreparedBlock {
        try prepareBlock(bytes, baseOffset: 0)
    }

    /// Prepares a string.
    public func prepare(_ text: String) throws -> PreparedBlock {
        try prepareBlock(Array(text.utf8), baseOffset: 0)
    }

    /// A stream that prepares input arriving in chunks, one block of whole
    /// paragraphs at a time, with memory bounded by the block size.
    public func makeStream(blockSize: Int = PipelineStream.defaultBlockSize) -> PipelineStream {
        PipelineStream(self, blockSize: blockSize)
    }

    /// Prepares one block of whole paragraphs whose first byte is at
    /// `baseOffset` in the original input. Segment ids and paragraph numbers
    /// start at 1 within the block; `PreparedBlock.renumbered` moves them.
    public func prepareBlock(_ bytes: [UInt8], baseOffset: Int) throws -> PreparedBlock {
        let decoded: DecodedText
        do {
            decoded = try TextDecoder.decode(bytes, as: options.encoding, lossy: options.lossy)
        } catch {
            var shifted = error
            shifted.byteOffset += baseOffset
            throw shifted
        }
        let normalized = try normalizer.normalize(decoded)
        return try BlockPreparation(pipeline: self, original: bytes, baseOffset: baseOffset,
                                    normalized: normalized).run()
    }
}
