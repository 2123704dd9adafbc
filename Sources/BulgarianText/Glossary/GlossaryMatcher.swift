/// One occurrence of a glossary term in a text.
public struct GlossaryMatch: Sendable, Hashable {
    /// UTF-8 byte offsets of the matched text.
    public var range: Range<Int>
    /// The index of the entry in `Glossary.entries`.
    public var entryIndex: Int
    /// Which form of the entry matched.
    public var kind: BulgarianInflection.FormKind

    /// Creates a match.
    public init(range: Range<Int>, entryIndex: Int, kind: BulgarianInflection.FormKind) {
        self.range = range
        self.entryIndex = entryIndex
        self.kind = kind
    }
}

extension Glossary {
    /// The matches in a string, in order (UTF-8 byte offsets).
    public func matches(in text: String) -> [GlossaryMatch] {
        var copy = text
        return copy.withUTF8 { matches(inUTF8: $0) }
    }

    /// The matches in UTF-8 text, in order.
    public func matches(inUTF8 text: UnsafeBufferPointer<UInt8>) -> [GlossaryMatch] {
        var result: [GlossaryMatch] = []
        forEachMatch(inUTF8: text) { result.append($0) }
        return result
    }

    /// Calls `body` with each match in UTF-8 text, left to right.
    ///
    /// One pass over the text: at each place a word can start, the trie of
    /// all forms is walked as far as the text allows, and the longest form
    /// that ends at a word boundary and passes its entry's case check wins
    /// (leftmost-longest, no overlaps); when several entries match the same
    /// text, the higher `priority`, then the longer source, then the earlier
    /// entry wins. Word characters are letters, marks and decimal digits
    /// (Unicode general categories); a term never starts or ends between two
    /// of them. A run of white space in the text matches the single space of
    /// a term. Nothing matches inside a URL, an e-mail address or a
    /// placeholder (`ProtectedSpanScanner`). Invalid UTF-8 never matches and
    /// never crashes. Time is linear in the text times the longest walk;
    /// memory is constant apart from the protected spans of the text.
    public func forEachMatch(inUTF8 text: UnsafeBufferPointer<UInt8>, _ body: (GlossaryMatch) throws -> Void) rethrows {
        try scan(text) { raw in
            let pattern = automaton.patterns[Int(raw.pattern)]
            try body(GlossaryMatch(range: raw.start..<raw.end, entryIndex: Int(pattern.entry),
                                   kind: BulgarianInflection.FormKind(index: pattern.kind)))
        }
    }

    /// A match as the scanner reports it, with the case of the matched text.
    struct RawMatch {
        var start: Int
        var end: Int
        var pattern: UInt32
        var entry: UInt32
        /// No lower-case letter and at least two capitals.
        var allCapitals: Bool
        /// The first character is a capital.
        var firstUppercase: Bool
    }

