/// One task's segmentation machinery: its own ICU sentence iterator (with
/// its UTF-16 buffer) and the shared, immutable rules.
///
/// Not thread-safe: `SegmentationEnginePool` hands each call an engine of its own.
///
/// The text is cut into windows of at most `windowSize` bytes. Each window is
/// converted to UTF-16 by ICU in one call, ICU's iterator proposes boundaries,
/// and one forward pass maps them back to UTF-8 offsets while it looks for the
/// candidates ICU never proposes (`…`, a dialogue dash after `.` `!` `?`). The
/// Bulgarian rules then decide each candidate with a few byte checks.
final class SegmentationEngine {
    /// The paragraph bookkeeping carried from one call to the next (streams).
    struct State: Sendable {
        /// The paragraph of the last sentence, counted from 1.
        var paragraph = 1
        /// Whether a sentence has been emitted: blank lines before the first one start no paragraph.
        var hasEmitted = false
        /// Line feeds in the whitespace since the last sentence.
        var gapNewlines = 0
    }

    /// The largest window, in bytes; also the longest sentence (a longer one is cut at a space).
    static let windowSize = 1 << 20
    /// Boundaries this close to a window's end wait for the next window, so
    /// that ICU and the rules see what follows them.
    static let margin = 512

    let rules: SegmentationRules
    let iterator: ICUBreakIterator

    init(rules: SegmentationRules, iterator: ICUBreakIterator) {
        self.rules = rules
        self.iterator = iterator
    }

    /// Segments `text` and appends its sentences, with `base` added to their
    /// offsets. Returns the offset where the unfinished text starts: `text.count`
    /// when `isFinal`, else the start of the last sentence, which may go on.
    func run(_ text: SegmentationBytes, base: Int, isFinal: Bool,
             state: inout State, into output: inout [Sentence]) throws(ICUError) -> Int {
        var start = 0
        while start < text.count {
            let length = text.whitespaceLength(at: start)
            if length == 0 { break }
            if text[start] == 0x0A { state.gapNewlines += 1 }
            start += length
        }
        var windowStart = start
        while windowStart < text.count {
            var windowEnd = min(text.count, windowStart + Self.windowSize)
            while windowEnd < text.count && windowEnd > windowStart && text[windowEnd] & 0xC0 == 0x80 { windowEnd -= 1 }
            let isLastWindow = isFinal && windowEnd == text.count
            let limit = isLastWindow ? text.count : windowEnd - Self.margin
            var scan = BoundaryScan(text: text, rules: rules, base: base, sentenceStart: windowStart,
                                    windowEnd: windowEnd, limit: limit, isLastWindow: isLastWindow,
                                    state: state, output: output)
            output = []
            if limit > windowStart {
                try iterator.setText(utf8: text.buffer(windowStart..<windowEnd)) { units in
                    if rules.softWrap { Self.unwrapSingleLineBreaks(units) }
                }
                scan.run(iterator)
            }
            if isLastWindow { scan.finishText() }
            if !isLastWindow && scan.sentenceStart == windowStart && windowEnd < text.count {
                // A full window without a boundary: cut the sentence rather than hold it all.
                scan.forceCut(before: limit)
            }
            state = scan.state
            output = scan.output
            if isLastWindow { return text.count }
            if windowEnd == text.count || scan.sentenceStart == windowStart { return scan.sentenceStart }
            windowStart = scan.sentenceStart
        }
        return isFinal ? text.count : windowStart
    }

    /// With soft wrap, a single line break (not part of a blank line) becomes
    /// a space for ICU, so that it does not end the sentence by itself.
    static func unwrapSingleLineBreaks(_ units: UnsafeMutableBufferPointer<UInt16>) {
        @inline(__always) func isBlank(_ unit: UInt16) -> Bool { unit == 0x20 || unit == 0x09 || unit == 0x0D }
        var index = 0
        while index < units.count {
            if units[index] == 0x0A {
                var before = index
                while before > 0 && isBlank(units[before - 1]) { before -= 1 }
                var after = index + 1
                while after < units.count && isBlank(units[after]) { after += 1 }
                let joinsLines = !(before > 0 && units[before - 1] == 0x0A) && !(after < units.count && units[after] == 0x0A)
                if joinsLines {
                    for position in before..<after where units[position] != 0x20 { units[position] = 0x20 }
                }
                index = after
            } else {
                index += 1
            }
        }
    }
}

