/// One segment of a prepared document: a sentence to translate, or a span
/// that must not be translated (a metadata line, a URL on its own).
public struct PreparedSegment: Sendable, Hashable {
    /// 1-based, in document order.
    public var id: Int
    /// 1-based paragraph number (paragraphs are separated by blank lines).
    public var paragraph: Int
    /// The prepared text: normalized, with glossary substitutions or placeholders applied.
    public var text: String
    /// The original bytes of the segment, decoded.
    public var source: String
    /// UTF-8 byte offset of the segment's start in the original input.
    public var start: Int
    /// UTF-8 byte offset just past the segment's end in the original input.
    public var end: Int
    /// False for spans that must not be translated.
    public var translate: Bool
    /// Marked spans of `text`: glossary terms, protected spans, placeholders.
    public var annotations: [SegmentAnnotation]
    /// Normalization edits inside the segment.
    public var changes: [SegmentChange]
    /// The prepared text between the previous segment of the same paragraph
    /// and this one (spaces, a line break); empty for a paragraph's first segment.
    public var gapBefore: String

    /// Where the segment's text stands in the prepared (normalized) document,
    /// for restore: UTF-8 offsets within its block.
    var normalizedRange: Range<Int> = 0..<0

    /// Creates a segment.
    public init(id: Int, paragraph: Int, text: String, source: String, start: Int, end: Int,
                translate: Bool = true, annotations: [SegmentAnnotation] = [], changes: [SegmentChange] = [],
                gapBefore: String = "") {
        self.id = id
        self.paragraph = paragraph
        self.text = text
        self.source = source
        self.start = start
        self.end = end
        self.translate = translate
        self.annotations = annotations
        self.changes = changes
        self.gapBefore = gapBefore
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