    /// The matcher behind `forEachMatch(inUTF8:_:)`. `known`: the text's protected
    /// spans when the caller has already found them (nil: find them here).
    func scan(_ text: UnsafeBufferPointer<UInt8>, protectedSpans known: [ProtectedSpan]? = nil,
              _ body: (RawMatch) throws -> Void) rethrows {
        guard let base = text.baseAddress, !text.isEmpty else { return }
        let count = text.count
        let spans = known ?? (Self.mayHaveProtectedSpans(text) ? ProtectedSpanScanner.spans(inUTF8: text) : [])
        var spanIndex = 0
        var nextSpan = spans.first?.range.lowerBound ?? Int.max
        try scalarTable.bmp.withUnsafeBufferPointer { bmp in
            let lookup = GlossaryLookup(bmp: bmp.baseAddress!, table: scalarTable)
            let automaton = self.automaton
            var index = 0
            var previousIsWord = false
            while index < count {
                if index >= nextSpan {
                    index = spans[spanIndex].range.upperBound
                    spanIndex += 1
                    nextSpan = spanIndex < spans.count ? spans[spanIndex].range.lowerBound : Int.max
                    if index > 0 && index <= count {
                        let start = UTF8Scalars.previousStart(base, before: index, lowerBound: 0)
                        let (scalar, _) = lookup.decode(base, at: start, count: count)
                        previousIsWord = lookup.entry(scalar) & GlossaryScalarTable.word != 0
                    }
                    continue
                }
                let (scalar, length) = lookup.decode(base, at: index, count: count)
                let info = lookup.entry(scalar)
                let isWord = info & GlossaryScalarTable.word != 0
                if !(isWord && previousIsWord), let first = automaton.rootChild(Int(info & 0xFFFF)) {
                    var found = Self.longest(automaton, base, count: count, start: index, firstLength: length,
                                             firstInfo: info, node: first, limit: nextSpan, lookup: lookup)
                    if found.end > index {
                        found.start = index
                        try body(found)
                        index = found.end
                        // The match's last character decides whether a word continues.
                        let start = UTF8Scalars.previousStart(base, before: index, lowerBound: 0)
                        let (last, _) = lookup.decode(base, at: start, count: count)
                        previousIsWord = lookup.entry(last) & GlossaryScalarTable.word != 0
                        continue
                    }
                }
                previousIsWord = isWord
                index += length
                if isWord {
                    // No term starts inside a word: skip the rest of it, two
                    // bytes at a time through Cyrillic letters (U+0400–U+047F,
                    // lead bytes D0 and D1, all letters) and one at a time
                    // through ASCII letters and digits, without decoding.
                    let stop = Swift.min(count, nextSpan)
                    while index < stop {
                        let byte = base[index]
                        if byte == 0xD0 || byte == 0xD1 {
                            guard index + 1 < stop, base[index + 1] & 0xC0 == 0x80 else { break }
                            index += 2
                        } else if byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 {
                            index += 1
                        } else {
                            break
                        }
                    }
                }
            }
        }
    }

    /// The longest acceptable form starting at `start`, whose first scalar is
    /// already consumed into `node`; `end` is 0 when there is none.
    @inline(__always)
    private static func longest(_ automaton: GlossaryAutomaton, _ base: UnsafePointer<UInt8>, count: Int, start: Int,
                                firstLength: Int, firstInfo: UInt32, node first: UInt32, limit: Int,
                                lookup: GlossaryLookup) -> RawMatch {
        let nodes = automaton.nodes
        var node = Int(first)
        var walk = GlossaryWalk(base: base, end: min(count, limit), position: start + firstLength, firstInfo: firstInfo)
        var best = RawMatch(start: start, end: 0, pattern: 0, entry: 0, allCapitals: false, firstUppercase: walk.firstUpper)
        while true {
            // The node's parts, read in order (see `GlossaryAutomaton`).
            let header = nodes[node]
            var cursor = node &+ 1
            if header & GlossaryAutomaton.runFlag != 0 {
                let runLength = Int(nodes[cursor])
                cursor &+= 1
                for index in 0..<runLength {
                    let symbol = walk.nextSymbol(lookup)
                    if symbol == 0 || symbol != automaton.runSymbol(cursor, index) { return best }
                }
                cursor &+= (runLength &+ 1) >> 1
            }
            let terminalCount = Int((header >> 16) & UInt32(GlossaryAutomaton.maximumTerminalCount))
            if terminalCount != 0 && walk.position <= limit
                && !(walk.lastIsWord && walk.position < count && lookup.isWord(base, at: walk.position, count: count)) {
                for slot in stride(from: cursor, to: cursor &+ 2 &* terminalCount, by: 2) {
                    let word = nodes[slot]
                    let passes: Bool
                    switch word >> 30 {
                    case UInt32(GlossaryPattern.CaseCheck.any.rawValue):
                        passes = true
                    case UInt32(GlossaryPattern.CaseCheck.lowerInitialOrCapitals.rawValue):
                        passes = !walk.upperAfterFirst || !walk.anyLower
                    case UInt32(GlossaryPattern.CaseCheck.titleOrCapitals.rawValue):
                        passes = (walk.firstUpper && !walk.upperAfterFirst) || !walk.anyLower
                    default:
                        passes = exactlyEqual(automaton, base, start..<walk.position,
                                              automaton.patterns[Int(nodes[slot &+ 1])], lookup: lookup)
                    }
                    if passes {
                        best.end = walk.position
                        best.pattern = nodes[slot &+ 1]
                        best.entry = word & 0x3FFF_FFFF
                        best.allCapitals = !walk.anyLower && walk.firstUpper && walk.upperAfterFirst
                        break
                    }
                }
            }
            cursor &+= 2 &* terminalCount
            let edgeField = header & 0xFFFF
            guard edgeField != 0 else { return best }
            let symbol = walk.nextSymbol(lookup)
            guard symbol != 0 else { return best }
            if edgeField == GlossaryAutomaton.tableEdges {
                // The first symbol and the span, then a child per symbol.
                let range = nodes[cursor]
                let distance = UInt32(symbol) &- (range & 0xFFFF)
                guard distance < range >> 16 else { return best }
                let next = nodes[cursor &+ 1 &+ Int(distance)]
                guard next != 0 else { return best }
                node = Int(next)
            } else {
                guard let next = automaton.child(pairs: cursor, count: Int(edgeField), symbol) else { return best }
                node = Int(next)
            }
        }
    }

