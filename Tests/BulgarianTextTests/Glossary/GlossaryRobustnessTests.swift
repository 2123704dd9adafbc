import Testing
@testable import BulgarianText

/// Ugly input: random bytes never crash the matcher, the XML reader or the
/// restorer, and matches keep their invariants.
struct GlossaryRobustnessTests {
    /// A small deterministic generator (SplitMix64), so failures repeat.
    private struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    /// Pieces that exercise every path: terms, their forms, case, spaces,
    /// URLs, placeholders, and broken UTF-8.
    private let pieces: [[UInt8]] = [
        "Кремъл", "кремълът", "КРЕМЪЛА", "Бял", " ", "  ", "\u{A0}", "дом", "Белия", "ЕС", "ес", "банки", "те",
        "https://x.bg/", "{1}", "⟦2⟧", "@", "a@b.bg", ".", ",", "-", "й", "\n", "🙂", "̀",
    ].map { Array($0.utf8) } + [[0xFF], [0xD0], [0xE2, 0x9F], [0xF4, 0x90, 0x80, 0x80], [0xED, 0xA0, 0x80]]

    @Test func randomTextKeepsMatchInvariants() throws {
        let glossary = Glossary(entries: try GlossaryTSV.entries(parsing: """
            Кремъл\tKremlin
            Бял дом\tWhite House
            ЕС\tEU
            банка\tbank\tcase=insensitive
            дом\thome\tcase=exact
            """, source: "g"))
        var random = Random(state: 42)
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 24) { bytes += random.pick(pieces) }
            let matches = bytes.withUnsafeBufferPointer { glossary.matches(inUTF8: $0) }
            var previousEnd = 0
            for match in matches {
                #expect(match.range.lowerBound >= previousEnd && match.range.upperBound <= bytes.count)
                #expect(!match.range.isEmpty)
                previousEnd = match.range.upperBound
            }
            var output: [UInt8] = []
            bytes.withUnsafeBufferPointer { glossary.substitute(inUTF8: $0, into: &output) }
            if matches.isEmpty { #expect(output == bytes) }
        }
    }

    @Test func randomXMLNeverCrashes() {
        let xmlPieces = ["<", ">", "</", "/>", "martif", "tbx", "termEntry", "langSet", " xml:lang=\"bg\"", "tig", "term",
                         "&amp;", "&", ";", "&#x41;", "&#0;", "<!--", "-->", "<![CDATA[", "]]>", "<?", "?>", "<!DOCTYPE",
                         "\"", "'", "=", "Кремъл", "\n", " "]
        var random = Random(state: 7)
        var parsed = 0
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(random.next() % 30) { text += random.pick(xmlPieces) }
            do {
                _ = try GlossaryTBX.entries(parsing: Array(text.utf8), source: "r.tbx")
                parsed += 1
            } catch {
                #expect(error.line != nil)
            }
        }
        #expect(parsed < 3000)
    }

    @Test func randomTranslationsNeverCrashTheRestorer() {
        var map = PlaceholderMap()
        map.items = (1...5).map { PlaceholderMap.Item(number: $0, replacement: "T\($0)", source: "s", surface: "s") }
        let restorePieces = ["⟦", "⟧", "〚", "〛", "[[", "]]", "[", "]", "1", "2", "9", "12345678901234567890", " ", "x", "⟦1⟧"]
        var random = Random(state: 9)
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int(random.next() % 16) { text += random.pick(restorePieces) }
            var restorer = PlaceholderRestorer(map: map)
            _ = restorer.restore(text)
            _ = restorer.finish()
        }
    }
}