/// One window's pass: walks ICU's boundaries and the extra candidates in
/// order and decides each with the Bulgarian rules.
struct BoundaryScan {
    let text: SegmentationBytes
    let rules: SegmentationRules
    let base: Int
    /// Where the current (unfinished) sentence starts: never on whitespace.
    var sentenceStart: Int
    let windowEnd: Int
    /// Candidates at or after this offset are left for the next window.
    let limit: Int
    let isLastWindow: Bool
    var state: SegmentationEngine.State
    var output: [Sentence]
    /// Set when a candidate needs text beyond the window: the window ends there.
    private var stopped = false

    init(text: SegmentationBytes, rules: SegmentationRules, base: Int, sentenceStart: Int, windowEnd: Int,
         limit: Int, isLastWindow: Bool, state: SegmentationEngine.State, output: [Sentence]) {
        self.text = text
        self.rules = rules
        self.base = base
        self.sentenceStart = sentenceStart
        self.windowEnd = windowEnd
        self.limit = limit
        self.isLastWindow = isLastWindow
        self.state = state
        self.output = output
    }

    // MARK: The pass

    mutating func run(_ iterator: ICUBreakIterator) {
        _ = iterator.first()
        var index = sentenceStart
        var unit = 0
        let bulgarian = rules.bulgarian
        let windowEnd = self.windowEnd
        // Offsets stay below the window size, so wrapping arithmetic cannot wrap.
        while let next = iterator.next() {
            // Map ICU's UTF-16 offset to UTF-8, looking at each byte once.
            while unit < next {
                // Eight bytes at a time; the rules look only at the bytes the mask flags.
                if unit &+ 16 <= next && index &+ 8 <= windowEnd {
                    let word = text.word(at: index)
                    if bulgarian {
                        var mask = SegmentationBytes.candidateMask(word)
                        while mask != 0 {
                            candidate(at: index &+ mask.trailingZeroBitCount >> 3)
                            if stopped { return }
                            mask &= mask &- 1
                        }
                    }
                    unit &+= SegmentationBytes.utf16Count(word)
                    index &+= 8
                    while index < windowEnd && text[index] & 0xC0 == 0x80 { index &+= 1 }
                    continue
                }
                let byte = text[index]
                if bulgarian && (byte &- 0x2D < 14 || byte == 0xE2) {
                    candidate(at: index)
                    if stopped { return }
                }
                index &+= UTF8Scalars.length(lead: byte)
                unit &+= byte >= 0xF0 ? 2 : 1
            }
            if stopped || index >= limit || index >= windowEnd { return }
            icuCandidate(at: index)
            if stopped { return }
        }
    }

    /// Looks at the character starting at `index` for the candidates ICU
    /// never proposes. Any byte may come here; most are not candidates.
    @inline(__always) private mutating func candidate(at index: Int) {
        switch text[index] {
        case 0x2D: dashCandidate(at: index, length: 1)
        case 0x2E: periodCandidate(at: index)
        case 0x3A: if rules.colonBreaks { colonCandidate(at: index) }
        case 0xE2: punctuationCandidate(at: index)
        default: break
        }
    }

    /// At the end of the text: the rest is the last sentence.
    mutating func finishText() {
        var end = text.count
        while end > sentenceStart {
            let length = text.whitespaceLength(endingAt: end)
            if length == 0 { break }
            end -= length
        }
        if end > sentenceStart { emit(end: end) }
        sentenceStart = text.count
    }