    /// Whether the text equals the pattern's form, a run of white space in
    /// the text standing for the form's single space.
    private static func exactlyEqual(_ automaton: GlossaryAutomaton, _ base: UnsafePointer<UInt8>, _ range: Range<Int>,
                                     _ pattern: GlossaryPattern, lookup: GlossaryLookup) -> Bool {
        let form = automaton.exactText + Int(pattern.textOffset)
        let formCount = Int(pattern.textLength)
        var textIndex = range.lowerBound
        var formIndex = 0
        while textIndex < range.upperBound && formIndex < formCount {
            let (scalar, length) = lookup.decode(base, at: textIndex, count: range.upperBound)
            if lookup.entry(scalar) & GlossaryScalarTable.whitespace != 0 {
                guard form[formIndex] == 0x20 else { return false }
                formIndex += 1
                textIndex += length
                while textIndex < range.upperBound {
                    let (next, nextLength) = lookup.decode(base, at: textIndex, count: range.upperBound)
                    guard lookup.entry(next) & GlossaryScalarTable.whitespace != 0 else { break }
                    textIndex += nextLength
                }
                continue
            }
            guard formIndex + length <= formCount else { return false }
            for offset in 0..<length where base[textIndex + offset] != form[formIndex + offset] { return false }
            textIndex += length
            formIndex += length
        }
        return textIndex == range.upperBound && formIndex == formCount
    }

    /// Whether the scanner could find anything: a URL needs `://`, `www.`
    /// or `mailto:`, an e-mail address `@`, a placeholder `{`, `%` before a
    /// digit or conversion letter, or `⟦`. Most prose has none of them and
    /// skips the scan.
    static func mayHaveProtectedSpans(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = text.count
        guard let base = text.baseAddress else { return false }
        var index = 0
        while index < count {
            // Eight bytes at a time: none of them can start a sign unless one
            // is `%`, 0xE2, or ASCII from `:` to `{` (which has `@`, `w`, `W`).
            if index & 7 == 0 && index + 8 <= count
                && !mayStartSpan(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = text[index]
            // Most bytes are letters: one table look-up rules them out.
            if spanTriggers[Int(byte)] == 0 {
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "@"), UInt8(ascii: "{"):
                return true
            case UInt8(ascii: "%"):
                if index + 1 < count, "0123456789sdifu@".utf8.contains(text[index + 1]) { return true }
            case UInt8(ascii: ":"):
                if index + 2 < count && text[index + 1] == UInt8(ascii: "/") && text[index + 2] == UInt8(ascii: "/") { return true }
                if index >= 6 && text[index - 1] | 0x20 == UInt8(ascii: "o") { return true }
            case UInt8(ascii: "w"), UInt8(ascii: "W"):
                if index + 3 < count && text[index + 1] | 0x20 == UInt8(ascii: "w") && text[index + 2] | 0x20 == UInt8(ascii: "w")
                    && text[index + 3] == UInt8(ascii: ".") {
                    return true
                }
            case 0xE2:
                if index + 2 < count && text[index + 1] == 0x9F && text[index + 2] == 0xA6 { return true }
            default:
                break
            }
            index += 1
        }
        return false
    }
}

