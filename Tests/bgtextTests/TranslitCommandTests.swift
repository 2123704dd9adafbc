import Foundation
import Testing

@Suite("bgtext translit")
struct TranslitCommandTests {
    @Test func standardInputToStandardOutput() throws {
        let result = try BGTextRunner.run(["translit"], input: "Пловдив, ул. „Цар Шишман“ № 5\n\nЖ. ПЕТРОВА, СОФИЯ")
        #expect(result.status == 0)
        #expect(result.output == "Plovdiv, ul. „Tsar Shishman“ № 5\n\nZH. PETROVA, SOFIA")
        #expect(result.stderr == "")
    }

    @Test func filesInOrderLineForLine() throws {
        let folder = try TemporaryDirectory()
        let first = try folder.file("a.txt", "Първи ред\n\n  Трети ред  \n")
        let second = try folder.file("b.txt", "България")
        let result = try BGTextRunner.run(["translit", first, second])
        #expect(result.status == 0)
        #expect(result.output == "Parvi red\n\n  Treti red  \nBulgaria")
    }

    @Test func theShippedSample() throws {
        let sample = packageRoot.appendingPathComponent("samples/article.txt").path
        let result = try BGTextRunner.run(["translit", sample])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == (try String(contentsOfFile: sample, encoding: .utf8)).split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(lines[0] == "date 2026-03-14")
        #expect(lines[1] == "Plovdiv domakin na evropeyski forum za digitalni uslugi")
        #expect(result.output.unicodeScalars.allSatisfy { $0.isASCII || !(0x400...0x4FF).contains($0.value) })
    }

    @Test func emptyInputGivesEmptyOutput() throws {
        let result = try BGTextRunner.run(["translit"], input: "")
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
    }

    @Test func otherSystemsAndEngines() throws {
        #expect(try BGTextRunner.run(["translit", "--system", "bgn-1952"], input: "България").output == "Bŭlgariya")
        #expect(try BGTextRunner.run(["translit", "--system", "iso9"], input: "България").output == "Bʺlgariâ")
        #expect(try BGTextRunner.run(["translit", "--engine", "icu"], input: "ЩАСТЛИВЕЦ").output == "SHTASTLIVETS")
        #expect(try BGTextRunner.run(["translit", "--fallback", "iso9"], input: "ёж").output == "ëzh")
    }

    @Test func exceptionsAndRuleFiles() throws {
        let folder = try TemporaryDirectory()
        let exceptions = try folder.file("names.txt", "# names\nЦветан Tzvetan\n")
        #expect(try BGTextRunner.run(["translit", "--exceptions", exceptions], input: "Цветан Цветанов").output == "Tzvetan Tsvetanov")
        let rules = try folder.file("mine.rules", "щ → sht ;\nъ → ă ;\n")
        #expect(try BGTextRunner.run(["translit", "--rules", rules], input: "щъ").output == "shtă")
    }

    @Test func exportedRulesRunInICU() throws {
        let folder = try TemporaryDirectory()
        let exported = try BGTextRunner.run(["translit", "--export-rules"])
        #expect(exported.status == 0)
        let rules = try folder.file("streamlined.rules", exported.stdout)
        #expect(try BGTextRunner.run(["translit", "--rules", rules], input: "ЖАНА Ж. ПЕТРОВА").output == "ZHANA ZH. PETROVA")
    }

    @Test func outputFileIsWrittenWhole() throws {
        let folder = try TemporaryDirectory()
        let input = try folder.file("in.txt", "Мария\n")
        let output = folder.url.appendingPathComponent("out.txt").path
        let result = try BGTextRunner.run(["translit", "-o", output, input])
        #expect(result.status == 0 && result.stdout.isEmpty)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "Maria\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["in.txt", "out.txt"])
    }

    @Test func invalidUTF8NamesFileAndOffsetAndTouchesNoOutputFile() throws {
        let folder = try TemporaryDirectory()
        let input = try folder.file("bad.txt", Data("Мария\n".utf8) + Data([0xD0, 0x41]) + Data("\n".utf8))
        let output = try folder.file("out.txt", "old contents\n")
        let result = try BGTextRunner.run(["translit", "-o", output, input])
        #expect(result.status == 65)
        #expect(result.stderr == "bgtext: error: \(input): invalid UTF-8 at byte 11 (0xD0 0x41 0x0A); use --lossy to replace invalid bytes with U+FFFD\n")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "old contents\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["bad.txt", "out.txt"])
    }