    /// Ends the current sentence before `limit` although no rule did: at the
    /// last space before it, else at a character boundary.
    mutating func forceCut(before limit: Int) {
        var cut = limit
        let floor = max(sentenceStart + 1, limit - 4096)
        while cut > floor && text.whitespaceLength(endingAt: cut) == 0 { cut -= 1 }
        if cut == floor {
            cut = limit
            while cut > sentenceStart + 1 && text[cut] & 0xC0 == 0x80 { cut -= 1 }
        }
        var end = cut
        while end > sentenceStart {
            let length = text.whitespaceLength(endingAt: end)
            if length == 0 { break }
            end -= length
        }
        accept(end: end, next: skipWhitespace(from: cut))
    }

    // MARK: Accepting a boundary

    @inline(__always) private func skipWhitespace(from start: Int) -> Int {
        var index = start
        while index < windowEnd {
            let length = text.whitespaceLength(at: index)
            if length == 0 { break }
            index += length
        }
        return index
    }

    @inline(__always) private mutating func emit(end: Int) {
        if state.hasEmitted && state.gapNewlines >= 2 { state.paragraph += 1 }
        state.gapNewlines = 0
        state.hasEmitted = true
        output.append(Sentence(utf8Range: (base + sentenceStart)..<(base + end), paragraph: state.paragraph))
    }

    /// Ends the sentence at `end`; the next one starts at `next`.
    @inline(__always) private mutating func accept(end: Int, next: Int) {
        assert(sentenceStart < end && end <= next, "a sentence must be non-empty and before the next")
        emit(end: end)
        state.gapNewlines = text.newlineCount(end..<next)
        sentenceStart = next
    }

    /// The start of what follows the whitespace at `start`, or nil (and the
    /// window stops) when that lies too close to the window's end to decide.
    @inline(__always) private mutating func nextStart(after start: Int) -> Int? {
        let next = skipWhitespace(from: start)
        if !isLastWindow && next + 16 > windowEnd {
            stopped = true
            return nil
        }
        return next
    }

    // MARK: Candidates

    /// A boundary ICU proposes at `index` (after the whitespace that follows a sentence).
    private mutating func icuCandidate(at index: Int) {
        guard index > sentenceStart else { return }
        var end = index
        while end > sentenceStart {
            let length = text.whitespaceLength(endingAt: end)
            if length == 0 { break }
            end -= length
        }
        guard let next = nextStart(after: index) else { return }
        if next >= text.count { return }  // only whitespace follows: `finishText` ends it
        guard rules.bulgarian else { return accept(end: end, next: next) }
        let lines = text.newlineCount(end..<next)
        if lines >= 2 || (lines == 1 && !rules.softWrap) || decide(end: end, boundary: index, next: next) {
            accept(end: end, next: next)
        }
    }

    /// A dash (`-` `–` `—`) at `index`: after `.` `!` `?` `…` and before a
    /// capital, it opens a new line of dialogue. ICU never breaks there.
    private mutating func dashCandidate(at index: Int, length: Int) {
        guard index > sentenceStart, index + length < text.count,
              text.whitespaceLength(endingAt: index) > 0, text.whitespaceLength(at: index + length) > 0 else { return }
        if index >= limit { stopped = true; return }
        var end = index
        while end > sentenceStart {
            let whitespace = text.whitespaceLength(endingAt: end)
            if whitespace == 0 { break }
            end -= whitespace
        }
        guard end > sentenceStart, endsWithTerminator(end),
              let next = nextStart(after: index + length) else { return }
        // After `.` a dash always opens a new line of dialogue; after `!` `?` `…`
        // a small letter goes on with the same sentence (`Защо? - попита тя.`).
        guard text.isUppercaseLetter(at: next) || text[terminatorEnd(end) - 1] == 0x2E else { return }
        guard decide(end: end, boundary: index, next: next) else { return }
        accept(end: end, next: index)
    }

