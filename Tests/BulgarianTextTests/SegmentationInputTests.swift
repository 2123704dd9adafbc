import Testing
@testable import BulgarianText

/// Bad and extreme input: malformed tables, invalid UTF-8, huge lines, nothing at all.
@Suite("Segmentation input")
struct SegmentationInputTests {
    @Test func malformedAbbreviationFilesNameTheLine() {
        #expect(throws: TableError(source: "mine.txt", line: 3,
                                   message: "unknown kind 'sometimes' (expected never-end, may-end or numbering)")) {
            try AbbreviationTable(parsing: "# мои\nкол. never-end\nинж. sometimes\n", source: "mine.txt")
        }
        #expect(throws: TableError(source: "mine.txt", line: 1,
                                   message: "'кол' is not an abbreviation: it must end with a dot and be at most 48 bytes")) {
            try AbbreviationTable(parsing: "кол never-end", source: "mine.txt")
        }
        #expect(throws: TableError(source: "mine.txt", line: 2,
                                   message: "expected `FORM KIND` (two fields), found 1: 'кол.'")) {
            try AbbreviationTable(parsing: "\nкол.", source: "mine.txt")
        }
        #expect(throws: TableError(source: "p.txt", line: 1, message: "unknown script 'greek' (expected cyrillic or latin)")) {
            try InitialsPolicy(parsing: "greek never-end", source: "p.txt")
        }
    }

    @Test func builtInTablesLoad() {
        #expect(AbbreviationTable.builtIn["проф."] == .neverEnd)
        #expect(AbbreviationTable.builtIn["г."] == .mayEnd)
        #expect(AbbreviationTable.builtIn["чл."] == .numbering)
        #expect(InitialsPolicy.builtIn == InitialsPolicy(cyrillic: .neverEnd, latin: .neverEnd))
        #expect(Segmenter.colonLabels.contains("снимка"))
    }

    @Test func invalidUTF8IsReportedWithItsOffset() throws {
        let segmenter = try Segmenter()
        var bytes = Array("Добре. Лошо".utf8)
        bytes.insert(0xFF, at: 10)
        #expect(throws: InvalidUTF8Error(byteOffset: 10, bytes: [0xFF, 0x2E, 0x20, 0xD0])) {
            try segmenter.sentences(inUTF8: bytes)
        }
        var stream = segmenter.makeStream()
        _ = try stream.feed(Array("Първо изречение. ".utf8))
        #expect(throws: InvalidUTF8Error(byteOffset: 31, bytes: [0xC0, 0x80])) {
            try stream.feed([0xC0, 0x80])
        }
        var cut = segmenter.makeStream()
        _ = try cut.feed(Array("Края".utf8) + [0xD0])
        #expect(throws: InvalidUTF8Error(byteOffset: 8, bytes: [0xD0])) { try cut.finish() }
    }

    @Test func aStreamReturnsSentencesBeforeTheInputEnds() throws {
        var stream = try Segmenter().makeStream()
        let paragraph = Array(String(repeating: "Това е изречение. Ето още едно! ", count: 2000).utf8)
        let batch = try stream.feed(paragraph)
        #expect(batch.sentences.count > 3000)
        #expect(batch.text(of: batch.sentences[0]) == "Това е изречение.")
        #expect(try stream.finish().sentences.count == 4000 - batch.sentences.count)
    }

    @Test func aCharacterSplitAcrossChunksIsFine() throws {
        let segmenter = try Segmenter()
        var stream = segmenter.makeStream()
        let bytes = Array("Едно. Две.".utf8)
        var texts: [String] = []
        for byte in bytes {
            let batch = try stream.feed([byte])
            texts += batch.sentences.map(batch.text(of:))
        }
        let last = try stream.finish()
        texts += last.sentences.map(last.text(of:))
        #expect(texts == ["Едно.", "Две."])
    }

    @Test func emptyAndWhitespaceOnlyInput() throws {
        let segmenter = try Segmenter()
        #expect(try segmenter.sentences(in: "").isEmpty)
        #expect(try segmenter.sentences(in: String(repeating: "\n", count: 100_000)).isEmpty)
        #expect(try segmenter.sentences(in: " \t\r\n\u{A0} ").isEmpty)
        #expect(try sentences("\n\n\nЕдно.\n\n") == ["Едно."])
        #expect(try segmenter.sentences(in: "\n\n\nЕдно.").map(\.paragraph) == [1])
    }

    @Test func aHugeLineWithoutPunctuationIsCutIntoBoundedSentences() throws {
        let segmenter = try Segmenter()
        let text = String(repeating: "дума ", count: 700_000)  // 7.7 MB, one line
        let found = try segmenter.sentences(in: text)
        checkLossless(text, found)
        #expect(found.count >= 7)
        #expect(found.allSatisfy { $0.utf8Range.count <= SegmentationEngine.windowSize })
        let noSpaces = String(repeating: "ж", count: 1_500_000)  // 3 MB without a space
        let pieces = try segmenter.sentences(in: noSpaces)
        checkLossless(noSpaces, pieces)
        #expect(pieces.count >= 3)
    }

    @Test func binaryLikeInputDoesNotCrash() throws {
        let segmenter = try Segmenter()
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<20 {
            let raw = (0..<20_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let text = String(decoding: raw, as: UTF8.self)
            checkLossless(text, try segmenter.sentences(in: text))
            do {
                _ = try segmenter.sentences(inUTF8: raw)
            } catch is InvalidUTF8Error {
                // expected for random bytes
            }
        }
    }

    @Test func srxExportIsWellFormedAndCarriesTheTables() throws {
        let srx = try Segmenter().exportSRX()
        #expect(srx.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        #expect(srx.contains("<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">"))
        #expect(srx.contains("проф"))
        #expect(srx.contains("<rule break=\"no\">"))
        #expect(srx.contains("<languagemap languagepattern="))
        // XML forbids `--` inside a comment.
        for comment in srx.split(separator: "<!--").dropFirst() {
            #expect(!comment.prefix { $0 != ">" }.dropLast(2).contains("--"))
        }
        // Every element that opens closes, in order.
        var stack: [Substring] = []
        var rest = Substring(srx)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { Issue.record("unclosed tag"); return }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("?") || tag.hasPrefix("!") || tag.hasSuffix("/") { continue }
            if tag.hasPrefix("/") {
                #expect(stack.popLast() == tag.dropFirst())
            } else {
                stack.append(tag.prefix { $0 != " " })
            }
        }
        #expect(stack.isEmpty)
    }
}
