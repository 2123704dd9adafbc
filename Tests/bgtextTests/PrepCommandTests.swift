import Foundation
import Testing

@Suite("bgtext prep and restore")
struct PrepCommandTests {
    static let sample = packageRoot.appendingPathComponent("samples/article.txt").path

    private func lines(_ result: BGTextRunner.Result) -> [String] {
        result.output.split(separator: "\n").map(String.init)
    }

    @Test func jsonlOfTheSampleArticle() throws {
        let result = try BGTextRunner.run(["prep", "--preset", "news", "--glossary",
                                           packageRoot.appendingPathComponent("tables/glossary/news.tsv").path, Self.sample])
        #expect(result.status == 0)
        let records = lines(result)
        #expect(records.count == 18)
        #expect(records[0] == #"{"id":1,"paragraph":1,"text":"date 2026-03-14","source":"date 2026-03-14","start":0,"end":15,"translate":false,"terms":[],"changes":[]}"#)
        #expect(records[7].contains(#""text":"Министър Петрова съобщи, че Европейският съюз ще отпусне 45 млн. евро за проекта.""#))
        #expect(records[7].contains(#"{"start":51,"end":84,"surface":"Европейският съюз","source":"Европейски съюз","target":"European Union"}"#))
        #expect(result.stderr == "bgtext: \(Self.sample): boilerplate removed at bytes 652-671:  - Реклама -\n")
        // Every record's offsets slice the original file into its `source`.
        let original = try Data(contentsOf: URL(fileURLWithPath: Self.sample))
        for record in records {
            let object = try JSONSerialization.jsonObject(with: Data(record.utf8)) as! [String: Any]
            let start = object["start"] as! Int, end = object["end"] as! Int
            #expect(String(decoding: original[start..<end], as: UTF8.self) == object["source"] as! String)
        }
    }

    @Test func textFormat() throws {
        let result = try BGTextRunner.run(["prep", "--preset", "news", "--format", "text", "-q"],
                                          input: "date 2026-01-02\nЗаглавие\n\nПърво изречение. Второ изречение! - Реклама -\n")
        #expect(result.status == 0)
        #expect(result.output == "date 2026-01-02\nЗаглавие\n\nПърво изречение.\nВторо изречение!\n")
        #expect(result.stderr == "")
    }

    @Test(.enabled(if: SchemaCheck.isAvailable, "needs xmllint and ../shared/schemas/xliff: skipped"))
    func xliffOfTheSampleValidates() throws {
        for (format, schema) in [("xliff", "2.1/xliff21-all.xsd"), ("xliff12", "1.2/xliff-core-1.2-strict.xsd")] {
            let result = try BGTextRunner.run(["prep", "--preset", "news", "--format", format, "--target-language", "en",
                                               "--glossary", packageRoot.appendingPathComponent("tables/glossary/news.tsv").path,
                                               "--action", "placeholder", "-q", Self.sample])
            #expect(result.status == 0)
            let check = try SchemaCheck.validate(result.stdout, schema: schema)
            #expect(check.status == 0, "\(format): \(check.messages)")
        }
    }

    @Test func identityRoundTripThroughEachFormat() throws {
        let folder = try TemporaryDirectory()
        let original = try String(contentsOfFile: Self.sample, encoding: .utf8)
        for format in ["jsonl", "xliff", "xliff12", "text"] {
            let prepared = try BGTextRunner.run(["prep", "--preset", "news", "--format", format, "-q", Self.sample])
            #expect(prepared.status == 0)
            var translated = prepared.stdout
            if format.hasPrefix("xliff") {
                // A CAT tool's "copy source to target".
                translated = Data(Self.copySourceToTarget(prepared.output, version12: format == "xliff12").utf8)
            }
            let file = try folder.file("translated.\(format)", translated)
            let restored = try BGTextRunner.run(["restore", "--preset", "news", "--original", Self.sample, "--format", format, file])
            #expect(restored.status == 0, "\(format): \(restored.stderr)")
            #expect(restored.output == original, "\(format)")
        }
    }

