import Testing
@testable import BulgarianText

/// Normalizes with the given options and returns the text.
func normalized(_ text: String, _ options: NormalizationOptions = NormalizationOptions()) throws -> String {
    try Normalizer(options: options).normalize(text).text
}

@Suite("Normalization: default operations")
struct NormalizationDefaultTests {
    @Test func cleanTextIsUntouched() throws {
        let text = "Кметът на Пловдив откри „Форум 2026“ – в 10:30 ч. Цената е 1 000 000 лв. (около 5 %),  двама  гости.\n\nКрай"
        let result = try Normalizer().normalize(text)
        #expect(result.text == text)
        #expect(result.isUnchanged)
        #expect(result.changes.isEmpty)
    }

    @Test func byteOrderMarkAndLineEnds() throws {
        let result = try Normalizer().normalize("\u{FEFF}ред едно\r\nред две\rред три\r\n")
        #expect(result.text == "ред едно\nред две\nред три\n")
        #expect(result.changes.map(\.kind) == [.byteOrderMark, .lineEnding, .lineEnding, .lineEnding])
        #expect(result.changes[0].originalRange == 0..<3)
    }

    @Test func invisibleCharactersAreDeletedNotSpaced() throws {
        #expect(try normalized("ра\u{AD}бота") == "работа")
        #expect(try normalized("зе\u{200B}мя\u{200C}та\u{200D}\u{2060}") == "земята")
        #expect(try normalized("а\u{FEFF}б") == "аб")
        #expect(try normalized("\u{200E}текст\u{200F} \u{202A}вграден\u{202C} \u{2066}изолиран\u{2069}") == "текст вграден изолиран")
        #expect(try normalized("ab\u{0}c\u{7}d\u{1B}e\u{7F}f\u{85}g\u{9C}h") == "abcdefgh")
        #expect(try normalized("колона\tдве\nред") == "колона\tдве\nред")
        #expect(try normalized("форма\u{0C}та\u{0B}") == "формата")
    }

    @Test func typographicSpacesBecomePlainSpaces() throws {
        #expect(try normalized("а\u{2002}б\u{2003}в\u{2009}г\u{200A}д\u{3000}е\u{2000}ж") == "а б в г д е ж")
        // NBSP and the narrow NBSP are kept.
        #expect(try normalized("1\u{A0}000\u{202F}000 лв.") == "1\u{A0}000\u{202F}000 лв.")
    }

    @Test func everythingElseAsItIs() throws {
        let kept = [
            "\"прави\" кавички, „български“, «френски», 'единични'",
            "тире - среден – дълъг — знак... и …",
            "1.000.000 и 1,5 и 10 % и 10%",
            "много     интервали   тук",
            "без нов ред накрая",
            "\n\n\nпразни редове\n\n",
            "г-н Петров и д-р Иванова",
        ]
        for text in kept { #expect(try normalized(text) == text) }
    }

    @Test func composition() throws {
        #expect(try normalized("и\u{300}") == "ѝ")
        #expect(try normalized("И\u{300}") == "Ѝ")
        #expect(try normalized("и\u{306}") == "й")
        #expect(try normalized("ѝ и й") == "ѝ и й")
        #expect(try normalized("cafe\u{301}") == "café")
        let result = try Normalizer().normalize("дай ѝ и\u{300} мо\u{301}ре")
        #expect(result.text == "дай ѝ ѝ мо\u{301}ре")
        #expect(result.changes.map(\.kind) == [.composition])
        #expect(result.changes[0].before == "и\u{300}")
        #expect(result.changes[0].after == "ѝ")
    }

    @Test func deletionsHappenBeforeComposition() throws {
        // A soft hyphen between a letter and its mark: deleting it lets them compose.
        #expect(try normalized("и\u{AD}\u{300}") == "ѝ")
        #expect(try normalized("и\u{200B}\u{306}") == "й")
    }

    @Test func invalidUTF8IsReportedWithItsOffset() {
        #expect(throws: InvalidUTF8Error(byteOffset: 4, bytes: [0xFF, 0x61])) {
            try Normalizer().normalize(utf8: Array("дв".utf8) + [0xFF, 0x61])
        }
    }
}

@Suite("Normalization: opt-in operations")
struct NormalizationOptInTests {
    @Test func stripStress() throws {
        let options = NormalizationOptions(stripStress: true)
        #expect(try normalized("мо\u{301}ре и ка\u{300}зах", options) == "море и казах")
        #expect(try normalized("ѐ Ѐ е\u{300}", options) == "е Е е")
        #expect(try normalized("дай ѝ и\u{300} й и\u{306}", options) == "дай ѝ ѝ й й")
        #expect(try normalized("мо\u{301}ре") == "мо\u{301}ре")  // not by default
        #expect(try Normalizer(options: options).normalize("мо\u{301}ре").changes.map(\.kind) == [.stress])
    }

