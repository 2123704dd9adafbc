import Testing
@testable import BulgarianText

/// `ByteChunkWriter` on its own, with a chunk small enough that every rule
/// is met often: pieces that fit, pieces that flush the chunk first, pieces
/// of more than half a chunk that go straight to the output, empty pieces.
struct ByteChunkWriterTests {
    @Test func writesEveryPieceInOrderWhateverItsSize() {
        var random = SeededGenerator(seed: 11)
        for chunkSize in [1, 2, 7, 16, 64] {
            var expected: [UInt8] = [0xFF]
            var output: [UInt8] = [0xFF]
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: chunkSize) { chunk in
                var writer = ByteChunkWriter(chunk)
                for index in 0..<2000 {
                    let length = Int.random(in: 0...(2 * chunkSize + 3), using: &random)
                    let piece = (0..<length).map { UInt8(truncatingIfNeeded: index &* 31 &+ $0) }
                    expected += piece
                    piece.withUnsafeBufferPointer { writer.write($0, to: &output) }
                    if index % 100 == 0 {
                        // What reached the output so far is what was written first.
                        let inOrder = expected.starts(with: output)
                        #expect(inOrder, "chunk of \(chunkSize), piece \(index)")
                    }
                }
                writer.flush(to: &output)
                writer.flush(to: &output)
            }
            let same = output == expected
            #expect(same, "chunk of \(chunkSize): \(output.count) bytes out, \(expected.count) written")
        }
    }

    /// A piece exactly as long as the space left fills the chunk without a
    /// flush; one byte more flushes first; a piece of more than half a chunk
    /// that does not fit flushes and goes straight to the output.
    @Test func eachRuleOfTheChunkOneByOne() {
        var output: [UInt8] = []
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 8) { chunk in
            var writer = ByteChunkWriter(chunk)
            [1, 2, 3, 4, 5].withUnsafeBufferPointer { writer.write($0, to: &output) }
            [6, 7, 8].withUnsafeBufferPointer { writer.write($0, to: &output) }
            #expect(output == [])
            [9].withUnsafeBufferPointer { writer.write($0, to: &output) }
            #expect(output == [1, 2, 3, 4, 5, 6, 7, 8])
            [10, 11, 12, 13, 14].withUnsafeBufferPointer { writer.write($0, to: &output) }
            #expect(output == Array(1...8))
            [15, 16, 17, 18, 19].withUnsafeBufferPointer { writer.write($0, to: &output) }
            #expect(output == Array(1...19))
            [20].withUnsafeBufferPointer { writer.write($0, to: &output) }
            writer.flush(to: &output)
        }
        #expect(output == Array(1...20))
    }

    /// Every short length at every alignment: the bytes arrive in order and
    /// nothing before or after the destination range changes (the copies
    /// overlap inside it).
    @Test func shortCopiesWriteExactlyTheirBytes() {
        let source: [UInt8] = (0..<80).map { UInt8($0 * 3 + 7) }
        for count in 1...32 {
            for from in 0..<8 {
                for to in 0..<8 {
                    var destination = [UInt8](repeating: 0xEE, count: 48)
                    source.withUnsafeBufferPointer { bytes in
                        destination.withUnsafeMutableBufferPointer { target in
                            ByteChunkWriter.copySmall(from: bytes.baseAddress! + from, to: target.baseAddress! + to,
                                                      count: count)
                        }
                    }
                    let expected = [UInt8](repeating: 0xEE, count: to) + source[from..<(from + count)]
                        + [UInt8](repeating: 0xEE, count: 48 - to - count)
                    #expect(destination == expected, "\(count) bytes from \(from) to \(to)")
                }
            }
        }
    }
}
