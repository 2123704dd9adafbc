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

    /// Runs the step, or returns nil when it changes nothing.
    func run(_ bytes: UnsafeBufferPointer<UInt8>) -> StageResult? {
        guard let base = bytes.baseAddress else { return nil }
        var writer: StageWriter?
        var index = 0
        let count = bytes.count
        var wordStart = -1
        var hasLatin = false, hasCyrillic = false
        while index <= count {
            var script = Script.none
            var length = 1
            if index < count {
                let byte = base[index]
                if byte < 0x80 {
                    script = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A ? .latin : .none
                } else if byte == 0xD0 || byte == 0xD1 {
                    script = .cyrillic
                    length = 2
                } else {
                    let (scalar, scalarLength) = UTF8Scalars.decode(base, at: index)
                    script = Self.script(of: scalar)
                    length = scalarLength
                }
            }
            if script == .none {
                if wordStart >= 0 && hasLatin && hasCyrillic {
                    if let pieces = repair(wordStart..<index, bytes) {
                        if writer == nil { writer = StageWriter(input: bytes) }
                        writer!.replace(wordStart..<index, pieces: pieces, kind: .mixedScript)
                    }
                }
                wordStart = -1
                hasLatin = false
                hasCyrillic = false
            } else {
                if wordStart < 0 { wordStart = index }
                if script == .latin { hasLatin = true } else if script == .cyrillic { hasCyrillic = true }
            }
            index += length
        }
        return writer?.finish()
    }

    /// The replaced letters of a mixed word, or nil when it stays.
    private func repair(_ word: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> [(input: Range<Int>, output: [UInt8])]? {
        if isCodeLike(word, bytes) || ProtectedToken.overlapsProtectedSpan(word, in: bytes) { return nil }
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
    private func isCodeLike(_ word: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if word.lowerBound > 0 {
            let before = bytes[word.lowerBound - 1]
            if (0x30...0x39).contains(before) || before == UInt8(ascii: ".") { return true }
        }
        if word.upperBound < bytes.count {
            let after = bytes[word.upperBound]
            if (0x30...0x39).contains(after) { return true }
            if after == UInt8(ascii: "."), word.upperBound + 1 < bytes.count, bytes[word.upperBound + 1] > 0x20 { return true }
        }
        var start = word.lowerBound
        while start > 0 && bytes[start - 1] > 0x20 { start -= 1 }
        var end = word.upperBound
        while end < bytes.count && bytes[end] > 0x20 { end += 1 }
        return bytes[start..<end].contains { "_/\\=<>{}#$@|~^*`".utf8.contains($0) }
    }
}
