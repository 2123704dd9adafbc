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
