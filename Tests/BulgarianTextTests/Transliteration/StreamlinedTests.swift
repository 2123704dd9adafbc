import Testing
import BulgarianText

/// The Streamlined System as the Transliteration Act 2009 defines it.
@Suite("Streamlined System")
struct StreamlinedTests {
    static let transliterator = try! Transliterator()

    private func latin(_ text: String) throws -> String {
        try Self.transliterator.transliterate(text)
    }

    /// Art. 4 of the Act, written out here rather than read from the table, so
    /// that a wrong table fails.
    static let alphabet: [(String, String)] = [
        ("а", "a"), ("б", "b"), ("в", "v"), ("г", "g"), ("д", "d"), ("е", "e"), ("ж", "zh"), ("з", "z"),
        ("и", "i"), ("й", "y"), ("к", "k"), ("л", "l"), ("м", "m"), ("н", "n"), ("о", "o"), ("п", "p"),
        ("р", "r"), ("с", "s"), ("т", "t"), ("у", "u"), ("ф", "f"), ("х", "h"), ("ц", "ts"), ("ч", "ch"),
        ("ш", "sh"), ("щ", "sht"), ("ъ", "a"), ("ь", "y"), ("ю", "yu"), ("я", "ya"),
    ]

    @Test(arguments: alphabet)
    func everyLetterInEveryCase(letter: String, expected: String) throws {
        let capital = letter.uppercased()
        let title = expected.prefix(1).uppercased() + expected.dropFirst()
        #expect(try latin(letter + "о") == expected + "o")
        #expect(try latin(capital + "о") == title + "o")
        #expect(try latin(capital + "О") == expected.uppercased() + "O")
        #expect(try latin("о" + letter) == "o" + expected)
        #expect(try latin("О" + capital) == "O" + expected.uppercased())
    }

    @Test func endingIaAtTheEndOfAWordOnly() throws {
        #expect(try latin("София") == "Sofia")
        #expect(try latin("Мария") == "Maria")
        #expect(try latin("Илия") == "Ilia")
        #expect(try latin("Вилияна") == "Viliyana")
        #expect(try latin("Мариян") == "Mariyan")
        #expect(try latin("СОФИЯ") == "SOFIA")
        #expect(try latin("Ия") == "Ia")
        #expect(try latin("София, Мария. Русия!") == "Sofia, Maria. Rusia!")
        #expect(try latin("„Мария“") == "„Maria“")
        #expect(try latin("София-град") == "Sofia-grad")
        #expect(try latin("Партия2026") == "Partia2026")
        #expect(try latin("Историята") == "Istoriyata")
        #expect(try latin("история\n") == "istoria\n")
    }

    @Test func theNameOfTheState() throws {
        #expect(try latin("Република България") == "Republika Bulgaria")
        #expect(try latin("БЪЛГАРИЯ") == "BULGARIA")
        #expect(try latin("България.") == "Bulgaria.")
        #expect(try latin("българин") == "balgarin")
        #expect(try latin("Българията") == "Balgariyata")
        #expect(try latin("Нова България") == "Nova Bulgaria")
        #expect(try latin("Бълга\u{0301}рия") == "Balgaria")
    }

    @Test func multiLetterCapitalsFollowTheirWord() throws {
        #expect(try latin("Щастливец") == "Shtastlivets")
        #expect(try latin("ЩАСТЛИВЕЦ") == "SHTASTLIVETS")
        #expect(try latin("Жеравна") == "Zheravna")
        #expect(try latin("ЖЕРАВНА") == "ZHERAVNA")
        #expect(try latin("ЮГ") == "YUG")
        #expect(try latin("Юг") == "Yug")
        #expect(try latin("ЛЕЩ") == "LESHT")
        #expect(try latin("Чичо Цеко") == "Chicho Tseko")
    }