    /// A dot at `index` before a number (`… кафене. 5 пъти`): ICU lets the
    /// number continue the sentence; the rules decide as for any dot.
    private mutating func periodCandidate(at index: Int) {
        var end = index + 1
        while end < windowEnd {
            let closer = text.closerLength(at: end)
            if closer == 0 { break }
            end += closer
        }
        guard end < windowEnd, index > sentenceStart, text.whitespaceLength(at: end) > 0 else { return }
        if end >= limit { stopped = true; return }
        guard let next = nextStart(after: end), next < text.count, text[next] &- 0x30 < 10 else { return }
        if text.newlineCount(end..<next) > 0 { return }  // a line break: ICU's boundary decides
        guard decide(end: end, boundary: next, next: next) else { return }
        accept(end: end, next: next)
    }

    /// A colon at `index` directly before a capital (`…, София: Нашата фирма`)
    /// starts a new sentence, unless a label word precedes it (`Снимка: Иван Петров`).
    private mutating func colonCandidate(at index: Int) {
        guard index > sentenceStart, index + 1 < windowEnd, text.whitespaceLength(at: index + 1) > 0 else { return }
        if index >= limit { stopped = true; return }
        guard let next = nextStart(after: index + 1), next < text.count, text.isUppercaseLetter(at: next),
              text.newlineCount(index..<next) == 0 else { return }
        var start = index
        while start > sentenceStart {
            let length = text.tokenCharacterLength(endingAt: start)
            if length == 0 { break }
            start -= length
        }
        guard start < index, !rules.isColonLabel(text, start..<index) else { return }
        accept(end: index + 1, next: next)
    }

    /// A character starting with byte E2 at `index`: `…` may end a sentence,
    /// and `–` `—` may open dialogue.
    private mutating func punctuationCandidate(at index: Int) {
        let dash = text.dashLength(at: index)
        if dash > 0 { return dashCandidate(at: index, length: dash) }
        guard index >= sentenceStart, text.isEllipsis(at: index) else { return }
        var end = index + 3
        while end < windowEnd {
            let closer = text.closerLength(at: end)
            if closer == 0 { break }
            end += closer
        }
        guard end < text.count, text.whitespaceLength(at: end) > 0 else { return }
        if end >= limit { stopped = true; return }
        guard let next = nextStart(after: end) else { return }
        guard next < text.count, startsSentence(at: next) else { return }
        accept(end: end, next: next)
    }

    // MARK: Rules

    /// Whether a sentence ending at `end` (closing quotes and brackets
    /// included) ends with `.` `!` `?` or `…`.
    private func endsWithTerminator(_ end: Int) -> Bool {
        let terminator = terminatorEnd(end)
        guard terminator > sentenceStart else { return false }
        let byte = text[terminator - 1]
        return byte == 0x2E || byte == 0x21 || byte == 0x3F
            || (terminator - 3 >= sentenceStart && text.isEllipsis(at: terminator - 3))
    }

    /// `end` without the closing quotes and brackets before it.
    @inline(__always) private func terminatorEnd(_ end: Int) -> Int {
        var terminator = end
        while terminator > sentenceStart {
            let closer = text.closerLength(endingAt: terminator)
            if closer == 0 { break }
            terminator -= closer
        }
        return terminator
    }

    /// Whether the text at `index` can start a sentence after `…`: a capital,
    /// possibly after opening quotes, or a dialogue dash.
    private func startsSentence(at index: Int) -> Bool {
        var position = index
        let dash = text.dashLength(at: position)
        if dash > 0 {
            guard position + dash < text.count, text.whitespaceLength(at: position + dash) > 0 else { return false }
            position = skipWhitespace(from: position + dash)
        }
        while true {
            let opener = text.openerLength(at: position)
            if opener == 0 { break }
            position += opener
        }
        return text.isUppercaseLetter(at: position)
    }

