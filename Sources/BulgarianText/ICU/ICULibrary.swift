/// Facts about the ICU library bgtext runs on.
public enum ICULibrary {
    /// The runtime ICU version, such as "72.1" (`u_getVersion`).
    public static var version: String { ICUCalls.version }
}

/// Unicode character classes as ICU's data defines them (`u_charType`),
/// which is what ICU's rules and iterators use; bgtext's own code uses the
/// same answers so that its native paths agree with ICU's.
struct CharacterClass: OptionSet, Sendable {
    let rawValue: Int32

    static let letter = CharacterClass(rawValue: 1)
    static let uppercase = CharacterClass(rawValue: 2)
    static let mark = CharacterClass(rawValue: 4)
    static let whitespace = CharacterClass(rawValue: 8)
    static let digit = CharacterClass(rawValue: 16)
    static let lowercase = CharacterClass(rawValue: 32)
    static let punctuation = CharacterClass(rawValue: 64)

    /// The classes of a scalar.
    @inline(__always)
    init(of scalar: Unicode.Scalar) {
        self = CharacterClass(ofCodePoint: scalar.value)
    }

    @inline(__always)
    init(ofCodePoint codePoint: UInt32) {
        self.init(rawValue: ICUCalls.characterClass(codePoint))
    }

    init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// A letter or a combining mark: the characters a word is made of.
    var isWordCharacter: Bool { !isDisjoint(with: [.letter, .mark]) }
}
