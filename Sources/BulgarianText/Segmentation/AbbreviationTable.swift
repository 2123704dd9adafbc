/// Abbreviations that end with a dot, each with what it means for a sentence
/// boundary after it.
///
/// The built-in list is `tables/segmentation/abbreviations.txt`; a user's
/// file of the same format is read with `init(parsing:source:)` and added
/// with `merging(_:)`. A value type: immutable once built, `Sendable`.
public struct AbbreviationTable: Sendable, Hashable {
    /// What an abbreviation means for a boundary after its dot.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Never ends a sentence: a title, an address word (`проф.`, `ул.`, `напр.`).
        case neverEnd = "never-end"
        /// May end a sentence: a boundary follows only when the next word
        /// starts with a capital letter (`г.`, `лв.`, `и др.`).
        case mayEnd = "may-end"
        /// Never ends a sentence, and a number right after it is an item
        /// number that does not end one either (`чл. 1.`, `ал. 2.`).
        case numbering
    }

    /// The abbreviations as written (with their dots), and their kinds.
    public private(set) var entries: [String: Kind]

    /// A table with these entries.
    public init(_ entries: [String: Kind] = [:]) {
        self.entries = entries
    }

    /// The built-in table, `tables/segmentation/abbreviations.txt`.
    public static let builtIn: AbbreviationTable = {
        let path = "segmentation/abbreviations.txt"
        do {
            return try AbbreviationTable(parsing: BuiltInTables.required(path), source: "tables/" + path)
        } catch {
            preconditionFailure("\(error)")
        }
    }()

    /// Reads a table in the format of `tables/segmentation/abbreviations.txt`:
    /// `FORM KIND` per line, `#` comments.
    ///
    /// - Parameters:
    ///   - text: The table's text.
    ///   - source: The name used in errors, such as the file's path.
    /// - Throws: `TableError` naming the first malformed line.
    public init(parsing text: String, source: String) throws(TableError) {
        var entries: [String: Kind] = [:]
        for line in TableLines(text: text) {
            guard line.fields.count == 2 else {
                throw TableError(source: source, line: line.number,
                                 message: "expected `FORM KIND` (two fields), found \(line.fields.count): '\(line.text)'")
            }
            let form = String(line.fields[0])
            guard form.utf8.count >= 2, form.utf8.last == UInt8(ascii: "."), form.utf8.count <= Self.maximumFormLength else {
                throw TableError(source: source, line: line.number,
                                 message: "'\(form)' is not an abbreviation: it must end with a dot and be at most \(Self.maximumFormLength) bytes")
            }
            guard let kind = Kind(rawValue: String(line.fields[1])) else {
                throw TableError(source: source, line: line.number,
                                 message: "unknown kind '\(line.fields[1])' (expected never-end, may-end or numbering)")
            }
            entries[form] = kind
        }
        self.entries = entries
    }

    /// This table with `other`'s entries added; where both have a form, `other` wins.
    public func merging(_ other: AbbreviationTable) -> AbbreviationTable {
        AbbreviationTable(entries.merging(other.entries) { _, new in new })
    }

    /// The kind of a form as written, or nil.
    public subscript(form: String) -> Kind? { entries[form] }

    /// The longest form the segmenter looks up, in UTF-8 bytes.
    static let maximumFormLength = 48

    /// Every spelling that is matched for the entries: as written, with a
    /// capital first letter, and (for forms written with capitals) in lower case.
    var spellings: [(form: String, kind: Kind)] {
        var result: [String: Kind] = [:]
        for (form, kind) in entries.sorted(by: { $0.key < $1.key }) {
            let capitalized = form.prefix(1).uppercased() + form.dropFirst()
            let lowered = form.lowercased()
            for variant in [lowered, capitalized] where result[variant] == nil && entries[variant] == nil {
                result[variant] = kind
            }
            result[form] = kind
        }
        return result.sorted { $0.key < $1.key }.map { (form: $0.key, kind: $0.value) }
    }
}
