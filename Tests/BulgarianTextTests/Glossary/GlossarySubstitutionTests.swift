import Testing
@testable import BulgarianText

/// Substitution with case transfer, placeholders and restoring them.
struct GlossarySubstitutionTests {
    private func glossary(_ tsv: String) throws -> Glossary {
        Glossary(entries: try GlossaryTSV.entries(parsing: tsv, source: "test.tsv"))
    }

    @Test func caseTransfer() throws {
        let terms = try glossary("централна банка\tcentral bank\nКремъл\tKremlin\nЕС\tEU\n")
        #expect(terms.substitute("Централната банка и централните банки.") == "Central bank и central bank.")
        #expect(terms.substitute("КРЕМЪЛ: ЦЕНТРАЛНАТА БАНКА на ЕС") == "KREMLIN: CENTRAL BANK на EU")
        #expect(terms.substitute("Кремълът") == "Kremlin")
    }

    /// `substitute` (one pass, targets from the slots, output gathered in
    /// chunks) against the slow path: the list of matches and
    /// `replacement(for:inUTF8:)` for each. Targets of every length around
    /// the slot's inline capacity (24 bytes) and of several kilobytes, lines
    /// long enough to fill the chunk many times, case at sentence starts
    /// and in capitals, white space of every kind between words.
    @Test func substituteAgreesWithTheMatchList() throws {
        let inline = GlossaryTargetSlots.inlineCapacity
        let longTarget = String(repeating: "дълъг превод ", count: 400)
        let tsv = [
            "кремъл\t" + String(repeating: "k", count: inline - 1),
            "бял дом\t" + String(repeating: "w", count: inline),
            "европейски съюз\t" + String(repeating: "e", count: inline + 1),
            "централна банка\tцентрална банка (ЦБ)",
            "ЕС\tEU",
            "съюз\tunion",
            "градина\t" + longTarget,
            "стар термин\told\tstatus=deprecated",
        ].joined(separator: "\n") + "\n"
        let terms = try glossary(tsv)
        #expect(terms.targetSlots.record(1) >> 56 & UInt64(GlossaryTargetSlots.inlineFlag) != 0)
        #expect(terms.targetSlots.record(2) >> 56 & UInt64(GlossaryTargetSlots.inlineFlag) == 0)
        let pieces = ["Кремъл", "кремълът", "КРЕМЪЛ", "Белия дом", "белия\u{00A0}дом", "бял  дом", "Европейският съюз",
                      "европейския\tсъюз", "централната банка", "ЦЕНТРАЛНАТА БАНКА", "ЕС", "ес", "съюзът", "градината",
                      "Градините", "стар термин", "кремълски", "думи", "и", "https://кремъл.бг", "{0}", "😀"]
        let separators = [" ", ", ", ". ", " – ", "\u{00A0}", "  ", "\t"]
        var random = SeededGenerator(seed: 7)
        for length in [0, 1, 2, 5, 40, 400, 3000] {
            var line = ""
            for index in 0..<length {
                if index > 0 { line += separators.randomElement(using: &random)! }
                line += pieces.randomElement(using: &random)!
            }
            let bytes = Array(line.utf8)
            let expected = bytes.withUnsafeBufferPointer { text in
                var result: [UInt8] = []
                var copied = 0
                for match in terms.matches(inUTF8: text) where !terms.entries[match.entryIndex].options.status.isReportOnly {
                    result += text[copied..<match.range.lowerBound]
                    result += terms.replacement(for: match, inUTF8: text).utf8
                    copied = match.range.upperBound
                }
                return result + text[copied...]
            }
            var output: [UInt8] = [0x2A]
            bytes.withUnsafeBufferPointer { terms.substitute(inUTF8: $0, into: &output) }
            #expect(output == [0x2A] + expected, "length \(length)")
            if length == 3000 { #expect(output.count > 8 * Glossary.substitutionChunkSize) }
        }
    }

    /// A lower-case entry matched with a capital takes its target with a
    /// capital first letter, whatever that letter's capital is: longer
    /// (ß → SS, ŉ → ʼN, ﬃ → FFI), of three bytes (ⅰ → Ⅰ), of four (𐐨 → 𐐀:
    /// more than the slot's three bytes, so read from `capitalisedBytes`),
    /// or already a capital or not a letter (the target unchanged).
    @Test func capitalFirstLettersOfEveryLength() throws {
        let cases: [(source: String, target: String, capitalised: String)] = [
            ("кремъл", "kremlin", "Kremlin"),
            ("банка", "ßank", "SSank"),
            ("съюз", "ŉunion", "ʼNunion"),
            ("град", "ﬃcity", "FFIcity"),
            ("стена", "ⅰwall", "Ⅰwall"),
            ("книга", "𐐨book", "𐐀book"),
            ("река", "éclair", "Éclair"),
            ("море", "Sea", "Sea"),
            ("поле", "1 field", "1 field"),
            ("гора", "ǆungla", "Ǆungla"),
            ("път", String(repeating: "р", count: 12), "Р" + String(repeating: "р", count: 11)),
        ]
        let terms = try glossary(cases.map { "\($0.source)\t\($0.target)\tnoinflect" }.joined(separator: "\n") + "\n")
        let inSlot = cases.indices.map { terms.targetSlots.record($0) >> 56 & UInt64(GlossaryTargetSlots.capitalFlag) != 0 }
        #expect(inSlot == [true, true, true, true, true, false, true, true, true, true, true])
        for (index, item) in cases.enumerated() {
            let capitalisedSource = item.source.prefix(1).uppercased() + item.source.dropFirst()
            #expect(terms.substitute(capitalisedSource + ", " + item.source + ".") == item.capitalised + ", " + item.target + ".",
                    "entry \(index)")
        }
    }

