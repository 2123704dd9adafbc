/// `ProtectedToken.overlapsProtectedSpan` for a step that asks about many
/// places of one text, left to right: each space-delimited token is found and
/// scanned for protected spans once, however many questions fall in it, so a
/// step costs time linear in the text even when the text is one long token
/// (minified JSON, a line without spaces). Asking about each place on its own
/// costs the length of its token every time: 12 s for 90 KB of JSON without
/// a space under `--profile typography`, and hours for megabytes.
///
/// The answers are those of `ProtectedToken.overlapsProtectedSpan(_:in:)`, or
/// of `overlapsProtectedSpan(_:in:folding:)` when `folding` is given.
struct ProtectedTokenScan {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let folding: [UInt32: UInt32]?
    /// The current token, its spans (in the folded token's coordinates when
    /// folding) and whether it has one of the characters that make a token
    /// code-like for mixed-script repair.
    private var token = 0..<0
    private var spans: [Range<Int>] = []
    private var firstSpan = 0
    /// Whether the current token was found for a range without a delimiter
    /// (it is then one whole space-delimited token).
    private var tokenIsPlain = false
    private(set) var tokenHasCodeCharacter = false
    /// With folding: an offset in the token and the same place in the folded token.
    private var original = 0
    private var folded = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, folding: [UInt32: UInt32]? = nil) {
        self.bytes = bytes
        self.folding = folding
    }

    /// Whether any byte of `range` lies in a protected span of its token.
    mutating func overlapsProtectedSpan(_ range: Range<Int>) -> Bool {
        enter(range)
        var local = (range.lowerBound - token.lowerBound)..<(range.upperBound - token.lowerBound)
        if folding != nil {
            let start = foldedOffset(range.lowerBound)
            local = start..<foldedOffset(range.upperBound)
        }
        // Spans are in order and do not overlap; questions come left to right.
        if firstSpan > 0 && spans[firstSpan - 1].upperBound > local.lowerBound { firstSpan = 0 }
        while firstSpan < spans.count && spans[firstSpan].upperBound <= local.lowerBound { firstSpan += 1 }
        return firstSpan < spans.count && spans[firstSpan].overlaps(local)
    }

    /// The token around `range` (the same as `ProtectedToken.token(around:in:)`).
    mutating func token(around range: Range<Int>) -> Range<Int> {
        enter(range)
        return token
    }

    /// Makes the token around `range` the current one. A range without a
    /// delimiter inside a token found for such a range has that token; a
    /// range with one (an NBSP that `--profile ascii` replaces) joins the
    /// tokens on either side and is looked up on its own.
    private mutating func enter(_ range: Range<Int>) {
        let plain = !containsDelimiter(range)
        if plain && tokenIsPlain && range.lowerBound >= token.lowerBound && range.upperBound <= token.upperBound
            && !token.isEmpty {
            return
        }
        token = ProtectedToken.token(around: range, in: bytes)
        tokenIsPlain = plain
        firstSpan = 0
        original = token.lowerBound
        folded = 0
        let codeCharacters = ProtectedTokenScan.codeCharacters
        tokenHasCodeCharacter = bytes[token].contains { codeCharacters[Int($0)] }
        guard let folding else {
            spans = ProtectedSpanScanner.spans(inUTF8: UnsafeBufferPointer(rebasing: bytes[token])).map(\.range)
            return
        }
        var foldedBytes: [UInt8] = []
        foldedBytes.reserveCapacity(token.count)
        var index = token.lowerBound
        while index < token.upperBound {
            let length = Self.append(at: index, folding, bytes, to: &foldedBytes)
            index += length
        }
        spans = foldedBytes.withUnsafeBufferPointer { ProtectedSpanScanner.spans(inUTF8: $0).map(\.range) }
    }

    /// Whether `range` holds a byte that delimits tokens: white space or a
    /// control (≤ 0x20), NBSP or U+202F (as `ProtectedToken.token(around:in:)`).
    private func containsDelimiter(_ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte <= 0x20 { return true }
            if byte == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xA0 { return true }
            if byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xAF { return true }
            index += 1
        }
        return false
    }

    /// Where an offset of the current token lies in the folded token (offsets
    /// asked in increasing order cost nothing more than the walk between them).
    private mutating func foldedOffset(_ offset: Int) -> Int {
        if offset < original {
            original = token.lowerBound
            folded = 0
        }
        var scratch: [UInt8] = []
        while original < offset {
            scratch.removeAll(keepingCapacity: true)
            let length = Self.append(at: original, folding!, bytes, to: &scratch)
            original += length
            folded += scratch.count
        }
        return folded
    }

    /// Appends the scalar at `index`, folded, and returns its length in the text.
    private static func append(at index: Int, _ folding: [UInt32: UInt32], _ bytes: UnsafeBufferPointer<UInt8>,
                               to output: inout [UInt8]) -> Int {
        let base = bytes.baseAddress!
        let (scalar, length) = UTF8Scalars.decode(base, at: index)
        if let image = folding[scalar], let replacement = Unicode.Scalar(image) {
            output.append(contentsOf: UTF8.encode(replacement)!)
        } else {
            output.append(contentsOf: UnsafeBufferPointer(start: base + index, count: length))
        }
        return length
    }

    /// `_ / \ = < > { } # $ @ | ~ ^ *` and the backquote.
    private static let codeCharacters: [Bool] = (0..<256).map { "_/\\=<>{}#$@|~^*`".utf8.contains(UInt8($0)) }
}