    /// The Bulgarian rules for a candidate: the sentence would end at `end`
    /// (after its closing quotes), ICU's boundary is at `boundary`, and the
    /// next sentence would start at `next`.
    private func decide(end: Int, boundary: Int, next: Int) -> Bool {
        let terminator = terminatorEnd(end)
        guard terminator > sentenceStart else { return true }
        if end == boundary {
            // No space at the boundary: ICU broke inside a token (`a?b=c`).
            if !text.isUppercaseLetter(at: boundary) || isProtected(boundary) { return false }
        }
        let last = text[terminator - 1]
        switch last {
        case 0x2E:  // .
            if terminator - 2 >= sentenceStart && text[terminator - 2] == 0x2E {
                return !text.isLowercaseLetter(at: next)  // ...
            }
            return afterPeriod(dot: terminator - 1, next: next)
        case 0x3F, 0x21:  // ? !
            return !text.isLowercaseLetter(at: next)
        case 0xA6 where terminator - 3 >= sentenceStart && text.isEllipsis(at: terminator - 3):
            return !text.isLowercaseLetter(at: next)
        default:
            return true
        }
    }

    /// A sentence would end with the dot at `dot`: abbreviations, initials and item numbers.
    private func afterPeriod(dot: Int, next: Int) -> Bool {
        var start = dot
        while start > sentenceStart {
            let length = text.tokenCharacterLength(endingAt: start)
            if length == 0 { break }
            start -= length
        }
        guard start < dot else { return true }
        if text.isNumber(start..<dot) {
            // `1. Въведение`, `Чл. 1. (1)`: an item number opening the sentence.
            return !(start == sentenceStart && dot - start <= 4) && !followsNumberingWord(start)
        }
        if start == sentenceStart && text.isRomanNumeral(start..<dot) {
            return false  // `II. Методи`: an item number in Roman numerals
        }
        let script = text.initialScript(start..<dot)
        if script != 0 {
            let kind = script == 1 ? rules.initials.cyrillic : rules.initials.latin
            return kind == .mayEnd && text.isUppercaseLetter(at: next)
        }
        var kind = rules.abbreviation(text, start..<(dot + 1))
        if kind == nil {
            // `гл.серж.` written without a space: the last abbreviation decides.
            var inner = dot
            while inner > start && text[inner - 1] != 0x2E { inner -= 1 }
            if inner > start && inner < dot { kind = rules.abbreviation(text, inner..<(dot + 1)) }
        }
        switch kind {
        case .neverEnd?, .numbering?: return false
        case .mayEnd?: return text.isUppercaseLetter(at: next)
        case nil: return true
        }
    }

    /// Whether the sentence so far is a numbering word before the number at `numberStart` (`Чл. 1.`).
    private func followsNumberingWord(_ numberStart: Int) -> Bool {
        var end = numberStart
        while end > sentenceStart {
            let length = text.whitespaceLength(endingAt: end)
            if length == 0 { break }
            end -= length
        }
        guard end < numberStart, end > sentenceStart, text[end - 1] == 0x2E else { return false }
        var start = end - 1
        while start > sentenceStart {
            let length = text.tokenCharacterLength(endingAt: start)
            if length == 0 { break }
            start -= length
        }
        return start == sentenceStart && rules.abbreviation(text, start..<end) == .numbering
    }

    /// Whether `index` lies inside a URL, an e-mail address or a placeholder.
    private func isProtected(_ index: Int) -> Bool {
        var start = index
        while start > max(0, index - 512) && text.whitespaceLength(endingAt: start) == 0 { start -= 1 }
        while start < index && text[start] & 0xC0 == 0x80 { start += 1 }
        var end = index
        while end < min(text.count, index + 512) && text.whitespaceLength(at: end) == 0 { end += 1 }
        while end > index && end < text.count && text[end] & 0xC0 == 0x80 { end -= 1 }
        let spans = ProtectedSpanScanner.spans(inUTF8: text.buffer(start..<end))
        return spans.contains { start + $0.range.lowerBound < index && index < start + $0.range.upperBound }
    }
}
