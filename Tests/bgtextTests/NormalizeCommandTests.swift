import Foundation
import Testing

@Suite("bgtext normalize and detect")
struct NormalizeCommandTests {
    @Test func cleanTextPassesThroughUnchanged() throws {
        let text = "Кметът откри „Форум 2026“ – в 10:30 ч.\n\n1\u{A0}000 лв.  и 5 %"
        let result = try BGTextRunner.run(["normalize"], input: text)
        #expect(result.status == 0)
        #expect(result.output == text)
        #expect(result.stderr == "")
    }

    @Test func defaultOperationsOnStandardInput() throws {
        let result = try BGTextRunner.run(["normalize"], input: "\u{FEFF}ра\u{AD}бота\r\nдай и\u{300}\u{2003}край\r")
        #expect(result.status == 0)
        #expect(result.output == "работа\nдай ѝ край\n")
    }

    @Test func filesAreConcatenatedInOrder() throws {
        let folder = try TemporaryDirectory()
        let first = try folder.file("първи.txt", "едно\r\n")
        let second = try folder.file("втори.txt", "две\u{200B}\n")
        let result = try BGTextRunner.run(["normalize", first, second])
        #expect(result.status == 0)
        #expect(result.output == "едно\nдве\n")
    }

    @Test func optInOperations() throws {
        let result = try BGTextRunner.run(
            ["normalize", "--fix-mixed-script", "--strip-stress", "--profile", "typography", "--fix-mojibake"],
            input: "Cофия - мо\u{301}ре и \"Р‘СЉР»РіР°СЂРёСЏ\"...\n")
        #expect(result.status == 0)
        #expect(result.output == "София – море и „България“…\n")
        let ascii = try BGTextRunner.run(["normalize", "--profile", "ascii", "--nfkc"], input: "„Да“ – № 5, 10 м², ﬁ…")
        #expect(ascii.output == "\"Да\" - № 5, 10 м², fi...")
    }

    @Test func explainListsChangesByOriginalOffset() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.file("in.txt", "Cофия\u{AD} е\r\nи\u{300} \"да\"\n")
        let result = try BGTextRunner.run(["normalize", "--explain", "--fix-mixed-script", "--profile", "typography", path])
        #expect(result.status == 0)
        #expect(result.output == "София е\nѝ „да“\n")
        #expect(result.stderr == """
            \(path):0: mixed-script: "Cофия" → "София"
            \(path):9: invisible: "\\u{AD}" → ""
            \(path):14: line-ending: "\\u{D}\\u{A}" → "\\u{A}"
            \(path):16: composition: "и\\u{300}" → "ѝ"
            \(path):21: punctuation: "\\"" → "„"
            \(path):26: punctuation: "\\"" → "“"

