import Testing
@testable import BulgarianText

/// Matching: forms, boundaries, overlaps, case modes, protected spans.
struct GlossaryMatcherTests {
    private func glossary(_ tsv: String) throws -> Glossary {
        Glossary(entries: try GlossaryTSV.entries(parsing: tsv, source: "test.tsv"))
    }

    /// Each match as "surface=target".
    private func found(_ glossary: Glossary, _ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return glossary.matches(in: text).map { match in
            String(decoding: bytes[match.range], as: UTF8.self) + "=" + glossary.entries[match.entryIndex].target
        }
    }

    @Test func articledFormsMatch() throws {
        let terms = try glossary("Кремъл\tKremlin\nмузей\tmuseum\nбанка\tbank\nсело\tvillage\n")
        #expect(found(terms, "Кремълът и Кремъла, музеят и музея, банката и банките, селото и селата.")
                == ["Кремълът=Kremlin", "Кремъла=Kremlin", "музеят=museum", "музея=museum", "банката=bank",
                    "банките=bank", "селото=village", "селата=village"])
    }

    @Test func neverInsideALongerWordOrADerivedAdjective() throws {
        let terms = try glossary("Кремъл\tKremlin\nбанка\tbank\nЕС\tEU\n")
        #expect(found(terms, "Кремълски говорител, кремълския, банкаджия, подбанка, ЕСТОНИЯ, ЕС-27") == ["ЕС=EU"])
        #expect(found(terms, "2ЕС и ЕС2") == [])
    }

    /// After a match that ends in a letter no term starts until the word
    /// ends; after one that ends in punctuation a term may start at once.
    @Test func whatFollowsAMatchDependsOnItsLastCharacter() throws {
        let terms = try glossary("т.е.\ti.e.\tnoinflect\nпример\texample\tnoinflect\nс.\tv.\tnoinflect\nсело\tvillage\n")
        #expect(found(terms, "т.е.пример, с.село и т.е. пример") == ["т.е.=i.e.", "пример=example", "с.=v.", "село=village",
                                                                     "т.е.=i.e.", "пример=example"])
        #expect(found(terms, "примерпример селото") == ["селото=village"])
    }

    @Test func overlappingEntriesLongestWins() throws {
        let terms = try glossary("съюз\tunion\nЕвропейски съюз\tEuropean Union\nЕвропейски\tEuropean\n")
        #expect(found(terms, "Европейският съюз и съюзът; Европейски план")
                == ["Европейският съюз=European Union", "съюзът=union", "Европейски=European"])
    }

    @Test func tiesByPriorityThenLongerSourceThenFileOrder() throws {
        // Both entries generate "банките": the plural of "банка" and the articled plural of "банки".
        let byOrder = try glossary("банка\tbank\nбанки\tbanks\n")
        #expect(found(byOrder, "банките") == ["банките=bank"])
        let byPriority = try glossary("банка\tbank\nбанки\tbanks\tpriority=2\n")
        #expect(found(byPriority, "банките") == ["банките=banks"])
        let byLength = try glossary("ЕС\tEU\tcase=insensitive\nес\tes\tcase=insensitive\n")
        #expect(found(byLength, "ес") == ["ес=EU"])
    }

    @Test func whitespaceRunsMatchOneSpace() throws {
        let terms = try glossary("Бял дом\tWhite House\n")
        #expect(found(terms, "Белият  дом и Белия\u{A0}дом и Бял\tдом") == ["Белият  дом=White House", "Белия\u{A0}дом=White House", "Бял\tдом=White House"])
        // Runs of three and more, of one, two and three bytes each.
        let runs = ["Бял \t дом", "Бял\u{A0}\u{A0}\u{A0}дом", "Бял\u{2003}\u{3000} \u{2003}дом", "Бял\n\n\n\n\nдом"]
        #expect(found(terms, runs.joined(separator: ", ")) == runs.map { $0 + "=White House" })
    }

    @Test func smartCaseLowerCaseEntry() throws {
        let terms = try glossary("централна банка\tcentral bank\n")
        #expect(found(terms, "Централната банка, ЦЕНТРАЛНАТА БАНКА, централната банка")
                == ["Централната банка=central bank", "ЦЕНТРАЛНАТА БАНКА=central bank", "централната банка=central bank"])
        #expect(found(terms, "централната Банка, ЦентралнатА банка") == [])
    }

    @Test func smartCaseCapitalisedEntry() throws {
        let terms = try glossary("Кремъл\tKremlin\n")
        #expect(found(terms, "Кремъла, КРЕМЪЛА") == ["Кремъла=Kremlin", "КРЕМЪЛА=Kremlin"])
        #expect(found(terms, "кремъла, КРЕМъла") == [])
    }

    @Test func smartCaseAcronymsOnlyAsWritten() throws {
        let terms = try glossary("ЕС\tEU\niPhone\tiPhone\n")
        #expect(found(terms, "ЕС, ес, Ес, iPhone, IPHONE, iphone") == ["ЕС=EU", "iPhone=iPhone"])
    }

    @Test func exactAndInsensitiveModes() throws {
        let exact = try glossary("банка\tbank\tcase=exact\n")
        #expect(found(exact, "банката, Банката, БАНКАТА") == ["банката=bank"])
        let insensitive = try glossary("ес\tEU\tcase=insensitive\n")
        #expect(found(insensitive, "ес, Ес, ЕС, еС") == ["ес=EU", "Ес=EU", "ЕС=EU", "еС=EU"])
    }

    @Test func neverInsideURLsEMailOrPlaceholders() throws {
        let terms = try glossary("кремъл\tKremlin\nnews\tnews\n")
        #expect(found(terms, "https://bg.example/кремъл news@example.bg {кремъл} {news} ⟦1⟧кремъл news")
                == ["кремъл=Kremlin", "кремъл=Kremlin", "news=news"])
    }

    /// The quick test before the protected-span scan reads eight bytes at a
    /// time: every sign the scanner knows, at every offset of those blocks,
    /// must still send the text to the scanner; prose without them must not.
    @Test func everyProtectedSpanSignIsSeenAtEveryOffset() {
        let signs = ["https://bg.example", "www.example.bg", "WWW.Example.bg", "mailto:x", "news@example.bg",
                     "{0}", "%s", "%1$d", "%@", "⟦1⟧"]
        for sign in signs {
            for padding in 0..<17 {
                for after in ["", " край", "\n"] {
                    // The sign starts at every byte offset from 1 to 17.
                    let text = String(repeating: "ж", count: padding / 2) + String(repeating: " ", count: padding % 2 + 1)
                        + sign + after
                    let bytes = Array(text.utf8)
                    let spans = ProtectedSpanScanner.spans(in: text)
                    #expect(!spans.isEmpty, "\(text)")
                    bytes.withUnsafeBufferPointer { buffer in
                        #expect(Glossary.mayHaveProtectedSpans(buffer), "\(text)")
                    }
                }
            }
        }
        // The shortest signs, alone in their eight bytes but for letters and
        // spaces that cannot start one, and every trigger byte at every place.
        for sign in ["://", "@", "{", "%1", "⟦", "mailto:"] {
            for padding in 0..<17 {
                let bytes = Array((String(repeating: "ж", count: padding / 2) + String(repeating: " ", count: padding % 2 + 1)
                    + sign + " жжжжжжжж").utf8)
                bytes.withUnsafeBufferPointer { #expect(Glossary.mayHaveProtectedSpans($0), "\(padding) \(sign)") }
            }
        }
        for trigger in Array("%:@wW{".utf8) + [0xE2] {
            for place in 0..<8 {
                var word: UInt64 = 0x2020_B6D0_B6D0_B6D0
                word = word & ~(0xFF << UInt64(8 * place)) | UInt64(trigger) << UInt64(8 * place)
                #expect(mayStartSpan(word), "\(trigger) at \(place)")
            }
        }
        #expect(!mayStartSpan(0x2020_B6D0_B6D0_B6D0))
        #expect(!mayStartSpan(0x392E_2C2D_3028_2120))
        let prose = "Централната банка, 2026 г. – 3,5 на сто (виж т. 4); „кавички“ и… край."
        #expect(ProtectedSpanScanner.spans(in: prose).isEmpty)
        var bytes = Array(prose.utf8)
        bytes.withUnsafeBufferPointer { #expect(!Glossary.mayHaveProtectedSpans($0)) }
        bytes = Array("ʼдума".utf8)
        bytes.withUnsafeBufferPointer { #expect(!Glossary.mayHaveProtectedSpans($0)) }
    }

    @Test func emptyGlossaryMatchesNothing() {
        let empty = Glossary(entries: [])
        #expect(empty.matches(in: "Кремълът") == [])
        #expect(empty.substitute("Кремълът и банката") == "Кремълът и банката")
    }

    @Test func optionsReachTheMatcher() throws {
        let terms = try glossary("човек\tperson\tplural=хора\nУиткоф\tWitkoff\tnoinflect\nсъдия\tjudge\tgender=m\n")
        #expect(found(terms, "хората, човека, Уиткоф, Уиткофа, съдиите") == ["хората=person", "човека=person", "Уиткоф=Witkoff", "съдиите=judge"])
    }

    @Test func offsetsAreUTF8Bytes() throws {
        let terms = try glossary("ЕС\tEU\n")
        #expect(terms.matches(in: "В ЕС.") == [GlossaryMatch(range: 3..<7, entryIndex: 0, kind: .base)])
    }

    @Test func invalidUTF8NeverCrashes() throws {
        let terms = try glossary("банка\tbank\n")
        let bytes: [UInt8] = [0xD0, 0xB1, 0xD0] + Array(" банката ".utf8) + [0xFF, 0xE2, 0x9F]
        let matches = bytes.withUnsafeBufferPointer { terms.matches(inUTF8: $0) }
        #expect(matches.map(\.range) == [4..<18])
    }

    @Test func usableFromManyTasks() async throws {
        let terms = try glossary("Кремъл\tKremlin\nбанка\tbank\n")
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { terms.matches(in: String(repeating: "Кремъла и банката. ", count: 200)).count }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 400, count: 8))
    }
}
