/// What substitution needs of each entry, in one 32-byte slot per entry on
/// a 64-byte-aligned block, so that a match costs one cache line: a record
/// word, then up to `inlineCapacity` bytes of the target itself.
///
/// The record word holds the entry's flags in its top 8 bits
/// (`Glossary.reportOnlyFlag`, `Glossary.lowerInitialFlag`, `inlineFlag`)
/// and the target's length in the next 24. With `inlineFlag` the target's
/// bytes follow the record in the slot; otherwise its offset in
/// `Glossary.targetBytes` is in the low 32 bits, or, when offset or length
/// do not fit, `outsizeFlag` is set and `Glossary.targetStarts` must be asked.
///
/// An inline target's low 32 bits say how to write it with a capital first
/// letter (for a lower-case entry matched at the start of a sentence), when
/// `capitalFlag` is set: the capitalised target is up to three bytes (bits
/// 0–23, first byte lowest; their number in bits 24–25) followed by the
/// target without its first `skip` bytes (bits 26–31). A third of the
/// matches in running text are capitalised; this spares each of them two
/// reads of `Glossary.capitalisedStarts` and `capitalisedBytes`.
///
/// Owns its memory (allocated in `init`, freed in `deinit`) and is never
/// written after `init`, so it is safe to share between tasks.
final class GlossaryTargetSlots: @unchecked Sendable {
    /// The slots, `slotSize` bytes per entry (bound to bytes; the record
    /// words are read as raw loads).
    let bytes: UnsafeMutablePointer<UInt8>

    static let slotSize = 32
    /// Target bytes that fit in a slot after its record word.
    static let inlineCapacity = slotSize - 8
    /// The target's bytes are in the slot.
    static let inlineFlag: UInt8 = 8
    /// The target's offset or length does not fit in the record.
    static let outsizeFlag: UInt8 = 4
    /// The record's low 32 bits give the capitalised target (inline targets only).
    static let capitalFlag: UInt8 = 16

    /// Slots for targets whose bytes are `targetBytes[targetStarts[i]..<targetStarts[i + 1]]`,
    /// and whose capitalised forms are `capitalisedBytes[capitalisedStarts[i]..<capitalisedStarts[i + 1]]`.
    init(targetBytes: [UInt8], targetStarts: [Int], flags: [UInt8], capitalisedBytes: [UInt8], capitalisedStarts: [Int]) {
        let count = flags.count
        let byteCount = max(count, 1) * Self.slotSize
        bytes = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: 64)
            .initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
        let raw = UnsafeMutableRawPointer(bytes)
        for index in 0..<count {
            let start = targetStarts[index]
            let length = targetStarts[index + 1] - start
            let slot = index * Self.slotSize
            let record: UInt64
            if length <= Self.inlineCapacity {
                var entryFlags = flags[index] | Self.inlineFlag
                var capital: UInt64 = 0
                if entryFlags & Glossary.lowerInitialFlag != 0,
                   let packed = Self.capitalPrefix(target: targetBytes[start..<(start + length)],
                                                   capitalised: capitalisedBytes[capitalisedStarts[index]..<capitalisedStarts[index + 1]]) {
                    entryFlags |= Self.capitalFlag
                    capital = UInt64(packed)
                }
                record = capital | UInt64(length) << 32 | UInt64(entryFlags) << 56
                for offset in 0..<length { bytes[slot + 8 + offset] = targetBytes[start + offset] }
            } else if start <= Int(UInt32.max) && length < 1 << 24 {
                record = UInt64(start) | UInt64(length) << 32 | UInt64(flags[index]) << 56
            } else {
                record = UInt64(flags[index] | Self.outsizeFlag) << 56
            }
            raw.storeBytes(of: record, toByteOffset: slot, as: UInt64.self)
        }
    }

    /// The capitalised target as (up to three bytes, the number of the
    /// target's bytes they replace), packed as the record's low 32 bits, or
    /// nil when it differs from the target in more than that.
    static func capitalPrefix(target: ArraySlice<UInt8>, capitalised: ArraySlice<UInt8>) -> UInt32? {
        // An empty capitalised form (an empty target) is written as the target.
        let capitalisedBytes = capitalised.isEmpty ? target : capitalised
        var shared = 0
        while shared < target.count && shared < capitalisedBytes.count
                && target[target.endIndex - 1 - shared] == capitalisedBytes[capitalisedBytes.endIndex - 1 - shared] {
            shared += 1
        }
        let prefixLength = capitalisedBytes.count - shared
        let skip = target.count - shared
        guard prefixLength <= 3, skip < 64 else { return nil }
        var packed = UInt32(prefixLength) << 24 | UInt32(skip) << 26
        for (offset, byte) in capitalisedBytes.prefix(prefixLength).enumerated() { packed |= UInt32(byte) << (8 * offset) }
        return packed
    }

    /// Writes entry `index`'s inline target with a capital first letter
    /// (valid with `inlineFlag` and `capitalFlag`).
    @inline(__always)
    func writeCapitalised(_ index: Int, record: UInt64, length: Int, into writer: inout ByteChunkWriter, output: inout [UInt8]) {
        let prefixLength = Int(truncatingIfNeeded: record >> 24) & 3
        let skip = Int(truncatingIfNeeded: record >> 26) & 63
        var prefix = (UInt8(truncatingIfNeeded: record), UInt8(truncatingIfNeeded: record >> 8),
                      UInt8(truncatingIfNeeded: record >> 16))
        withUnsafeBytes(of: &prefix) { raw in
            writer.write(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[0..<prefixLength]), to: &output)
        }
        writer.write(UnsafeBufferPointer(start: bytes + index * Self.slotSize + 8 + skip, count: length - skip), to: &output)
    }

    deinit {
        bytes.deallocate()
    }

    /// The record word of entry `index`.
    @inline(__always)
    func record(_ index: Int) -> UInt64 {
        UnsafeRawPointer(bytes).load(fromByteOffset: index * Self.slotSize, as: UInt64.self)
    }

    /// The inline target bytes of entry `index` (valid with `inlineFlag`).
    @inline(__always)
    func inlineTarget(_ index: Int, length: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + index * Self.slotSize + 8, count: length)
    }
}