/// Whether one of the eight bytes of `word` is `%`, 0xE2 or in `:`...`{`
/// (a superset of the bytes `spanTriggers` marks).
@inline(__always)
func mayStartSpan(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let ascii = word & ~highs
    // With the high bit clear, adding 0x46 sets it from 0x3A up, adding 0x04 from 0x7C up.
    let range = (ascii &+ 0x46 &* ones) & ~(ascii &+ 0x04 &* ones) & ~word & highs
    let percent = word ^ (0x25 &* ones)
    let e2 = word ^ (0xE2 &* ones)
    let zeros = ((percent &- ones) & ~percent | (e2 &- ones) & ~e2) & highs
    return range | zeros != 0
}

/// The bytes that can start a protected span's tell-tale sign (1), others 0.
private let spanTriggers: [UInt8] = (0..<256).map { byte in
    "@{%:wW".utf8.contains(UInt8(byte)) || byte == 0xE2 ? 1 : 0
}

/// The state of one walk down the trie: where it is in the text and what
/// case the letters read so far had.
///
/// Nothing takes the walk by reference outside the inlined fast path (the
/// slow path returns what it read), so the compiler can keep all of it in
/// registers; positions step with wrapping arithmetic, as they never pass
/// `end`.
struct GlossaryWalk {
    let base: UnsafePointer<UInt8>
    /// Where the walk must stop: the end of the text or the next protected span.
    let end: Int
    var position: Int
    /// The table entry of the last character read (of a run of white space, its first).
    var lastInfo: UInt32
    let firstUpper: Bool
    /// The table entries of the letters after the first, or'ed together.
    var laterClasses: UInt32 = 0
    let firstLower: Bool

    /// The last character read is a word character.
    var lastIsWord: Bool { lastInfo & GlossaryScalarTable.word != 0 }
    /// A capital after the first letter.
    var upperAfterFirst: Bool { laterClasses & GlossaryScalarTable.uppercase != 0 }
    /// A lower-case letter anywhere.
    var anyLower: Bool { firstLower || laterClasses & GlossaryScalarTable.lowercase != 0 }

    @inline(__always)
    init(base: UnsafePointer<UInt8>, end: Int, position: Int, firstInfo: UInt32) {
        self.base = base
        self.end = end
        self.position = position
        lastInfo = firstInfo
        firstUpper = firstInfo & GlossaryScalarTable.uppercase != 0
        firstLower = firstInfo & GlossaryScalarTable.lowercase != 0
    }

    /// Reads the next symbol (a run of white space is one space), or returns
    /// 0 at the end or at a scalar no term contains.
    @inline(__always)
    mutating func nextSymbol(_ lookup: GlossaryLookup) -> UInt16 {
        // The common cases inline: a two-byte letter (Cyrillic) or an ASCII
        // character that is not white space, with a byte after it.
        if position &+ 1 < end {
            let lead = base[position]
            var info: UInt32
            var length: Int
            if lead < 0x80 {
                info = lookup.bmp[Int(lead)]
                length = 1
            } else {
                let next = base[position &+ 1]
                guard lead >= 0xC2 && lead < 0xE0 && next & 0xC0 == 0x80 else { return slowly(lookup) }
                info = lookup.bmp[Int(UInt32(lead & 0x1F) << 6 | UInt32(next & 0x3F))]
                length = 2
            }
            if info & GlossaryScalarTable.whitespace == 0 { return accept(info, length: length) }
            // One white-space character before a Cyrillic letter or an ASCII
            // character that is not white space (the space between two words).
            if position &+ length < end {
                let following = base[position &+ length]
                if following == 0xD0 || following == 0xD1
                    || (following < 0x80 && lookup.bmp[Int(following)] & GlossaryScalarTable.whitespace == 0) {
                    position &+= length
                    lastInfo = info
                    return GlossaryScalarTable.spaceSymbol
                }
            }
        }
        return slowly(lookup)
    }

