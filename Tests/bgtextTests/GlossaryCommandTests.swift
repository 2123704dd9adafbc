import Foundation
import Testing

/// End-to-end tests of `bgtext glossary` and `bgtext restore`.
struct GlossaryCommandTests {
    private static let glossaryText = """
        # test glossary
        Кремъл\tKremlin
        Бял дом\tWhite House
        Европейски съюз\tEuropean Union
        съюз\tunion
        централна банка\tcentral bank
        ЕС\tEU
        стар термин\told term\tstatus=deprecated

        """

    /// A fresh folder per test (Swift Testing makes an instance per test),
    /// holding the glossary above as terms.tsv.
    private let folder: TemporaryDirectory
    private let glossary: String

    init() throws {
        folder = try TemporaryDirectory()
        glossary = try folder.file("terms.tsv", Self.glossaryText)
    }

    private let text = "Кремълът и Белия дом.\n\nЦентралната банка на ЕС, не на Кремълски сайт https://ex.bg/Кремъл\nЕВРОПЕЙСКИЯТ СЪЮЗ и съюзът"

    @Test func markIsTheDefault() throws {
        let result = try BGTextRunner.run(["glossary", "--glossary", glossary], input: text)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.output == """
            ⟦Кремълът|Kremlin⟧ и ⟦Белия дом|White House⟧.

            ⟦Централната банка|central bank⟧ на ⟦ЕС|EU⟧, не на Кремълски сайт https://ex.bg/Кремъл
            ⟦ЕВРОПЕЙСКИЯТ СЪЮЗ|European Union⟧ и ⟦съюзът|union⟧
            """)
    }

    @Test func substituteTransfersCaseLineByLine() throws {
        let input = try folder.file("in.txt", text)
        let result = try BGTextRunner.run(["glossary", "--glossary", glossary, "--action", "substitute", input])
        #expect(result.status == 0)
        #expect(result.output == """
            Kremlin и White House.

            Central bank на EU, не на Кремълски сайт https://ex.bg/Кремъл
            EUROPEAN UNION и union
            """)
    }

    @Test func jsonlHasByteOffsets() throws {
        let result = try BGTextRunner.run(["glossary", "--glossary", glossary, "--format", "jsonl"],
                                          input: "В ЕС стар термин\nнищо\n")
        #expect(result.status == 0)
        #expect(result.output == """
            {"text":"В ЕС стар термин","matches":[{"start":3,"end":7,"surface":"ЕС","source":"ЕС","target":"EU","form":"base"},{"start":8,"end":29,"surface":"стар термин","source":"стар термин","target":"old term","form":"base","status":"deprecated"}]}
            {"text":"нищо","matches":[]}

            """)
    }

    @Test func jsonlWithSubstituteHasTheOutput() throws {
        let result = try BGTextRunner.run(["glossary", "--glossary", glossary, "--format", "jsonl", "--action", "substitute"],
                                          input: "Кремъла\n")
        #expect(result.output == """
            {"text":"Кремъла","output":"Kremlin","matches":[{"start":0,"end":14,"surface":"Кремъла","source":"Кремъл","target":"Kremlin","form":"def"}]}

            """)
    }

    @Test func substituteWarnsAboutDeprecatedTerms() throws {
        let input = try folder.file("in.txt", "Един стар термин.\n")
        let result = try BGTextRunner.run(["glossary", "--glossary", glossary, "--action", "substitute", input])
        #expect(result.status == 0)
        #expect(result.output == "Един стар термин.\n")
        #expect(result.stderr == "bgtext: warning: \(input):1: deprecated term 'стар термин' (glossary line 8) left as is\n")
    }

    @Test func placeholderAndRestoreRoundTrip() throws {
        let map = folder.url.appendingPathComponent("map.tsv").path
        let hidden = try BGTextRunner.run(["glossary", "--glossary", glossary, "--action", "placeholder", "--map", map],
                                          input: "Кремълът и Белия дом.\nЕС\n")
        #expect(hidden.status == 0)
        #expect(hidden.output == "⟦1⟧ и ⟦2⟧.\n⟦3⟧\n")
        #expect(try String(contentsOfFile: map, encoding: .utf8) == """
            # bgtext placeholder map: PLACEHOLDER<TAB>REPLACEMENT<TAB>ENTRY SOURCE<TAB>MATCHED TEXT
            ⟦1⟧\tKremlin\tКремъл\tКремълът
            ⟦2⟧\tWhite House\tБял дом\tБелия дом
            ⟦3⟧\tEU\tЕС\tЕС

            """)
        // The translation reorders the sentence.
        let translated = try folder.file("en.txt", "The ⟦2⟧ and the ⟦1⟧.\n⟦3⟧\n")
        let restored = try BGTextRunner.run(["restore", "--map", map, translated])
        #expect(restored.status == 0)
        #expect(restored.stderr == "")
        #expect(restored.output == "The White House and the Kremlin.\nEU\n")
    }

    @Test func restoreReportsDroppedPlaceholders() throws {
        let map = try folder.file("map.tsv", "⟦1⟧\tKremlin\tКремъл\tКремълът\n⟦2⟧\tEU\tЕС\tЕС\n")
        let result = try BGTextRunner.run(["restore", "--map", map], input: "The ⟦1⟧ said.")
        #expect(result.status == 0)
        #expect(result.output == "The Kremlin said.")
        #expect(result.stderr == "bgtext: warning: placeholder ⟦2⟧ was dropped: its term is missing from the translation\n")
        let strict = try BGTextRunner.run(["restore", "--strict", "--map", map], input: "The ⟦1 ⟧ said.")
        #expect(strict.status == 65)
        #expect(strict.output == "The Kremlin said.")
        #expect(strict.stderr == """
            bgtext: warning: <stdin>:1: damaged placeholder '⟦1 ⟧' (restored)
            bgtext: warning: placeholder ⟦2⟧ was dropped: its term is missing from the translation
            bgtext: error: 2 placeholder problems

            """)
    }

    @Test func expandListsEveryForm() throws {
        let glossary = try folder.file("g.tsv", "Кремъл\tKremlin\nбанка\tbank\n")
        let result = try BGTextRunner.run(["glossary", "--glossary", glossary, "--expand"])
        #expect(result.status == 0)
        #expect(result.output == """
            Кремъл\tKremlin\tКремъл, Кремълът (def), Кремъла (def)
            банка\tbank\tбанка, банката (def), банки (pl), банките (pl.def)

            """)
    }

    @Test func exports() throws {
        let glossary = try folder.file("g.tsv", "Кремъл\tKremlin\n")
        let deepl = try BGTextRunner.run(["glossary", "--glossary", glossary, "--export", "deepl", "--expand"])
        #expect(deepl.output == "Кремъл\tKremlin\nКремълът\tKremlin\nКремъла\tKremlin\n")
        let csv = try BGTextRunner.run(["glossary", "--glossary", glossary, "--export", "csv", "--target-language", "en-GB"])
        #expect(csv.output == "bg,en-GB\nКремъл,Kremlin\n")
        let out = folder.url.appendingPathComponent("g.tbx").path
        let tbx = try BGTextRunner.run(["glossary", "--glossary", glossary, "--export", "tbx", "-o", out])
        #expect(tbx.status == 0)
        let back = try BGTextRunner.run(["glossary", "--glossary", out, "--action", "substitute"], input: "Кремъла")
        #expect(back.output == "Kremlin")
    }

    @Test func csvAndTBXGlossaries() throws {
        let csv = try folder.file("g.csv", "en,bg\nKremlin,Кремъл\n")
        let fromCSV = try BGTextRunner.run(["glossary", "--glossary", csv, "--action", "substitute"], input: "Кремълът\n")
        #expect(fromCSV.output == "Kremlin\n")
        let tbx = try folder.file("g.xml", """
            <tbx xml:lang="bg"><text><body><conceptEntry>
            <langSec xml:lang="bg"><termSec><term>банка</term></termSec></langSec>
            <langSec xml:lang="de"><termSec><term>Bank</term></termSec></langSec>
            </conceptEntry></body></text></tbx>
            """)
        let fromTBX = try BGTextRunner.run(["glossary", "--glossary", tbx, "--action", "substitute"], input: "банките\n")
        #expect(fromTBX.output == "Bank\n")
    }

    @Test func malformedGlossariesExit65NamingThePlace() throws {
        let tsv = try folder.file("bad.tsv", "Кремъл\tKremlin\nбанка\n")
        let badTSV = try BGTextRunner.run(["glossary", "--glossary", tsv], input: "")
        #expect(badTSV.status == 65)
        #expect(badTSV.stderr == "bgtext: error: \(tsv):2: expected `source<TAB>target[<TAB>options]`, found 1 field\n")
        let bomb = try folder.file("bomb.tbx", "<?xml version=\"1.0\"?>\n<!DOCTYPE m [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n<martif/>")
        let badTBX = try BGTextRunner.run(["glossary", "--glossary", bomb], input: "")
        #expect(badTBX.status == 65)
        #expect(badTBX.stderr == "bgtext: error: \(bomb):2: column 1: DOCTYPE declarations are refused (no external entities, no entity expansion)\n")
    }

    @Test func duplicateSourcesWarn() throws {
        let glossary = try folder.file("dup.tsv", "банка\tbank\nбанка\tbench\n")
        let result = try BGTextRunner.run(["glossary", "--glossary", glossary, "--action", "substitute"], input: "банката")
        #expect(result.status == 0)
        #expect(result.output == "bank")
        #expect(result.stderr == "bgtext: warning: \(glossary): 'банка' has different targets: bank (line 1), bench (line 2) (the higher priority, then the first, wins)\n")
    }

    @Test func invalidUTF8AndLossy() throws {
        let bytes = Data("ЕС ".utf8) + Data([0xFF]) + Data(" ЕС\n".utf8)
        let strict = try BGTextRunner.run(["glossary", "--glossary", glossary, "--action", "substitute"], stdin: bytes)
        #expect(strict.status == 65)
        #expect(strict.stderr == "bgtext: error: <stdin>: invalid UTF-8 at byte 5 (0xFF 0x20 0xD0 0x95); use --lossy to replace invalid bytes with U+FFFD\n")
        let lossy = try BGTextRunner.run(["glossary", "--glossary", glossary, "--action", "substitute", "--lossy"], stdin: bytes)
        #expect(lossy.status == 0)
        #expect(lossy.output == "EU \u{FFFD} EU\n")
    }

    @Test func usageErrors() throws {
        let noMap = try BGTextRunner.run(["glossary", "--glossary", glossary, "--action", "placeholder"], input: "")
        #expect(noMap.status == 64)
        #expect(noMap.stderr.contains("--action placeholder needs --map FILE"))
        let badAction = try BGTextRunner.run(["glossary", "--glossary", glossary, "--action", "replace"], input: "")
        #expect(badAction.status == 64)
        let missing = try BGTextRunner.run(["glossary", "--glossary", "/nonexistent/g.tsv"], input: "")
        #expect(missing.status == 66)
    }

    @Test func sampleGlossaryShipsWithTheProject() throws {
        let sample = packageRoot.appendingPathComponent("tables/glossary/news.tsv").path
        let result = try BGTextRunner.run(["glossary", "--glossary", sample, "--action", "substitute"],
                                          input: "Говорителят на Кремъла Песков и пратеникът Уиткоф обсъдиха примирието с Белия дом.\n")
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.output == "Spokesperson на Kremlin Peskov и envoy Witkoff обсъдиха ceasefire с White House.\n")
    }
}