    @Test func filteredCompatibilityComposition() throws {
        let options = NormalizationOptions(compatibilityComposition: true)
        #expect(try normalized("ﬁ ＡＢ ① ½", options) == "fi AB 1 1⁄2")
        #expect(try normalized("№ 5, 10 м² и 3 м³, 1\u{A0}000\u{202F}000", options) == "№ 5, 10 м² и 3 м³, 1\u{A0}000\u{202F}000")
        #expect(try normalized("ﬁ №") == "ﬁ №")  // not by default
    }

    @Test func mixedScriptWordsBecomeSingleScript() throws {
        let options = NormalizationOptions(fixMixedScript: true)
        #expect(try normalized("Cофия", options) == "София")      // Latin C
        #expect(try normalized("BXOД", options) == "ВХОД")         // Latin B X O
        #expect(try normalized("TPAKИЯ", options) == "ТРАКИЯ")     // Latin T P A K
        #expect(try normalized("Mаrket", options) == "Market")     // Cyrillic а
        #expect(try normalized("в гр. Cофия, на yл. „Bитоша“", options) == "в гр. София, на ул. „Витоша“")
        let result = try Normalizer(options: options).normalize("Cофия")
        #expect(result.changes == [NormalizationChange(kind: .mixedScript, originalRange: 0..<9, before: "Cофия", after: "София")])
    }

    @Test func mixedScriptLeavesLatinWordsCodeAndAddressesAlone() throws {
        let options = NormalizationOptions(fixMixedScript: true)
        let kept = [
            "Reuters, CNBC, iPhone и COVID-19 са латиница",
            "Вижте https://exаmple.bg/Cофия и пишете на cофия@example.bg",
            "Променливата get_Cофия и файлът Cофия.txt и x86Cофия",
            "COPE срещу СОРЕ",  // every letter has a twin: nothing to decide
            "{Cофия} и %s",
        ]
        for text in kept { #expect(try normalized(text, options) == text) }
    }

    @Test func lookalikeTables() throws {
        #expect(throws: TableError(source: "mine.txt", line: 3, message: "expected a Latin letter and its Cyrillic look-alike, found `a б в`")) {
            try LookalikeTable(parsing: "# mine\na а\na б в\n", source: "mine.txt")
        }
        #expect(throws: TableError.self) { try LookalikeTable(parsing: "а a\n", source: "reversed.txt") }
        // A table of one pair: only that pair is repaired.
        let table = try LookalikeTable(parsing: "o о\n", source: "one.txt")
        let normalizer = try Normalizer(options: NormalizationOptions(fixMixedScript: true), lookalikes: table)
        #expect(try normalizer.normalize("пoле Cофия").text == "поле Cофия")
        #expect(LookalikeTable.builtIn.latinToCyrillic.count == 18)
    }

    @Test func typographyProfile() throws {
        let options = NormalizationOptions(profile: .typography)
        #expect(try normalized("Той каза \"добре\" и тръгна.", options) == "Той каза „добре“ и тръгна.")
        #expect(try normalized("София - столицата", options) == "София – столицата")
        #expect(try normalized("И после...", options) == "И после…")
        let kept = ["г-н Петров, д-р Иванова, министър-председател", "- точка от списък", "....", "https://example.bg/a...b",
                    "ширина 5\" и \"недовършен"]
        for text in kept { #expect(try normalized(text, options) == text) }
    }

    @Test func asciiProfile() throws {
        let options = NormalizationOptions(profile: .ascii)
        #expect(try normalized("„Да“ – каза той… «Не» — ‘а’ 1\u{A0}000", options) == "\"Да\" - каза той... \"Не\" - 'а' 1 000")
        #expect(try normalized("обикновен текст", options) == "обикновен текст")
    }

    @Test func shortAndBreveLettersSurviveEveryCombination() throws {
        let text = "Ѝ ѝ Й й и\u{300} и\u{306} дай ѝ „мой“ край"
        for mask in 0..<32 {
            for profile in [nil, NormalizationOptions.Profile.typography, .ascii] {
                let options = NormalizationOptions(
                    fixMojibake: mask & 1 != 0, fixMixedScript: mask & 2 != 0, stripStress: mask & 4 != 0,
                    profile: profile, compatibilityComposition: mask & 8 != 0)
                let result = try normalized(text, options)
                #expect(result.hasPrefix("Ѝ ѝ Й й ѝ й дай ѝ"), "\(options)")
                #expect(result.hasSuffix("мой\(profile == .ascii ? "\"" : "“") край"), "\(options)")
                #expect(!result.unicodeScalars.contains { $0.value == 0x0300 || $0.value == 0x0306 })
            }
        }
    }
}
