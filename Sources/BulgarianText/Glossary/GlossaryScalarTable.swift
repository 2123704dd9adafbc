/// Per-scalar facts the matcher needs in its hot loop, in one 32-bit word:
/// the scalar's symbol in the glossary's alphabet (its lower-case letter; 0
/// when no term contains it, 1 for white space) and its classes.
///
/// Built once per glossary; immutable afterwards.
struct GlossaryScalarTable: Sendable {
    /// A letter, mark or decimal digit: a character words are made of.
    static let word: UInt32 = 1 << 16
    /// White_Space.
    static let whitespace: UInt32 = 1 << 17
    /// An upper-case or title-case letter.
    static let uppercase: UInt32 = 1 << 18
    /// A lower-case letter.
    static let lowercase: UInt32 = 1 << 19
    /// The symbol of every white-space scalar.
    static let spaceSymbol: UInt16 = 1

    /// The classes of the Basic Multilingual Plane, every white-space scalar
    /// with the space symbol: the start of every glossary's table (copied
    /// when the glossary gives its first letter a symbol).
    private static let baseClasses: [UInt32] = (0..<UInt32(0x10000)).map { codePoint in
        let entry = classes(codePoint)
        return entry & whitespace != 0 ? entry | UInt32(spaceSymbol) : entry
    }

    /// Entries for U+0000…U+FFFF.
    private(set) var bmp: [UInt32]
    /// Symbols of scalars beyond the BMP (rare in terms).
    private(set) var supplementary: [UInt32: UInt16] = [:]
    /// Symbols in use, including 0 and the space symbol.
    private(set) var symbolCount = 2

    init() {
        bmp = Self.baseClasses
    }

    static func classes(_ codePoint: UInt32) -> UInt32 {
        let icu = ScalarClassTable.shared.classes(codePoint)
        var result: UInt32 = 0
        if icu & (ScalarClassTable.letter | ScalarClassTable.mark) != 0 { result |= word }
        if icu & ScalarClassTable.whitespace != 0 { result |= whitespace }
        if icu & ScalarClassTable.uppercase != 0 { result |= uppercase }
        if icu & ScalarClassTable.lowercase != 0 { result |= lowercase }
        if icu & ScalarClassTable.letter != 0 && icu & (ScalarClassTable.uppercase | ScalarClassTable.lowercase) == 0,
           let scalar = Unicode.Scalar(codePoint), scalar.properties.generalCategory == .titlecaseLetter {
            result |= uppercase
        }
        if result & word == 0 {
            if codePoint >= 0x30 && codePoint <= 0x39 {
                result |= word
            } else if codePoint >= 0x80, let scalar = Unicode.Scalar(codePoint),
                      scalar.properties.generalCategory == .decimalNumber {
                result |= word
            }
        }
        return result
    }

    /// The entry of any scalar.
    @inline(__always)
    func entry(_ codePoint: UInt32) -> UInt32 {
        if codePoint < 0x10000 { return bmp[Int(codePoint)] }
        return Self.classes(codePoint) | UInt32(supplementary[codePoint] ?? 0)
    }

    /// The symbol of a scalar of a term, assigning one (shared by its case
    /// variants) the first time. Returns nil when the alphabet is full.
    mutating func symbol(adding scalar: Unicode.Scalar) -> UInt16? {
        let existing = UInt16(truncatingIfNeeded: entry(scalar.value))
        if existing != 0 { return existing }
        if entry(scalar.value) & Self.whitespace != 0 { return Self.spaceSymbol }
        guard symbolCount < Int(UInt16.max) else { return nil }
        let symbol = UInt16(symbolCount)
        symbolCount += 1
        let lower = GlossaryCase.lowercase(scalar)
        for variant in [scalar, lower, GlossaryCase.uppercase(lower), titlecase(lower)] {
            set(variant, symbol)
        }
        return symbol
    }

    private func titlecase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let mapping = scalar.properties.titlecaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping.first! : scalar
    }

    private mutating func set(_ scalar: Unicode.Scalar, _ symbol: UInt16) {
        if scalar.value < 0x10000 {
            let index = Int(scalar.value)
            if bmp[index] & 0xFFFF == 0 { bmp[index] |= UInt32(symbol) }
        } else if supplementary[scalar.value] == nil {
            supplementary[scalar.value] = symbol
        }
    }
}