    /// Steps over a scalar that is not white space: its symbol (0, and no
    /// step, when no term contains it), with the walk's state updated.
    @inline(__always)
    private mutating func accept(_ info: UInt32, length: Int) -> UInt16 {
        let symbol = UInt16(truncatingIfNeeded: info)
        if symbol == 0 { return 0 }
        position &+= length
        lastInfo = info
        laterClasses |= info
        return symbol
    }

    /// The slow path's result applied to the walk.
    @inline(__always)
    private mutating func slowly(_ lookup: GlossaryLookup) -> UInt16 {
        let (info, length) = Self.readSlowly(base, at: position, end: end, lookup: lookup)
        guard length > 0 else { return 0 }
        if info & GlossaryScalarTable.whitespace != 0 {
            position &+= length
            lastInfo = info
            return GlossaryScalarTable.spaceSymbol
        }
        return accept(info, length: length)
    }

    /// `nextSymbol` for white space, the end of the text, scalars of three
    /// or four bytes and invalid UTF-8: the table entry of what is at
    /// `position` and the bytes it takes (a whole run of white space; 0 at
    /// the end).
    @inline(never)
    static func readSlowly(_ base: UnsafePointer<UInt8>, at position: Int, end: Int,
                           lookup: GlossaryLookup) -> (info: UInt32, length: Int) {
        if position >= end { return (0, 0) }
        let (scalar, length) = lookup.decode(base, at: position, count: end)
        let info = lookup.entry(scalar)
        guard info & GlossaryScalarTable.whitespace != 0 else { return (info, length) }
        var next = position + length
        while next < end {
            let (following, followingLength) = lookup.decode(base, at: next, count: end)
            guard lookup.entry(following) & GlossaryScalarTable.whitespace != 0 else { break }
            next += followingLength
        }
        return (info, next - position)
    }
}

/// The hot loop's view of a `GlossaryScalarTable`.
struct GlossaryLookup {
    let bmp: UnsafePointer<UInt32>
    let table: GlossaryScalarTable

    @inline(__always)
    func entry(_ codePoint: UInt32) -> UInt32 {
        codePoint < 0x10000 ? bmp[Int(codePoint)] : table.entry(codePoint)
    }

    /// Whether the scalar at `index` is a word character.
    @inline(__always)
    func isWord(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> Bool {
        let (scalar, _) = decode(base, at: index, count: count)
        return entry(scalar) & GlossaryScalarTable.word != 0
    }

    /// The scalar at `index` and its length; a malformed or cut-off sequence
    /// reads as U+FFFD of length 1, so invalid input can never be read past its end.
    @inline(__always)
    func decode(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> (UInt32, Int) {
        let lead = base[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 {
            // Two bytes: all of Cyrillic, the common case.
            guard lead >= 0xC2, index + 1 < count else { return (0xFFFD, 1) }
            let next = base[index + 1]
            guard next & 0xC0 == 0x80 else { return (0xFFFD, 1) }
            return ((UInt32(lead & 0x1F) << 6) | UInt32(next & 0x3F), 2)
        }
        let length = UTF8Scalars.length(lead: lead)
        guard lead >= 0xC2, lead <= 0xF4, index + length <= count else { return (0xFFFD, 1) }
        for offset in 1..<length where base[index + offset] & 0xC0 != 0x80 { return (0xFFFD, 1) }
        return (UTF8Scalars.decode(base, at: index).0, length)
    }
}
