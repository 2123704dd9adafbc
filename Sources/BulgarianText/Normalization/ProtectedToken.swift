/// Asks `ProtectedSpanScanner` about one place only: URLs, e-mail addresses
/// and placeholders never contain a space, so scanning the space-delimited
/// token around a candidate gives the same answer as scanning the whole text,
/// at a cost that does not grow with the text.
enum ProtectedToken {
    /// Whether any byte of `range` lies in a protected span.
    static func overlapsProtectedSpan(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = range.lowerBound
        while start > 0 && bytes[start - 1] > 0x20 { start -= 1 }
        var end = range.upperBound
        while end < bytes.count && bytes[end] > 0x20 { end += 1 }
        let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let local = (range.lowerBound - start)..<(range.upperBound - start)
        return ProtectedSpanScanner.spans(inUTF8: token).contains { $0.range.overlaps(local) }
    }
}
