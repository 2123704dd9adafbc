import Testing
@testable import BulgarianText

@Suite("Offset map")
struct OffsetMapTests {
    /// "аXб" → "аб": one deleted byte at input 2..<3 (output 2).
    @Test func deletionsAreLeftOutAtEitherEnd() {
        var map = OffsetMap()
        map.append(input: 2..<3, output: 2..<2)
        #expect(map.inputRange(0..<2) == 0..<2)   // а: the deletion after it is not part of it
        #expect(map.inputRange(2..<4) == 3..<5)   // б: nor the deletion before it
        #expect(map.inputRange(0..<4) == 0..<5)   // both: the deletion inside is
        #expect(map.inputRange(2..<2) == 3..<3)   // an empty range at the deletion
    }

    /// Single bytes that each became two (a decoded code page): runs merge and map exactly.
    @Test func runsOfEqualUnitsMapPerUnit() {
        var map = OffsetMap()
        for index in 0..<4 { map.append(input: index..<index + 1, output: 2 * index..<2 * index + 2) }
        map.append(input: 5..<6, output: 9..<11)  // after an unchanged ASCII byte at 4
        #expect(map.segments.count == 2)
        #expect(map.inputRange(2..<6) == 1..<3)
        #expect(map.inputRange(3..<5) == 1..<3)    // inside units: widened to whole units
        #expect(map.inputRange(8..<9) == 4..<5)    // the unchanged byte
        #expect(map.inputRange(9..<11) == 5..<6)
    }

    /// "и\u{300}" (4 bytes) → "ѝ" (2 bytes): a range inside is widened to the whole.
    @Test func rewrittenPiecesAreTakenWhole() {
        var map = OffsetMap()
        map.append(input: 1..<5, output: 1..<3)
        #expect(map.inputRange(1..<3) == 1..<5)
        #expect(map.inputRange(0..<1) == 0..<1)
        #expect(map.inputRange(3..<4) == 5..<6)
    }
}
