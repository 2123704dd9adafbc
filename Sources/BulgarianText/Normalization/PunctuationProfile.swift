/// The punctuation profiles (`--profile typography|ascii`).
///
/// `typography`: a straight `"…"` pair becomes „…“, a hyphen with a space on
/// each side between words becomes an en dash (` – `), and `...` becomes `…`;
/// compound hyphens (г-н, министър-председател) are not spaced and stay.
/// `ascii`: „“”«» → `"`, ‘’‚ → `'`, – — → `-`, … → `...`, NBSP and U+202F
/// → space. Neither touches URLs, e-mail addresses or placeholders.
enum PunctuationProfile {
    /// Runs the step, or returns nil when it changes nothing.
    static func run(_ bytes: UnsafeBufferPointer<UInt8>, profile: NormalizationOptions.Profile) -> StageResult? {
        switch profile {
        case .typography: typography(bytes)
        case .ascii: ascii(bytes)
        }
    }

    private static let quote = UInt8(ascii: "\"")
    private static let hyphen = UInt8(ascii: "-")
    private static let dot = UInt8(ascii: ".")
    private static let space = UInt8(ascii: " ")

    // MARK: Typography

    /// The bytes the typography scan stops at: `"`, `-`, `.` and LF.
    private static let typographyStops: [Bool] = (0..<256).map { [0x22, 0x2D, 0x2E, 0x0A].contains($0) }

    private static func typography(_ bytes: UnsafeBufferPointer<UInt8>) -> StageResult? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var tokens = ProtectedTokenScan(bytes)
        func isProtected(_ offset: Int) -> Bool {
            tokens.overlapsProtectedSpan(offset..<offset + 1)
        }
        func isSpace(_ offset: Int) -> Bool {
            offset < 0 || offset >= count || base[offset] == space || base[offset] == 0x09 || base[offset] == 0x0A
        }
        func previousScalar(before offset: Int) -> UInt32 {
            offset == 0 ? 0x20 : UTF8Scalars.decode(base, at: UTF8Scalars.previousStart(base, before: offset, lowerBound: 0)).0
        }
        var edits: [(Range<Int>, [UInt8])] = []
        // Quotes that opened and wait for their closing one, innermost last;
        // a line end forgets them.
        var openQuotes: [Int] = []
        var index = 0
        typographyStops.withUnsafeBufferPointer { stops in
            while index < count {
                let byte = base[index]
                if !stops[Int(byte)] {
                    index += 1
                    continue
                }
                if byte == 0x0A {
                    openQuotes.removeAll(keepingCapacity: true)
                } else if byte == quote {
                    if !isProtected(index) {
                        let before = index - 1
                        let opensAfter = isSpace(before) || opensQuotation(previousScalar(before: index))
                        let opens = opensAfter && !isSpace(index + 1)
                        // Not before „ “ ”: a straight quote there would close a
                        // quotation a second pass opens at the „ just made.
                        let beforeCurlyQuote = index + 3 < count && base[index + 1] == 0xE2 && base[index + 2] == 0x80
                            && (0x9C...0x9E).contains(base[index + 3])
                        let closes = !isSpace(before) && !beforeCurlyQuote
                            && (isSpace(index + 1) || ".,;:!?)]}…-".utf8.contains(base[index + 1]) || base[index + 1] >= 0x80)
                        // Whether a quote opens or closes depends only on its
                        // neighbours, and this pass never changes that answer
                        // (it makes „ “ of quotes, – of a hyphen, … of dots, and
                        // each classifies as what it was made of). Pairing like
                        // brackets (a closing quote takes the innermost open one)
                        // leaves closing quotes that found none, then open quotes
                        // of which only the first can close: a second pass pairs
                        // nothing, so normalizing twice equals once.
                        if closes, let open = openQuotes.popLast() {
                            edits.append((open..<open + 1, [0xE2, 0x80, 0x9E]))   // „
                            edits.append((index..<index + 1, [0xE2, 0x80, 0x9C])) // “
                        } else if opens {
                            openQuotes.append(index)
                        }
                    }
                } else if byte == hyphen {
                    if index > 1 && index + 2 < count && base[index - 1] == space && base[index + 1] == space
                        && !isSpace(index - 2) && !isSpace(index + 2) && !isProtected(index) {
                        edits.append((index..<index + 1, [0xE2, 0x80, 0x93]))  // –
                    }
                } else if index + 2 < count && base[index + 1] == dot && base[index + 2] == dot {
                    var end = index + 3
                    while end < count && base[end] == dot { end += 1 }
                    // Exactly three dots: `....` and longer runs are someone's choice.
                    if end == index + 3 && (index == 0 || base[index - 1] != dot) && !isProtected(index) {
                        edits.append((index..<end, [0xE2, 0x80, 0xA6]))  // …
                    }
                    index = end
                    continue
                }
                index += 1
            }
        }
        guard !edits.isEmpty else { return nil }
        edits.sort { $0.0.lowerBound < $1.0.lowerBound }
        var writer = StageWriter(input: bytes)
        for (range, replacement) in edits { writer.replace(range, with: replacement, kind: .punctuation) }
        return writer.finish()
    }

    /// Whether a straight quote right after `scalar` opens a quotation:
    /// ( [ { - / – — « and the no-break spaces. Not „: a first pass may have
    /// made it of a straight quote, after which this one did not open.
    private static func opensQuotation(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x28, 0x5B, 0x7B, 0x2D, 0x2F, 0x2013, 0x2014, 0x00AB, 0x00A0, 0x202F: true
        default: false
        }
    }

    // MARK: ASCII

    private static func asciiReplacement(_ scalar: UInt32) -> [UInt8]? {
        switch scalar {
        case 0x201E, 0x201C, 0x201D, 0x00AB, 0x00BB: [quote]
        case 0x2018, 0x2019, 0x201A: [UInt8(ascii: "'")]
        case 0x2013, 0x2014: [hyphen]
        case 0x2026: [dot, dot, dot]
        case 0x00A0, 0x202F: [space]
        default: nil
        }
    }

    private static func ascii(_ bytes: UnsafeBufferPointer<UInt8>) -> StageResult? {
        guard let base = bytes.baseAddress else { return nil }
        var writer: StageWriter?
        var tokens = ProtectedTokenScan(bytes)
        var index = 0
        while index < bytes.count {
            let byte = base[index]
            if byte != 0xE2 && byte != 0xC2 {
                index += byte < 0x80 ? 1 : UTF8Scalars.length(lead: byte)
                continue
            }
            let (scalar, length) = UTF8Scalars.decode(base, at: index)
            if let replacement = asciiReplacement(scalar),
               !tokens.overlapsProtectedSpan(index..<index + length) {
                if writer == nil { writer = StageWriter(input: bytes) }
                writer!.replace(index..<index + length, with: replacement, kind: .punctuation)
            }
            index += length
        }
        return writer?.finish()
    }
}
