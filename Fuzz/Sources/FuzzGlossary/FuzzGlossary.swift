import BulgarianText
import FuzzSupport

/// Text the parsed glossary is matched against, besides the input itself.
private let sample = "Европейският съюз и централната банка на България обсъдиха Кремъла, ЕВРОПЕЙСКИ СЪЮЗ и банките. "

/// Glossary parsing (TSV, CSV, TBX by the selector) and matching. A file
/// either parses or fails with a line inside it; a parsed glossary matches
/// ranges in order, inside the text and on scalar boundaries; substitution
/// gives what the matches and their replacements give, placeholders and
/// export run; its TBX export parses again with as many entries.

func fuzzGlossary(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let format = GlossaryFileFormat.allCases[Int(input.selector) % GlossaryFileFormat.allCases.count]
    let entries: [GlossaryEntry]
    do {
        entries = try GlossaryFile.entries(parsing: input.bytes, format: format, source: "fuzz")
    } catch {
        fuzzCheck((error.line ?? 1) >= 1, "error line \(String(describing: error.line))")
        return 0
    }
    let glossary = Glossary(entries: entries)
    for text in [sample, String(decoding: input.bytes, as: UTF8.self)] {
        let utf8 = Array(text.utf8)
        var end = 0
        for match in glossary.matches(in: text) {
            fuzzCheck(match.range.lowerBound >= end && !match.range.isEmpty && match.range.upperBound <= utf8.count,
                      "match \(match.range) after \(end) in \(utf8.count) bytes")
            fuzzCheck(match.entryIndex >= 0 && match.entryIndex < entries.count, "entry index \(match.entryIndex)")
            fuzzCheck(!isContinuation(utf8[match.range.lowerBound])
                      && (match.range.upperBound == utf8.count || !isContinuation(utf8[match.range.upperBound])),
                      "match \(match.range) splits a character")
            end = match.range.upperBound
        }
        // The one-pass substitution agrees with the list of matches and
        // the replacement of each (report-only terms stay as written).
        var expected: [UInt8] = []
        var copied = 0
        utf8.withUnsafeBufferPointer { buffer in
            for match in glossary.matches(inUTF8: buffer) where !entries[match.entryIndex].options.status.isReportOnly {
                expected += buffer[copied..<match.range.lowerBound]
                expected += glossary.replacement(for: match, inUTF8: buffer).utf8
                copied = match.range.upperBound
            }
        }
        expected += utf8[copied...]
        fuzzCheck(Array(glossary.substitute(text).utf8) == expected, "substitute differs from the matches' replacements")
        var writer = GlossaryPlaceholderWriter(glossary: glossary)
        _ = writer.replace(text)
    }
    let tbx = GlossaryExport.text(glossary, format: .tbx, expand: input.selector & 0x80 != 0)
    _ = GlossaryExport.text(glossary, format: .csv, expand: false)
    _ = GlossaryExport.text(glossary, format: .deepl, expand: false)
    do {
        let again = try GlossaryFile.entries(parsing: Array(tbx.utf8), format: .tbx, source: "export")
        if input.selector & 0x80 == 0 {
            fuzzCheck(again.count == entries.count, "TBX export has \(again.count) entries, not \(entries.count)")
        }
    } catch {
        fuzzCheck(false, "the TBX export does not parse: \(error)")
    }
    return 0
}

private func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
