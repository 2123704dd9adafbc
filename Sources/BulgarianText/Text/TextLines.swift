extension StringProtocol where SubSequence == Substring {
    /// The text's lines, split at each line feed, each without a carriage
    /// return at its end, so that CR LF and LF files read alike. Empty lines
    /// are kept; text after the last line feed is the last line.
    ///
    /// (Splitting a `String` on the `Character` "\n" misses CR LF, which
    /// Swift reads as one character.)
    var lines: [Substring] {
        let whole = self[...]
        var result: [Substring] = []
        var start = whole.startIndex
        var index = whole.startIndex
        while index < whole.endIndex {
            if whole.unicodeScalars[index] == "\n" {
                var end = index
                if end > start, whole.unicodeScalars[whole.unicodeScalars.index(before: end)] == "\r" {
                    end = whole.unicodeScalars.index(before: end)
                }
                result.append(Substring(whole.unicodeScalars[start..<end]))
                start = whole.unicodeScalars.index(after: index)
            }
            index = whole.unicodeScalars.index(after: index)
        }
        var end = whole.endIndex
        if end > start, whole.unicodeScalars[whole.unicodeScalars.index(before: end)] == "\r" {
            end = whole.unicodeScalars.index(before: end)
        }
        result.append(Substring(whole.unicodeScalars[start..<end]))
        return result
    }
}
