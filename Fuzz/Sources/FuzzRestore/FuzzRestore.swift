import BulgarianText
import FuzzSupport

/// The original document translations are restored into, prepared once.
private let original = """
date 2026-03-14

Проф. Иванов каза, че Европейският съюз ще помогне. Това е добре! Вижте https://primer.bg/a?b=1.

Втори абзац с {1} и %s — без превод?
"""
private let prepared = try! Pipeline(options: .init(spans: .preset("news")!)).prepare(original)

/// Restore: translations in JSON Lines, XLIFF or text (by the selector) either
/// parse or fail with a line; parsed ones restore into the prepared document
/// as valid UTF-8 with a report. Placeholder maps parse or fail with a line;
/// a parsed map restores any text. The input after a 0xFF byte is the text.

func fuzzRestore(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let bytes = input.bytes
    switch input.selector % 4 {
    case 3:
        let parts = bytes.split(separator: 0xFF, maxSplits: 1, omittingEmptySubsequences: false)
        let mapText = String(decoding: parts.first ?? [], as: UTF8.self)
        let text = parts.count > 1 ? String(decoding: parts[1], as: UTF8.self) : "⟦1⟧ и ⟦2⟧, ⟦ 3 ⟧ [[4]] ⟦⟦5⟧⟧"
        do {
            let map = try PlaceholderMap(parsing: mapText, source: "map")
            var restorer = PlaceholderRestorer(map: map)
            _ = restorer.restore(text, input: "fuzz", line: 1)
            _ = restorer.finish()
            let again = try PlaceholderMap(parsing: map.text, source: "again")
            fuzzCheck(again == map, "a map written and read again differs")
        } catch {
            fuzzCheck((error.line ?? 1) >= 1, "error line \(String(describing: error.line))")
        }
    default:
        let format = TranslatedSegments.Format.allCases[Int(input.selector % 4) % TranslatedSegments.Format.allCases.count]
        _ = TranslatedSegments.detectFormat(bytes)
        do {
            let translations = try TranslatedSegments(parsing: bytes, format: format, source: "fuzz")
            var restoration = Restoration(translations)
            let output = restoration.restore(prepared)
            _ = restoration.finish().lines
            fuzzCheck(String(validating: output, as: UTF8.self) != nil, "restored output is not valid UTF-8")
        } catch {
            fuzzCheck((error.line ?? 1) >= 1, "error line \(String(describing: error.line))")
        }
    }
    return 0
}
