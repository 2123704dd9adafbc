import Testing
@testable import BulgarianText

/// The sentences of `text`, as strings, with the default options (or `options`).
func sentences(_ text: String, _ options: Segmenter.Options = .init()) throws -> [String] {
    try Segmenter(options: options).sentenceTexts(in: text).map(String.init)
}

/// Every failure class of ICU on Bulgarian, in both directions: where the
/// rules must break and where they must not.
@Suite("Segmentation rules")
struct SegmentationRuleTests {
    @Test func abbreviationsAndTitlesNeverEndASentence() throws {
        #expect(try sentences("Лекцията изнесе проф. Иванов от Пловдив.") == ["Лекцията изнесе проф. Иванов от Пловдив."])
        #expect(try sentences("Живея на ул. Раковски в центъра.") == ["Живея на ул. Раковски в центъра."])
        #expect(try sentences("Роден е в гр. София през зимата.") == ["Роден е в гр. София през зимата."])
        #expect(try sentences("Той, т.е. Иван, дойде пръв.") == ["Той, т.е. Иван, дойде пръв."])
        #expect(try sentences("Вземи напр. Петър за пример.") == ["Вземи напр. Петър за пример."])
        #expect(try sentences("Командир беше ген. Петров от запаса.") == ["Командир беше ген. Петров от запаса."])
        #expect(try sentences("Пише се така (бел. ред.) и толкова.") == ["Пише се така (бел. ред.) и толкова."])
        #expect(try sentences("Проф. Иванов и доц. Петрова дойдоха.") == ["Проф. Иванов и доц. Петрова дойдоха."])
        #expect(try sentences("Там беше гл.серж. Колев със своя взвод.") == ["Там беше гл.серж. Колев със своя взвод."])
        #expect(try sentences("Според чл. 5 от закона това е забранено.") == ["Според чл. 5 от закона това е забранено."])
        #expect(try sentences("Според Чл. 5 Иван е прав.") == ["Според Чл. 5 Иван е прав."])
        // …and an ordinary word before a capital still ends one.
        #expect(try sentences("Дойде Иванов. Всички станаха.") == ["Дойде Иванов.", "Всички станаха."])
    }

    @Test func initialsNeverEndASentence() throws {
        #expect(try sentences("Срещата беше с В. Путин и Д. Тръмп в Женева.") == ["Срещата беше с В. Путин и Д. Тръмп в Женева."])
        #expect(try sentences("Писмото подписа J. Smith вчера.") == ["Писмото подписа J. Smith вчера."])
        // Two Latin capitals are not an initial.
        #expect(try sentences("Решението взе EU. Тя е съюз.") == ["Решението взе EU.", "Тя е съюз."])
        let mayEnd = Segmenter.Options(initials: InitialsPolicy(cyrillic: .mayEnd, latin: .mayEnd))
        #expect(try sentences("Срещата беше с В. Путин.", mayEnd) == ["Срещата беше с В.", "Путин."])
    }

