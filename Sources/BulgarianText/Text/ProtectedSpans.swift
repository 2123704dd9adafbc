/// Spans of text that no capability may change or split: URLs, e-mail
/// addresses, and placeholders such as `{1}`, `%s` or `⟦3⟧`.
///
/// Segmentation never breaks inside them, glossary matching never matches
/// inside them, and normalization's opt-in repairs never touch them.
public struct ProtectedSpan: Sendable, Hashable {
    /// What the span is.
    public enum Kind: String, Sendable, Hashable {
        /// `https://…`, `ftp://…`, `www.…`.
        case url
        /// `name@example.bg`.
        case email
        /// `{1}`, `{name}`, `%s`, `%1$d`, `⟦1⟧`.
        case placeholder
        /// Code-like tokens: `snake_case`, `getElementById`, `parse()`,
        /// `--dry-run`, `std::vector`, `a->b`.
        case code
    }

    /// The kind of span.
    public var kind: Kind
    /// UTF-8 byte offsets of the span in the text it was found in.
    public var range: Range<Int>

    /// Creates a span.
    public init(kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

/// Finds `ProtectedSpan`s in UTF-8 text in one left-to-right pass.
public enum ProtectedSpanScanner {
    /// The spans in `text`, in order and without overlaps.
    public static func spans(in text: String) -> [ProtectedSpan] {
        var copy = text
        return copy.withUTF8 { spans(inUTF8: $0) }
    }

    /// The spans in UTF-8 bytes, with byte offsets, in order and without overlaps.
    public static func spans(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [ProtectedSpan] {
        var result: [ProtectedSpan] = []
        var index = 0
        let count = bytes.count
        let raw = UnsafeRawPointer(bytes.baseAddress)
        while index < count {
            // Most bytes (Cyrillic, spaces, digits, most punctuation) can start
            // nothing: skip eight such bytes at a time.
            if let raw {
                while index + 8 <= count && !mayStartSpan(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index += 8
                }
                if index >= count { break }
            }
            let byte = bytes[index]
            if byte >= 0x80 && byte != 0xE2 {
                index += 1
                continue
            }
            // Every scheme starts with f, h, m or w; only those letters can start a URL.
            let lower = byte | 0x20
            if lower == UInt8(ascii: "h") || lower == UInt8(ascii: "w") || lower == UInt8(ascii: "f") || lower == UInt8(ascii: "m"),
               index == 0 || !continuesToken(bytes, before: index), let end = urlEnd(bytes, from: index) {
                result.append(ProtectedSpan(kind: .url, range: index..<end))
                index = end
                continue
            }
            if byte == UInt8(ascii: "@"), let span = email(bytes, at: index, after: result.last?.range.upperBound ?? 0) {
                result.append(span)
                index = span.range.upperBound
                continue
            }
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "%") || byte == 0xE2, let end = placeholderEnd(bytes, from: index) {
                result.append(ProtectedSpan(kind: .placeholder, range: index..<end))
                index = end
                continue
            }
            if isASCIILetter(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_"),
               index == 0 || !continuesToken(bytes, before: index) {
                let end = tokenEnd(bytes, from: index)
                if isCode(bytes, index..<end) {
                    result.append(ProtectedSpan(kind: .code, range: index..<end))
                }
                index = max(end, index + 1)
                continue
            }
            index += 1
        }
        return result
    }

    /// Whether some byte of `word` may start a span: an ASCII letter, `@`,
    /// `_`, `{` (all of 0x40–0x7F but DEL), `%`, `-`, or 0xE2 (`⟦`). DEL counts
    /// too, which only costs a slower step.
    @inline(__always) private static func mayStartSpan(_ word: UInt64) -> Bool {
        let upperASCII = ByteSearch.hasZeroByte((word & ByteSearch.broadcast(0xC0)) ^ ByteSearch.broadcast(0x40))
        let others = ByteSearch.hasZeroByte(word ^ ByteSearch.broadcast(0x25))
            | ByteSearch.hasZeroByte(word ^ ByteSearch.broadcast(0x2D))
            | ByteSearch.hasZeroByte(word ^ ByteSearch.broadcast(0xE2))
        return upperASCII | others != 0
    }

    // MARK: URLs

    private static let schemes: [[UInt8]] = ["https://", "http://", "ftp://", "ftps://", "file://", "mailto:", "www."].map { Array($0.utf8) }

    private static func urlEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var matched: [UInt8]?
        for scheme in schemes where start + scheme.count < bytes.count {
            var equal = true
            for (offset, expected) in scheme.enumerated() where lowercased(bytes[start + offset]) != expected {
                equal = false
                break
            }
            if equal { matched = scheme; break }
        }
        guard let scheme = matched else { return nil }
        var end = start + scheme.count
        // A URL runs to the first space or control character, or to a
        // character that cannot appear in one unescaped (quotes, angle brackets).
        while end < bytes.count {
            let byte = bytes[end]
            if byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "`") {
                break
            }
            // Non-ASCII punctuation such as „ “ « » … ends a URL; letters do not (IDNs).
            if byte >= 0xE2 && byte <= 0xE3 { break }
            end += 1
        }
        // Sentence punctuation and an unmatched closing bracket after a URL are not part of it.
        while end > start + scheme.count {
            let last = bytes[end - 1]
            if ".,;:!?'".utf8.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ")") && !contains(bytes, UInt8(ascii: "("), in: start..<end) {
                end -= 1
            } else {
                break
            }
        }
        return end > start + scheme.count ? end : nil
    }

