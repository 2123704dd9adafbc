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

    /// Slots for targets whose bytes are `targetBytes[targetStarts[i]..<targetStarts[i + 1]]`.
    init(targetBytes: [UInt8], targetStarts: [Int], flags: [UInt8]) {
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
                record = UInt64(length) << 32 | UInt64(flags[index] | Self.inlineFlag) << 56
                for offset in 0..<length { bytes[slot + 8 + offset] = targetBytes[start + offset] }
            } else if start <= Int(UInt32.max) && length < 1 << 24 {
                record = UInt64(start) | UInt64(length) << 32 | UInt64(flags[index]) << 56
            } else {
                record = UInt64(flags[index] | Self.outsizeFlag) << 56
            }
            raw.storeBytes(of: record, toByteOffset: slot, as: UInt64.self)
        }
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
