/// How one rewriting step moved text: a sorted list of segments that say which
/// bytes of the step's input became which bytes of its output. Bytes outside
/// every segment were copied unchanged.
///
/// A segment may be subdivided into `count` equal units (for example a run of
/// single-byte characters that each became two UTF-8 bytes), so that offsets
/// inside it map exactly instead of being rounded out to the whole segment.
struct OffsetMap: Sendable {
    struct Segment: Sendable, Equatable {
        var input: Range<Int>
        var output: Range<Int>
        /// The number of equal units both ranges are made of; 1 for an ordinary edit.
        var count: Int = 1
    }

    private(set) var segments: [Segment] = []

    /// Appends a segment after all earlier ones (in input and in output
    /// order). A segment right after one of the same unit sizes extends it,
    /// which loses nothing: offsets inside a run of units map exactly.
    mutating func append(input: Range<Int>, output: Range<Int>) {
        if let last = segments.last, !input.isEmpty, !output.isEmpty,
           last.input.upperBound == input.lowerBound, last.output.upperBound == output.lowerBound,
           last.input.count == last.count * input.count, last.output.count == last.count * output.count {
            segments[segments.count - 1] = Segment(
                input: last.input.lowerBound..<input.upperBound,
                output: last.output.lowerBound..<output.upperBound,
                count: last.count + 1)
            return
        }
        segments.append(Segment(input: input, output: output))
    }

    var isIdentity: Bool { segments.isEmpty }

    /// The input offset where output that starts at `offset` starts: deleted
    /// bytes just before it are left out, a unit it falls inside is taken whole.
    func inputLowerBound(_ offset: Int) -> Int {
        // The first segment that ends after `offset`.
        var low = 0
        var high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].output.upperBound > offset { high = middle } else { low = middle + 1 }
        }
        if low < segments.count, segments[low].output.lowerBound <= offset {
            let segment = segments[low]
            if segment.count > 1 {
                let outputUnit = segment.output.count / segment.count
                let inputUnit = segment.input.count / segment.count
                return segment.input.lowerBound + (offset - segment.output.lowerBound) / outputUnit * inputUnit
            }
            return segment.input.lowerBound
        }
        guard low > 0 else { return offset }
        let previous = segments[low - 1]
        return offset - previous.output.upperBound + previous.input.upperBound
    }

    /// The input offset where output that ends at `offset` ends: deleted bytes
    /// just after it are left out, a unit it falls inside is taken whole.
    func inputUpperBound(_ offset: Int) -> Int {
        // The last segment that starts before `offset`.
        var low = 0
        var high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].output.lowerBound < offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return offset }
        let segment = segments[low - 1]
        if offset <= segment.output.upperBound {
            if segment.count > 1 {
                let outputUnit = segment.output.count / segment.count
                let inputUnit = segment.input.count / segment.count
                let units = (offset - segment.output.lowerBound + outputUnit - 1) / outputUnit
                return segment.input.lowerBound + units * inputUnit
            }
            return segment.input.upperBound
        }
        return offset - segment.output.upperBound + segment.input.upperBound
    }

    /// The input range that became `range` of the output. An empty range maps
    /// to an empty range at its lower bound.
    func inputRange(_ range: Range<Int>) -> Range<Int> {
        let lower = inputLowerBound(range.lowerBound)
        if range.isEmpty { return lower..<lower }
        return lower..<max(lower, inputUpperBound(range.upperBound))
    }
}
