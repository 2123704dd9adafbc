import Foundation
import Testing

/// A line without a single space — minified JSON, a joined list — is one
/// token to the steps that keep URLs, e-mail addresses and placeholders
/// intact. Mixed-script repair and the punctuation profiles used to scan the
/// whole token again at every place they looked at (every mixed word, every
/// quote), which made such a line quadratic: 90 KB of JSON took 12 s under
/// `--profile typography`, 90 KB of joined words 56 s under
/// `--fix-mixed-script`, and a megabyte hours. Each token is now scanned
/// once (`ProtectedTokenScan`): these megabyte lines take seconds.
@Suite("Lines without spaces")
struct LongTokenTests {
    static let copies = 1 << 15

    @Test func minifiedJSONUnderTheTypographyProfile() throws {
        let folder = try TemporaryDirectory()
        let unit = "{\"град\":\"София\",\"x\":\"виж...\"},"
        let input = try folder.file("data.json", String(repeating: unit, count: Self.copies) + "\n")
        let result = try BGTextRunner.run(["normalize", "--profile", "typography", input])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.output == String(repeating: "{„град“:\"София\",\"x\":\"виж…\"},", count: Self.copies) + "\n")
    }

    @Test func joinedWordsUnderMixedScriptRepair() throws {
        let folder = try TemporaryDirectory()
        // Latin C in Cофия, Latin o in Плoвдив.
        let input = try folder.file("words.txt", String(repeating: "Cофия-Плoвдив_", count: Self.copies) + "\n")
        let result = try BGTextRunner.run(["normalize", "--fix-mixed-script", "--profile", "ascii", input])
        #expect(result.status == 0, "\(result.stderr)")
        // `_` makes the token code-like: nothing in it is touched.
        #expect(result.output == String(repeating: "Cофия-Плoвдив_", count: Self.copies) + "\n")
        let plain = try folder.file("plain.txt", String(repeating: "Cофия-Плoвдив-", count: Self.copies) + "\n")
        let repaired = try BGTextRunner.run(["normalize", "--fix-mixed-script", plain])
        #expect(repaired.status == 0, "\(repaired.stderr)")
        #expect(repaired.output == String(repeating: "София-Пловдив-", count: Self.copies) + "\n")
    }
}
