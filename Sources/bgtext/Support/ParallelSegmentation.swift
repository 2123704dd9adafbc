import BulgarianText
import Dispatch
import Synchronization

/// `bgtext segment --jobs N`: reads large blocks, cuts them into parts at line
/// breaks that are always boundaries (any line break; with soft wrap, a
/// blank line), segments the parts on N cores, and writes them in input order
/// with paragraph numbers carried across parts.
///
/// A line longer than `4 × partSize` is cut at a space, so that memory stays bounded.
struct ParallelSegmentation {
    let segmenter: Segmenter
    let jobs: Int
    let lossy: Bool

    static let partSize = 1 << 21

    private struct Part: Sendable {
        var range: Range<Int>
        var sentences: [Sentence] = []
        var failure: String?
    }

    /// Segments `input` and writes its sentences through `writer` to `sink`.
    ///
    /// Per block: parts are segmented in parallel, their paragraph numbers
    /// stitched in order, their lines formatted in parallel, and written in order.
    func run(_ input: InputSource, writer: inout SentenceWriter, sink: OutputSink) throws {
        var buffer: [UInt8] = []
        var bufferOffset = 0
        var repair = LossyUTF8Stream()
        var stitch = ParagraphStitch()
        var atEnd = false
        while !atEnd || !buffer.isEmpty {
            // Room for `jobs` parts and for the longest part (4 × partSize) to find its end.
            while !atEnd && buffer.count < (jobs + 4) * Self.partSize {
                if let chunk = try input.read(upTo: 1 << 20) {
                    buffer += lossy ? repair.feed(chunk) : chunk
                } else {
                    atEnd = true
                    if lossy { buffer += repair.finish() }
                }
            }
            var parts: [Part] = []
            var start = 0
            while start < buffer.count {
                guard let end = cut(buffer, from: start, atEnd: atEnd) else { break }
                parts.append(Part(range: start..<end))
                start = end
            }
            var results = segment(buffer, parts, baseOffset: bufferOffset)
            var writers: [SentenceWriter] = []
            for index in results.indices {
                if let failure = results[index].failure {
                    throw CLIError(message: "\(input.name): \(failure)", code: .dataError)
                }
                results[index].sentences = stitch.renumber(results[index].sentences, in: buffer[results[index].range],
                                                           offset: bufferOffset + results[index].range.lowerBound)
                writers.append(writer)
                writer.skip(toParagraph: results[index].sentences.last?.paragraph)
            }
            for lines in format(buffer, results, writers, baseOffset: bufferOffset) {
                try sink.write(lines)
            }
            buffer.removeFirst(start)
            bufferOffset += start
            if atEnd && start == 0 && !buffer.isEmpty { buffer.removeAll() }
        }
    }

    /// Each part's output lines, formatted in parallel, each part by a writer
    /// in the state the parts before it leave.
    private func format(_ buffer: [UInt8], _ parts: [Part], _ writers: [SentenceWriter], baseOffset: Int) -> [[UInt8]] {
        let results = Mutex([[UInt8]](repeating: [], count: parts.count))
        DispatchQueue.concurrentPerform(iterations: parts.count) { number in
            let part = parts[number]
            var writer = writers[number]
            var lines: [UInt8] = []
            writer.format(SegmentationStream.Batch(startOffset: baseOffset + part.range.lowerBound,
                                                   bytes: Array(buffer[part.range]), sentences: part.sentences),
                          into: &lines)
            results.withLock { $0[number] = lines }
        }
        return results.withLock { $0 }
    }

    /// The end of the part that starts at `start`: after a line break that is
    /// always a boundary, or nil when the buffer needs more input first.
    private func cut(_ buffer: [UInt8], from start: Int, atEnd: Bool) -> Int? {
        let ideal = start + Self.partSize
        if ideal >= buffer.count { return atEnd ? buffer.count : nil }
        let longest = min(buffer.count, start + 4 * Self.partSize)
        var index = ideal
        while index < longest {
            if buffer[index] == 0x0A && (!segmenter.options.softWrap || isBlankLineEnd(buffer, index)) { return index + 1 }
            index += 1
        }
        if longest < buffer.count || atEnd {
            // No line break for a long way: cut at a space.
            var space = ideal
            while space > start + 1 && buffer[space - 1] != 0x20 { space -= 1 }
            if space == start + 1 {
                space = ideal
                while buffer[space] & 0xC0 == 0x80 { space -= 1 }
            }
            return space
        }
        return nil
    }

    private func isBlankLineEnd(_ buffer: [UInt8], _ newline: Int) -> Bool {
        var index = newline
        while index > 0 {
            index -= 1
            switch buffer[index] {
            case 0x20, 0x09, 0x0D: continue
            case 0x0A: return true
            default: return false
            }
        }
        return false
    }

    private func segment(_ buffer: [UInt8], _ parts: [Part], baseOffset: Int) -> [Part] {
        let results = Mutex(parts)
        let segmenter = self.segmenter
        DispatchQueue.concurrentPerform(iterations: parts.count) { number in
            var part = parts[number]
            do {
                part.sentences = try segmenter.sentences(inUTF8: Array(buffer[part.range]))
            } catch let error as InvalidUTF8Error {
                var shifted = error
                shifted.byteOffset += baseOffset + part.range.lowerBound
                part.failure = "\(shifted); use --lossy to replace invalid bytes with U+FFFD"
            } catch {
                part.failure = "\(error)"
            }
            results.withLock { $0[number] = part }
        }
        return results.withLock { $0 }
    }
}

/// Carries paragraph numbers across parts segmented separately.
struct ParagraphStitch {
    private var paragraph = 0
    private var hasEmitted = false
    private var pendingNewlines = 0

    /// The part's sentences (offsets relative to `bytes`, the part) with offsets in the whole input and paragraph numbers continued from the parts before.
    mutating func renumber(_ sentences: [Sentence], in bytes: ArraySlice<UInt8>, offset: Int) -> [Sentence] {
        guard let first = sentences.first, let last = sentences.last else {
            pendingNewlines += bytes.count { $0 == 0x0A }
            return []
        }
        let leading = bytes[..<(bytes.startIndex + first.utf8Range.lowerBound)].count { $0 == 0x0A }
        let base = !hasEmitted ? 0 : (pendingNewlines + leading >= 2 ? paragraph : paragraph - 1)
        let result = sentences.map { sentence in
            Sentence(utf8Range: (sentence.utf8Range.lowerBound + offset)..<(sentence.utf8Range.upperBound + offset),
                     paragraph: sentence.paragraph + base)
        }
        paragraph = result.last!.paragraph
        hasEmitted = true
        pendingNewlines = bytes[(bytes.startIndex + last.utf8Range.upperBound)...].count { $0 == 0x0A }
        return result
    }
}
