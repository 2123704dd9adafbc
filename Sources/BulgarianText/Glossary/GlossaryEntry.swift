/// One term of a glossary: a Bulgarian source term, its translation, and how
/// it is matched.
public struct GlossaryEntry: Sendable, Hashable {
    /// How the letters of the text must agree with the entry's.
    public enum CaseMode: String, Sendable, Hashable, CaseIterable {
        /// Only as written.
        case exact
        /// Any capitalisation.
        case insensitive
        /// The default: a lower-case entry also matches with a capital first
        /// letter and in ALL CAPS; a capitalised entry (Кремъл) also matches in
        /// ALL CAPS; an entry with capitals inside or in capitals (ЕС, iPhone)
        /// matches only as written.
        case smart
    }

    /// The grammatical gender (or plural) of a noun, which picks its endings.
    public enum Gender: String, Sendable, Hashable, CaseIterable {
        /// Masculine (`m`).
        case masculine = "m"
        /// Feminine (`f`).
        case feminine = "f"
        /// Neuter (`n`).
        case neuter = "n"
        /// A plural noun (`pl`): only its articled form is generated.
        case plural = "pl"
    }

    /// The standing of a term, as TBX's `administrativeStatus` gives it.
    public enum Status: String, Sendable, Hashable {
        /// A term to use (the default).
        case preferred
        /// A term that may be used.
        case admitted
        /// A term that should no longer be used: reported, never substituted.
        case deprecated
        /// A term that must not be used: reported, never substituted.
        case forbidden

        /// Whether matches of a term of this status are only reported.
        public var isReportOnly: Bool { self == .deprecated || self == .forbidden }
    }

    /// The options of an entry (the third column of a TSV glossary).
    public struct Options: Sendable, Hashable {
        /// How case must agree; `.smart` by default.
        public var caseMode: CaseMode = .smart
        /// The gender of the head noun, when the guess from its ending is wrong.
        public var gender: Gender?
        /// The plural (of the whole term), when the rules get it wrong.
        public var plural: String?
        /// Whether inflected forms are generated (`noinflect` turns it off);
        /// nil lets the rules decide (names and acronyms are not inflected).
        public var inflects: Bool?
        /// Breaks ties between entries that match the same text; higher wins.
        public var priority: Int = 0
        /// Do not translate: the term stays as written.
        public var doNotTranslate = false
        /// The term's standing.
        public var status: Status = .preferred

        /// Default options.
        public init() {}
    }

    /// The source term as written in the glossary.
    public var source: String
    /// The translation; for a do-not-translate entry, the source itself.
    public var target: String
    /// Matching and inflection options.
    public var options: Options
    /// The 1-based line (or XML line) the entry was read from, 0 when built in code.
    public var line: Int

    /// Creates an entry. A do-not-translate entry with an empty target keeps its source.
    public init(source: String, target: String, options: Options = Options(), line: Int = 0) {
        self.source = source
        self.target = target.isEmpty && options.doNotTranslate ? source : target
        self.options = options
        self.line = line
    }
}
