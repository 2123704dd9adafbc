/// One segment of a prepared document: a sentence to translate, or a span
/// that must not be translated (a metadata line, a URL on its own).
///
/// A segment made by a `Pipeline` holds no text of its own: its text, source
/// and gap are slices of storage shared by all the segments of its block (the
/// block's normalized and original bytes), so that preparing a document does
/// not allocate per segment. The `String` properties are made when read;
/// writers that work on bytes (`SegmentJSONL`) use the `…UTF8` slices.
public struct PreparedSegment: Sendable, Hashable {
    /// 1-based, in document order.
    public var id: Int
    /// 1-based paragraph number (paragraphs are separated by blank lines).
    public var paragraph: Int
    /// The prepared text as UTF-8: normalized, with glossary substitutions or
    /// placeholders applied. A slice of storage shared with the other segments
    /// of the block (its indices are those of that storage).
    public internal(set) var textUTF8: ArraySlice<UInt8>
    /// The original bytes of the segment, decoded, as UTF-8 (a slice of shared
    /// storage, like `textUTF8`).
    public internal(set) var sourceUTF8: ArraySlice<UInt8>
    /// UTF-8 byte offset of the segment's start in the original input.
    public var start: Int
    /// UTF-8 byte offset just past the segment's end in the original input.
    public var end: Int
    /// False for spans that must not be translated.
    public var translate: Bool
    /// The annotations, a slice of the block's annotations.
    var annotationSlice: ArraySlice<SegmentAnnotation>
    /// Normalization edits inside the segment.
    public var changes: [SegmentChange]
    /// The prepared text between the previous segment of the same paragraph
    /// and this one, as UTF-8 (a slice of shared storage, like `textUTF8`).
    public internal(set) var gapBeforeUTF8: ArraySlice<UInt8>

    /// Where the segment's text stands in the prepared (normalized) document,
    /// for restore: UTF-8 offsets within its block.
    var normalizedRange: Range<Int> = 0..<0

    /// The prepared text: normalized, with glossary substitutions or placeholders applied.
    ///
    /// Made from `textUTF8` each time it is read (O(length)).
    public var text: String {
        get { String(decoding: textUTF8, as: UTF8.self) }
        set { textUTF8 = ArraySlice(newValue.utf8) }
    }

    /// The original bytes of the segment, decoded.
    ///
    /// Made from `sourceUTF8` each time it is read (O(length)).
    public var source: String {
        get { String(decoding: sourceUTF8, as: UTF8.self) }
        set { sourceUTF8 = ArraySlice(newValue.utf8) }
    }

    /// Marked spans of `text`: glossary terms, protected spans, placeholders,
    /// in order of position.
    public var annotations: [SegmentAnnotation] {
        get { Array(annotationSlice) }
        set { annotationSlice = ArraySlice(newValue) }
    }

    /// The prepared text between the previous segment of the same paragraph
    /// and this one (spaces, a line break); empty for a paragraph's first segment.
    ///
    /// Made from `gapBeforeUTF8` each time it is read (O(length)).
    public var gapBefore: String {
        get { String(decoding: gapBeforeUTF8, as: UTF8.self) }
        set { gapBeforeUTF8 = ArraySlice(newValue.utf8) }
    }

    /// Creates a segment.
    public init(id: Int, paragraph: Int, text: String, source: String, start: Int, end: Int,
                translate: Bool = true, annotations: [SegmentAnnotation] = [], changes: [SegmentChange] = [],
                gapBefore: String = "") {
        self.init(id: id, paragraph: paragraph, textUTF8: ArraySlice(text.utf8), sourceUTF8: ArraySlice(source.utf8),
                  start: start, end: end, translate: translate, annotations: ArraySlice(annotations),
                  changes: changes, gapBeforeUTF8: ArraySlice(gapBefore.utf8))
    }

    /// Creates a segment over shared storage.
    init(id: Int, paragraph: Int, textUTF8: ArraySlice<UInt8>, sourceUTF8: ArraySlice<UInt8>, start: Int, end: Int,
         translate: Bool, annotations: ArraySlice<SegmentAnnotation>, changes: [SegmentChange],
         gapBeforeUTF8: ArraySlice<UInt8>) {
        self.id = id
        self.paragraph = paragraph
        self.textUTF8 = textUTF8
        self.sourceUTF8 = sourceUTF8
        self.start = start
        self.end = end
        self.translate = translate
        self.annotationSlice = annotations
        self.changes = changes
        self.gapBeforeUTF8 = gapBeforeUTF8
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
