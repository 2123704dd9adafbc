import BulgarianText

/// Writes sentences as `bgtext segment` prints them: text (one per line,
/// blank lines between paragraphs) or JSON Lines.
struct SentenceWriter {
    let isJSON: Bool
    private var fileName: String?
    private var lastParagraph: Int?
    private var startsNewFile = false

    init(format: String, fileName: String?) {
        isJSON = format == "jsonl"
        self.fileName = fileName
    }

    /// Starts the sentences of the next input file.
    mutating func startFile(name: String?, isFirst: Bool) {
        fileName = name
        startsNewFile = !isFirst && lastParagraph != nil
        lastParagraph = nil
    }

    mutating func write(_ batch: SegmentationStream.Batch, to sink: OutputSink) throws(CLIError) {
        var output: [UInt8] = []
        format(batch, into: &output)
        try sink.write(output)
    }

    /// Appends the batch's lines to `output`.
    mutating func format(_ batch: SegmentationStream.Batch, into output: inout [UInt8]) {
        var line: [UInt8] = []
        for sentence in batch.sentences {
            line.removeAll(keepingCapacity: true)
            let bytes = batch.bytes(of: sentence)
            if isJSON {
                line += #"{"text":"#.utf8
                Self.appendJSONString(bytes, to: &line)
                line += #","paragraph":\#(sentence.paragraph),"start":\#(sentence.utf8Range.lowerBound),"end":\#(sentence.utf8Range.upperBound)"#.utf8
                if let fileName {
                    line += #","file":"#.utf8
                    Self.appendJSONString(Array(fileName.utf8)[...], to: &line)
                }
                line += "}\n".utf8
            } else {
                if startsNewFile || (lastParagraph != nil && lastParagraph != sentence.paragraph) {
                    line.append(0x0A)
                }
                let start = line.count
                line.append(contentsOf: bytes)
                line.withUnsafeMutableBufferPointer { buffer in
                    for index in start..<buffer.count where buffer[index] == 0x0A || buffer[index] == 0x0D {
                        buffer[index] = 0x20
                    }
                }
                line.append(0x0A)
            }
            startsNewFile = false
            lastParagraph = sentence.paragraph
            output += line
        }
    }

    /// The state after a batch whose last sentence is in `paragraph`, without
    /// formatting it (so that batches can be formatted in parallel).
    mutating func skip(toParagraph paragraph: Int?) {
        guard let paragraph else { return }
        startsNewFile = false
        lastParagraph = paragraph
    }

    /// Appends `bytes` as a JSON string literal (quotes, backslashes and control characters escaped).
    static func appendJSONString(_ bytes: ArraySlice<UInt8>, to line: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        line.append(0x22)
        var plain = bytes.startIndex
        for index in bytes.indices {
            let byte = bytes[index]
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F { continue }
            line.append(contentsOf: bytes[plain..<index])
            plain = index + 1
            switch byte {
            case 0x22: line += [0x5C, 0x22]
            case 0x5C: line += [0x5C, 0x5C]
            case 0x0A: line += [0x5C, 0x6E]
            case 0x0D: line += [0x5C, 0x72]
            case 0x09: line += [0x5C, 0x74]
            case 0x00..<0x20, 0x7F:
                line += Array(#"\u00"#.utf8)
                line.append(hex[Int(byte >> 4)])
                line.append(hex[Int(byte & 0x0F)])
            default: break
            }
        }
        line.append(contentsOf: bytes[plain...])
        line.append(0x22)
    }
}
