/// One sentence found by a `Segmenter`: where it is in the input, and in which paragraph.
///
/// The range excludes the whitespace around the sentence; the gaps between
/// sentences hold only whitespace, so the sentences and the gaps together
/// rebuild the input exactly.
public struct Sentence: Sendable, Hashable {
    /// The UTF-8 byte offsets of the sentence in the input.
    public var utf8Range: Range<Int>
    /// The paragraph, counted from 1: a blank line starts the next one.
    public var paragraph: Int

    /// Creates a sentence.
    public init(utf8Range: Range<Int>, paragraph: Int) {
        self.utf8Range = utf8Range
        self.paragraph = paragraph
    }

    /// The sentence's range as `String.Index`es into `text`, the string it was found in.
    ///
    /// O(1) for native Swift strings.
    public func range(in text: String) -> Range<String.Index> {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: utf8Range.lowerBound)
        let end = utf8.index(start, offsetBy: utf8Range.count)
        return start..<end
    }

    /// The sentence's text in `text`, the string it was found in.
    public func text(in text: String) -> Substring {
        text[range(in: text)]
    }
}
