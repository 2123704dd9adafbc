import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `bgtext segment` end to end: the built binary over files and standard input.
@Suite("bgtext segment")
struct SegmentCommandTests {
    private let article = "Кметът проф. Иван Георгиев откри форума през 2026 г. Гостите бяха много.\n"
        + "— Кога ще започне? — попита журналист.\n\n"
        + "Повече на www.primer.bg/forum?den=1. Пишете на info@primer.bg! Благодарим…"

    @Test func textFromStandardInput() throws {
        let result = try BGTextRunner.run(["segment"], input: article)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.output == """
            Кметът проф. Иван Георгиев откри форума през 2026 г.
            Гостите бяха много.
            — Кога ще започне? — попита журналист.

            Повече на www.primer.bg/forum?den=1.
            Пишете на info@primer.bg!
            Благодарим…

            """)
    }

    @Test func jsonLinesFromAFile() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.file("a.txt", "Едно \"две\".\tТри?\n\nЧетири.")
        let result = try BGTextRunner.run(["segment", "--format", "jsonl", path])
        #expect(result.status == 0)
        #expect(result.output == """
            {"text":"Едно \\"две\\".","paragraph":1,"start":0,"end":18}
            {"text":"Три?","paragraph":1,"start":19,"end":26}
            {"text":"Четири.","paragraph":2,"start":28,"end":41}

            """)
    }

    @Test func severalFiles() throws {
        let folder = try TemporaryDirectory()
        let first = try folder.file("1.txt", "Първи файл. Второ изречение.")
        let second = try folder.file("2.txt", "Втори файл.\n")
        let text = try BGTextRunner.run(["segment", first, second])
        #expect(text.output == "Първи файл.\nВторо изречение.\n\nВтори файл.\n")
        let json = try BGTextRunner.run(["segment", "--format", "jsonl", first, second])
        #expect(json.output == """
            {"text":"Първи файл.","paragraph":1,"start":0,"end":20,"file":"\(first)"}
            {"text":"Второ изречение.","paragraph":1,"start":21,"end":51,"file":"\(first)"}
            {"text":"Втори файл.","paragraph":1,"start":0,"end":20,"file":"\(second)"}

            """)
    }

    @Test func softWrapAndLineBreaks() throws {
        let input = "Това е дълго\nизречение. Второ\nтрето.\n"
        #expect(try BGTextRunner.run(["segment"], input: input).output == "Това е дълго\nизречение.\nВторо\nтрето.\n")
        #expect(try BGTextRunner.run(["segment", "--soft-wrap"], input: input).output == "Това е дълго изречение.\nВторо трето.\n")
    }

    @Test func icuOnlyColonsAndStandardInputAsADash() throws {
        let input = "Лекцията изнесе проф. Иванов. Учител, София: Цените са високи."
        #expect(try BGTextRunner.run(["segment", "-"], input: input).output
                == "Лекцията изнесе проф. Иванов.\nУчител, София:\nЦените са високи.\n")
        #expect(try BGTextRunner.run(["segment", "--no-colon-breaks"], input: input).output
                == "Лекцията изнесе проф. Иванов.\nУчител, София: Цените са високи.\n")
        #expect(try BGTextRunner.run(["segment", "--icu-only"], input: input).output
                == "Лекцията изнесе проф.\nИванов.\nУчител, София: Цените са високи.\n")
    }

    @Test func userAbbreviations() throws {
        let folder = try TemporaryDirectory()
        let table = try folder.file("abbr.txt", "# мои съкращения\nкол. never-end\n")
        let input = "Дойде кол. Петров."
        #expect(try BGTextRunner.run(["segment"], input: input).output == "Дойде кол.\nПетров.\n")
        #expect(try BGTextRunner.run(["segment", "--abbreviations", table], input: input).output == "Дойде кол. Петров.\n")
    }

    @Test func aMalformedAbbreviationFileNamesItsLine() throws {
        let folder = try TemporaryDirectory()
        let table = try folder.file("abbr.txt", "кол. never-end\nинж. понякога\n")
        let result = try BGTextRunner.run(["segment", "--abbreviations", table], input: "Текст.")
        #expect(result.status == 65)
        #expect(result.output == "")
        #expect(result.stderr == "bgtext: error: \(table):2: unknown kind 'понякога' (expected never-end, may-end or numbering)\n")
    }

    @Test func invalidUTF8NamesTheFileAndOffset() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.file("bad.txt", Data("Добре. ".utf8) + Data([0xFF]) + Data(" Лошо.".utf8))
        let result = try BGTextRunner.run(["segment", path])
        #expect(result.status == 65)
        #expect(result.stderr == "bgtext: error: \(path): invalid UTF-8 at byte 12 (0xFF 0x20 0xD0 0x9B); use --lossy to replace invalid bytes with U+FFFD\n")
        let parallel = try BGTextRunner.run(["segment", "--jobs", "2", path])
        #expect(parallel.status == 65 && parallel.stderr == result.stderr)
        let lossy = try BGTextRunner.run(["segment", "--lossy", path])
        #expect(lossy.status == 0)
        #expect(lossy.output == "Добре.\n\u{FFFD} Лошо.\n")
    }

    @Test func errorsAndExitCodes() throws {
        let missing = try BGTextRunner.run(["segment", "/nonexistent/file.txt"])
        #expect(missing.status == 66)
        #expect(missing.stderr == "bgtext: error: /nonexistent/file.txt: No such file or directory\n")
        let format = try BGTextRunner.run(["segment", "--format", "xml"], input: "")
        #expect(format.status == 64)
        #expect(format.stderr.contains("unknown format 'xml' (expected text or jsonl)"))
        let jobs = try BGTextRunner.run(["segment", "--jobs", "0"], input: "")
        #expect(jobs.status == 64)
    }

    @Test func outputFileAndEmptyInput() throws {
        let folder = try TemporaryDirectory()
        let target = folder.url.appendingPathComponent("out.txt").path
        let result = try BGTextRunner.run(["segment", "-o", target], input: "Едно. Две.")
        #expect(result.status == 0 && result.output == "")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "Едно.\nДве.\n")
        #expect(try BGTextRunner.run(["segment"], input: "\n\n\n").output == "")
    }

    @Test func exportSRX() throws {
        let result = try BGTextRunner.run(["segment", "--export-srx"])
        #expect(result.status == 0)
        let document = try XMLDocument(data: result.stdout)
        let root = try #require(document.rootElement() as XMLElement?)
        #expect(root.name == "srx")
        #expect(result.output.contains(#"<srx xmlns="http://www.lisa.org/srx20" version="2.0">"#))
        let rules = try root.nodes(forXPath: "//*[local-name()='rule']")
        #expect(rules.count >= 8)
        let before = try root.nodes(forXPath: "//*[local-name()='beforebreak']").compactMap { $0.stringValue }
        #expect(before.contains { $0.contains("проф") && $0.contains("ул") })
        // Every rule is a regular expression that compiles.
        let patterns = try root.nodes(forXPath: "//*[local-name()='beforebreak' or local-name()='afterbreak']")
            .compactMap { $0.stringValue }
        #expect(patterns.count == 2 * rules.count)
        for pattern in patterns where !pattern.isEmpty {
            #expect(throws: Never.self) { try NSRegularExpression(pattern: pattern) }
        }
        let folder = try TemporaryDirectory()
        let table = try folder.file("abbr.txt", "кол. never-end\n")
        let custom = try BGTextRunner.run(["segment", "--export-srx", "--abbreviations", table])
        #expect(custom.output.contains("кол"))
    }

    @Test func parallelJobsKeepTheOrderAndTheOutput() throws {
        var text = ""
        var number = 0
        while text.utf8.count < 6_000_000 {
            number += 1
            text += "Абзац \(number). Проф. Иванов каза: „Добре.“ — Кога? — попита тя.\nВтори ред на 2026 г. Край…"
            text += number % 3 == 0 ? "\n\n" : "\n"
        }
        let folder = try TemporaryDirectory()
        let path = try folder.file("big.txt", text)
        for format in ["text", "jsonl"] {
            let one = try BGTextRunner.run(["segment", "--format", format, path])
            let four = try BGTextRunner.run(["segment", "--format", format, "--jobs", "4", path])
            #expect(one.status == 0 && four.status == 0)
            #expect(one.stdout.count > 5_000_000)
            #expect(one.stdout == four.stdout)
        }
        let wrapped = try BGTextRunner.run(["segment", "--soft-wrap", "--format", "jsonl", path])
        let wrappedJobs = try BGTextRunner.run(["segment", "--soft-wrap", "--format", "jsonl", "--jobs", "3", path])
        #expect(wrapped.stdout == wrappedJobs.stdout)
    }
}