    @Test func lossyReplacesInvalidBytes() throws {
        let result = try BGTextRunner.run(["translit", "--lossy"], stdin: Data("ж".utf8) + Data([0xFF]) + Data("а".utf8))
        #expect(result.status == 0)
        #expect(result.output == "zh\u{FFFD}a")
    }

    @Test func inputProblemsAreOneLineErrors() throws {
        let folder = try TemporaryDirectory()
        let missing = try BGTextRunner.run(["translit", folder.url.appendingPathComponent("none.txt").path])
        #expect(missing.status == 66)
        #expect(missing.stderr == "bgtext: error: \(folder.url.appendingPathComponent("none.txt").path): No such file or directory\n")
        let directory = try BGTextRunner.run(["translit", folder.url.path])
        #expect(directory.status == 66)
        #expect(directory.stderr == "bgtext: error: \(folder.url.path): is a directory\n")
        let badRules = try folder.file("bad.rules", "а → a ;\n\nб } } → b ;\n")
        let rules = try BGTextRunner.run(["translit", "--rules", badRules])
        #expect(rules.status == 65)
        #expect(rules.stderr == "bgtext: error: \(badRules): line 3, column 1: U_MULTIPLE_POST_CONTEXTS in `б } } → b ;`\n")
        let badExceptions = try folder.file("bad.txt", "Цветан Tzvetan\nИван Петров\tIvan Petrov\n")
        let exceptions = try BGTextRunner.run(["translit", "--exceptions", badExceptions])
        #expect(exceptions.status == 65)
        #expect(exceptions.stderr == "bgtext: error: \(badExceptions):2: expected `CYRILLIC LATIN` (one word each), found `Иван Петров\tIvan Petrov`\n")
    }

    @Test func unknownSystemIsAUsageError() throws {
        let result = try BGTextRunner.run(["translit", "--system", "klingon"], input: "")
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown system 'klingon' (expected streamlined, bgn-1952 or iso9)"))
    }

    @Test func versionNamesICU() throws {
        let result = try BGTextRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.output.range(of: #"^bgtext \d+\.\d+\.\d+ \(ICU \d+\.\d+(\.\d+)?\)\n$"#, options: .regularExpression) != nil)
    }

    @Test func helpDocumentsTheExitCodes() throws {
        let result = try BGTextRunner.run(["translit", "--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("65  bad data: invalid UTF-8"))
        #expect(result.output.contains("--system <system>"))
    }

    @Test func randomBytesNeverCrash() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5 {
            let bytes = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
            let strict = try BGTextRunner.run(["translit"], stdin: bytes)
            #expect(strict.status == 65)
            let lossy = try BGTextRunner.run(["translit", "--lossy"], stdin: bytes)
            #expect(lossy.status == 0)
        }
    }
}

@Suite("bgtext translit: tables and deployment")
struct TranslitTableCommandTests {
    @Test func aTableOfYourOwnAtRunTime() throws {
        let folder = try TemporaryDirectory()
        let table = try folder.file("mine.txt", "# mine\nletter ж j\nletter а a\nending жа ja\n")
        let result = try BGTextRunner.run(["translit", "--table", table], input: "Жажа ЖАЖА")
        #expect(result.status == 0)
        #expect(result.output == "Jaja JAJA")
        let broken = try folder.file("broken.txt", "letter ж j\nletter Щ sht\n")
        let failure = try BGTextRunner.run(["translit", "--table", broken], input: "")
        #expect(failure.status == 65)
        #expect(failure.stderr == "bgtext: error: \(broken):2: `Щ` must be one lower-case non-ASCII letter\n")
    }

    /// The tables are compiled in: a binary copied alone into an empty folder
    /// and run from elsewhere needs no file beside it.
    @Test func aCopiedBinaryNeedsNoFilesBesideIt() throws {
        let folder = try TemporaryDirectory()
        let copy = folder.url.appendingPathComponent("bgtext")
        try FileManager.default.copyItem(at: BGTextRunner.executable, to: copy)
        let process = Process()
        process.executableURL = copy
        process.arguments = ["translit", "--fallback", "iso9"]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("ЖАНА Ж. ПЕТРОВА, ёлха".utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self) == "ZHANA ZH. PETROVA, ëlha")
    }
}
