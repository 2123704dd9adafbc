import Testing
import BulgarianText

/// Inputs the fuzz targets of Fuzz/ found (scripts/fuzz), kept as tests.
@Suite("Fuzz findings")
struct FuzzRegressionTests {
    /// FuzzNormalization: a run of straight quotes under the typography profile
    /// became „"""""""“, and a second pass then paired the inner quotes as well.
    /// And `[„"[“!"` (controls deleted from the finding): the pass that made
    /// the „ had not let the quote after it open, the next pass did.
    @Test(arguments: [String(repeating: "\"", count: 9), "\"\"", "а\"\"\"б", "„\"“", "\"a\"“",
                      "\nOolf[[[\"\u{1C}\"[[[\"!\"\t", "[\"\"[\"!\"\t"])
    func straightQuotesBesideCurlyOnesAreIdempotent(_ text: String) throws {
        let normalizer = try Normalizer(options: .all(profile: .typography))
        let once = try normalizer.normalize(text)
        let twice = try normalizer.normalize(once.text)
        #expect(twice.text == once.text)
    }

    /// FuzzNormalization: `-- "cu_- -""",""""` and nested quotations. One pass
    /// paired a closing quote only with the last opening one since the previous
    /// pair, so an outer opening quote stayed straight and a second pass,
    /// without the inner pair in the way, paired it. Quotes now pair like
    /// brackets, and the output is settled after one pass.
    @Test(arguments: ["-- \"cu_- -\"\"\",\"\"\"\"", "\"a \"b\" c\"", "(\"x (\"y\") \"z\")\"",
                      "\"a - \"b\" - c\" -\"", "\"\"a\" \"b\"\" \"", "[\"(\"\")\"]\"\n\"a \"b\" c\""])
    func nestedStraightQuotesAreIdempotent(_ text: String) throws {
        for options in [NormalizationOptions(profile: .typography), .all(profile: .typography)] {
            let normalizer = try Normalizer(options: options)
            let once = try normalizer.normalize(text)
            let twice = try normalizer.normalize(once.text)
            #expect(twice.text == once.text)
        }
    }

    /// FuzzNormalization (5.76 million executions in) and FuzzDecoding: mojibake
    /// nested four layers deep, its pieces kept apart by control characters.
    /// Each round of the normalizer undoes one layer, and there were at most
    /// four rounds: the text normalized once still held `Сš` (the mojibake
    /// of `њ`), which a second normalization repaired. Now a text of n bytes
    /// gets log2(n) rounds more, one per possible layer.
    @Test func nestedMojibakeIsRepairedInOnePass() throws {
        let finding: [UInt8] = [
            0x22, 0x61, 0x20, 0x22, 0x62, 0x22, 0x00, 0xC3, 0x90, 0xC2, 0xA1, 0x07, 0xD0, 0xA0, 0xC2, 0xA0, 0xC2, 0xA0,
            0x00, 0xC3, 0x90, 0x00, 0xC3, 0x82, 0xC2, 0xA1, 0xC3, 0x90, 0x13, 0x07, 0xD0, 0x82, 0xC2, 0xA1, 0xC3, 0x90,
            0x13, 0x07, 0xD0, 0xA0, 0xC2, 0xA0, 0xC2, 0xA0, 0x00, 0xC3, 0x90, 0xC2, 0xA1, 0xC3, 0x90, 0x00, 0xC3, 0x82,
            0xC2, 0xA1, 0xC3, 0x90, 0x17, 0x00, 0x00, 0xC3, 0x80, 0x13, 0x07, 0xD0, 0xA0, 0xC2, 0xA0, 0x13, 0xC2, 0xA0,
            0x00, 0xC3, 0x90, 0x00, 0xC3, 0x82, 0xC2, 0xA1, 0xC3, 0x90, 0x13, 0x07, 0xD0, 0x82, 0x00, 0x20, 0x22,
        ]
        let normalizer = try Normalizer(options: .all(profile: .typography))
        let once = try normalizer.normalize(utf8: finding)
        // Garbage all the same; since look-alike chains are refused (below),
        // the sequences beside stray bytes are no longer decoded.
        #expect(once.text == "\"a „b“СР\u{A0}\u{A0}РВЎРЂЎРР\u{A0}\u{A0}СРВЎРАР\u{A0}\u{A0}РВЎРЂ \"")
        #expect(try normalizer.normalize(utf8: once.utf8).utf8 == once.utf8)
    }

