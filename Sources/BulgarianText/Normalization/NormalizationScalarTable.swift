/// What normalization must look at for every Basic Multilingual Plane
/// scalar, read once from ICU's data so that the scanning loops make no ICU
/// call on text that needs no work.
final class NormalizationScalarTable: @unchecked Sendable {
    /// Deleted by default: invisible formatting characters and controls.
    static let invisible: UInt8 = 1
    /// U+2000–U+200A and U+3000: become a plain space.
    static let space: UInt8 = 2
    /// NFC may change text at this scalar (quick check not "yes").
    static let nfcChange: UInt8 = 4
    /// NFC may combine this scalar with the one before it.
    static let nfcNoBoundaryBefore: UInt8 = 8
    /// NFKC may change text at this scalar (the kept characters excluded).
    static let nfkcChange: UInt8 = 16
    /// NFKC may combine this scalar with the one before it.
    static let nfkcNoBoundaryBefore: UInt8 = 32
    /// A stress mark or a letter that carries one (ѐ Ѐ), for `--strip-stress`.
    static let stress: UInt8 = 64

    /// Characters `--nfkc` keeps as they are: № ² ³, NBSP and the narrow NBSP.
    static let nfkcKept: Set<UInt32> = [0x2116, 0x00B2, 0x00B3, 0x00A0, 0x202F]

    /// The table every caller shares; immutable after it is built.
    static let shared = NormalizationScalarTable()

    /// Flags of U+0000…U+FFFF; the storage lives as long as the process.
    private let bmp: UnsafePointer<UInt8>
    private let nfc = ComposingForm.nfc.normalizer
    private let nfkc = ComposingForm.nfkc.normalizer

    private init() {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x10000)
        for codePoint in 0..<UInt32(0x10000) {
            table[Int(codePoint)] = Self.compute(codePoint, nfc: nfc, nfkc: nfkc)
        }
        bmp = UnsafePointer(table)
    }

    /// The flags of any scalar.
    @inline(__always)
    func flags(_ codePoint: UInt32) -> UInt8 {
        codePoint < 0x10000 ? bmp[Int(codePoint)] : Self.compute(codePoint, nfc: nfc, nfkc: nfkc)
    }

    /// Whether the default deletions remove `codePoint`.
    static func isInvisible(_ codePoint: UInt32) -> Bool {
        switch codePoint {
        case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F...0x9F: true  // C0 (but tab, LF, CR), DEL, C1
        case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true   // bidi marks, embeddings, isolates
        default: false
        }
    }

    private static func compute(_ codePoint: UInt32, nfc: ICUNormalizer, nfkc: ICUNormalizer) -> UInt8 {
        if (0xD800...0xDFFF).contains(codePoint) { return 0 }
        var result: UInt8 = 0
        if isInvisible(codePoint) { result |= invisible }
        if (0x2000...0x200A).contains(codePoint) || codePoint == 0x3000 { result |= space }
        if codePoint == 0x0300 || codePoint == 0x0301 || codePoint == 0x0400 || codePoint == 0x0450 { result |= stress }
        guard codePoint >= 0x80 else { return result }
        let units = Array(String(Character(Unicode.Scalar(codePoint)!)).utf16)
        let nfcYes = units.withUnsafeBufferPointer { (try? nfc.normalizedPrefixLength($0)) == $0.count }
        let nfkcYes = units.withUnsafeBufferPointer { (try? nfkc.normalizedPrefixLength($0)) == $0.count }
        if !nfcYes { result |= nfcChange }
        if !nfc.hasBoundaryBefore(codePoint) { result |= nfcNoBoundaryBefore }
        if !nfkcKept.contains(codePoint) {
            if !nfkcYes { result |= nfkcChange }
            if !nfkc.hasBoundaryBefore(codePoint) { result |= nfkcNoBoundaryBefore }
        }
        return result
    }
}

/// The two composing normalization forms bgtext applies.
enum ComposingForm: Sendable {
    case nfc, nfkc

    /// The ICU form.
    var icuForm: ICUNormalizer.Form { self == .nfc ? .nfc : .nfkc }

    /// ICU's shared normalizer for the form, for building the scalar table.
    /// ICU's NFC and NFKC data are part of its core library: without them
    /// nothing in bgtext could work, so failing to open them is fatal here
    /// (`Normalizer.init` opens them first and throws instead).
    var normalizer: ICUNormalizer {
        do {
            return try ICUNormalizer(icuForm)
        } catch {
            preconditionFailure("ICU cannot open its \(self) data: \(error)")
        }
    }

    /// The table flag for "may change here".
    var changeFlag: UInt8 {
        self == .nfc ? NormalizationScalarTable.nfcChange : NormalizationScalarTable.nfkcChange
    }

    /// The table flag for "may combine with what precedes".
    var noBoundaryFlag: UInt8 {
        self == .nfc ? NormalizationScalarTable.nfcNoBoundaryBefore : NormalizationScalarTable.nfkcNoBoundaryBefore
    }
}
