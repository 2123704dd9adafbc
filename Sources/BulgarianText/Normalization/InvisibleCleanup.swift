/// The first default step: a leading BOM is removed, CR LF and lone CR become
/// LF, invisible formatting characters and controls (other than tab and
/// newline) are deleted, and typographic spaces become a plain space.
///
/// Deletions are never replaced by a space: `ра\u{AD}бота` becomes `работа`.
enum InvisibleCleanup {
    /// Bytes below 0x80 that need work: C0 controls but tab and LF, and DEL.
    private static let asciiAttention: [Bool] = (0..<128).map { byte in
        (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F
    }

    /// The offset of the first byte that needs work, or nil. The bytes must be valid UTF-8.
    static func firstChange(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return nil }
        if count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { return 0 }
        let table = NormalizationScalarTable.shared
        let wanted = NormalizationScalarTable.invisible | NormalizationScalarTable.space
        return asciiAttention.withUnsafeBufferPointer { ascii -> Int? in
            var index = 0
            while index < count {
                let byte = base[index]
                if byte < 0x80 {
                    if ascii[Int(byte)] { return index }
                    index += 1
                } else if byte == 0xD0 || byte == 0xD1 {
                    // U+0400–U+047F: Cyrillic letters, none of them special here.
                    index += 2
                } else {
                    let (scalar, length) = UTF8Scalars.decode(base, at: index)
                    if table.flags(scalar) & wanted != 0 { return index }
                    index += length
                }
            }
            return nil
        }
    }

    /// Runs the step, or returns nil when it changes nothing.
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) -> StageResult? {
        guard let first = firstChange(in: bytes), let base = bytes.baseAddress else { return nil }
        let table = NormalizationScalarTable.shared
        var writer = StageWriter(input: bytes)
        var index = first
        if index == 0 && bytes.count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF {
            writer.replace(0..<3, with: EmptyCollection(), kind: .byteOrderMark)
            index = 3
        }
        let count = bytes.count
        while index < count {
            let byte = base[index]
            if byte < 0x80 {
                if byte == 0x0D {
                    let end = index + 1 < count && base[index + 1] == 0x0A ? index + 2 : index + 1
                    writer.replace(index..<end, with: CollectionOfOne(0x0A), kind: .lineEnding)
                    index = end
                } else if asciiAttention[Int(byte)] {
                    writer.replace(index..<index + 1, with: EmptyCollection(), kind: .invisible)
                    index += 1
                } else {
                    index += 1
                }
                continue
            }
            if byte == 0xD0 || byte == 0xD1 {
                index += 2
                continue
            }
            let (scalar, length) = UTF8Scalars.decode(base, at: index)
            let flags = table.flags(scalar)
            if flags & NormalizationScalarTable.invisible != 0 {
                writer.replace(index..<index + length, with: EmptyCollection(), kind: .invisible)
            } else if flags & NormalizationScalarTable.space != 0 {
                writer.replace(index..<index + length, with: CollectionOfOne(0x20), kind: .space)
            }
            index += length
        }
        return writer.finish()
    }
}