    /// FuzzDecoding: the same, from windows-1251 bytes decoded leniently and
    /// repaired with `fixMojibake` and `fixMixedScript`.
    @Test func nestedMojibakeFromALegacyCodePageIsRepairedInOnePass() throws {
        let finding: [UInt8] = [
            0x69, 0x82, 0x82, 0x82, 0x82, 0x82, 0xFF, 0xFF, 0xBC, 0x69, 0xBC, 0x69, 0x82, 0x82, 0x82, 0x82, 0x82, 0xFF,
            0xFF, 0x00, 0xFF, 0xB5, 0xFF, 0x86, 0xFD, 0x82, 0x82, 0x82, 0x82, 0x82, 0xFF, 0xFF, 0x00, 0xFF, 0xB5, 0xFF,
            0x86, 0xFD, 0x6A, 0x69, 0x70, 0x73, 0x8C, 0xB5, 0xC7,
        ]
        let encoding = TextEncoding.allCases[188 % TextEncoding.allCases.count]
        let decoded = try TextDecoder.decode(finding, as: encoding, lossy: true)
        let normalizer = try Normalizer(options: NormalizationOptions(fixMojibake: true, fixMixedScript: true))
        let once = try normalizer.normalize(decoded)
        #expect(try normalizer.normalize(utf8: once.utf8).utf8 == once.utf8, "\(encoding)")
    }

    /// FuzzDecoding (889,110 executions in, on the code with the fix above):
    /// MIK bytes decoding to runs such as `ВВВВВВВВВВ\u{A0}…Зх…`. As `В\u{A0}`
    /// is the mojibake of a no-break space, each repair turned `ВВ…В\u{A0}`
    /// into one `В` less — a chain longer than any bound on rounds, so the
    /// text normalized once was repaired again by a second normalization.
    /// A run whose repairs would not settle within log2 of its length (real
    /// layers each halve it) is now left as it was. The second finding (13,376
    /// executions into the next run) is such a run that still led a vote: the
    /// line's other runs, too short to judge alone, followed its chain round
    /// after round; a refused run now has no vote. The third (53,076 executions
    /// into a short run on that fix): runs that merged as controls between them
    /// were deleted, each merged run a new chain. Now the layer itself leaves
    /// such text alone: a sequence is not decoded right after a lead byte that
    /// did not decode, nor where its character would join the stray
    /// continuation bytes after it (`MojibakeRepair.apply`).
    @Test(arguments: [lookAlikeChain, lookAlikeChainThatVoted, lookAlikeChainsThatMerged])
    func aLookAlikeChainIsNotMojibake(_ finding: [UInt8]) throws {
        let decoded = try TextDecoder.decode(finding, as: .mik, lossy: true)
        let normalizer = try Normalizer(options: NormalizationOptions(fixMojibake: true, fixMixedScript: true))
        let once = try normalizer.normalize(decoded)
        #expect(try normalizer.normalize(utf8: once.utf8).utf8 == once.utf8)
        if finding == Self.lookAlikeChain {
            // Its only runs are look-alike chains: nothing is taken for mojibake.
            #expect(!once.changes.contains { $0.kind == .mojibake })
        }
    }

    @Test func lookAlikeChainsInWordsSettleInOnePass() throws {
        let mojibakeOnly = try Normalizer(options: NormalizationOptions(fixMojibake: true))
        for text in ["Вход: ВВВВВВВВ\u{A0}Зх\u{A0}Ђ", "ΘВВВВВВВВ\u{A0}\u{A0}Зх σ", "Ђ ВВВВВВВВВВВВВВВВ\u{A0}",
                     "Ђ ВВВ\u{A0}\u{A0} Зх\u{A0}В▀Вх\u{A0}ВВВВВВВВВВ\u{A0}", "Р\u{A0}\u{A0}\u{A0} Ђ",
                     "ВВ\u{7F}\u{A0}\u{A0}ВВ\u{7F}ВВ\u{A0} Ђ"] {
            let first = try mojibakeOnly.normalize(text)
            #expect(try mojibakeOnly.normalize(first.text).text == first.text, "\(text)")
        }
    }

