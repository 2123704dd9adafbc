/// One segment of a prepared document: a sentence to translate, or a span
/// that must not be translated (a metadata line, a URL on its own).
///
/// A segment made by a `Pipeline` holds no text of its own: its text, source,
/// gap, annotations and changes are ranges in one storage shared by all the
/// segments of its block (the block's normalized and original bytes and its
/// annotations), so that preparing a document does not allocate per segment
/// and copying a segment costs one reference count. The `String` properties
/// are made when read; writers that work on bytes use the `…UTF8` slices.
public struct PreparedSegment: Sendable, Hashable {
    /// 1-based, in document order.
    public var id: Int
    /// 1-based paragraph number (paragraphs are separated by blank lines).
    public var paragraph: Int
    /// UTF-8 byte offset of the segment's start in the original input.
    public var start: Int
    /// UTF-8 byte offset just past the segment's end in the original input.
    public var end: Int
    /// False for spans that must not be translated.
    public var translate: Bool

    /// Where the parts of the segment are kept.
    var storage: SegmentStorage
    var textBytes: SegmentStorage.Bytes
    var sourceBytes: SegmentStorage.Bytes
    var gapBytes: SegmentStorage.Bytes
    var annotationRange: Range<Int>
    var changeRange: Range<Int>

    /// Where the segment's text stands in the prepared (normalized) document,
    /// for restore: UTF-8 offsets within its block.
    var normalizedRange: Range<Int> = 0..<0

    /// The prepared text as UTF-8: normalized, with glossary substitutions or
    /// placeholders applied. A slice of storage shared with the other segments
    /// of the block (its indices are those of that storage).
    public var textUTF8: ArraySlice<UInt8> { storage.slice(textBytes) }

    /// The original bytes of the segment, decoded, as UTF-8 (a slice of shared
    /// storage, like `textUTF8`).
    public var sourceUTF8: ArraySlice<UInt8> { storage.slice(sourceBytes) }

    /// The prepared text between the previous segment of the same paragraph
    /// and this one, as UTF-8 (a slice of shared storage, like `textUTF8`).
    public var gapBeforeUTF8: ArraySlice<UInt8> { storage.slice(gapBytes) }

    /// The prepared text: normalized, with glossary substitutions or placeholders applied.
    ///
    /// Made from `textUTF8` each time it is read (O(length)); setting it gives
    /// the segment storage of its own.
    public var text: String {
        get { String(decoding: textUTF8, as: UTF8.self) }
        set { rebuild(text: Array(newValue.utf8)) }
    }

    /// The original bytes of the segment, decoded.
    ///
    /// Made from `sourceUTF8` each time it is read (O(length)); setting it
    /// gives the segment storage of its own.
    public var source: String {
        get { String(decoding: sourceUTF8, as: UTF8.self) }
        set { rebuild(source: Array(newValue.utf8)) }
    }

    /// The prepared text between the previous segment of the same paragraph
    /// and this one (spaces, a line break); empty for a paragraph's first segment.
    ///
    /// Made from `gapBeforeUTF8` each time it is read (O(length)); setting it
    /// gives the segment storage of its own.
    public var gapBefore: String {
        get { String(decoding: gapBeforeUTF8, as: UTF8.self) }
        set { rebuild(gap: Array(newValue.utf8)) }
    }

    /// Marked spans of `text`: glossary terms, protected spans, placeholders,
    /// in order of position.
    public var annotations: [SegmentAnnotation] {
        get { Array(storage.annotations[annotationRange]) }
        set { rebuild(annotations: newValue) }
    }

    /// Normalization edits inside the segment.
    public var changes: [SegmentChange] {
        get { Array(storage.changes[changeRange]) }
        set { rebuild(changes: newValue) }
    }

    /// Creates a segment.
    public init(id: Int, paragraph: Int, text: String, source: String, start: Int, end: Int,
                translate: Bool = true, annotations: [SegmentAnnotation] = [], changes: [SegmentChange] = [],
                gapBefore: String = "") {
        self.id = id
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.translate = translate
        storage = SegmentStorage()
        textBytes = SegmentStorage.Bytes()
        sourceBytes = textBytes
        gapBytes = textBytes
        annotationRange = 0..<0
        changeRange = 0..<0
        rebuild(text: Array(text.utf8), source: Array(source.utf8), gap: Array(gapBefore.utf8),
                annotations: annotations, changes: changes)
    }

    /// Creates a segment over shared storage.
    init(id: Int, paragraph: Int, start: Int, end: Int, translate: Bool, storage: SegmentStorage,
         text: SegmentStorage.Bytes, source: SegmentStorage.Bytes, gap: SegmentStorage.Bytes,
         annotations: Range<Int>, changes: Range<Int>, normalizedRange: Range<Int>) {
        self.id = id
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.translate = translate
        self.storage = storage
        textBytes = text
        sourceBytes = source
        gapBytes = gap
        annotationRange = annotations
        changeRange = changes
        self.normalizedRange = normalizedRange
    }

