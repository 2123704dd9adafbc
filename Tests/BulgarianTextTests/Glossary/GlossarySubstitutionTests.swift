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