    static let lookAlikeChain: [UInt8] = [
        0xE9, 0x82, 0x82, 0x69, 0xBC, 0x69, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0xFF, 0xFF,
        0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x87, 0xB5, 0xFF, 0xFF, 0x82, 0xFF, 0x82, 0xB5, 0xFF, 0xFF, 0x82, 0x82, 0x82,
        0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x00, 0xFF, 0xFF, 0xFF, 0x3D, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x87,
        0xB5, 0xFF, 0xFF, 0x82, 0xFF, 0x82, 0xB5, 0xFF, 0xFF, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82,
        0x82, 0x82, 0x82, 0x82, 0x82, 0xFF, 0xFF, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x87, 0xB5, 0x82, 0x82, 0x82, 0x82,
        0xFF, 0xFF, 0x00, 0xFF, 0xFF, 0xFF, 0x82, 0x00, 0xB5, 0xFF, 0x74, 0xE5, 0xFF,
    ]

    static let lookAlikeChainThatVoted: [UInt8] = [
        0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0xFF, 0xFF, 0x00, 0xFF, 0xFF, 0xFF, 0xFF,
        0x87, 0xB5, 0x82, 0x82, 0x82, 0x82, 0xFF, 0xFF, 0x00, 0xFF, 0xFF, 0xFF, 0x82, 0x01, 0xB5, 0xFF, 0x40, 0x82,
        0x82, 0x82, 0x00, 0xFF, 0xFF, 0xFF, 0x3D, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x87, 0xB5, 0xFF, 0xFF, 0x82, 0xDF,
        0x82, 0xB5, 0xFF, 0xFF, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82,
        0xFF, 0xFF, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x87, 0xB5, 0x82, 0x82, 0x82, 0x82, 0xFF, 0xFF, 0x00, 0xFF, 0xFF,
        0xFF, 0x82, 0x00, 0xB5, 0xFF, 0x40, 0xE5, 0xFF,
    ]

    static let lookAlikeChainsThatMerged: [UInt8] = [
        0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0xFF, 0xFF, 0x82, 0x82, 0x00, 0xFF, 0xFF, 0xFF, 0xFF,
        0x87, 0xB5, 0x82, 0x82, 0x82, 0x82, 0x7F, 0xFF, 0x00, 0xFF, 0xFF, 0xFF, 0x3D, 0x00, 0xB5, 0xFF, 0xFF, 0xFF,
        0x87, 0xFF, 0xFF, 0xFF, 0x82, 0xDF, 0x82, 0xB5, 0xFF, 0xFF, 0x7D, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82,
        0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82, 0xFF, 0xFF, 0x82, 0x82, 0x82, 0x82, 0x82, 0x82,
        0x82, 0x82, 0x82, 0x82, 0xFF, 0xFF, 0x00, 0xFF, 0xFF, 0x82, 0x82, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x87, 0xB5,
        0x82, 0x82, 0x82, 0x82, 0x7F, 0xFF, 0x00, 0xFF, 0xFF, 0xFF, 0x40, 0xE5, 0xFF,
    ]

    /// FuzzDecoding (1,232,420 executions into the run on `f2ad633`):
    /// `--fix-mixed-script` not idempotent. In `FВp---p---FВp` the first `В`
    /// cut the ASCII token at `F`, so `--p---F` started a token of its own,
    /// looked like a command-line flag and protected the second word; once
    /// the first word was Latin, the token ran on from its `F` and a second
    /// pass repaired the second word. Mixed-script repair now looks for
    /// protected spans with every look-alike folded to Latin, which its own
    /// repairs cannot change.
    @Test func mixedScriptRepairSeesTheSameSpansBeforeAndAfter() throws {
        let decoded = try TextDecoder.decode(Self.mixedScriptToken, as: .mik, lossy: true)
        let both = try Normalizer(options: NormalizationOptions(fixMojibake: true, fixMixedScript: true))
        let once = try both.normalize(decoded)
        #expect(try both.normalize(utf8: once.utf8).utf8 == once.utf8)
        let mixed = try Normalizer(options: NormalizationOptions(fixMixedScript: true))
        #expect(try mixed.normalize("FВp---p---FВp").text == "FBp---p---FBp")
        // A camelCase token is code in either script, so its words stay as they are.
        for text in ["xВ:--ppВ", "getElementВyId"] {
            #expect(try mixed.normalize(text).text == text)
        }
    }

