@testable import BulgarianText
import Testing

/// `ProtectedTokenScan` (each token scanned once) gives the answers of
/// `ProtectedToken` (each place scanned on its own), with and without the
/// look-alike folding of mixed-script repair, whichever order the places
/// come in.
@Suite("Protected tokens scanned once")
struct ProtectedTokenScanTests {
    static let texts = [
        "Пишете на info@пример.bg или на adm.in@mail.bg... {name} и %1$s: https://bgtext.bg/път?a=1 — край.",
        "FВp---p---FВp xВ:--ppВ getElementВyId a_б Cофия-Плoвдив_ \"цитат\"...",
        "{\"град\":\"София\",\"x\":\"виж...\"},{\"url\":\"www.example.bg\"}",
        "  \u{A0}начало\u{202F}край ⟦1⟧ ⟦2⟧ --verbose -- x86 file.txt\n\"нов ред\"",
        "",
    ]

    /// Every range of one to three scalars, at scalar boundaries, left to right.
    static func ranges(_ bytes: [UInt8]) -> [Range<Int>] {
        let starts = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 } + [bytes.count]
        var result: [Range<Int>] = []
        for (number, start) in starts.dropLast().enumerated() {
            for length in 1...3 where number + length < starts.count {
                result.append(start..<starts[number + length])
            }
        }
        return result
    }

    @Test(arguments: [false, true])
    func sameAnswersAsAskingEachPlace(folding: Bool) throws {
        let mapping = LookalikeTable.builtIn.cyrillicToLatin
        for text in Self.texts {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let ranges = Self.ranges(bytes)
                // In order, then in a scrambled order (the scan starts again).
                for order in [ranges, ranges.enumerated().sorted { ($0.offset * 7919) % 101 < ($1.offset * 7919) % 101 }.map(\.element)] {
                    var scan = ProtectedTokenScan(buffer, folding: folding ? mapping : nil)
                    for range in order {
                        let expected = folding
                            ? ProtectedToken.overlapsProtectedSpan(range, in: buffer, folding: mapping)
                            : ProtectedToken.overlapsProtectedSpan(range, in: buffer)
                        #expect(scan.overlapsProtectedSpan(range) == expected, "\(text) \(range)")
                        #expect(scan.token(around: range) == ProtectedToken.token(around: range, in: buffer))
                    }
                }
            }
        }
    }
}
