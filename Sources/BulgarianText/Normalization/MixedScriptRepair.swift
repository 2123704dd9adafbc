/// Makes words that mix Cyrillic and Latin look-alikes single-script
/// (`--fix-mixed-script`).
///
/// A word is a run of letters (and combining marks). When it has letters of
/// both scripts, every letter of one script has a look-alike in the other,
/// and the other script has at least one letter without one, the look-alikes
/// are replaced: `Cофия` → `София`, `BXOД` → `ВХОД`, and `Mаrket` → `Market`.
/// Wholly Latin words never change; nor do words inside URLs, e-mail
/// addresses, placeholders or code-like tokens (with `_ / \ = < > { } # $ @`
/// or a digit or dot joined to a letter).
struct MixedScriptRepair: Sendable {
    let table: LookalikeTable

    private enum Script { case none, latin, cyrillic, other }

    @inline(__always)
    private static func script(of scalar: UInt32) -> Script {
        if scalar < 0x80 {
            return (scalar | 0x20) >= 0x61 && (scalar | 0x20) <= 0x7A ? .latin : .none
        }
        if (0x0400...0x047F).contains(scalar) { return .cyrillic }
        let classes = ScalarClassTable.shared.classes(scalar)
        guard classes & (ScalarClassTable.letter | ScalarClassTable.mark) != 0 else { return .none }
        if classes & ScalarClassTable.mark != 0 { return .other }
        if ICUCalls.isCyrillic(scalar) { return .cyrillic }
        if ICUCalls.isLatin(scalar) { return .latin }
        return .other
    }

    /// 1 for an ASCII letter, 2 for a byte of a non-ASCII scalar, 0 otherwise.
    private static let byteKinds: [UInt8] = (0..<256).map { byte in
        if (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) { return 1 }
        return byte >= 0x80 ? 2 : 0
    }

    /// Whether the scalar at `index` is part of a word (a letter or a mark).
    private static func isWordScalar(_ base: UnsafePointer<UInt8>, at index: Int) -> Bool {
        let (scalar, _) = UTF8Scalars.decode(base, at: index)
        return script(of: scalar) != .none
    }

    /// Runs the step: its result (nil when it changes nothing), and whether
    /// it left a mixed word alone because it lay in a protected span or a
    /// code-like token — a later step that changes punctuation can change that.
    ///
    /// A mixed word has an ASCII letter right beside a non-ASCII byte, so the
    /// scan looks only for such pairs and examines the word around each one.
    func run(_ bytes: UnsafeBufferPointer<UInt8>) -> (result: StageResult?, leftProtectedWord: Bool) {
        guard let base = bytes.baseAddress, bytes.count > 1 else { return (nil, false) }
        var leftProtectedWord = false
        var tokens = ProtectedTokenScan(bytes, folding: table.cyrillicToLatin)
        var writer: StageWriter?
        let count = bytes.count
        var index = 0
        while index < count - 1 {
            let pair = Self.byteKinds.withUnsafeBufferPointer { kinds -> Int? in
                var position = index
                while position < count - 1 {
                    if kinds[Int(base[position])] | kinds[Int(base[position + 1])] == 3 { return position }
                    position += 1
                }
                return nil
            }
            guard let found = pair else { break }
            // The word around the pair's ASCII letter: back and forward over letters and marks.
            let anchor = Self.byteKinds[Int(base[found])] == 1 ? found : found + 1
            var start = anchor
            while start > 0 {
                let previous = UTF8Scalars.previousStart(base, before: start, lowerBound: 0)
                if !Self.isWordScalar(base, at: previous) { break }
                start = previous
            }
            var end = anchor + 1
            while end < count && Self.isWordScalar(base, at: end) { end += UTF8Scalars.length(lead: base[end]) }
            if start < end && start >= (writer?.position ?? 0) {
                switch repairIfMixed(start..<end, bytes, &tokens) {
                case .repaired(let pieces):
                    if writer == nil { writer = StageWriter(input: bytes) }
                    writer!.replace(start..<end, pieces: pieces, kind: .mixedScript)
                case .protected:
                    leftProtectedWord = true
                case .unchanged:
                    break
                }
            }
            index = max(end, found + 1)
        }
        return (writer?.finish(), leftProtectedWord)
    }

    /// What became of a word.
    private enum Outcome {
        case repaired([(input: Range<Int>, output: [UInt8])])
        /// Mixed, but in a protected span or a code-like token.
        case protected
        case unchanged
    }