    static let mixedScriptToken: [UInt8] = [
        0xE9, 0x00, 0xBC, 0x69, 0xBC, 0x82, 0x00, 0x00, 0x5A, 0x01, 0x2D, 0x2D, 0x82, 0xBC, 0x69, 0xBC, 0x82, 0x00,
        0x00, 0x5A, 0x01, 0x2D, 0x2D, 0x2D, 0xCD, 0xCD, 0xCD, 0x01, 0x30, 0x5A, 0xCD, 0x2D, 0x2D, 0x46, 0x82, 0x00,
        0x00, 0x04, 0x70, 0x2D, 0x2D, 0x2D, 0x04, 0x70, 0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0xCD, 0xCD, 0xCD,
        0x01, 0x5A, 0xCD, 0x2D, 0x82, 0xBC, 0x69, 0xBC, 0x82, 0x00, 0x00, 0x5A, 0x01, 0x2D, 0x2D, 0x2D, 0xCD, 0xCD,
        0xCD, 0x01, 0x30, 0x5A, 0xCD, 0x2D, 0x2D, 0x46, 0x82, 0x00, 0x00, 0x04, 0x70, 0x2D, 0x2D, 0x2D, 0x04, 0x70,
        0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x01, 0x30, 0x5A, 0xCD, 0x2D, 0x2D, 0x46, 0x82, 0x00, 0x00, 0x04, 0x70,
        0x2D, 0x2D, 0x2D, 0x04, 0x70, 0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x33, 0x32, 0x32, 0xFE, 0xA5, 0x32,
        0xD2, 0xC8, 0x46, 0x82, 0x00, 0x00, 0x04, 0x70, 0x2D, 0x2D, 0x2D, 0x04, 0x70, 0x2D, 0x2D, 0x2D, 0x2D, 0x2D,
        0x2D, 0x2D, 0x46, 0x82, 0x00, 0x00, 0x04, 0x70, 0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x70, 0x04, 0x2D, 0x2D, 0x2D,
        0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x04, 0x70, 0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x89,
        0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89,
        0x89, 0x81, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89,
        0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x99, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89,
        0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89,
        0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89,
        0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x89, 0x2D, 0x2D,
    ]

