/// Splits Bulgarian text into sentences: ICU's sentence break iterator,
/// corrected by Bulgarian rules whose data lives in `tables/segmentation/`.
///
/// The rules fix what ICU gets wrong on Bulgarian: abbreviations and initials
/// (`проф. Иванов`, `В. Путин`, `т.е.`), abbreviations that may end a sentence
/// (`2026 г.`, `лв.`, `и др.`) decided by what follows, dialogue dashes after
/// `.` `!` `?`, `…` before a capital, `?` and `!` before a lower-case
/// continuation, item numbers (`1. Въведение`, `Чл. 1. (1)`), and boundaries
/// inside URLs and e-mail addresses. Closing quotes and brackets stay with
/// their sentence. A blank line ends a paragraph; a single line break ends a
/// sentence unless `Options.softWrap` is set.
///
/// A `Segmenter` is immutable and `Sendable`: build it once and use it from
/// any number of tasks at once; each call uses an ICU iterator of its own.
///
/// ```swift
/// let segmenter = try Segmenter()
/// let text = "Проф. Иванов дойде в 10 ч. Всички станаха."
/// for sentence in try segmenter.sentences(in: text) {
///     print(sentence.text(in: text))  // "Проф. Иванов дойде в 10 ч.", "Всички станаха."
/// }
/// ```
public struct Segmenter: Sendable {
    /// What a segmenter knows and how it treats line breaks.
    public struct Options: Sendable {
        /// Abbreviations and their kinds; by default the built-in table.
        /// Add a user's file with `AbbreviationTable.builtIn.merging(_:)`.
        public var abbreviations: AbbreviationTable
        /// Whether initials (`В.`) may end a sentence; by default they never do.
        public var initials: InitialsPolicy
        /// Whether a colon directly before a capital letter ends a sentence
        /// (`…, София: Нашата фирма …`), except after the label words of
        /// `tables/segmentation/colon-labels.txt` (`Снимка: Иван Петров`).
        public var colonBreaks: Bool
        /// Whether a single line break inside a sentence is a wrap (like a
        /// space) rather than a boundary. Blank lines always end a paragraph.
        public var softWrap: Bool
        /// Whether the Bulgarian rules run; false gives ICU's boundaries alone
        /// (trimmed, with paragraphs), for comparison.
        public var bulgarianRules: Bool

        /// Options; the defaults are the built-in tables, hard line breaks and the Bulgarian rules on.
        public init(abbreviations: AbbreviationTable = .builtIn, initials: InitialsPolicy = .builtIn,
                    colonBreaks: Bool = true, softWrap: Bool = false, bulgarianRules: Bool = true) {
            self.colonBreaks = colonBreaks
            self.abbreviations = abbreviations
            self.initials = initials
            self.softWrap = softWrap
            self.bulgarianRules = bulgarianRules
        }
    }

    /// The options the segmenter was built with.
    public let options: Options
    let pool: SegmentationEnginePool

    /// Builds a segmenter: compiles the tables and opens ICU's sentence iterator for `bg`.
    ///
    /// - Throws: `ICUError` when ICU cannot open its sentence break iterator.
    public init(options: Options = Options()) throws {
        self.options = options
        let rules = SegmentationRules(abbreviations: options.abbreviations, initials: options.initials,
                                      colonLabels: options.colonBreaks ? Self.colonLabels : nil,
                                      softWrap: options.softWrap, bulgarian: options.bulgarianRules)
        pool = try SegmentationEnginePool(rules: rules)
    }

    /// The sentences of `text`, in order, as ranges into it.
    ///
    /// O(n) time; memory beyond the result is a window of at most 1 MiB of
    /// UTF-16. A sentence longer than 1 MiB is cut at a space.
    /// - Throws: `ICUError` only when ICU fails.
    public func sentences(in text: String) throws -> [Sentence] {
        var copy = text
        return try copy.withUTF8 { bytes in try sentences(inValidUTF8: bytes) }
    }

    /// The sentences of UTF-8 bytes, with byte offsets into them.
    ///
    /// - Throws: `InvalidUTF8Error` with the byte offset when the bytes are not UTF-8.
    public func sentences(inUTF8 bytes: [UInt8]) throws -> [Sentence] {
        try bytes.withUnsafeBufferPointer { buffer in
            try UTF8Validation.validate(buffer)
            return try sentences(inValidUTF8: buffer)
        }
    }

    /// The texts of the sentences of `text`, whitespace around them removed.
    public func sentenceTexts(in text: String) throws -> [Substring] {
        try sentences(in: text).map { $0.text(in: text) }
    }

    /// A stream that segments input arriving in chunks (see `SegmentationStream`).
    public func makeStream() -> SegmentationStream {
        SegmentationStream(self)
    }

    /// The label words of `tables/segmentation/colon-labels.txt`.
    static let colonLabels: [String] = TableLines(text: BuiltInTables.required("segmentation/colon-labels.txt"))
        .map { String($0.text) }

    func sentences(inValidUTF8 bytes: UnsafeBufferPointer<UInt8>) throws -> [Sentence] {
        var output: [Sentence] = []
        output.reserveCapacity(bytes.count / 96 + 1)
        var state = SegmentationEngine.State()
        _ = try pool.withEngine { engine in
            try engine.run(SegmentationBytes(bytes), base: 0, isFinal: true, state: &state, into: &output)
        }
        return output
    }
}