            """)
    }

    @Test func largeFilesAreNormalizedInPiecesWithFileOffsets() throws {
        let folder = try TemporaryDirectory()
        let line = "абв\u{AD}г\n"  // 11 bytes; the soft hyphen is at byte 6 of each line
        let count = 150_000  // 1.65 MB: more than one piece
        let path = try folder.file("big.txt", String(repeating: line, count: count))
        let result = try BGTextRunner.run(["normalize", "--explain", path])
        #expect(result.status == 0)
        #expect(result.output == String(repeating: "абвг\n", count: count))
        let explained = result.stderr.split(separator: "\n")
        #expect(explained.count == count)
        #expect(explained.last == "\(path):\((count - 1) * 11 + 6): invisible: \"\\u{AD}\" → \"\"")
        let inPlace = try BGTextRunner.run(["normalize", "--in-place", path])
        #expect(inPlace.status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == String(repeating: "абвг\n", count: count))
    }

    @Test func checkExitsWithOneWhenSomethingWouldChange() throws {
        let folder = try TemporaryDirectory()
        let clean = try folder.file("clean.txt", "чист текст\n")
        let dirty = try folder.file("dirty.txt", "мръсен\r\n")
        let passing = try BGTextRunner.run(["normalize", "--check", clean])
        #expect(passing.status == 0)
        #expect(passing.output == "")
        let failing = try BGTextRunner.run(["normalize", "--check", clean, dirty])
        #expect(failing.status == 1)
        #expect(failing.output == "\(dirty): would change (1 change)\n")
        #expect(failing.stderr == "")
        // The file itself is untouched.
        #expect(try String(contentsOfFile: dirty, encoding: .utf8) == "мръсен\r\n")
    }

    @Test func inPlaceReplacesOnlyChangedFiles() throws {
        let folder = try TemporaryDirectory()
        let dirty = try folder.file("dirty.txt", "ра\u{AD}бота\r\n")
        let clean = try folder.file("clean.txt", "работа\n")
        let before = try FileManager.default.attributesOfItem(atPath: clean)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.02)
        let result = try BGTextRunner.run(["normalize", "--in-place", dirty, clean])
        #expect(result.status == 0)
        #expect(result.output == "")
        #expect(try String(contentsOfFile: dirty, encoding: .utf8) == "работа\n")
        let after = try FileManager.default.attributesOfItem(atPath: clean)[.modificationDate] as? Date
        #expect(before == after)
        // No temporary file is left beside them.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["clean.txt", "dirty.txt"])
    }

    @Test func invalidUTF8IsAnErrorWithOffsetAndHint() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.file("cp1251.txt", Data([0xC4, 0xE0, 0x0A]))  // "Да" in windows-1251
        let output = folder.url.appendingPathComponent("out.txt").path
        let result = try BGTextRunner.run(["normalize", "-o", output, path])
        #expect(result.status == 65)
        #expect(result.output == "")
        #expect(result.stderr == "bgtext: error: \(path): invalid UTF-8 at byte 0 (0xC4 0xE0 0x0A); is it in another encoding? Try --from auto, or --lossy to replace invalid bytes with U+FFFD\n")
        #expect(!FileManager.default.fileExists(atPath: output))
        // In place, the original survives.
        let inPlace = try BGTextRunner.run(["normalize", "--in-place", path])
        #expect(inPlace.status == 65)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data([0xC4, 0xE0, 0x0A]))
        let lossy = try BGTextRunner.run(["normalize", "--lossy", path])
        #expect(lossy.status == 0)
        #expect(lossy.output == "\u{FFFD}\u{FFFD}\n")
    }

    @Test func legacyEncodings() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.file("cp1251.txt", Data([0xC4, 0xE0, 0x20, 0xE4, 0xEE, 0xE9, 0xE4, 0xE5, 0x0D, 0x0A]))  // "Да дойде\r\n"
        let named = try BGTextRunner.run(["normalize", "--from", "windows-1251", "--explain", path])
        #expect(named.status == 0)
        #expect(named.output == "Да дойде\n")
        #expect(named.stderr == "\(path): decoded from windows-1251\n\(path):8: line-ending: \"\\u{D}\\u{A}\" → \"\\u{A}\"\n")
        let mik = try folder.file("mik.txt", Data([0x84, 0xA0, 0x20, 0xA4, 0xAE, 0xA9, 0xA4, 0xA5]))
        #expect(try BGTextRunner.run(["normalize", "--from", "mik", mik]).output == "Да дойде")
        let unknown = try BGTextRunner.run(["normalize", "--from", "ebcdic", path])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown encoding 'ebcdic'"))
    }

    @Test func autoDetection() throws {
        let folder = try TemporaryDirectory()
        let text = "утре сутринта ще тръгнем рано към планината, защото времето ще бъде хубаво.\n"
        let koi8: [UInt8] = text.unicodeScalars.map { scalar in
            // KOI8-R puts а…я in a scrambled order from 0xC0; this is its table for the letters used here.
            let order = Array("юабцдефгхийклмнопярстужвьызшэщчъ".unicodeScalars)
            if let index = order.firstIndex(of: scalar) { return UInt8(0xC0 + index) }
            return UInt8(scalar.value)
        }
        let path = try folder.file("koi8.txt", Data(koi8))
        let detected = try BGTextRunner.run(["detect", path])
        #expect(detected.status == 0)
        #expect(detected.output == "\(path): koi8-r 1.00\n")
        let normalized = try BGTextRunner.run(["normalize", "--from", "auto", path])
        #expect(normalized.output == text)
        let utf8 = try folder.file("utf8.txt", text)
        #expect(try BGTextRunner.run(["detect", utf8]).output == "\(utf8): utf-8 1.00\n")
    }

    @Test func usageErrors() throws {
        let inPlaceStdin = try BGTextRunner.run(["normalize", "--in-place"], input: "а")
        #expect(inPlaceStdin.status == 64)
        let profile = try BGTextRunner.run(["normalize", "--profile", "fancy"], input: "а")
        #expect(profile.status == 64)
        #expect(profile.stderr.contains("unknown profile 'fancy'"))
        let missing = try BGTextRunner.run(["normalize", "/nonexistent/file.txt"])
        #expect(missing.status == 66)
        #expect(missing.stderr == "bgtext: error: /nonexistent/file.txt: No such file or directory\n")
    }
}
