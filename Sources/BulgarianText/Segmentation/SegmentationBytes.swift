/// Read-only access to the UTF-8 bytes being segmented: the only place in
/// segmentation that touches a raw pointer.
///
/// Every read is bounds-checked in debug builds; the hot loop in release
/// builds reads straight from memory. The bytes must be valid UTF-8 and stay
/// alive while the value is used.
struct SegmentationBytes {
    private let base: UnsafePointer<UInt8>
    /// The number of bytes.
    let count: Int

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        // A valid pointer even for empty input, so that reads never need a nil check.
        base = buffer.baseAddress ?? UnsafePointer(bitPattern: 0x10)!
        count = buffer.count
    }

    @inline(__always) subscript(_ index: Int) -> UInt8 {
        assert(index >= 0 && index < count, "segmentation read out of bounds")
        return base[index]
    }

    /// Eight bytes from `index` as one little-endian word (`index + 8 <= count`).
    @inline(__always) func word(at index: Int) -> UInt64 {
        assert(index >= 0 && index + 8 <= count, "segmentation read out of bounds")
        return UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of every byte of `word` that the rules look at: `-` `.`
    /// `/` digits `:` (0x2D … 0x3A) or E2, the lead of `…` and the dashes.
    /// Every such byte is flagged; a byte above a flagged one may be flagged
    /// too (a borrow), so callers check the byte itself.
    @inline(__always) static func candidateMask(_ word: UInt64) -> UInt64 {
        // Bytes strictly between 0x2C and 0x3B among those below 0x80 (Bit Twiddling Hacks, "hasbetween").
        let low = word & (ones &* 127)
        let between = ((ones &* (127 + 0x3B)) &- low) & ~word & (low &+ ones &* (127 - 0x2C)) & highBits
        let e2 = word ^ (ones &* 0xE2)
        let hasE2 = (e2 &- ones) & ~e2 & highBits
        return between | hasE2
    }

    /// The UTF-16 code units of the characters whose lead bytes are in `word`.
    @inline(__always) static func utf16Count(_ word: UInt64) -> Int {
        let continuation = word & ~(word << 1) & highBits
        let fourByteLeads = word & (word << 1) & (word << 2) & (word << 3) & highBits
        // Sum the flags with one multiply: the baseline x86-64 target has no POPCNT.
        let continuations = Int(truncatingIfNeeded: ((continuation >> 7) &* ones) >> 56)
        let surrogatePairs = Int(truncatingIfNeeded: ((fourByteLeads >> 7) &* ones) >> 56)
        return 8 - continuations + surrogatePairs
    }

    /// The bytes `range` as a buffer, for the protected-span scanner.
    func buffer(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        return UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    /// FNV-1a over `range`: the key of the abbreviation index.
    @inline(__always) func hash(_ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in range {
            hash = (hash ^ UInt64(self[index])) &* 0x100_0000_01b3
        }
        return hash
    }

    /// Whether `range` holds exactly `bytes`.
    @inline(__always) func equals(_ range: Range<Int>, _ bytes: [UInt8]) -> Bool {
        guard range.count == bytes.count else { return false }
        var offset = 0
        for index in range {
            if self[index] != bytes[offset] { return false }
            offset += 1
        }
        return true
    }

    // MARK: Character classes (byte checks, no decoding)

    /// The length of the whitespace character at `index` (ASCII space and
    /// controls \t \n \v \f \r, NO-BREAK SPACE), or 0.
    @inline(__always) func whitespaceLength(at index: Int) -> Int {
        let byte = self[index]
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return 1 }
        if byte == 0xC2 && index + 1 < count && self[index + 1] == 0xA0 { return 2 }
        return 0
    }

    /// The length of the whitespace character that ends at `end`, or 0.
    @inline(__always) func whitespaceLength(endingAt end: Int) -> Int {
        let byte = self[end - 1]
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return 1 }
        if byte == 0xA0 && end >= 2 && self[end - 2] == 0xC2 { return 2 }
        return 0
    }

    /// The length of the closing quote or bracket that ends at `end`
    /// (`" ' ) ] » “ ” ’`), or 0. In Bulgarian `“` closes a quotation opened by `„`.
    @inline(__always) func closerLength(endingAt end: Int) -> Int {
        let byte = self[end - 1]
        switch byte {
        case 0x22, 0x27, 0x29, 0x5D: return 1
        case 0xBB: return end >= 2 && self[end - 2] == 0xC2 ? 2 : 0
        case 0x9C, 0x9D, 0x99:
            return end >= 3 && self[end - 3] == 0xE2 && self[end - 2] == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// The length of the closing quote or bracket at `index`, or 0.
    @inline(__always) func closerLength(at index: Int) -> Int {
        guard index < count else { return 0 }
        let byte = self[index]
        switch byte {
        case 0x22, 0x27, 0x29, 0x5D: return 1
        case 0xC2: return index + 1 < count && self[index + 1] == 0xBB ? 2 : 0
        case 0xE2:
            guard index + 2 < count, self[index + 1] == 0x80 else { return 0 }
            let last = self[index + 2]
            return last == 0x9C || last == 0x9D || last == 0x99 ? 3 : 0
        default: return 0
        }
    }

    /// The length of the opening quote or bracket at `index` (`" ' ( [ « „`), or 0.
    @inline(__always) func openerLength(at index: Int) -> Int {
        guard index < count else { return 0 }
        let byte = self[index]
        switch byte {
        case 0x22, 0x27, 0x28, 0x5B: return 1
        case 0xC2: return index + 1 < count && self[index + 1] == 0xAB ? 2 : 0
        case 0xE2: return index + 2 < count && self[index + 1] == 0x80 && self[index + 2] == 0x9E ? 3 : 0
        default: return 0
        }
    }

    /// The length of the dash at `index` (`-`, `–`, `—`), or 0.
    @inline(__always) func dashLength(at index: Int) -> Int {
        guard index < count else { return 0 }
        let byte = self[index]
        if byte == 0x2D { return 1 }
        if byte == 0xE2 && index + 2 < count && self[index + 1] == 0x80
            && (self[index + 2] == 0x93 || self[index + 2] == 0x94) { return 3 }
        return 0
    }

    /// Whether the text at `index` is `…` (U+2026).
    @inline(__always) func isEllipsis(at index: Int) -> Bool {
        index + 2 < count && self[index] == 0xE2 && self[index + 1] == 0x80 && self[index + 2] == 0xA6
    }

    /// Whether `index` starts a capital letter (Latin A–Z or Cyrillic U+0400–U+042F).
    @inline(__always) func isUppercaseLetter(at index: Int) -> Bool {
        guard index < count else { return false }
        let byte = self[index]
        if byte >= 0x41 && byte <= 0x5A { return true }
        return byte == 0xD0 && index + 1 < count && self[index + 1] >= 0x80 && self[index + 1] <= 0xAF
    }

    /// Whether `index` starts a small letter (Latin a–z or Cyrillic U+0430–U+045F).
    @inline(__always) func isLowercaseLetter(at index: Int) -> Bool {
        guard index < count else { return false }
        let byte = self[index]
        if byte >= 0x61 && byte <= 0x7A { return true }
        guard index + 1 < count else { return false }
        let next = self[index + 1]
        return (byte == 0xD0 && next >= 0xB0 && next <= 0xBF) || (byte == 0xD1 && next >= 0x80 && next <= 0x9F)
    }

    /// The length of the word character (letter, digit, `.` or `-`) that ends
    /// at `end`, or 0: the characters of an abbreviation or a number.
    @inline(__always) func tokenCharacterLength(endingAt end: Int) -> Int {
        let byte = self[end - 1]
        if byte < 0x80 {
            let lower = byte | 0x20
            return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2E || byte == 0x2D ? 1 : 0
        }
        // Cyrillic letters are two bytes, D0 80 … D1 BF; other scripts end a token.
        guard end >= 2, byte & 0xC0 == 0x80 else { return 0 }
        let lead = self[end - 2]
        return lead == 0xD0 || lead == 0xD1 ? 2 : 0
    }

    /// Whether `range` holds only ASCII digits and dots, with at least one digit.
    func isNumber(_ range: Range<Int>) -> Bool {
        var digits = 0
        for index in range {
            let byte = self[index]
            if byte >= 0x30 && byte <= 0x39 { digits += 1 } else if byte != 0x2E { return false }
        }
        return digits > 0
    }

    /// Whether `range` is a short Roman numeral in Latin capitals (`II`, `XIV`).
    func isRomanNumeral(_ range: Range<Int>) -> Bool {
        guard range.count >= 1 && range.count <= 6 else { return false }
        return range.allSatisfy { "IVXLC".utf8.contains(self[$0]) }
    }

    /// Whether `range` is one capital letter: 0 no, 1 Cyrillic, 2 Latin.
    func initialScript(_ range: Range<Int>) -> Int {
        if range.count == 1 && self[range.lowerBound] >= 0x41 && self[range.lowerBound] <= 0x5A { return 2 }
        if range.count == 2 && self[range.lowerBound] == 0xD0 && isUppercaseLetter(at: range.lowerBound) { return 1 }
        return 0
    }

    /// The number of line feeds in `range`.
    func newlineCount(_ range: Range<Int>) -> Int {
        var lines = 0
        for index in range where self[index] == 0x0A { lines += 1 }
        return lines
    }
}
