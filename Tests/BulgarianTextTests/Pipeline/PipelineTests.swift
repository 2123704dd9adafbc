import Testing
@testable import BulgarianText

/// A document of our own with everything `prep` has to handle: a date header,
/// an inline advertising marker, Latin names, „…“ quotes, a URL, an e-mail
/// address, glossary terms in inflected forms, and things the default
/// normalization changes (CR LF, a soft hyphen, a zero-width space, a
/// decomposed й) so that original and normalized offsets differ.
enum PrepDocuments {
    static let news = """
        date 2026-03-14\r
        Кремъл отговори на Белия дом\r
        \r
        Говорителят на Кремъла заяви пред Reuters, че „преговорите про\u{00AD}дължават“. Европейският съюз мълчи. - Реклама -\r
        \r
        Повече на https://example.bg/novini?id=7 или на pisma@example.bg.\u{200B} Краи\u{0306}ният срок е 1 април.\r

        """

    static let glossaryText = "Кремъл\tKremlin\nБял дом\tWhite House\nЕвропейски съюз\tEuropean Union\n"

    static func pipeline(action: Pipeline.GlossaryAction = .mark, glossary: Bool = true) throws -> Pipeline {
        let entries = try GlossaryFile.entries(parsing: Array(glossaryText.utf8), format: .tsv, source: "test.tsv")
        return try Pipeline(options: .init(spans: .preset("news")!,
                                           glossary: glossary ? Glossary(entries: entries) : nil,
                                           glossaryAction: action))
    }
}