    /// The repair of a word that has letters of both scripts.
    private func repairIfMixed(_ word: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>,
                               _ tokens: inout ProtectedTokenScan) -> Outcome {
        var hasLatin = false, hasCyrillic = false
        var index = word.lowerBound
        while index < word.upperBound {
            let (scalar, length) = UTF8Scalars.decode(bytes.baseAddress!, at: index)
            switch Self.script(of: scalar) {
            case .latin: hasLatin = true
            case .cyrillic: hasCyrillic = true
            default: break
            }
            index += length
        }
        guard hasLatin && hasCyrillic else { return .unchanged }
        // Protected spans with every look-alike folded to Latin: this step
        // only swaps letters for such look-alikes, so it sees the same spans
        // before and after it repairs a word (see `ProtectedToken`).
        if isCodeLike(word, bytes, &tokens) || tokens.overlapsProtectedSpan(word) {
            return .protected
        }
        return repair(word, bytes).map { .repaired($0) } ?? .unchanged
    }

    /// The replaced letters of a mixed word, or nil when it stays.
    private func repair(_ word: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> [(input: Range<Int>, output: [UInt8])]? {
        var letters: [(scalar: UInt32, range: Range<Int>, script: Script, marked: Bool)] = []
        var index = word.lowerBound
        while index < word.upperBound {
            let (scalar, length) = UTF8Scalars.decode(bytes.baseAddress!, at: index)
            let script = Self.script(of: scalar)
            if script == .other, !letters.isEmpty, ScalarClassTable.shared.classes(scalar) & ScalarClassTable.mark != 0 {
                letters[letters.count - 1].marked = true
            }
            letters.append((scalar, index..<index + length, script, false))
            index += length
        }
        // A letter with a combining mark has no twin: its look-alike would
        // compose differently (Latin o + U+0301 is ó, Cyrillic о + U+0301 is not).
        func twin(_ letter: (scalar: UInt32, range: Range<Int>, script: Script, marked: Bool), in mapping: [UInt32: UInt32]) -> UInt32? {
            letter.marked ? nil : mapping[letter.scalar]
        }
        let latin = letters.filter { $0.script == .latin }
        let cyrillic = letters.filter { $0.script == .cyrillic }
        let toCyrillic = latin.allSatisfy { twin($0, in: table.latinToCyrillic) != nil }
            && cyrillic.contains { twin($0, in: table.cyrillicToLatin) == nil }
        let toLatin = cyrillic.allSatisfy { twin($0, in: table.cyrillicToLatin) != nil }
            && latin.contains { twin($0, in: table.latinToCyrillic) == nil }
        guard toCyrillic != toLatin else { return nil }
        let source = toCyrillic ? latin : cyrillic
        let mapping = toCyrillic ? table.latinToCyrillic : table.cyrillicToLatin
        return source.map { letter in
            (input: letter.range, output: Array(String(Character(Unicode.Scalar(mapping[letter.scalar]!)!)).utf8))
        }
    }

    /// Whether the whitespace-delimited token around a word looks like code:
    /// it has one of `_ / \ = < > { } # $ @ | ~ ^ *` or a backquote, or a
    /// digit or a dot joined to the word.
    private func isCodeLike(_ word: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>, _ tokens: inout ProtectedTokenScan) -> Bool {
        let base = bytes.baseAddress!
        // A letter of any script or a digit: not only an ASCII one, because
        // this step makes letters ASCII or not, and the answer must not change
        // when it does (`гE.гEъ`: the second word, beside an E that the first
        // pass made Cyrillic, was repaired only by a second pass).
        func isLetterOrDigit(at offset: Int) -> Bool {
            guard offset >= 0 && offset < bytes.count else { return false }
            return (0x30...0x39).contains(bytes[offset]) || Self.isWordScalar(base, at: offset)
        }
        let dot = UInt8(ascii: ".")
        // A digit joined to the word (x86, 5G), or a dot between the word and
        // a letter or digit (file.txt, obj.name); not `...`.
        if word.lowerBound > 0 {
            let before = bytes[word.lowerBound - 1]
            if (0x30...0x39).contains(before) { return true }
            if before == dot && word.lowerBound > 1
                && isLetterOrDigit(at: UTF8Scalars.previousStart(base, before: word.lowerBound - 1, lowerBound: 0)) {
                return true
            }
        }
        if word.upperBound < bytes.count {
            let after = bytes[word.upperBound]
            if (0x30...0x39).contains(after) || (after == dot && isLetterOrDigit(at: word.upperBound + 1)) { return true }
        }
        _ = tokens.token(around: word)
        return tokens.tokenHasCodeCharacter
    }
}