    @Test func restoreReportsWhatIsMissing() throws {
        let folder = try TemporaryDirectory()
        let prepared = try BGTextRunner.run(["prep", "--preset", "news", "-q", Self.sample])
        var records = lines(prepared)
        records.swapAt(1, 2)
        records.remove(at: 5)
        records.append(#"{"id":77,"target":"?"}"#)
        let file = try folder.file("short.jsonl", records.joined(separator: "\n") + "\n")
        let restored = try BGTextRunner.run(["restore", "--preset", "news", "--original", Self.sample, file])
        #expect(restored.status == 1)
        #expect(restored.stderr == """
            bgtext: warning: no translation for segment 6 (kept untranslated)
            bgtext: warning: translation for unknown segment 77 (ignored)
            bgtext: error: the translation did not fit the original cleanly (see above)

            """)
    }

    @Test func jobsKeepTheOrder() throws {
        let folder = try TemporaryDirectory()
        let article = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let big = try folder.file("big.txt", (1...600).map { "Брой \($0).\n\n" + article + "\n\n" }.joined())
        let one = try BGTextRunner.run(["prep", "--preset", "news", "-q", "--jobs", "1", big])
        let four = try BGTextRunner.run(["prep", "--preset", "news", "-q", "--jobs", "4", big])
        #expect(one.status == 0 && four.status == 0)
        #expect(one.stdout.count > 1_000_000)
        #expect(one.stdout == four.stdout)
    }

    @Test func invalidInputIsAOneLineError() throws {
        let result = try BGTextRunner.run(["prep", "-q"], stdin: Data("Добре.\n".utf8) + Data([0xFF]) + Data("\n".utf8))
        #expect(result.status == 65)
        #expect(result.stderr == "bgtext: error: <stdin>: invalid UTF-8 at byte 12 (0xFF 0x0A), line 2; is it in another encoding? Try --from auto, or --lossy to replace invalid bytes with U+FFFD\n")
        let lossy = try BGTextRunner.run(["prep", "-q", "--lossy", "--format", "text"], stdin: Data("Добре.\n".utf8) + Data([0xFF]) + Data("\n".utf8))
        #expect(lossy.status == 0)
        #expect(lossy.output == "Добре.\n\u{FFFD}\n")
    }

    @Test func inPlaceReplacesTheFileWhole() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.file("doc.txt", "Първо. Второ.\n")
        let result = try BGTextRunner.run(["prep", "--format", "text", "--in-place", file])
        #expect(result.status == 0 && result.stdout.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "Първо.\nВторо.\n")
        let bad = try folder.file("bad.txt", Data([0x41, 0x0A, 0xFF]))
        let failed = try BGTextRunner.run(["prep", "--in-place", bad])
        #expect(failed.status == 65)
        #expect(try Data(contentsOf: URL(fileURLWithPath: bad)) == Data([0x41, 0x0A, 0xFF]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["bad.txt", "doc.txt"])
    }

    @Test func windows1251Input() throws {
        let folder = try TemporaryDirectory()
        // "Добър ден. Как сте?" in windows-1251.
        let bytes: [UInt8] = [0xC4, 0xEE, 0xE1, 0xFA, 0xF0, 0x20, 0xE4, 0xE5, 0xED, 0x2E, 0x20, 0xCA, 0xE0, 0xEA, 0x20, 0xF1, 0xF2, 0xE5, 0x3F, 0x0A]
        let file = try folder.file("cp1251.txt", Data(bytes))
        let result = try BGTextRunner.run(["prep", "--from", "windows-1251", "-q", file])
        #expect(result.status == 0)
        let detected = try BGTextRunner.run(["prep", "--from", "auto", "-q", file])
        #expect(detected.output == result.output)
        #expect(result.output == #"{"id":1,"paragraph":1,"text":"Добър ден.","source":"Добър ден.","start":0,"end":10,"translate":true,"terms":[],"changes":[]}"# + "\n"
                + #"{"id":2,"paragraph":1,"text":"Как сте?","source":"Как сте?","start":11,"end":19,"translate":true,"terms":[],"changes":[]}"# + "\n")
    }

    static func copySourceToTarget(_ xliff: String, version12: Bool) -> String {
        var output = ""
        var rest = xliff[...]
        if version12 {
            // <seg-source>…</seg-source> is followed by a <target> with the same content.
            while let open = rest.range(of: "<seg-source>"), let close = rest.range(of: "</seg-source>", range: open.upperBound..<rest.endIndex) {
                output += rest[..<close.upperBound]
                output += "<target>" + rest[open.upperBound..<close.lowerBound] + "</target>"
                rest = rest[close.upperBound...]
            }
        } else {
            while let open = rest.range(of: "<segment id="), let sourceStart = rest.range(of: "<source>", range: open.upperBound..<rest.endIndex),
                  let sourceEnd = rest.range(of: "</source>", range: sourceStart.upperBound..<rest.endIndex) {
                output += rest[..<sourceEnd.upperBound]
                output += "<target>" + rest[sourceStart.upperBound..<sourceEnd.lowerBound] + "</target>"
                rest = rest[sourceEnd.upperBound...]
            }
        }
        return output + rest
    }
}

/// xmllint against ../shared/schemas/xliff, for the CLI's XLIFF.
enum SchemaCheck {
    static let schemas = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/schemas/xliff")
    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint")
            && FileManager.default.fileExists(atPath: schemas.appendingPathComponent("2.1/xliff21-all.xsd").path)
    }

    static func validate(_ document: Data, schema: String) throws -> (status: Int32, messages: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bgtext-\(UUID().uuidString).xlf")
        try document.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--nonet", "--noout", "--schema", schemas.appendingPathComponent(schema).path, file.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let messages = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: messages, as: UTF8.self))
    }
}