    @Test func mayEndAbbreviationsAreDecidedByWhatFollows() throws {
        #expect(try sentences("Това стана през 2026 г. Следващата година ще е по-добра.")
                == ["Това стана през 2026 г.", "Следващата година ще е по-добра."])
        #expect(try sentences("През 2026 г. се случи много.") == ["През 2026 г. се случи много."])
        #expect(try sentences("Цената е 5 лв. Това е много.") == ["Цената е 5 лв.", "Това е много."])
        #expect(try sentences("Цената е 5 лв. за килограм.") == ["Цената е 5 лв. за килограм."])
        #expect(try sentences("Купихме ябълки, круши и др. Всичко беше прясно.")
                == ["Купихме ябълки, круши и др.", "Всичко беше прясно."])
        #expect(try sentences("Дойдоха Иван, Мария и т.н. После си тръгнаха.")
                == ["Дойдоха Иван, Мария и т.н.", "После си тръгнаха."])
        #expect(try sentences("Градът е основан през V в. пр.н.е. Бил е голям.")
                == ["Градът е основан през V в. пр.н.е.", "Бил е голям."])
        #expect(try sentences("Храмът е от 5 в. сл.Хр. Днес е музей.") == ["Храмът е от 5 в. сл.Хр.", "Днес е музей."])
        #expect(try sentences("Храмът е от 5 в. сл.Хр. и днес е музей.") == ["Храмът е от 5 в. сл.Хр. и днес е музей."])
        #expect(try sentences("Срещата е на 5 ян. в София.") == ["Срещата е на 5 ян. в София."])
        #expect(try sentences("Роден е на 5 дек. Следващата година заминал.") == ["Роден е на 5 дек.", "Следващата година заминал."])
        #expect(try sentences("Спестих 20 хил. Купих кола.") == ["Спестих 20 хил.", "Купих кола."])
        #expect(try sentences("Загубите са 3 млн. евро за година.") == ["Загубите са 3 млн. евро за година."])
        #expect(try sentences("Влакът тръгва в 10 ч. 30 мин. сутринта.") == ["Влакът тръгва в 10 ч. 30 мин. сутринта."])
        #expect(try sentences("Излиза във в. „Труд“ всеки ден.") == ["Излиза във в. „Труд“ всеки ден."])
    }

    @Test func dialogueDashesStartASentence() throws {
        #expect(try sentences("— Ще дойда — каза той. — Добре.") == ["— Ще дойда — каза той.", "— Добре."])
        #expect(try sentences("Детето плаче. - Защо? - Не знам.") == ["Детето плаче.", "- Защо?", "- Не знам."])
        #expect(try sentences("Чакай! – Не мога.") == ["Чакай!", "– Не мога."])
        // A dash after ? or ! before a small letter is the speaker's part of the same sentence.
        #expect(try sentences("- Защо? - попита тя.") == ["- Защо? - попита тя."])
        #expect(try sentences("Стоеше до прозореца — мълчеше. Беше тъжен.") == ["Стоеше до прозореца — мълчеше.", "Беше тъжен."])
        #expect(try sentences("Видях проф. - Иванов не дойде.") == ["Видях проф. - Иванов не дойде."])
    }

    @Test func anEllipsisEndsASentenceBeforeACapital() throws {
        #expect(try sentences("Чакахме… Накрая дойде.") == ["Чакахме…", "Накрая дойде."])
        #expect(try sentences("Чакахме… и чакахме.") == ["Чакахме… и чакахме."])
        #expect(try sentences("„Не знам…“ Той замълча.") == ["„Не знам…“", "Той замълча."])
        #expect(try sentences("Чакахме... Накрая дойде.") == ["Чакахме...", "Накрая дойде."])
        #expect(try sentences("Чакахме... и чакахме.") == ["Чакахме... и чакахме."])
    }

    @Test func questionAndExclamationBeforeASmallLetterGoOn() throws {
        #expect(try sentences("„Къде отиваш?“ попита тя.") == ["„Къде отиваш?“ попита тя."])
        #expect(try sentences("Някой (кой ли?) се обади.") == ["Някой (кой ли?) се обади."])
        #expect(try sentences("„Ох!“ въздъхна баба.") == ["„Ох!“ въздъхна баба."])
        #expect(try sentences("Къде отиваш? Вкъщи.") == ["Къде отиваш?", "Вкъщи."])
        #expect(try sentences("Стига! Тръгваме.") == ["Стига!", "Тръгваме."])
    }

    @Test func numberedItemsAndLegalNumbering() throws {
        #expect(try sentences("1. Въведение") == ["1. Въведение"])
        #expect(try sentences("1. Въведение\n2. Методи") == ["1. Въведение", "2. Методи"])
        #expect(try sentences("Чл. 1. (1) Текстът гласи така.") == ["Чл. 1. (1) Текстът гласи така."])
        #expect(try sentences("Съгласно ал. 2. Лицето плаща такса.") == ["Съгласно ал. 2.", "Лицето плаща такса."])
        #expect(try sentences("Той е роден през 1990. После се премести.") == ["Той е роден през 1990.", "После се премести."])
        #expect(try sentences("Шофьорът бил в кафенето. 5 души го видели.") == ["Шофьорът бил в кафенето.", "5 души го видели."])
        #expect(try sentences("Виж стр. 4 от доклада.") == ["Виж стр. 4 от доклада."])
        #expect(try sentences("II. Методи на изследването") == ["II. Методи на изследването"])
        #expect(try sentences("Това стана при Петър II. Той беше млад.") == ["Това стана при Петър II.", "Той беше млад."])
    }

    @Test func noBreaksInsideURLsAddressesNumbersAndFileNames() throws {
        #expect(try sentences("Отвори www.primer.bg/a?Test=1 и чакай.") == ["Отвори www.primer.bg/a?Test=1 и чакай."])
        #expect(try sentences("Виж https://primer.bg/tarsene?q=1. После ела.") == ["Виж https://primer.bg/tarsene?q=1.", "После ела."])
        #expect(try sentences("Пиши на ivan.petrov@primer.bg. Ще отговоря.") == ["Пиши на ivan.petrov@primer.bg.", "Ще отговоря."])
        #expect(try sentences("Пиши на Ivan.Petrov@primer.bg днес.") == ["Пиши на Ivan.Petrov@primer.bg днес."])
        #expect(try sentences("Числото е около 3.14 и е безкрайно.") == ["Числото е около 3.14 и е безкрайно."])
        #expect(try sentences("Срещата е на 21.01.2026 г. в залата.") == ["Срещата е на 21.01.2026 г. в залата."])
        #expect(try sentences("Срещата е на 21.01.2026 г. Ела навреме.") == ["Срещата е на 21.01.2026 г.", "Ела навреме."])
        #expect(try sentences("Отвори файла Doklad.Final.docx и го прочети.") == ["Отвори файла Doklad.Final.docx и го прочети."])
        #expect(try sentences("Файлът се казва otchet?.txt и е празен.") == ["Файлът се казва otchet?.txt и е празен."])
        // A capital right after ? outside a URL is a new sentence written without a space.
        #expect(try sentences("Защо?Кой знае.") == ["Защо?", "Кой знае."])
    }

    @Test func closingQuotesAndBracketsStayWithTheirSentence() throws {
        #expect(try sentences("Той каза: „Ела.“ И тя дойде.") == ["Той каза: „Ела.“", "И тя дойде."])
        #expect(try sentences("(Това е вярно.) После продължихме.") == ["(Това е вярно.)", "После продължихме."])
        #expect(try sentences("Тя писа: \"Ще дойда.\" Не дойде.") == ["Тя писа: \"Ще дойда.\"", "Не дойде."])
        #expect(try sentences("«Добре!» Тръгнахме.") == ["«Добре!»", "Тръгнахме."])
    }

    @Test func colonBeforeACapital() throws {
        #expect(try sentences("Иван Петров (35 г.), учител, София: Цените са високи.")
                == ["Иван Петров (35 г.), учител, София:", "Цените са високи."])
        #expect(try sentences("Снимка: Иван Петров") == ["Снимка: Иван Петров"])
        #expect(try sentences("Той каза: „Ела!“") == ["Той каза: „Ела!“"])
        #expect(try sentences("Купихме: ябълки, круши.") == ["Купихме: ябълки, круши."])
        #expect(try sentences("Срещата е в 10:30 часа.") == ["Срещата е в 10:30 часа."])
        #expect(try sentences("Учител, София: Цените са високи.", .init(colonBreaks: false))
                == ["Учител, София: Цените са високи."])
    }

    @Test func lineBreaksAndParagraphs() throws {
        #expect(try sentences("Първи ред\nвтори ред") == ["Първи ред", "втори ред"])
        #expect(try sentences("Това е дълго\nизречение. Второ.", .init(softWrap: true))
                == ["Това е дълго\nизречение.", "Второ."])
        let text = "Абзац едно. Още.\n\nАбзац две.\n  \n\nАбзац три\nна два реда."
        let found = try Segmenter().sentences(in: text)
        #expect(found.map { String($0.text(in: text)) } == ["Абзац едно.", "Още.", "Абзац две.", "Абзац три", "на два реда."])
        #expect(found.map(\.paragraph) == [1, 1, 2, 3, 3])
        let wrapped = try Segmenter(options: .init(softWrap: true)).sentences(in: text)
        #expect(wrapped.map { String($0.text(in: text)) } == ["Абзац едно.", "Още.", "Абзац две.", "Абзац три\nна два реда."])
        #expect(wrapped.map(\.paragraph) == [1, 1, 2, 3])
        #expect(try sentences("\r\nРед едно.\r\nРед две.\r\n") == ["Ред едно.", "Ред две."])
    }

    @Test func userAbbreviations() throws {
        let mine = try AbbreviationTable(parsing: "# мои\nсв.прот. never-end\nкол. never-end\n", source: "mine.txt")
        let options = Segmenter.Options(abbreviations: .builtIn.merging(mine))
        #expect(try sentences("Дойде кол. Петров.") == ["Дойде кол.", "Петров."])
        #expect(try sentences("Дойде кол. Петров.", options) == ["Дойде кол. Петров."])
        // A user's kind wins over the built-in one.
        let override = try AbbreviationTable(parsing: "г. never-end", source: "x")
        #expect(try sentences("През 2026 г. Следващата.", .init(abbreviations: .builtIn.merging(override)))
                == ["През 2026 г. Следващата."])
    }

    @Test func icuAloneKeepsICUsMistakes() throws {
        let raw = Segmenter.Options(bulgarianRules: false)
        #expect(try sentences("Лекцията изнесе проф. Иванов.", raw) == ["Лекцията изнесе проф.", "Иванов."])
        #expect(try sentences("Чакахме… Накрая дойде.", raw) == ["Чакахме… Накрая дойде."])
    }

    @Test func stringIndexRangesMatchByteRanges() throws {
        let text = "Здравей, свят! Как си? 👋🏽 Добре."
        for sentence in try Segmenter().sentences(in: text) {
            let byIndex = String(text[sentence.range(in: text)])
            let byBytes = String(decoding: Array(text.utf8)[sentence.utf8Range], as: UTF8.self)
            #expect(byIndex == byBytes)
        }
        #expect(try sentences(text) == ["Здравей, свят!", "Как си?", "👋🏽 Добре."])
    }
}
