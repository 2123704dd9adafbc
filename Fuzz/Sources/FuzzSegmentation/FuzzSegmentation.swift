import BulgarianText
import FuzzSupport

/// Segmenters built once: with and without the Bulgarian rules, soft wrap on and off.
private let segmenters: [Segmenter] = [
    try! Segmenter(),
    try! Segmenter(options: .init(softWrap: true)),
    try! Segmenter(options: .init(bulgarianRules: false)),
    try! Segmenter(options: .init(colonBreaks: true)),
]

/// Segmentation: sentences strictly increasing, never empty, inside the input,
/// only whitespace between them (so sentences and gaps rebuild the input);
/// the stream gives the same sentences as the one-shot call.

func fuzzSegmentation(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let segmenter = segmenters[Int(input.selector) % segmenters.count]
    let bytes = input.bytes
    guard let sentences = try? segmenter.sentences(inUTF8: bytes) else {
        fuzzCheck(input.validString == nil, "valid UTF-8 was rejected")
        return 0
    }
    fuzzCheck(input.validString != nil, "invalid UTF-8 was accepted")
    let gapBytes: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D]
    func isGap(_ range: Range<Int>) -> Bool {
        String(decoding: bytes[range], as: UTF8.self).unicodeScalars.allSatisfy {
            $0 == "\u{A0}" || $0.value < 0x80 && gapBytes.contains(UInt8($0.value))
        }
    }
    var position = 0
    var paragraph = 1
    for sentence in sentences {
        let range = sentence.utf8Range
        fuzzCheck(range.lowerBound >= position && range.upperBound <= bytes.count, "range \(range) out of order at \(position)")
        fuzzCheck(!range.isEmpty, "empty sentence at \(range.lowerBound)")
        fuzzCheck(isGap(position..<range.lowerBound), "text lost between sentences at \(position)")
        fuzzCheck(sentence.paragraph >= paragraph, "paragraph numbers go back at \(range.lowerBound)")
        paragraph = sentence.paragraph
        position = range.upperBound
    }
    fuzzCheck(isGap(position..<bytes.count), "text lost after the last sentence")
    var stream = segmenter.makeStream()
    var streamed: [Sentence] = []
    let cut = bytes.isEmpty ? 0 : Int(input.selector) % (bytes.count + 1)
    if let first = try? stream.feed(bytes[..<cut]), let second = try? stream.feed(bytes[cut...]),
       let last = try? stream.finish() {
        streamed = first.sentences + second.sentences + last.sentences
        fuzzCheck(streamed.map(\.utf8Range) == sentences.map(\.utf8Range), "the stream disagrees with the one-shot call")
    }
    return 0
}
