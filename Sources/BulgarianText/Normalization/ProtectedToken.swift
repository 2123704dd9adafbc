/// Asks `ProtectedSpanScanner` about one place only: URLs, e-mail addresses
/// and placeholders never contain a space, so scanning the space-delimited
/// token around a candidate gives the same answer as scanning the whole text,
/// at a cost that does not grow with the text.
enum ProtectedToken {
    /// The space-delimited token around `range`. NBSP and U+202F delimit too:
    /// `--profile ascii` turns them into spaces, and a token must not change
    /// when that happens (or normalizing twice would differ from once).
    static func token(around range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        func isSpace(endingAt end: Int) -> Bool {
            let byte = bytes[end - 1]
            if byte <= 0x20 { return true }
            if byte == 0xA0 && end >= 2 && bytes[end - 2] == 0xC2 { return true }
            return byte == 0xAF && end >= 3 && bytes[end - 2] == 0x80 && bytes[end - 3] == 0xE2
        }
        func spaceLength(at start: Int) -> Int {
            let byte = bytes[start]
            if byte <= 0x20 { return 1 }
            if byte == 0xC2 && start + 1 < bytes.count && bytes[start + 1] == 0xA0 { return 2 }
            if byte == 0xE2 && start + 2 < bytes.count && bytes[start + 1] == 0x80 && bytes[start + 2] == 0xAF { return 3 }
            return 0
        }
        var start = range.lowerBound
        while start > 0 && !isSpace(endingAt: start) { start -= 1 }
        var end = range.upperBound
        while end < bytes.count && spaceLength(at: end) == 0 { end += 1 }
        return start..<end
    }

    /// Whether `range` overlaps a protected span of the token around it once
    /// each letter in `folding` is replaced by its image (a look-alike in the
    /// other script). Mixed-script repair asks this way: it only ever swaps
    /// letters for such look-alikes, so with every look-alike folded to one
    /// script, the spans it sees are the same before and after it repairs a
    /// word. (Without folding, repairing one word could move where an ASCII
    /// token starts or ends — `FВp---p---FВp`: the first `В` cut the token at
    /// `F`, so `--p---F` started a token of its own and looked like a
    /// command-line flag — and a second pass would repair the second word.)
    static func overlapsProtectedSpan(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>,
                                      folding: [UInt32: UInt32]) -> Bool {
        let around = token(around: range, in: bytes)
        let base = bytes.baseAddress!
        var folded: [UInt8] = []
        folded.reserveCapacity(around.count)
        var local = 0..<0
        var index = around.lowerBound
        while index < around.upperBound {
            if index == range.lowerBound { local = folded.count..<folded.count }
            let (scalar, length) = UTF8Scalars.decode(base, at: index)
            if let image = folding[scalar], let replacement = Unicode.Scalar(image) {
                folded.append(contentsOf: UTF8.encode(replacement)!)
            } else {
                folded.append(contentsOf: UnsafeBufferPointer(start: base + index, count: length))
            }
            index += length
            if index == range.upperBound { local = local.lowerBound..<folded.count }
        }
        return folded.withUnsafeBufferPointer { token in
            ProtectedSpanScanner.spans(inUTF8: token).contains { $0.range.overlaps(local) }
        }
    }

    /// Whether any byte of `range` lies in a protected span.
    static func overlapsProtectedSpan(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let around = token(around: range, in: bytes)
        let start = around.lowerBound
        let end = around.upperBound
        let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let local = (range.lowerBound - start)..<(range.upperBound - start)
        return ProtectedSpanScanner.spans(inUTF8: token).contains { $0.range.overlaps(local) }
    }
}
