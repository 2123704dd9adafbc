import BulgarianText

/// Writes prepared blocks in one of `prep`'s formats, document after document.
struct PrepOutputWriter {
    let format: PrepOutputFormat
    let targetLanguage: String?
    let sink: OutputSink
    private var documents = 0
    private var lastParagraph = 0
    private var wroteSegment = false

    init(format: PrepOutputFormat, targetLanguage: String?, sink: OutputSink) {
        self.format = format
        self.targetLanguage = targetLanguage
        self.sink = sink
    }

    mutating func beginDocument(name: String, index: Int) throws(CLIError) {
        documents += 1
        lastParagraph = 0
        switch format {
        case .text:
            if wroteSegment { try sink.write("\n") }
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

    mutating func write(_ block: PreparedBlock) throws(CLIError) {
        switch format {
        case .text:
            for segment in block.segments {
                if wroteSegment && segment.paragraph != lastParagraph && lastParagraph != 0 { try sink.write("\n") }
                // One segment per line: a line break inside a segment (soft wrap) becomes a space.
                try sink.write(segment.text.utf8.lazy.map { $0 == 0x0A ? 0x20 : $0 })
                try sink.write("\n")
                lastParagraph = segment.paragraph
                wroteSegment = true
            }
        case .jsonl:
            var bytes: [UInt8] = []
            bytes.reserveCapacity(block.normalizedText.count * 3)
            for segment in block.segments { SegmentJSONL.write(segment, into: &bytes) }
            try sink.write(bytes)
        case .xliff:
            let writer = XLIFF2Writer(original: "", targetLanguage: targetLanguage)
            for (paragraph, segments) in block.paragraphs {
                try sink.write(writer.unit(paragraph: paragraph, segments: segments))
            }
        case .xliff12:
            let writer = XLIFF12Writer(original: "", targetLanguage: targetLanguage)
            for (paragraph, segments) in block.paragraphs {
                try sink.write(writer.unit(paragraph: paragraph, segments: segments))
            }
        }
    }

    mutating func endDocument() throws(CLIError) {
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
}