    @Test func oneLetterWordsAndInitials() throws {
        #expect(try latin("Ж. Петрова") == "Zh. Petrova")
        #expect(try latin("Ю. Иванов и Ч. Петров") == "Yu. Ivanov i Ch. Petrov")
        #expect(try latin("ЖАНА Ж. ПЕТРОВА") == "ZHANA ZH. PETROVA")
        #expect(try latin("Ж. ПЕТРОВА") == "ZH. PETROVA")
        #expect(try latin("ПЕТРОВА Ж.") == "PETROVA ZH.")
        #expect(try latin("Ж") == "Zh")
        #expect(try latin("ПЕТРОВА\nЖ.") == "PETROVA\nZh.")
    }

    @Test func iWithGraveAndCanonicalEquivalents() throws {
        #expect(try latin("ѝ каза") == "i kaza")
        #expect(try latin("Ѝ") == "I")
        #expect(try latin("и\u{0300} каза") == "i kaza")
        #expect(try latin("краи\u{0306}") == "kray")
        #expect(try latin("КРАИ\u{0306}") == "KRAY")
        #expect(try latin("ѐ") == "e")
        #expect(try latin("е\u{0300}") == "e")
        #expect(try latin("край") == latin("краи\u{0306}"))
    }

    @Test func stressMarksAreDropped() throws {
        #expect(try latin("за\u{0301}мък") == "zamak")
        #expect(try latin("замъ\u{0301}к") == "zamak")
        #expect(try latin("Софи\u{0301}я") == "Sofia")
        #expect(try latin("Мари\u{0301}я\u{0301}") == "Maria")
        #expect(try latin("cafe\u{0301}") == "cafe\u{0301}", "marks on Latin letters are not ours to drop")
    }

    @Test func everythingElsePassesThroughUnchanged() throws {
        #expect(try latin("iPhone 15 и COVID-19 😀 ☕ 1 000 000 лв. – 25%") == "iPhone 15 i COVID-19 😀 ☕ 1 000 000 lv. – 25%")
        #expect(try latin("") == "")
        #expect(try latin("  \t\n\nа  б \n") == "  \t\n\na  b \n")
        #expect(try latin("\r\nа\r\n") == "\r\na\r\n")
        #expect(try latin("ул. „Цар Шишман“ № 5") == "ul. „Tsar Shishman“ № 5")
        #expect(try latin("ёж, Ыы, їжак") == "ёzh, Ыы, їzhak")
    }

    @Test func iso9FallbackForOtherCyrillicLetters() throws {
        let withFallback = try Transliterator(fallback: .iso9Fallback)
        #expect(try withFallback.transliterate("ёж, Ыы, їжак, Ѣ") == "ëzh, Yy, ïzhak, Ě")
        #expect(try withFallback.transliterate("София") == "Sofia")
    }

    @Test func exceptionsWinOverTheRules() throws {
        let words = try TransliterationTable.exceptions(parsing: "# names\nЦветан\tTzvetan\nЖечев Jechev\n", source: "test")
        let transliterator = try Transliterator(exceptions: words)
        #expect(try transliterator.transliterate("Цветан Жечев") == "Tzvetan Jechev")
        #expect(try transliterator.transliterate("ЦВЕТАН ЖЕЧЕВ") == "TZVETAN JECHEV")
        #expect(try transliterator.transliterate("цветан") == "tzvetan")
        #expect(try transliterator.transliterate("Цветанов Жечева") == "Tsvetanov Zhecheva", "whole words only")
    }

    @Test func bytesAndStringsAgree() throws {
        let text = "Пловдив, ул. „Княз Александър I“ № 12\n"
        let bytes = try Self.transliterator.transliterate(utf8: Array(text.utf8))
        #expect(String(decoding: bytes, as: UTF8.self) == (try latin(text)))
    }

    @Test func invalidUTF8IsReportedWithItsOffset() throws {
        #expect(throws: InvalidUTF8Error(byteOffset: 4, bytes: [0xFF, 0x41])) {
            try Self.transliterator.transliterate(utf8: Array("аб".utf8) + [0xFF, 0x41])
        }
    }
}
