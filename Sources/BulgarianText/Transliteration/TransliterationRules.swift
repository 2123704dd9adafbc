/// A table expanded into the concrete rules both engines apply: every letter
/// in both cases, every case variant of endings and words.
///
/// Both the native engine and the generated ICU rules are built from this one
/// expansion, so they can differ only in how they apply it, which the
/// differential test checks.
struct TransliterationRules: Sendable {
    /// How one letter (lower or upper case) is written in Latin.
    struct LetterRule: Sendable {
        var source: Unicode.Scalar
        var isUppercase: Bool
        /// Lower-case letters: the form. Capitals: the Title form (`Zh`).
        var target: String
        /// Capitals: the ALL-CAPS form (`ZH`); equal to `target` otherwise.
        var allCapsTarget: String
        /// Stress marks dropped after this letter (the table's `drop` marks that
        /// do not compose with it).
        var droppedMarks: [Unicode.Scalar]
        /// Marks that turn this letter into another one (и + U+0306 is й).
        var compositions: [(mark: Unicode.Scalar, letter: Unicode.Scalar)]

        /// Whether the case of the surrounding word decides between `target` and `allCapsTarget`.
        var needsCaseContext: Bool { target != allCapsTarget }
    }

    /// A word ending in one case variant.
    struct EndingRule: Sendable {
        var letters: [Unicode.Scalar]
        var target: String
    }

    /// A whole word in one case variant.
    struct WordRule: Sendable {
        var source: String
        var target: String
    }

    var letters: [Unicode.Scalar: LetterRule] = [:]
    var endings: [EndingRule] = []
    var words: [WordRule] = []

    init(_ table: TransliterationTable, exceptions: [TransliterationTable.Word] = []) {
        let composingMarks = Dictionary(grouping: table.compositions, by: \.base)
        func addLetter(_ source: Unicode.Scalar, _ target: String, uppercase: Bool, base lower: Unicode.Scalar) {
            let compositions = (composingMarks[lower] ?? []).map { composition in
                (mark: composition.mark,
                 letter: uppercase ? Self.uppercaseScalar(composition.letter) : composition.letter)
            }
            let dropped = table.droppedMarks.filter { mark in !compositions.contains { $0.mark == mark } }
            letters[source] = LetterRule(
                source: source, isUppercase: uppercase,
                target: uppercase ? Self.title(target) : target,
                allCapsTarget: uppercase ? target.uppercased() : target,
                droppedMarks: dropped, compositions: compositions)
        }
        for letter in table.letters where letters[letter.source] == nil {
            addLetter(letter.source, letter.target, uppercase: false, base: letter.source)
            let capital = Self.uppercaseScalar(letter.source)
            if capital != letter.source {
                addLetter(capital, letter.target, uppercase: true, base: letter.source)
            }
        }
        for ending in table.endings {
            for variant in Self.caseVariants(of: ending.source) {
                endings.append(EndingRule(letters: variant, target: Self.cased(ending.target, like: variant)))
            }
        }
        var seen = Set<String>()
        for word in exceptions + table.words {
            let lower = word.source.lowercased()
            let variants: [(String, String)] = [
                (word.source, word.target),
                (Self.title(lower), Self.title(word.target)),
                (lower, word.target.lowercased()),
                (word.source.uppercased(), word.target.uppercased()),
            ]
            for (source, target) in variants where seen.insert(source).inserted {
                words.append(WordRule(source: source, target: target))
            }
        }
    }

    /// `zh` → `Zh`: the first character in capitals, the rest as written.
    static func title(_ text: String) -> String {
        guard let first = text.first else { return text }
        return String(first).uppercased() + text.dropFirst()
    }

    static func uppercaseScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let mapped = scalar.properties.uppercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first! : scalar
    }

    /// All 2ⁿ case variants of a lower-case letter sequence.
    static func caseVariants(of letters: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var variants: [[Unicode.Scalar]] = [[]]
        for letter in letters {
            let capital = uppercaseScalar(letter)
            variants = variants.flatMap { prefix in
                capital == letter ? [prefix + [letter]] : [prefix + [letter], prefix + [capital]]
            }
        }
        return variants
    }

    /// The case of an ending's letters carried to its Latin form: all capitals,
    /// a capital first letter, or lower case.
    static func cased(_ target: String, like letters: [Unicode.Scalar]) -> String {
        let capitals = letters.map { $0.properties.isUppercase }
        if capitals.allSatisfy({ $0 }) { return target.uppercased() }
        if capitals.first == true { return title(target) }
        return target
    }
}
