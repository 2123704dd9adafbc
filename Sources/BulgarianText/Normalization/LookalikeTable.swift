/// Latin and Cyrillic letters that look alike, in both directions, for
/// `--fix-mixed-script`. The built-in table is `tables/normalization/lookalikes.txt`.
public struct LookalikeTable: Sendable, Hashable {
    /// Each Latin letter's Cyrillic twin.
    public let latinToCyrillic: [UInt32: UInt32]
    /// Each Cyrillic letter's Latin twin.
    public let cyrillicToLatin: [UInt32: UInt32]

    /// Parses a table: `LATIN CYRILLIC` per line, `#` comments.
    ///
    /// - Throws: `TableError` naming the line of a malformed entry.
    public init(parsing text: String, source: String) throws(TableError) {
        var latin: [UInt32: UInt32] = [:]
        var cyrillic: [UInt32: UInt32] = [:]
        for line in TableLines(text: text) {
            guard line.fields.count == 2,
                  line.fields[0].unicodeScalars.count == 1, line.fields[1].unicodeScalars.count == 1,
                  let from = line.fields[0].unicodeScalars.first, let to = line.fields[1].unicodeScalars.first,
                  ICUCalls.isLatin(from.value), ICUCalls.isCyrillic(to.value) else {
                throw TableError(source: source, line: line.number,
                                 message: "expected a Latin letter and its Cyrillic look-alike, found `\(line.text)`")
            }
            latin[from.value] = to.value
            cyrillic[to.value] = from.value
        }
        latinToCyrillic = latin
        cyrillicToLatin = cyrillic
    }

    /// The built-in table.
    public static let builtIn: LookalikeTable = {
        do {
            return try LookalikeTable(parsing: BuiltInTables.required("normalization/lookalikes.txt"),
                                      source: "tables/normalization/lookalikes.txt")
        } catch {
            preconditionFailure("\(error)")
        }
    }()
}