    @Test func nestedStraightQuotesPairLikeBrackets() throws {
        let normalizer = try Normalizer(options: NormalizationOptions(profile: .typography))
        #expect(try normalizer.normalize("Тя каза: \"Прочетох \"Под игото\" отново\".").text
                == "Тя каза: „Прочетох „Под игото“ отново“.")
        #expect(try normalizer.normalize("-- \"cu_- -\"\"\",\"\"\"\"").text == "-- „cu_- -„\"“,\"\"\"“")
        // A closing quote with no opening one stays straight, and a line end
        // forgets an opening one.
        #expect(try normalizer.normalize("край\" и \"начало\nново\" \"а\"").text == "край\" и \"начало\nново\" „а“")
    }

    @Test func aRunOfStraightQuotesIsPairedAtItsEnds() throws {
        let normalizer = try Normalizer(options: NormalizationOptions(profile: .typography))
        #expect(try normalizer.normalize(String(repeating: "\"", count: 9)).text == "„\"\"\"\"\"\"\"“")
        #expect(try normalizer.normalize("Той каза \"да\".").text == "Той каза „да“.")
    }

    /// FuzzDecoding: `.гE.гEъ` (the bytes `2E E3 45 2E E3 45 FA` read as
    /// windows-1251) with `--fix-mixed-script`. The second word touched a dot
    /// after an ASCII E, so it looked like code (obj.name) and stayed; the first
    /// word's E became Cyrillic, and a second pass repaired the second word. A
    /// dot now joins a word to a letter of any script.
    @Test(arguments: [".гE.гEъ", "гE.гE.гE.гEъ", "Mаrket.Mаrket.com", "Cофия.Пловдив", "Cофия. Пловдив"])
    func mixedScriptRepairBesideADotIsIdempotent(_ text: String) throws {
        let normalizer = try Normalizer(options: NormalizationOptions(fixMixedScript: true))
        let once = try normalizer.normalize(text)
        #expect(try normalizer.normalize(once.text).text == once.text)
    }

    @Test func wordsJoinedByADotAreCodeLike() throws {
        let normalizer = try Normalizer(options: NormalizationOptions(fixMixedScript: true))
        #expect(try normalizer.normalize(".гE.гEъ").text == ".гE.гEъ")
        #expect(try normalizer.normalize("Cофия.Пловдив").text == "Cофия.Пловдив")
        #expect(try normalizer.normalize("Cофия. Пловдив").text == "София. Пловдив")
        #expect(try normalizer.normalize("файл.txt и Cофия...").text == "файл.txt и София...")
    }

    /// FuzzRestore: a placeholder map whose field had a carriage return before
    /// a combining mark (U+0615) was written as `\r` + mark, and read back as
    /// `r` + mark: the escape's letter and the mark made one Character.
    @Test(arguments: ["\r\u{615}", "ю\r\r\u{301}x", "\t\u{301}", "\n\u{308}", "\\\u{301}", "\\t", "a\\\\\u{301}"])
    func placeholderMapFieldsSurviveAWriteAndARead(_ field: String) throws {
        var map = PlaceholderMap()
        map.items = [PlaceholderMap.Item(number: 1, replacement: field, source: "съюз", surface: field + "съюз")]
        let again = try PlaceholderMap(parsing: map.text, source: "map")
        #expect(again == map)
        #expect(again.items.first?.replacement.unicodeScalars.elementsEqual(field.unicodeScalars) == true)
    }

    /// FuzzNormalization: under the typography profile, `...` inside what
    /// looked like an e-mail address (`…2E...@zzzzzz..`) was protected; the
    /// same pass made `/...zz` into `/…zz`, which ended that address, and a
    /// second pass then made the protected `...` an ellipsis as well. The
    /// profile now repeats until it settles.
    @Test func anEllipsisThatEndsAnAddressSettlesInOneNormalization() throws {
        let text = ".ai.lz..\"./...zzN6icu_7218ComposeNor1malizer2E...@zzzzzz..zZzzz\"...-(*"
        for options in [NormalizationOptions(profile: .typography), .all(profile: .typography)] {
            let normalizer = try Normalizer(options: options)
            let once = try normalizer.normalize(text)
            #expect(try normalizer.normalize(once.text).text == once.text)
        }
        let once = try Normalizer(options: NormalizationOptions(profile: .typography)).normalize(text)
        #expect(once.text == ".ai.lz..\"./…zzN6icu_7218ComposeNor1malizer2E…@zzzzzz..zZzzz\"…-(*")
    }

    /// FuzzGlossary: a CSV entry whose target was only tabs was accepted, and
    /// vanished from its TBX export (TBX trims white space). A blank cell is
    /// now an empty one.
    @Test func aCSVTargetOfOnlyWhiteSpaceIsEmpty() throws {
        let bytes = Array("\u{FFFD}?\t.<,\t\t\t\t\t\t".utf8)
        #expect(throws: TableError.self) { try GlossaryFile.entries(parsing: bytes, format: .csv, source: "fuzz") }
        do {
            _ = try GlossaryFile.entries(parsing: Array("банка,\u{A0}\t\n".utf8), format: .csv, source: "terms.csv")
            Issue.record("a blank target was accepted")
        } catch {
            #expect(error.line == 1)
            #expect("\(error)".contains("the target of 'банка' is empty"))
        }
        let entries = try GlossaryFile.entries(parsing: Array("банка,bank\n,\t\n".utf8), format: .csv, source: "terms.csv")
        #expect(entries.map(\.target) == ["bank"])
    }

    /// FuzzGlossary: the same in TSV, with a target that was a lone CR.
    @Test func aTSVTargetOfOnlyWhiteSpaceIsEmpty() throws {
        let bytes: [UInt8] = [0x0D, 0x00, 0x3F, 0x00, 0x3F, 0xDA, 0x00, 0x00, 0x3F, 0x09, 0x0D, 0x09]
        #expect(throws: TableError.self) { try GlossaryFile.entries(parsing: bytes, format: .tsv, source: "fuzz") }
        #expect(throws: TableError.self) {
            try GlossaryFile.entries(parsing: Array("банка\t\u{A0}\n".utf8), format: .tsv, source: "terms.tsv")
        }
        let kept = try GlossaryFile.entries(parsing: Array("НАТО\t\u{A0}\tdnt\nбанка\tbank\n".utf8), format: .tsv, source: "terms.tsv")
        #expect(kept.map(\.source) == ["НАТО", "банка"])
    }
}
