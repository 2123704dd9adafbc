/// Finding bytes in UTF-8 text eight at a time.
enum ByteSearch {
    /// 0x01 in every byte of a word.
    static let ones: UInt64 = 0x0101_0101_0101_0101
    /// 0x80 in every byte of a word.
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// `byte` in every byte of a word.
    @inline(__always) static func broadcast(_ byte: UInt8) -> UInt64 {
        UInt64(byte) &* ones
    }

    /// Non-zero when some byte of `word` is zero (the classic bit trick: exact
    /// as to whether there is one, not as to where).
    @inline(__always) static func hasZeroByte(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highBits
    }

    /// The index of the first `byte` at or after `start`, or nil.
    static func firstIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buffer.baseAddress, start < buffer.count else { return nil }
        let raw = UnsafeRawPointer(base)
        let count = buffer.count
        let pattern = broadcast(byte)
        var index = start
        while index + 8 <= count {
            if hasZeroByte(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ pattern) != 0 { break }
            index += 8
        }
        while index < count {
            if base[index] == byte { return index }
            index += 1
        }
        return nil
    }
}
