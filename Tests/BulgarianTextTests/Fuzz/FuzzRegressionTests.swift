import Testing
import BulgarianText

/// Inputs the fuzz targets of Fuzz/ found (scripts/fuzz), kept as tests.
@Suite("Fuzz findings")
struct FuzzRegressionTests {
    /// FuzzNormalization: a run of straight quotes under the typography profile
    /// became „"""""""“, and a second pass then paired the inner quotes as well.
    /// And `[„"[“!"` (controls deleted from the finding): the pass that made
    /// the „ had not let the quote after it open, the next pass did.
    @Test(arguments: [String(repeating: "\"", count: 9), "\"\"", "а\"\"\"б", "„\"“", "\"a\"“",
                      "\nOolf[[[\"\u{1C}\"[[[\"!\"\t", "[\"\"[\"!\"\t"])
    func straightQuotesBesideCurlyOnesAreIdempotent(_ text: String) throws {
        let normalizer = try Normalizer(options: .all(profile: .typography))
        let once = try normalizer.normalize(text)
        let twice = try normalizer.normalize(once.text)
        #expect(twice.text == once.text)
    }

    @Test func aRunOfStraightQuotesIsPairedAtItsEnds() throws {
        let normalizer = try Normalizer(options: NormalizationOptions(profile: .typography))
        #expect(try normalizer.normalize(String(repeating: "\"", count: 9)).text == "„\"\"\"\"\"\"\"“")
        #expect(try normalizer.normalize("Той каза \"да\".").text == "Той каза „да“.")
    }
}
