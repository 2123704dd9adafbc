/// The rules of a table-defined transliteration system, as read from a file in
/// the format of `tables/transliteration/streamlined.txt`.
///
/// A table is plain data; `Transliterator` compiles it for the native engine
/// and, for checking, into ICU transform rules that mean the same.
public struct TransliterationTable: Sendable, Hashable {
    /// One letter and its Latin form, both as written in the table (lower case).
    public struct Letter: Sendable, Hashable {
        /// The Cyrillic letter (one Unicode scalar, lower case).
        public var source: Unicode.Scalar
        /// Its Latin form in lower case.
        public var target: String
    }

    /// A sequence of letters with a fixed form at the end of a word.
    public struct Ending: Sendable, Hashable {
        /// The letters, lower case.
        public var source: [Unicode.Scalar]
        /// The Latin form, lower case.
        public var target: String
    }

    /// A whole word with a fixed form (`word` lines and exception entries).
    public struct Word: Sendable, Hashable {
        /// The word as written.
        public var source: String
        /// Its Latin form as written.
        public var target: String
    }

    /// A base letter and a combining mark that together are `letter`.
    public struct Composition: Sendable, Hashable {
        /// The base letter (lower case in the table; capitals are derived).
        public var base: Unicode.Scalar
        /// The combining mark.
        public var mark: Unicode.Scalar
        /// The precomposed letter they are canonically equivalent to.
        public var letter: Unicode.Scalar
    }

    /// The letter rules, in table order.
    public var letters: [Letter] = []
    /// The word-ending rules.
    public var endings: [Ending] = []
    /// The whole-word rules.
    public var words: [Word] = []
    /// Canonical compositions treated as their precomposed letters.
    public var compositions: [Composition] = []
    /// Combining marks dropped after a letter of the table.
    public var droppedMarks: [Unicode.Scalar] = []

    /// An empty table.
    public init() {}

    /// Parses a table. `source` names it in errors (a path, or `tables/…`).
    ///
    /// - Throws: `TableError` naming the line of the first malformed rule.
    public init(parsing text: String, source: String) throws(TableError) {
        for line in TableLines(text: text) {
            func fail(_ message: String) -> TableError {
                TableError(source: source, line: line.number, message: message)
            }
            let fields = line.fields
            switch fields[0] {
            case "letter":
                guard fields.count == 3 else { throw fail("expected `letter CYRILLIC LATIN`, found `\(line.text)`") }
                let letter = try Self.singleScalar(fields[1], fail)
                guard letter.value >= 0x80, letter.properties.isLowercase else {
                    throw fail("`\(fields[1])` must be one lower-case non-ASCII letter")
                }
                try Self.checkTarget(fields[2], fail)
                letters.append(Letter(source: letter, target: String(fields[2])))
            case "ending":
                guard fields.count == 3 else { throw fail("expected `ending CYRILLIC LATIN`, found `\(line.text)`") }
                let scalars = Array(fields[1].unicodeScalars)
                guard scalars.allSatisfy({ $0.value >= 0x80 && $0.properties.isLowercase }) else {
                    throw fail("`\(fields[1])` must be lower-case non-ASCII letters")
                }
                try Self.checkTarget(fields[2], fail)
                endings.append(Ending(source: scalars, target: String(fields[2])))
            case "word":
                guard fields.count == 3 else { throw fail("expected `word CYRILLIC LATIN`, found `\(line.text)`") }
                words.append(try Self.word(fields[1], fields[2], fail))
            case "compose":
                guard fields.count == 4 else { throw fail("expected `compose BASE U+XXXX LETTER`, found `\(line.text)`") }
                let base = try Self.singleScalar(fields[1], fail)
                let mark = try Self.codePoint(fields[2], fail)
                let letter = try Self.singleScalar(fields[3], fail)
                guard mark.properties.generalCategory == .nonspacingMark else {
                    throw fail("\(fields[2]) is not a combining mark")
                }
                compositions.append(Composition(base: base, mark: mark, letter: letter))
            case "drop":
                guard fields.count == 2 else { throw fail("expected `drop U+XXXX`, found `\(line.text)`") }
                let mark = try Self.codePoint(fields[1], fail)
                guard mark.properties.generalCategory == .nonspacingMark else {
                    throw fail("\(fields[1]) is not a combining mark")
                }
                droppedMarks.append(mark)
            default:
                throw fail("unknown rule `\(fields[0])` (expected letter, ending, word, compose or drop)")
            }
        }
        let known = Set(letters.map(\.source))
        for composition in compositions where !known.contains(composition.letter) {
            throw TableError(source: source, line: nil,
                             message: "compose names \(composition.letter), which has no `letter` rule")
        }
    }

