extension Glossary {
    /// The case of a matched text, as the matcher sees it: all capitals (no
    /// lower-case letter, at least two capitals) and a capital first character.
    func surfaceCase(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) -> (allCapitals: Bool, firstUppercase: Bool) {
        var capitals = 0
        var anyLower = false
        var firstUppercase = false
        scalarTable.bmp.withUnsafeBufferPointer { bmp in
            let lookup = GlossaryLookup(bmp: bmp.baseAddress!, table: scalarTable)
            var index = range.lowerBound
            while index < range.upperBound {
                let (scalar, length) = lookup.decode(base, at: index, count: range.upperBound)
                let info = lookup.entry(scalar)
                if info & GlossaryScalarTable.uppercase != 0 {
                    if index == range.lowerBound { firstUppercase = true }
                    capitals += 1
                }
                if info & GlossaryScalarTable.lowercase != 0 { anyLower = true }
                index += length
            }
        }
        return (!anyLower && capitals >= 2 && firstUppercase, firstUppercase)
    }

    /// The text that replaces a match: the entry's target as written, in
    /// capitals when the matched text is in capitals (more than one letter),
    /// and with a capital first letter when a lower-case entry matched with
    /// a capital (at the start of a sentence).
    public func replacement(for match: GlossaryMatch, inUTF8 text: UnsafeBufferPointer<UInt8>) -> String {
        let surface = surfaceCase(text.baseAddress!, match.range)
        return replacement(entry: match.entryIndex, allCapitals: surface.allCapitals, firstUppercase: surface.firstUppercase)
    }

    func replacement(entry index: Int, allCapitals: Bool, firstUppercase: Bool) -> String {
        let target = entries[index].target
        if allCapitals { return target.uppercased() }
        if firstUppercase && entryFlags[index] & Self.lowerInitialFlag != 0 {
            // Made once when the glossary was built (empty for an empty target).
            let range = capitalisedStarts[index]..<capitalisedStarts[index + 1]
            if !range.isEmpty {
                return capitalisedBytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
            }
        }
        return target
    }

    /// The text with every match replaced by its target (see
    /// `replacement(for:inUTF8:)`). Deprecated and forbidden terms stay as written.
    public func substitute(_ text: String) -> String {
        var copy = text
        var output: [UInt8] = []
        copy.withUTF8 { substitute(inUTF8: $0, into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the UTF-8 text with every match replaced by its target to `output`.
    public func substitute(inUTF8 text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        // The pieces (text between matches, targets) gather in a chunk on
        // the stack and reach `output` a few kilobytes at a time. Matches
        // wait in a batch until it is full, so that the target slots of
        // the whole batch are read one after the other: the loads do not
        // depend on each other, and their cache misses overlap instead of
        // stalling each match in turn.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.substitutionChunkSize) { chunk in
            withUnsafeTemporaryAllocation(of: PendingSubstitution.self, capacity: Self.substitutionBatchSize) { batch in
                var writer = ByteChunkWriter(chunk)
                var copied = 0
                var pending = 0
                targetBytes.withUnsafeBufferPointer { targets in
                    scan(text) { raw in
                        batch[pending] = PendingSubstitution(match: raw, record: 0)
                        pending += 1
                        if pending == batch.count {
                            writeBatch(batch, count: pending, text: text, targets: targets, copied: &copied,
                                       writer: &writer, output: &output)
                            pending = 0
                        }
                    }
                    writeBatch(batch, count: pending, text: text, targets: targets, copied: &copied,
                               writer: &writer, output: &output)
                }
                writer.write(UnsafeBufferPointer(rebasing: text[copied...]), to: &output)
                writer.flush(to: &output)
            }
        }
    }

    /// A match waiting for its target, with its entry's record word once read.
    struct PendingSubstitution {
        var match: RawMatch
        var record: UInt64
    }

    /// Writes the text before each of the first `count` matches of `batch`
    /// and its target; `copied` is where the text not yet written starts.
    @inline(__always)
    private func writeBatch(_ batch: UnsafeMutableBufferPointer<PendingSubstitution>, count: Int,
                            text: UnsafeBufferPointer<UInt8>, targets: UnsafeBufferPointer<UInt8>, copied: inout Int,
                            writer: inout ByteChunkWriter, output: inout [UInt8]) {
        // One cache line per match: the flags, the length and most targets' bytes.
        for index in 0..<count { batch[index].record = targetSlots.record(Int(batch[index].match.entry)) }
        for index in 0..<count {
            let raw = batch[index].match
            let record = batch[index].record
            let entry = Int(raw.entry)
            let flags = UInt8(truncatingIfNeeded: record >> 56)
            guard flags & Self.reportOnlyFlag == 0 else { continue }
            writer.write(UnsafeBufferPointer(rebasing: text[copied..<raw.start]), to: &output)
            copied = raw.end
            let length = Int(truncatingIfNeeded: (record >> 32) & 0xFF_FFFF)
            if raw.allCapitals {
                writer.flush(to: &output)
                output.append(contentsOf: replacement(entry: entry, allCapitals: true, firstUppercase: true).utf8)
            } else if raw.firstUppercase && flags & Self.lowerInitialFlag != 0 {
                if flags & GlossaryTargetSlots.capitalFlag != 0 {
                    // In the slot too: a capital first letter, then the rest of the target.
                    targetSlots.writeCapitalised(entry, record: record, length: length, into: &writer, output: &output)
                    continue
                }
                capitalisedBytes.withUnsafeBufferPointer { capitalised in
                    writer.write(UnsafeBufferPointer(rebasing: capitalised[capitalisedStarts[entry]..<capitalisedStarts[entry + 1]]),
                                 to: &output)
                }
            } else if flags & GlossaryTargetSlots.inlineFlag != 0 {
                // The bytes follow the record, in the line just read.
                writer.write(targetSlots.inlineTarget(entry, length: length), to: &output)
            } else if flags & GlossaryTargetSlots.outsizeFlag != 0 {
                writer.write(UnsafeBufferPointer(rebasing: targets[targetStarts[entry]..<targetStarts[entry + 1]]), to: &output)
            } else {
                let start = Int(truncatingIfNeeded: record & 0xFFFF_FFFF)
                writer.write(UnsafeBufferPointer(rebasing: targets[start..<(start + length)]), to: &output)
            }
        }
    }

    /// The matches `substitute(inUTF8:into:)` collects before it reads their
    /// targets' slots together.
    static let substitutionBatchSize = 16

    /// The bytes `substitute(inUTF8:into:)` gathers before appending them.
    static let substitutionChunkSize = 4096
}
