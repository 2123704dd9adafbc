import BulgarianText

/// `prep`'s output formats: the document frame (XLIFF header, `<file>`
/// elements, footer) written in order, and each block's body rendered on its
/// own (`render`), so that blocks can be rendered in parallel.
struct PrepOutputWriter {
    let format: PrepOutputFormat
    let targetLanguage: String?
    let sink: OutputSink
    private var documents = 0

    init(format: PrepOutputFormat, targetLanguage: String?, sink: OutputSink) {
        self.format = format
        self.targetLanguage = targetLanguage
        self.sink = sink
    }

    mutating func beginDocument(name: String, context: BlockRunner.Context) throws(CLIError) {
        documents += 1
        switch format {
        case .text:
            if context.wroteSegment { try sink.write("\n") }
        case .jsonl:
            break
        case .xliff:
            let writer = XLIFF2Writer(original: name, targetLanguage: targetLanguage)
            try sink.write(documents == 1 ? writer.header() : writer.fileStart(number: documents, original: name))
        case .xliff12:
            let writer = XLIFF12Writer(original: name, targetLanguage: targetLanguage)
            try sink.write(documents == 1 ? writer.header() : writer.fileStart(original: name))
        }
    }

    func endDocument() throws(CLIError) {
        switch format {
        case .xliff: try sink.write(XLIFF2Writer(original: "").fileEnd())
        case .xliff12: try sink.write(XLIFF12Writer(original: "").fileEnd())
        case .text, .jsonl: break
        }
    }

    func finish() throws(CLIError) {
        switch format {
        case .xliff, .xliff12: try sink.write("</xliff>\n")
        case .text, .jsonl: break
        }
    }

    /// The output of one numbered block; `context` tells what came before it
    /// (for the blank line between paragraphs of the text format).
    static func render(_ block: PreparedBlock, _ context: BlockRunner.Context,
                       format: PrepOutputFormat, targetLanguage: String?) -> [UInt8] {
        var bytes: [UInt8] = []
        switch format {
        case .text:
            var lastParagraph = context.lastParagraph
            var wroteSegment = context.wroteSegment && lastParagraph != 0
            for segment in block.segments {
                if wroteSegment && segment.paragraph != lastParagraph { bytes.append(0x0A) }
                // One segment per line: a line break inside a segment (soft wrap) becomes a space.
                bytes += segment.textUTF8.lazy.map { $0 == 0x0A ? 0x20 : $0 }
                bytes.append(0x0A)
                lastParagraph = segment.paragraph
                wroteSegment = true
            }
        case .jsonl:
            // JSONL with a large glossary runs to about 5.5 times the text.
            bytes.reserveCapacity(block.normalizedText.count * 6)
            for segment in block.segments { SegmentJSONL.write(segment, into: &bytes) }
        case .xliff:
            let writer = XLIFF2Writer(original: "", targetLanguage: targetLanguage)
            for (paragraph, segments) in block.paragraphs {
                bytes += writer.unit(paragraph: paragraph, segments: segments).utf8
            }
        case .xliff12:
            let writer = XLIFF12Writer(original: "", targetLanguage: targetLanguage)
            for (paragraph, segments) in block.paragraphs {
                bytes += writer.unit(paragraph: paragraph, segments: segments).utf8
            }
        }
        return bytes
    }
}