    /// Parses an exceptions file: `CYRILLIC LATIN` per line, whole words.
    public static func exceptions(parsing text: String, source: String) throws(TableError) -> [Word] {
        var words: [Word] = []
        for line in TableLines(text: text) {
            func fail(_ message: String) -> TableError {
                TableError(source: source, line: line.number, message: message)
            }
            guard line.fields.count == 2 else {
                throw fail("expected `CYRILLIC LATIN` (one word each), found `\(line.text)`")
            }
            words.append(try word(line.fields[0], line.fields[1], fail))
        }
        return words
    }

    /// This table with `other`'s rules added after its own (a fallback, or exceptions).
    public func merging(_ other: TransliterationTable) -> TransliterationTable {
        var merged = self
        let known = Set(letters.map(\.source))
        merged.letters += other.letters.filter { !known.contains($0.source) }
        merged.endings += other.endings
        merged.words += other.words
        merged.compositions += other.compositions
        merged.droppedMarks += other.droppedMarks.filter { !droppedMarks.contains($0) }
        return merged
    }

    // MARK: Field checks

    private static func word(_ source: Substring, _ target: Substring, _ fail: (String) -> TableError) throws(TableError) -> Word {
        let scalars = Array(source.unicodeScalars)
        guard let first = scalars.first, first.value >= 0x80,
              scalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.generalCategory == .nonspacingMark }) else {
            throw fail("`\(source)` must be one word of letters that starts with a non-ASCII letter")
        }
        try checkTarget(target, fail)
        return Word(source: String(source), target: String(target))
    }

    /// Latin forms start and end with a letter (so word boundaries in the
    /// output are where they were in the input) and hold no controls.
    private static func checkTarget(_ target: Substring, _ fail: (String) -> TableError) throws(TableError) {
        let scalars = Array(target.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last,
              first.properties.isAlphabetic,
              last.properties.isAlphabetic || last.properties.generalCategory == .nonspacingMark,
              scalars.allSatisfy({ $0.value >= 0x20 && $0.properties.generalCategory != .control }) else {
            throw fail("`\(target)` must start and end with a letter")
        }
    }

    private static func singleScalar(_ field: Substring, _ fail: (String) -> TableError) throws(TableError) -> Unicode.Scalar {
        let scalars = Array(field.unicodeScalars)
        guard scalars.count == 1 else { throw fail("`\(field)` must be a single character") }
        return scalars[0]
    }

    private static func codePoint(_ field: Substring, _ fail: (String) -> TableError) throws(TableError) -> Unicode.Scalar {
        guard field.hasPrefix("U+"), let value = UInt32(field.dropFirst(2), radix: 16),
              let scalar = Unicode.Scalar(value) else {
            throw fail("`\(field)` must be a code point written U+XXXX")
        }
        return scalar
    }
}

extension TransliterationTable {
    /// The Streamlined System (Transliteration Act 2009), from
    /// `tables/transliteration/streamlined.txt`.
    public static let streamlined: TransliterationTable = builtIn("transliteration/streamlined.txt")

    /// The ISO 9-like fallback for non-Bulgarian Cyrillic letters, from
    /// `tables/transliteration/iso9-fallback.txt`.
    public static let iso9Fallback: TransliterationTable = builtIn("transliteration/iso9-fallback.txt")

    private static func builtIn(_ path: String) -> TransliterationTable {
        do {
            return try TransliterationTable(parsing: BuiltInTables.required(path), source: "tables/" + path)
        } catch {
            preconditionFailure("built-in table is malformed: \(error)")
        }
    }
}