    /// A target too long for the slot's record (16 MiB and more: its
    /// length does not fit in 24 bits) is marked `outsizeFlag` and read
    /// through `targetStarts`; the entries after it, whose targets start
    /// past 16 MiB in `targetBytes`, keep the ordinary record.
    @Test func aTargetOfSixteenMebibytesIsSubstitutedWhole() throws {
        let huge = String(repeating: "k", count: 1 << 24)
        let terms = try glossary("кремъл\t\(huge)\nсъюз\tunion\nградина\tthe garden of the palace, long\n")
        #expect(terms.targetSlots.record(0) >> 56 & UInt64(GlossaryTargetSlots.outsizeFlag) != 0)
        #expect(terms.targetSlots.record(1) >> 56 & UInt64(GlossaryTargetSlots.inlineFlag) != 0)
        #expect(terms.targetSlots.record(2) >> 56 & UInt64(GlossaryTargetSlots.outsizeFlag | GlossaryTargetSlots.inlineFlag) == 0)
        #expect(terms.targetSlots.record(2) & 0xFFFF_FFFF == (1 << 24) + 5)
        let output = terms.substitute("Кремълът и съюзът, градината и кремъла.")
        let expected = "K" + huge.dropFirst() + " и union, the garden of the palace, long и " + huge + "."
        #expect(output.utf8.count == expected.utf8.count)
        // Compared without printing 32 MiB when they differ.
        let whole = output == expected
        #expect(whole, "\(output.prefix(40))… differs from \(expected.prefix(40))…")
    }

    @Test func deprecatedAndForbiddenTermsStay() throws {
        let terms = try glossary("стар термин\told term\tstatus=deprecated\nзабранен\tbanned\tstatus=forbidden\nнов\tnew\n")
        #expect(terms.substitute("стар термин, забранен, нов") == "стар термин, забранен, new")
        #expect(terms.matches(in: "стар термин").count == 1)
    }

    @Test func doNotTranslateKeepsTheTerm() throws {
        let terms = try glossary("bgtext\t\tdnt\n")
        #expect(terms.entries[0].target == "bgtext")
        #expect(terms.substitute("Виж bgtext.") == "Виж bgtext.")
    }

    @Test func placeholderRoundTripThroughReorderingTranslation() throws {
        let terms = try glossary("Кремъл\tKremlin\nБял дом\tWhite House\nЕвропейски съюз\tEuropean Union\n")
        var writer = GlossaryPlaceholderWriter(glossary: terms)
        let hidden = writer.replace("Белият дом и Кремълът говориха за Европейския съюз.")
        #expect(hidden == "⟦1⟧ и ⟦2⟧ говориха за ⟦3⟧.")
        // A translation that puts the terms in another order.
        let translated = "The ⟦3⟧ was discussed by the ⟦2⟧ and the ⟦1⟧."
        let map = try PlaceholderMap(parsing: writer.map.text, source: "map.tsv")
        #expect(map == writer.map)
        var restorer = PlaceholderRestorer(map: map)
        #expect(restorer.restore(translated) == "The European Union was discussed by the Kremlin and the White House.")
        #expect(restorer.finish() == [])
    }

