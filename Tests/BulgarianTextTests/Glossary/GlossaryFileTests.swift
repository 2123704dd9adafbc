import Testing
@testable import BulgarianText

/// Reading TSV, CSV and TBX glossaries; writing them.
struct GlossaryFileTests {
    @Test func tsvWithOptionsAndComments() throws {
        let entries = try GlossaryTSV.entries(parsing: """
            \u{FEFF}# comment
            Кремъл\tKremlin
              # indented comment
            съдия\tjudge\tgender=m, priority=3
            ЕС\tEU\tcase=exact,noinflect\r
            bgtext\t\tdnt

            """, source: "g.tsv")
        #expect(entries.map(\.source) == ["Кремъл", "съдия", "ЕС", "bgtext"])
        #expect(entries.map(\.line) == [2, 4, 5, 6])
        #expect(entries[1].options.gender == .masculine && entries[1].options.priority == 3)
        #expect(entries[2].options.caseMode == .exact && entries[2].options.inflects == false)
        #expect(entries[3].target == "bgtext" && entries[3].options.doNotTranslate)
    }

    @Test func malformedTSVNamesTheLine() {
        #expect(throws: TableError(source: "g.tsv", line: 2, message: "expected `source<TAB>target[<TAB>options]`, found 1 field")) {
            try GlossaryTSV.entries(parsing: "а\tb\nКремъл Kremlin\n", source: "g.tsv")
        }
        #expect(throws: TableError(source: "g.tsv", line: 1, message: "unknown gender 'x' (expected m, f, n or pl)")) {
            try GlossaryTSV.entries(parsing: "а\tb\tgender=x\n", source: "g.tsv")
        }
        #expect(throws: TableError(source: "g.tsv", line: 1, message: "the target of 'а' is empty (use the option dnt to keep a term as written)")) {
            try GlossaryTSV.entries(parsing: "а\t\n", source: "g.tsv")
        }
    }

    @Test func duplicateSourcesWithDifferentTargetsWarn() throws {
        let entries = try GlossaryTSV.entries(parsing: "банка\tbank\nбанка\tbench\nКремъл\tKremlin\nКремъл\tKremlin\n", source: "g")
        let glossary = Glossary(entries: entries)
        #expect(glossary.warnings.map(\.description)
                == ["'банка' has different targets: bank (line 1), bench (line 2) (the higher priority, then the first, wins)"])
    }

    @Test func csvWithLanguageHeader() throws {
        let entries = try GlossaryCSV.entries(parsing: "en,bg-BG\r\nKremlin,Кремъл\n\"Bank, central\",\"централна \"\"банка\"\"\"\n,\n", source: "g.csv")
        #expect(entries.map(\.source) == ["Кремъл", "централна \"банка\""])
        #expect(entries.map(\.target) == ["Kremlin", "Bank, central"])
        let plain = try GlossaryCSV.entries(parsing: "Кремъл,Kremlin\n", source: "g.csv")
        #expect(plain.map(\.target) == ["Kremlin"])
    }

    @Test func malformedCSVNamesTheLine() {
        #expect(throws: TableError(source: "g.csv", line: 2, message: "a quoted field is never closed")) {
            try GlossaryCSV.entries(parsing: "bg,en\n\"Кремъл,Kremlin\n", source: "g.csv")
        }
        #expect(throws: TableError(source: "g.csv", line: 1, message: "the header has no column for the source language 'bg'")) {
            try GlossaryCSV.entries(parsing: "en,de\nx,y\n", source: "g.csv")
        }
        #expect(throws: TableError(source: "g.csv", line: 3, message: "expected at least 2 columns, found 1")) {
            try GlossaryCSV.entries(parsing: "bg,en\nа,b\nв\n", source: "g.csv")
        }
    }

    @Test func tbxVersion2WithStatusAndDoNotTranslate() throws {
        let tbx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <martif type="TBX" xml:lang="bg">
              <text><body>
                <termEntry id="1">
                  <langSet xml:lang="bg">
                    <tig><term>Кремъл</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
                    <tig><term>Кремлин</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
                  </langSet>
                  <langSet xml:lang="en">
                    <tig><term>the Kremlin palace</term><termNote type="administrativeStatus">forbidden</termNote></tig>
                    <ntig><termGrp><term>Kremlin</term></termGrp></ntig>
                  </langSet>
                </termEntry>
                <termEntry id="2">
                  <note>Do not translate</note>
                  <langSet xml:lang="bg"><tig><term>bgtext &amp; co</term></tig></langSet>
                </termEntry>
                <termEntry id="3"><langSet xml:lang="bg"><tig><term>без превод</term></tig></langSet></termEntry>
              </body></text>
            </martif>
            """
        let entries = try GlossaryTBX.entries(parsing: Array(tbx.utf8), source: "g.tbx")
        #expect(entries.map(\.source) == ["Кремъл", "Кремлин", "bgtext & co"])
        #expect(entries.map(\.target) == ["Kremlin", "Kremlin", "bgtext & co"])
        #expect(entries.map(\.options.status) == [.preferred, .deprecated, .preferred])
        #expect(entries[2].options.doNotTranslate)
        #expect(entries.map(\.line) == [6, 7, 16])
    }

    @Test func tbxVersion3() throws {
        let tbx = """
            <tbx type="TBX-Basic" style="dca" xml:lang="bg" xmlns="urn:iso:std:iso:30042:ed-2">
              <text><body>
                <conceptEntry id="c1">
                  <langSec xml:lang="bg"><termSec><term>централна банка</term></termSec></langSec>
                  <langSec xml:lang="en"><termSec><term><![CDATA[central bank]]></term></termSec></langSec>
                </conceptEntry>
              </body></text>
            </tbx>
            """
        let entries = try GlossaryTBX.entries(parsing: Array(tbx.utf8), source: "g.tbx")
        #expect(entries.map(\.source) == ["централна банка"])
        #expect(entries.map(\.target) == ["central bank"])
    }

    @Test func entityBombIsRefused() {
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
            ]>
            <martif><text><body><termEntry><langSet xml:lang="bg"><tig><term>&lol2;</term></tig></langSet></termEntry></body></text></martif>
            """
        #expect(throws: TableError(source: "bomb.tbx", line: 2,
                                   message: "column 1: DOCTYPE declarations are refused (no external entities, no entity expansion)")) {
            try GlossaryTBX.entries(parsing: Array(bomb.utf8), source: "bomb.tbx")
        }
        let external = "<martif>\n  <text>&xxe;</text></martif>"
        #expect(throws: TableError(source: "x.tbx", line: 2,
                                   message: "column 9: undefined entity &xxe; (only &amp; &lt; &gt; &quot; &apos; and character references)")) {
            try GlossaryTBX.entries(parsing: Array(external.utf8), source: "x.tbx")
        }
    }

    @Test func malformedXMLNamesLineAndColumn() {
        #expect(throws: TableError(source: "g.tbx", line: 3, message: "column 4: end tag </langSet> does not match <tig>")) {
            try GlossaryTBX.entries(parsing: Array("<martif><text>\n<langSet><tig>\nабв</langSet>".utf8), source: "g.tbx")
        }
        #expect(throws: TableError(source: "g.tbx", line: 1, message: "column 15: the document ends inside <text>")) {
            try GlossaryTBX.entries(parsing: Array("<martif><text>".utf8), source: "g.tbx")
        }
        #expect(throws: TableError(source: "g.tbx", line: 1, message: "column 1: the root element is <html>, not a TBX <martif> (v2) or <tbx> (v3)")) {
            try GlossaryTBX.entries(parsing: Array("<html></html>".utf8), source: "g.tbx")
        }
    }

    @Test func exportsReadBack() throws {
        let entries = try GlossaryTSV.entries(parsing: "Кремъл\tKremlin\nстар\told\tstatus=deprecated\nbgtext\t\tdnt\n", source: "g")
        let glossary = Glossary(entries: entries)
        let deepl = GlossaryExport.text(glossary, format: .deepl, expand: true)
        #expect(deepl == "Кремъл\tKremlin\nКремълът\tKremlin\nКремъла\tKremlin\nbgtext\tbgtext\n")
        let csv = GlossaryExport.text(glossary, format: .csv, expand: false)
        #expect(csv == "bg,en\nКремъл,Kremlin\nbgtext,bgtext\n")
        #expect(try GlossaryCSV.entries(parsing: csv, source: "c").map(\.source) == ["Кремъл", "bgtext"])
        let tbx = GlossaryExport.text(glossary, format: .tbx, expand: false)
        let back = try GlossaryTBX.entries(parsing: Array(tbx.utf8), source: "t")
        #expect(back.map(\.source) == ["Кремъл", "стар", "bgtext"])
        #expect(back.map(\.options.status) == [.preferred, .deprecated, .preferred])
        #expect(back.map(\.options.doNotTranslate) == [false, false, true])
    }
}
