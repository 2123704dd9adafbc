/// Whether a single capital letter and a dot (an initial: `В. Путин`,
/// `J. Smith`) may end a sentence, per script.
///
/// The built-in policy is `tables/segmentation/initials.txt`: initials never
/// end a sentence. With `.mayEnd` an initial is treated like an abbreviation
/// that may end one.
public struct InitialsPolicy: Sendable, Hashable {
    /// The kind of a Cyrillic initial: `.neverEnd` or `.mayEnd`.
    public var cyrillic: AbbreviationTable.Kind
    /// The kind of a Latin initial: `.neverEnd` or `.mayEnd`.
    public var latin: AbbreviationTable.Kind

    /// A policy with these kinds.
    public init(cyrillic: AbbreviationTable.Kind = .neverEnd, latin: AbbreviationTable.Kind = .neverEnd) {
        self.cyrillic = cyrillic
        self.latin = latin
    }

    /// The built-in policy, `tables/segmentation/initials.txt`.
    public static let builtIn: InitialsPolicy = {
        let path = "segmentation/initials.txt"
        do {
            return try InitialsPolicy(parsing: BuiltInTables.required(path), source: "tables/" + path)
        } catch {
            preconditionFailure("\(error)")
        }
    }()

    /// Reads a policy in the format of `tables/segmentation/initials.txt`:
    /// `SCRIPT KIND` per line (`cyrillic` or `latin`; `never-end` or `may-end`).
    ///
    /// - Throws: `TableError` naming the first malformed line.
    public init(parsing text: String, source: String) throws(TableError) {
        self.init()
        for line in TableLines(text: text) {
            guard line.fields.count == 2 else {
                throw TableError(source: source, line: line.number,
                                 message: "expected `SCRIPT KIND` (two fields), found \(line.fields.count): '\(line.text)'")
            }
            guard let kind = AbbreviationTable.Kind(rawValue: String(line.fields[1])), kind != .numbering else {
                throw TableError(source: source, line: line.number,
                                 message: "unknown kind '\(line.fields[1])' (expected never-end or may-end)")
            }
            switch line.fields[0] {
            case "cyrillic": cyrillic = kind
            case "latin": latin = kind
            default:
                throw TableError(source: source, line: line.number,
                                 message: "unknown script '\(line.fields[0])' (expected cyrillic or latin)")
            }
        }
    }
}
