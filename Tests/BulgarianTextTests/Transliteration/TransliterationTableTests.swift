import Testing
@testable import BulgarianText

@Suite("Transliteration tables")
struct TransliterationTableTests {
    @Test func builtInTablesParse() {
        #expect(TransliterationTable.streamlined.letters.count == 32)
        #expect(TransliterationTable.streamlined.endings.map { String(String.UnicodeScalarView($0.source)) } == ["ия"])
        #expect(TransliterationTable.streamlined.words.map(\.source) == ["българия"])
        #expect(TransliterationTable.iso9Fallback.letters.count > 15)
    }

    @Test(arguments: [
        ("letter ж", 1, "expected `letter CYRILLIC LATIN`, found `letter ж`"),
        ("# comment\n\nletter жж zh", 3, "`жж` must be a single character"),
        ("letter Ж zh", 1, "`Ж` must be one lower-case non-ASCII letter"),
        ("letter a b", 1, "`a` must be one lower-case non-ASCII letter"),
        ("letter ж 1zh", 1, "`1zh` must start and end with a letter"),
        ("drop U+0041", 1, "U+0041 is not a combining mark"),
        ("drop 0301", 1, "`0301` must be a code point written U+XXXX"),
        ("letter а a\nsyllable ба ba", 2, "unknown rule `syllable` (expected letter, ending, word, compose or drop)"),
    ])
    func malformedTablesNameTheLine(text: String, line: Int, message: String) {
        #expect(throws: TableError(source: "t.txt", line: line, message: message)) {
            _ = try TransliterationTable(parsing: text, source: "t.txt")
        }
    }

    @Test func malformedExceptionsNameTheLine() {
        #expect(throws: TableError(source: "e.txt", line: 2, message: "expected `CYRILLIC LATIN` (one word each), found `Иван Петров Ivan`")) {
            _ = try TransliterationTable.exceptions(parsing: "Цветан Tzvetan\nИван Петров Ivan\n", source: "e.txt")
        }
        #expect(throws: TableError.self) {
            _ = try TransliterationTable.exceptions(parsing: "Ivan Иван\n", source: "e.txt")
        }
    }

    @Test func aTableOfYourOwn() throws {
        let table = try TransliterationTable(parsing: "letter ж j\nletter а a\nending жа ja\n", source: "mine")
        let transliterator = try Transliterator(table: table)
        // б is not in this table, so it passes through.
        #expect(try transliterator.transliterate("Жажа ЖАЖА жаба") == "Jaja JAJA jaбa")
    }
}

@Suite("Table lines")
struct TableLinesTests {
    @Test func crlfAndLfFilesReadAlike() throws {
        #expect("a\r\nb\n\r\nc\r".lines == ["a", "b", "", "c"])
        #expect("".lines == [""])
        #expect("ж\n".lines == ["ж", ""])
        let crlf = try TransliterationTable(parsing: "# table\r\nletter ж j\r\nletter а a\r\n", source: "crlf.txt")
        let lf = try TransliterationTable(parsing: "# table\nletter ж j\nletter а a\n", source: "lf.txt")
        #expect(crlf == lf)
        #expect(throws: TableError(source: "crlf.txt", line: 2, message: "unknown rule `lettre` (expected letter, ending, word, compose or drop)")) {
            _ = try TransliterationTable(parsing: "letter ж j\r\nlettre а a\r\n", source: "crlf.txt")
        }
    }
}
