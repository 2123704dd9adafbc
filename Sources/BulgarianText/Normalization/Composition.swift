/// The composing step: NFC by default, or NFKC that keeps № ² ³ and the
/// no-break spaces (`--nfkc`), optionally followed by stress-mark removal
/// (`--strip-stress`).
///
/// Only the short spans that may change are handed to ICU: a scan over the
/// UTF-8 finds scalars whose quick check is not "yes" or that may combine
/// with the scalar before; the span runs from the last normalization
/// boundary before such a scalar to the next boundary after it.
struct Composition: Sendable {
    let form: ComposingForm
    let normalizer: ICUNormalizer
    let stripStress: Bool
    /// NFKC keeps `…` when the typography profile asks for it (which would
    /// otherwise turn NFKC's `...` back into `…` on every run).
    var keepsEllipsis = false

    private var attention: UInt8 {
        form.changeFlag | form.noBoundaryFlag | (stripStress ? NormalizationScalarTable.stress : 0)
    }

    /// The offset of the first scalar that needs a look, or nil.
    func firstAttention(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let table = NormalizationScalarTable.shared
        let wanted = attention
        let count = bytes.count
        // Ѐ (D0 80) and ѐ (D1 90) are the only scalars of U+0400–U+047F that
        // matter, and only for stress.
        let stressByte: (UInt8, UInt8) = stripStress ? (0x80, 0x90) : (0, 0)
        var index = start
        while index < count {
            let byte = base[index]
            if byte < 0x80 {
                index += 1
            } else if byte == 0xD0 && base[index + 1] != stressByte.0 || byte == 0xD1 && base[index + 1] != stressByte.1 {
                index += 2
            } else {
                let (scalar, length) = UTF8Scalars.decode(base, at: index)
                if table.flags(scalar) & wanted != 0 && !(keepsEllipsis && scalar == 0x2026) { return index }
                index += length
            }
        }
        return nil
    }

    /// Runs the step, or returns nil when it changes nothing.
    func run(_ bytes: UnsafeBufferPointer<UInt8>) throws(ICUError) -> StageResult? {
        guard var index = firstAttention(in: bytes), let base = bytes.baseAddress else { return nil }
        let table = NormalizationScalarTable.shared
        let noBoundary = form.noBoundaryFlag
        var writer = StageWriter(input: bytes)
        var changed = false
        let count = bytes.count
        while true {
            // Back to the last boundary, but not into text already written.
            var start = index
            while start > writer.position {
                let (scalar, _) = UTF8Scalars.decode(base, at: start)
                if table.flags(scalar) & noBoundary == 0 { break }
                start = UTF8Scalars.previousStart(base, before: start, lowerBound: writer.position)
            }
            // A character NFKC keeps never starts a span it would be rewritten in.
            if form == .nfkc, start < index {
                let (scalar, length) = UTF8Scalars.decode(base, at: start)
                if NormalizationScalarTable.nfkcKept.contains(scalar) || (keepsEllipsis && scalar == 0x2026) { start += length }
            }
            // Forward over this scalar and everything that may combine with it.
            var end = index + UTF8Scalars.length(lead: base[index])
            while end < count {
                let (scalar, length) = UTF8Scalars.decode(base, at: end)
                if table.flags(scalar) & noBoundary == 0 { break }
                end += length
            }
            let span = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let (replacement, strippedStress) = try normalize(span)
            if !replacement.elementsEqual(span) {
                writer.replace(start..<end, with: replacement,
                               kind: strippedStress ? .stress : (form == .nfc ? .composition : .compatibility))
                changed = true
            }
            guard let next = firstAttention(in: bytes, from: end) else { break }
            index = next
        }
        return changed ? writer.finish() : nil
    }

    /// The normalized span, and whether stress marks were removed from it.
    private func normalize(_ span: UnsafeBufferPointer<UInt8>) throws(ICUError) -> ([UInt8], Bool) {
        let units = try ICUCalls.utf16(fromUTF8: span)
        var normalized = try units.withUnsafeBufferPointer { buffer throws(ICUError) in try normalizer.normalize(buffer) }
        var stripped = false
        if stripStress {
            var kept: [UInt16] = []
            kept.reserveCapacity(normalized.count)
            for unit in normalized {
                switch unit {
                case 0x0300, 0x0301: stripped = true
                case 0x0450: kept.append(0x0435); stripped = true  // ѐ → е
                case 0x0400: kept.append(0x0415); stripped = true  // Ѐ → Е
                default: kept.append(unit)
                }
            }
            if stripped {
                // Removing a mark can leave a sequence that composes differently.
                normalized = try kept.withUnsafeBufferPointer { buffer throws(ICUError) in try normalizer.normalize(buffer) }
            }
        }
        let utf8 = try normalized.withUnsafeBufferPointer { buffer throws(ICUError) in try ICUCalls.utf8(fromUTF16: buffer) }
        return (utf8, stripped)
    }
}