    // MARK: E-mail addresses

    private static func email(_ bytes: UnsafeBufferPointer<UInt8>, at: Int, after floor: Int) -> ProtectedSpan? {
        var start = at
        while start > floor && isLocalPartByte(bytes[start - 1]) { start -= 1 }
        while start < at && bytes[start] == UInt8(ascii: ".") { start += 1 }
        guard start < at else { return nil }
        var end = at + 1
        var lastDot = -1
        while end < bytes.count && (isASCIIAlphanumeric(bytes[end]) || bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: ".")) {
            if bytes[end] == UInt8(ascii: ".") { lastDot = end }
            end += 1
        }
        while end > at + 1 && bytes[end - 1] == UInt8(ascii: ".") {
            end -= 1
            lastDot = -1
            for index in (at + 1)..<end where bytes[index] == UInt8(ascii: ".") { lastDot = index }
        }
        // A domain with a dot and a top-level part of two or more letters.
        guard lastDot > at + 1, end - lastDot - 1 >= 2,
              (lastDot + 1..<end).allSatisfy({ isASCIILetter(bytes[$0]) }) else { return nil }
        return ProtectedSpan(kind: .email, range: start..<end)
    }

    // MARK: Code-like tokens

    /// The end of the ASCII token at `start`: letters, digits and the
    /// punctuation code uses inside names, without sentence punctuation at its end.
    private static func tokenEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        while end < bytes.count, isASCIIAlphanumeric(bytes[end]) || "_-.:/()<>$#".utf8.contains(bytes[end]) {
            end += 1
        }
        while end > start, ".,;:!?".utf8.contains(bytes[end - 1]) || (bytes[end - 1] == UInt8(ascii: ")") && !contains(bytes, UInt8(ascii: "("), in: start..<end - 1)) {
            end -= 1
        }
        return end
    }

    /// Whether an ASCII token looks like code rather than a word or a name.
    private static func isCode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count >= 3 else { return false }
        // An e-mail address's local part is the e-mail scanner's.
        if range.upperBound < bytes.count && bytes[range.upperBound] == UInt8(ascii: "@") { return false }
        let token = UnsafeBufferPointer(rebasing: bytes[range])
        func has(_ first: UInt8, _ second: UInt8) -> Bool {
            (0..<(token.count - 1)).contains { token[$0] == first && token[$0 + 1] == second }
        }
        if has(UInt8(ascii: "("), UInt8(ascii: ")")) || has(UInt8(ascii: ":"), UInt8(ascii: ":"))
            || has(UInt8(ascii: "-"), UInt8(ascii: ">")) {
            return true
        }
        if token[0] == UInt8(ascii: "-") && token[1] == UInt8(ascii: "-") && isASCIILetter(token[2]) { return true }
        for index in 1..<(token.count - 1) where token[index] == UInt8(ascii: "_")
            && isASCIIAlphanumeric(token[index - 1]) && isASCIIAlphanumeric(token[index + 1]) {
            return true
        }
        // camelCase with at least two humps after a lower-case start: getElementById (not iPhone, McDonald).
        guard token[0] >= UInt8(ascii: "a") && token[0] <= UInt8(ascii: "z") else { return false }
        var humps = 0
        for index in 1..<token.count where token[index] >= UInt8(ascii: "A") && token[index] <= UInt8(ascii: "Z")
            && token[index - 1] >= UInt8(ascii: "a") && token[index - 1] <= UInt8(ascii: "z") {
            humps += 1
        }
        return humps >= 2
    }

    // MARK: Placeholders

    private static func placeholderEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let byte = bytes[start]
        if byte == UInt8(ascii: "{") {
            // {1}, {name}, {{name}}
            var end = start + 1
            if end < bytes.count && bytes[end] == UInt8(ascii: "{") { end += 1 }
            let nameStart = end
            while end < bytes.count && (isASCIIAlphanumeric(bytes[end]) || bytes[end] == UInt8(ascii: "_")) && end - nameStart < 64 {
                end += 1
            }
            guard end > nameStart, end < bytes.count, bytes[end] == UInt8(ascii: "}") else { return nil }
            end += 1
            if nameStart - start == 2 {
                guard end < bytes.count, bytes[end] == UInt8(ascii: "}") else { return nil }
                end += 1
            }
            return end
        }
        if byte == UInt8(ascii: "%") {
            // %s, %d, %1$s, %@
            var end = start + 1
            while end < bytes.count && isASCIIDigit(bytes[end]) { end += 1 }
            if end > start + 1 {
                guard end < bytes.count, bytes[end] == UInt8(ascii: "$") else { return nil }
                end += 1
            }
            guard end < bytes.count, "sdifu@".utf8.contains(bytes[end]) else { return nil }
            end += 1
            if end < bytes.count && isASCIILetter(bytes[end]) { return nil }
            return end
        }
        if byte == 0xE2 && start + 2 < bytes.count && bytes[start + 1] == 0x9F && bytes[start + 2] == 0xA6 {
            // ⟦1⟧ (U+27E6 … U+27E7): bgtext's own placeholders.
            var end = start + 3
            while end < bytes.count && isASCIIDigit(bytes[end]) && end - start < 16 { end += 1 }
            guard end > start + 3, end + 3 <= bytes.count,
                  bytes[end] == 0xE2, bytes[end + 1] == 0x9F, bytes[end + 2] == 0xA7 else { return nil }
            return end + 3
        }
        return nil
    }

    // MARK: Bytes

    @inline(__always) private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
    @inline(__always) private static func isASCIIDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
    @inline(__always) private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || isASCIIDigit(byte)
    }
    @inline(__always) private static func lowercased(_ byte: UInt8) -> UInt8 {
        isASCIILetter(byte) ? byte | 0x20 : byte
    }
    /// Whether the character before `index` belongs to the same token
    /// (a letter, digit, `/` or `.`), so that a URL cannot start at `index`.
    private static func continuesToken(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
        let previous = bytes[index - 1]
        if previous < 0x80 {
            return isASCIIAlphanumeric(previous) || previous == UInt8(ascii: "/") || previous == UInt8(ascii: ".")
        }
        let start = UTF8Scalars.previousStart(bytes.baseAddress!, before: index, lowerBound: 0)
        guard UTF8Validation.sequenceLength(bytes, at: start) == index - start else { return false }
        let (scalar, _) = UTF8Scalars.decode(bytes.baseAddress!, at: start)
        return ScalarClassTable.shared.classes(scalar) & (ScalarClassTable.letter | ScalarClassTable.mark) != 0
    }
    @inline(__always) private static func isLocalPartByte(_ byte: UInt8) -> Bool {
        isASCIIAlphanumeric(byte) || "._%+-".utf8.contains(byte)
    }
    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ byte: UInt8, in range: Range<Int>) -> Bool {
        range.contains { bytes[$0] == byte }
    }
}
