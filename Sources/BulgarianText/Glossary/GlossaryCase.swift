/// Letter case and letter classes for glossary terms, with fast paths for
/// ASCII and Cyrillic and Unicode's simple case mappings for the rest.
enum GlossaryCase {
    /// The simple lower-case mapping of a scalar (itself when that is not one scalar).
    @inline(__always)
    static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value < 0x80 {
            return value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar
        }
        if value >= 0x410 && value <= 0x42F { return Unicode.Scalar(value + 0x20)! }
        if value >= 0x430 && value <= 0x45F { return scalar }
        if value >= 0x400 && value <= 0x40F { return Unicode.Scalar(value + 0x50)! }
        return single(scalar.properties.lowercaseMapping) ?? scalar
    }

    /// The simple upper-case mapping of a scalar (itself when that is not one scalar).
    @inline(__always)
    static func uppercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value < 0x80 {
            return value >= 0x61 && value <= 0x7A ? Unicode.Scalar(UInt8(value - 0x20)) : scalar
        }
        if value >= 0x430 && value <= 0x44F { return Unicode.Scalar(value - 0x20)! }
        if value >= 0x410 && value <= 0x42F { return scalar }
        if value >= 0x450 && value <= 0x45F { return Unicode.Scalar(value - 0x50)! }
        return single(scalar.properties.uppercaseMapping) ?? scalar
    }

    private static func single(_ mapping: String) -> Unicode.Scalar? {
        var scalars = mapping.unicodeScalars.makeIterator()
        guard let first = scalars.next(), scalars.next() == nil else { return nil }
        return first
    }

    /// Whether a scalar is an upper-case (or title-case) letter.
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        if value >= 0x400 && value <= 0x42F { return true }
        if value >= 0x430 && value <= 0x45F { return false }
        return scalar.properties.isUppercase || scalar.properties.generalCategory == .titlecaseLetter
    }

    /// Whether a scalar is a lower-case letter.
    static func isLowercaseLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        if value >= 0x430 && value <= 0x45F { return true }
        return scalar.properties.isLowercase
    }

    /// Whether a scalar is a letter of the Cyrillic block (U+0400…U+04FF).
    static func isCyrillicLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value >= 0x400 && scalar.value <= 0x45F { return true }
        return scalar.value >= 0x460 && scalar.value <= 0x4FF && scalar.properties.isAlphabetic
    }

    /// Whether a scalar is White_Space.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        if value >= 0x400 && value <= 0x4FF { return false }
        return scalar.properties.isWhitespace
    }

    /// Whether a lower-case Bulgarian letter is a vowel (one per syllable).
    static func isVowel(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "а", "е", "и", "о", "у", "ъ", "ю", "я", "ѝ": return true
        default: return false
        }
    }
}