    @Test func droppedDuplicatedDamagedAndUnknownAreReported() throws {
        let terms = try glossary("Кремъл\tKremlin\nбанка\tbank\n")
        var writer = GlossaryPlaceholderWriter(glossary: terms)
        #expect(writer.replace("Кремълът, банката, Кремъла и банки.") == "⟦1⟧, ⟦2⟧, ⟦3⟧ и ⟦4⟧.")
        var restorer = PlaceholderRestorer(map: writer.map)
        let restored = restorer.restore("The ⟦ 1 ⟧, the ⟦2⟧ ⟦2⟧ and ⟦9⟧ and 3⟧.", input: "out.txt", line: 1)
        #expect(restored == "The Kremlin, the bank bank and ⟦9⟧ and 3⟧.")
        let problems = restorer.finish().map(\.description)
        #expect(problems == [
            "out.txt:1: damaged placeholder '⟦ 1 ⟧' (restored)",
            "out.txt:1: placeholder ⟦9⟧ is not in the map (left as is)",
            "out.txt:1: damaged placeholder '⟧' (left as is)",
            "placeholder ⟦2⟧ occurs 2 times (each restored)",
            "placeholder ⟦3⟧ was dropped: its term is missing from the translation",
            "placeholder ⟦4⟧ was dropped: its term is missing from the translation",
        ])
    }

    @Test func otherBracketsAreRepaired() throws {
        var map = PlaceholderMap()
        map.items = [PlaceholderMap.Item(number: 1, replacement: "EU", source: "ЕС", surface: "ЕС")]
        var restorer = PlaceholderRestorer(map: map)
        #expect(restorer.restore("〚1〛 [[1]] [1]") == "EU EU [1]")
        #expect(restorer.finish().map(\.kind) == [.damaged, .damaged, .duplicated])
    }

    @Test func damagedPlaceholdersAtTheEdgesOfTheText() throws {
        var map = PlaceholderMap()
        map.items = [PlaceholderMap.Item(number: 1, replacement: "EU", source: "ЕС", surface: "ЕС"),
                     PlaceholderMap.Item(number: 12, replacement: "Kremlin", source: "Кремъл", surface: "Кремъла")]
        var restorer = PlaceholderRestorer(map: map)
        // No-break and narrow no-break spaces inside; a closer lost at the
        // end; `[[12` without `]]` is ordinary text; a lone opener at the end.
        #expect(restorer.restore("⟦\u{A0}1\u{202F}⟧ и [[12 и ⟦12", line: 4) == "EU и [[12 и Kremlin")
        #expect(restorer.restore("⟦") == "⟦")
        #expect(restorer.restore("〛⟦x⟧ [[ 1 ]]") == "〛⟦x⟧ EU")
        var output: [UInt8] = Array("начало: ".utf8)
        Array("⟦1⟧.".utf8).withUnsafeBufferPointer { restorer.restore(inUTF8: $0, into: &output) }
        #expect(String(decoding: output, as: UTF8.self) == "начало: EU.")
        #expect(restorer.finish().map(\.description) == [
            "damaged placeholder '⟦\u{A0}1\u{202F}⟧' (restored)",
            "damaged placeholder '⟦12' (restored)",
            "damaged placeholder '⟦' (left as is)",
            "damaged placeholder '〛' (left as is)",
            "damaged placeholder '⟦' (left as is)",
            "damaged placeholder '⟧' (left as is)",
            "damaged placeholder '[[ 1 ]]' (restored)",
            "placeholder ⟦1⟧ occurs 3 times (each restored)",
        ])
    }

    @Test func mapEscapesTabsAndMalformedMapNamesTheLine() throws {
        var map = PlaceholderMap()
        map.items = [PlaceholderMap.Item(number: 7, replacement: "a\tb\\c", source: "x", surface: "y\nz")]
        #expect(try PlaceholderMap(parsing: map.text, source: "m") == map)
        #expect(throws: TableError(source: "m", line: 2, message: "'{7}' is not a placeholder ⟦N⟧")) {
            try PlaceholderMap(parsing: "# map\n{7}\ta\tb\tc\n", source: "m")
        }
    }
}