@Suite("Prep pipeline")
struct PipelineTests {
    @Test func segmentsOfTheNewsDocument() throws {
        let block = try PrepDocuments.pipeline().prepare(PrepDocuments.news)
        #expect(block.segments.map(\.text) == [
            "date 2026-03-14",
            "Кремъл отговори на Белия дом",
            "Говорителят на Кремъла заяви пред Reuters, че „преговорите продължават“.",
            "Европейският съюз мълчи.",
            "Повече на https://example.bg/novini?id=7 или на pisma@example.bg.",
            "Крайният срок е 1 април.",
        ])
        #expect(block.segments.map(\.paragraph) == [1, 1, 2, 2, 3, 3])
        #expect(block.segments.map(\.translate) == [false, true, true, true, true, true])
        #expect(block.boilerplate.map(\.text) == [" - Реклама -"])
    }

    @Test func offsetsSliceTheOriginalExactly() throws {
        let original = Array(PrepDocuments.news.utf8)
        let block = try PrepDocuments.pipeline().prepare(utf8: original)
        for segment in block.segments {
            #expect(String(decoding: original[segment.start..<segment.end], as: UTF8.self) == segment.source)
        }
        let soft = try #require(block.segments.first { $0.text.contains("продължават") })
        #expect(soft.source.contains("про\u{00AD}дължават"))
        #expect(soft.changes == [SegmentChange(kind: "invisible", start: soft.start + Array("Говорителят на Кремъла заяви пред Reuters, че „преговорите про".utf8).count,
                                               before: "\u{00AD}", after: "")])
        let composed = try #require(block.segments.last)
        #expect(composed.changes.map(\.kind) == ["composition"])
        let boilerplate = try #require(block.boilerplate.first)
        #expect(String(decoding: original[boilerplate.start..<boilerplate.end], as: UTF8.self) == " - Реклама -")
    }

    @Test func glossaryTermsAreMarkedInTheirInflectedForms() throws {
        let block = try PrepDocuments.pipeline().prepare(PrepDocuments.news)
        let terms = block.segments.flatMap { segment in
            segment.annotations.compactMap { annotation -> String? in
                guard case .term(let source, let target) = annotation.kind else { return nil }
                let surface = String(decoding: Array(segment.text.utf8)[annotation.range], as: UTF8.self)
                return "\(surface)=\(source)→\(target)"
            }
        }
        #expect(terms == ["Кремъл=Кремъл→Kremlin", "Белия дом=Бял дом→White House", "Кремъла=Кремъл→Kremlin",
                          "Европейският съюз=Европейски съюз→European Union"])
    }

    @Test func protectedSpansAreAnnotated() throws {
        let block = try PrepDocuments.pipeline().prepare(PrepDocuments.news)
        let segment = try #require(block.segments.first { $0.text.hasPrefix("Повече") })
        let kinds = segment.annotations.compactMap { annotation -> String? in
            guard case .protected(let kind) = annotation.kind else { return nil }
            return kind + ":" + String(decoding: Array(segment.text.utf8)[annotation.range], as: UTF8.self)
        }
        #expect(kinds == ["url:https://example.bg/novini?id=7", "email:pisma@example.bg"])
    }

    @Test func identityRestoreGivesTheNormalizedDocument() throws {
        let pipeline = try PrepDocuments.pipeline()
        let block = try pipeline.prepare(PrepDocuments.news)
        let normalized = try Normalizer().normalize(PrepDocuments.news).utf8
        #expect(block.normalizedText == normalized)
        #expect(block.restored([:]) == normalized)
        var restoration = Restoration(try TranslatedSegments(parsing: Array(block.segments.map { SegmentJSONL.line($0) }.joined().utf8),
                                                             format: .jsonl, source: "t.jsonl"))
        #expect(restoration.restore(block) == normalized)
        #expect(restoration.finish().isClean)
    }

    @Test func aTranslationIsPutInPlace() throws {
        let block = try PrepDocuments.pipeline().prepare(PrepDocuments.news)
        let english = [2: "The Kremlin answered the White House", 3: "The Kremlin's spokesman told Reuters that \"talks continue\".",
                       4: "The European Union is silent.", 5: "More at https://example.bg/novini?id=7 or pisma@example.bg.",
                       6: "The deadline is 1 April."]
        let restored = String(decoding: block.restored(english), as: UTF8.self)
        #expect(restored == """
            date 2026-03-14
            The Kremlin answered the White House

            The Kremlin's spokesman told Reuters that "talks continue". The European Union is silent. - Реклама -

            More at https://example.bg/novini?id=7 or pisma@example.bg. The deadline is 1 April.

            """)
    }

    @Test func missingAndExtraTranslationsAreReported() throws {
        let block = try PrepDocuments.pipeline().prepare(PrepDocuments.news)
        let jsonl = """
            {"id":4,"target":"The European Union is silent."}
            {"id":2,"target":"The Kremlin answered"}
            {"id":2,"target":"The Kremlin answered the White House"}
            {"id":99,"target":"?"}
            """
        var restoration = Restoration(try TranslatedSegments(parsing: Array(jsonl.utf8), format: .jsonl, source: "t"))
        _ = restoration.restore(block)
        let report = restoration.finish()
        #expect(report.missing == [3, 5, 6])
        #expect(report.extra == [99])
        #expect(report.duplicates == [2])
        #expect(report.lines == [
            "no translation for segments 3, 5, 6 (kept untranslated)",
            "translation for unknown segment 99 (ignored)",
            "segment 2 translated more than once (the last one used)",
        ])
    }

    @Test func placeholdersRoundTripThroughAReorderingTranslation() throws {
        let block = try PrepDocuments.pipeline(action: .placeholder).prepare(PrepDocuments.news)
        let segment = try #require(block.segments.first { $0.id == 3 })
        #expect(segment.text == "Говорителят на ⟦1⟧ заяви пред Reuters, че „преговорите продължават“.")
        var restoration = Restoration(try TranslatedSegments(
            parsing: Array(#"{"id":3,"target":"Reuters heard from the spokesman of ⟦1⟧: \"talks go on\"."}"#.utf8),
            format: .jsonl, source: "t"))
        let restored = String(decoding: restoration.restore(block), as: UTF8.self)
        #expect(restored.contains("Reuters heard from the spokesman of Kremlin: \"talks go on\"."))
        let dropped = #"{"id":3,"target":"The spokesman said talks go on."}"# + "\n" + #"{"id":4,"target":"⟦1⟧ ⟦7⟧"}"#
        var second = Restoration(try TranslatedSegments(parsing: Array(dropped.utf8), format: .jsonl, source: "t"))
        _ = second.restore(block)
        #expect(second.finish().placeholderProblems == [
            "segment 3: placeholder ⟦1⟧ was dropped",
            "segment 4: placeholder ⟦7⟧ is unknown",
        ])
    }

    @Test func substitutionReplacesTermsWithTheirTargets() throws {
        let block = try PrepDocuments.pipeline(action: .substitute).prepare(PrepDocuments.news)
        #expect(block.segments[1].text == "Kremlin отговори на White House")
        #expect(block.segments[3].text == "European Union мълчи.")
    }

    @Test(arguments: [UInt64(21), 22, 23, 24, 25])
    func randomDocumentsKeepEveryInvariant(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        var document = ""
        let pieces = ["date 2026-01-0\(seed % 9 + 1)\n", " - Реклама -", "\u{00AD}", "\r\n", "\n\n", "\u{200B}", "и\u{0300}",
                      " https://example.bg/a.b?c=d ", " Кремъла ", "„цитат“", "\u{00A0}", " ", "... ", "? ", "Ж. Петров ", "\t"]
        for _ in 0..<400 {
            if Int.random(in: 0..<3, using: &random) == 0 {
                document += pieces.randomElement(using: &random)!
            } else {
                document += RandomText.word(&random) + [" ", ". ", ", ", "\n"].randomElement(using: &random)!
            }
        }
        let original = Array(document.utf8)
        let pipeline = try PrepDocuments.pipeline()
        let whole = try pipeline.prepare(utf8: original)
        var previousEnd = 0
        for segment in whole.segments {
            #expect(String(decoding: original[segment.start..<segment.end], as: UTF8.self) == segment.source)
            #expect(segment.start >= previousEnd && segment.start < segment.end)
            #expect(!segment.text.isEmpty)
            previousEnd = segment.end
        }
        #expect(whole.restored([:]) == (try Normalizer().normalize(utf8: original)).utf8)
        // Streaming in small blocks gives segments with the same original offsets.
        var stream = pipeline.makeStream(blockSize: 256)
        var streamed: [PreparedBlock] = []
        for start in stride(from: 0, to: original.count, by: 97) {
            streamed += try stream.feed(original[start..<min(start + 97, original.count)])
        }
        streamed += try stream.finish()
        let streamedSegments = streamed.flatMap(\.segments)
        for segment in streamedSegments {
            #expect(String(decoding: original[segment.start..<segment.end], as: UTF8.self) == segment.source)
        }
        #expect(streamedSegments.map(\.id) == Array(0..<streamedSegments.count).map { $0 + 1 })
        // Blocks end at blank lines (or, in a long paragraph, at line breaks, which
        // are boundaries anyway), so the segments are those of the whole document.
        #expect(streamed.count > 1)
        #expect(streamedSegments.map { [$0.start, $0.end, $0.paragraph] } == whole.segments.map { [$0.start, $0.end, $0.paragraph] })
        #expect(streamedSegments.map(\.text) == whole.segments.map(\.text))
        #expect(streamed.flatMap { $0.restored([:]) } == (try Normalizer().normalize(utf8: original)).utf8)
    }
}
