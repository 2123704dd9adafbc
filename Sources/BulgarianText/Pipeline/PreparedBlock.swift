/// The prepared form of a block of whole paragraphs (or of a whole document):
/// its segments, the boilerplate taken out, and what restore needs to put a
/// translation back in the place of the segments.
public struct PreparedBlock: Sendable {
    /// The segments, in document order.
    public internal(set) var segments: [PreparedSegment]
    /// Boilerplate removed from the segments, in original coordinates.
    public internal(set) var boilerplate: [Boilerplate]
    /// How many paragraphs the block holds.
    public internal(set) var paragraphCount: Int
    /// The block after decoding and normalization, as UTF-8: the document
    /// that restore rebuilds.
    public let normalizedText: [UInt8]
    /// The length of the block in the original input.
    public let originalByteCount: Int

    /// The segments grouped by paragraph, in order.
    public var paragraphs: [(paragraph: Int, segments: [PreparedSegment])] {
        var groups: [(paragraph: Int, segments: [PreparedSegment])] = []
        for segment in segments {
            if groups.last?.paragraph == segment.paragraph {
                groups[groups.count - 1].segments.append(segment)
            } else {
                groups.append((segment.paragraph, [segment]))
            }
        }
        return groups
    }

    /// The block with segment ids and paragraph numbers moved up, for a block
    /// that follows `segmentOffset` segments and `paragraphOffset` paragraphs.
    /// Consuming the block spares a copy of its segments.
    public consuming func renumbered(segmentOffset: Int, paragraphOffset: Int) -> PreparedBlock {
        var copy = self
        if segmentOffset != 0 || paragraphOffset != 0 {
            for index in copy.segments.indices {
                copy.segments[index].id += segmentOffset
                copy.segments[index].paragraph += paragraphOffset
            }
        }
        return copy
    }

    /// The normalized block with each segment's text replaced by its
    /// translation (`targets` by segment id; a segment without one keeps its
    /// prepared text), placeholders resolved, and everything between the
    /// segments (spaces, line breaks, metadata, boilerplate) as it was.
    public func restored(_ targets: [Int: String]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(normalizedText.count + normalizedText.count / 4)
        var position = 0
        for segment in segments {
            output.append(contentsOf: normalizedText[position..<segment.normalizedRange.lowerBound])
            let target = targets[segment.id] ?? segment.text
            output.append(contentsOf: Placeholders.resolve(target, in: segment).utf8)
            position = segment.normalizedRange.upperBound
        }
        output.append(contentsOf: normalizedText[position...])
        return output
    }
}

/// Boilerplate taken out of the segments.
public struct Boilerplate: Sendable, Hashable {
    /// UTF-8 byte offset in the original input.
    public var start: Int
    /// UTF-8 byte offset just past it in the original input.
    public var end: Int
    /// The text (after normalization).
    public var text: String
}

/// Resolving `⟦N⟧` placeholders in a translated segment.
enum Placeholders {
    /// `text` with each placeholder of `segment` replaced by its target; a
    /// placeholder the segment does not define stays as it is.
    static func resolve(_ text: String, in segment: PreparedSegment) -> String {
        var targets: [Int: String] = [:]
        for annotation in segment.annotations {
            if case .placeholder(let id, _, let target) = annotation.kind { targets[id] = target }
        }
        guard !targets.isEmpty else { return text }
        var output = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "⟦") {
            output += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "⟧"), let number = Int(rest[afterOpen..<close]),
               let target = targets[number] {
                output += target
                rest = rest[rest.index(after: close)...]
            } else {
                output += "⟦"
                rest = rest[afterOpen...]
            }
        }
        return output + rest
    }
}