    /// Gives the segment storage of its own, with the parts given replacing its current ones.
    private mutating func rebuild(text: [UInt8]? = nil, source: [UInt8]? = nil, gap: [UInt8]? = nil,
                                  annotations: [SegmentAnnotation]? = nil, changes: [SegmentChange]? = nil) {
        let text = text ?? Array(textUTF8)
        let source = source ?? Array(sourceUTF8)
        let gap = gap ?? Array(gapBeforeUTF8)
        let annotations = annotations ?? self.annotations
        let changes = changes ?? self.changes
        storage = SegmentStorage(own: text + source + gap, annotations: annotations, changes: changes)
        textBytes = SegmentStorage.Bytes(buffer: .own, range: 0..<text.count)
        sourceBytes = SegmentStorage.Bytes(buffer: .own, range: text.count..<(text.count + source.count))
        gapBytes = SegmentStorage.Bytes(buffer: .own, range: (text.count + source.count)..<(text.count + source.count + gap.count))
        annotationRange = 0..<annotations.count
        changeRange = 0..<changes.count
    }

    /// Segments are equal when their numbers, bytes, annotations and changes
    /// are, wherever they are kept.
    public static func == (a: PreparedSegment, b: PreparedSegment) -> Bool {
        a.id == b.id && a.paragraph == b.paragraph && a.start == b.start && a.end == b.end
            && a.translate == b.translate && a.normalizedRange == b.normalizedRange
            && a.textUTF8 == b.textUTF8 && a.sourceUTF8 == b.sourceUTF8 && a.gapBeforeUTF8 == b.gapBeforeUTF8
            && a.storage.annotations[a.annotationRange] == b.storage.annotations[b.annotationRange]
            && a.storage.changes[a.changeRange] == b.storage.changes[b.changeRange]
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(paragraph)
        hasher.combine(start)
        hasher.combine(end)
        hasher.combine(translate)
        hasher.combine(normalizedRange)
        hasher.combine(textUTF8)
        hasher.combine(sourceUTF8)
        hasher.combine(gapBeforeUTF8)
        hasher.combine(storage.annotations[annotationRange])
        hasher.combine(storage.changes[changeRange])
    }
}

/// The parts of the segments of one block, kept once for all of them.
final class SegmentStorage: Sendable {
    /// Which array a segment's bytes are in.
    enum Buffer: UInt8, Sendable {
        case normalized, original, own
    }

    /// A range of bytes in one of the arrays.
    struct Bytes: Sendable {
        var buffer: Buffer = .own
        var range: Range<Int> = 0..<0
    }

    /// The block after normalization.
    let normalized: [UInt8]
    /// The block's original bytes.
    let original: [UInt8]
    /// Bytes no other array holds: substituted texts, decoded sources, gaps
    /// without their boilerplate.
    let own: [UInt8]
    let annotations: [SegmentAnnotation]
    let changes: [SegmentChange]

    init(normalized: [UInt8] = [], original: [UInt8] = [], own: [UInt8] = [],
         annotations: [SegmentAnnotation] = [], changes: [SegmentChange] = []) {
        self.normalized = normalized
        self.original = original
        self.own = own
        self.annotations = annotations
        self.changes = changes
    }

    func array(_ buffer: Buffer) -> [UInt8] {
        switch buffer {
        case .normalized: normalized
        case .original: original
        case .own: own
        }
    }

    func slice(_ bytes: Bytes) -> ArraySlice<UInt8> {
        array(bytes.buffer)[bytes.range]
    }

    /// Calls `body` with the bytes.
    func withBytes<Result>(_ bytes: Bytes, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try array(bytes.buffer).withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[bytes.range])) }
    }
}

/// A marked span inside a segment's prepared text.
public struct SegmentAnnotation: Sendable, Hashable {
    /// What the span is.
    public enum Kind: Sendable, Hashable {
        /// A glossary term: the entry's source and target.
        case term(source: String, target: String)
        /// Text that must not be translated (a URL, an e-mail address, code).
        case protected(String)
        /// A placeholder `⟦id⟧` that stood for `original`; restore puts `target` in its place.
        case placeholder(id: Int, original: String, target: String)
    }

    /// What the span is.
    public var kind: Kind
    /// UTF-8 byte offsets in the segment's prepared text.
    public var range: Range<Int>

    /// Creates an annotation.
    public init(kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

/// A normalization edit inside a segment, in original coordinates.
public struct SegmentChange: Sendable, Hashable {
    /// The kind of edit, such as `delete-invisible` or `nfc`.
    public var kind: String
    /// UTF-8 byte offset in the original input where the edit starts.
    public var start: Int
    /// The original text.
    public var before: String
    /// The text after the edit.
    public var after: String

    /// Creates a change.
    public init(kind: String, start: Int, before: String, after: String) {
        self.kind = kind
        self.start = start
        self.before = before
        self.after = after
    }
}
