/// What a `placeholder` run replaced: for each numbered placeholder `⟦N⟧`,
/// the text that `PlaceholderRestorer` puts back in its place.
///
/// Its file form (the sidecar map) is UTF-8 text, one placeholder a line:
/// `⟦N⟧<TAB>REPLACEMENT<TAB>ENTRY SOURCE<TAB>MATCHED TEXT`, `#` comment
/// lines; a tab, line break or backslash inside a field is written `\t`,
/// `\n`, `\\`.
public struct PlaceholderMap: Sendable, Hashable {
    /// One placeholder.
    public struct Item: Sendable, Hashable {
        /// The number N of `⟦N⟧`.
        public var number: Int
        /// The text that replaces it: the target, with the case of the match.
        public var replacement: String
        /// The source term of the glossary entry.
        public var source: String
        /// The text it replaced.
        public var surface: String

        /// Creates an item.
        public init(number: Int, replacement: String, source: String, surface: String) {
            self.number = number
            self.replacement = replacement
            self.source = source
            self.surface = surface
        }
    }

    /// The placeholders, in order of number.
    public var items: [Item] = []

    /// An empty map.
    public init() {}

    /// The placeholder text for a number: `⟦N⟧`.
    public static func placeholder(_ number: Int) -> String { "⟦\(number)⟧" }

    /// Parses a map file. `source` names it in errors.
    ///
    /// - Throws: `TableError` naming the first malformed line.
    public init(parsing text: String, source: String) throws(TableError) {
        var number = 0
        var seen: Set<Int> = []
        for raw in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            var line = Substring(String(decoding: raw, as: UTF8.self))
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4 else {
                throw TableError(source: source, line: number,
                                 message: "expected `⟦N⟧<TAB>replacement<TAB>source<TAB>matched text`, found \(fields.count) field\(fields.count == 1 ? "" : "s")")
            }
            let key = fields[0]
            guard key.hasPrefix("⟦"), key.hasSuffix("⟧"), let value = Int(key.dropFirst().dropLast()), value >= 0 else {
                throw TableError(source: source, line: number, message: "'\(key)' is not a placeholder ⟦N⟧")
            }
            guard seen.insert(value).inserted else {
                throw TableError(source: source, line: number, message: "placeholder \(key) is listed twice")
            }
            items.append(Item(number: value, replacement: Self.unescape(fields[1]),
                              source: Self.unescape(fields[2]), surface: Self.unescape(fields[3])))
        }
    }

    /// The file form of the map.
    public var text: String {
        var result = "# bgtext placeholder map: PLACEHOLDER<TAB>REPLACEMENT<TAB>ENTRY SOURCE<TAB>MATCHED TEXT\n"
        for item in items {
            result += Self.placeholder(item.number) + "\t" + Self.escape(item.replacement) + "\t"
                + Self.escape(item.source) + "\t" + Self.escape(item.surface) + "\n"
        }
        return result
    }

    // Both go scalar by scalar, not by Character: in the escape `\r` before a
    // combining mark, the `r` and the mark are one Character, and the field
    // was read back with `r` + mark instead of a carriage return (a fuzz finding).
    static func escape(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result.append(contentsOf: "\\\\".unicodeScalars)
            case "\t": result.append(contentsOf: "\\t".unicodeScalars)
            case "\n": result.append(contentsOf: "\\n".unicodeScalars)
            case "\r": result.append(contentsOf: "\\r".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    static func unescape(_ text: Substring) -> String {
        var result = String.UnicodeScalarView()
        var escaped = false
        for scalar in text.unicodeScalars {
            if escaped {
                switch scalar {
                case "t": result.append("\t")
                case "n": result.append("\n")
                case "r": result.append("\r")
                default: result.append(scalar)
                }
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}

/// Replaces glossary matches with numbered placeholders `⟦N⟧` that MT
/// engines keep intact, numbering on across all the text it is given, and
/// records each in a `PlaceholderMap`.
public struct GlossaryPlaceholderWriter: Sendable {
    /// The glossary.
    public let glossary: Glossary
    /// What has been replaced so far.
    public private(set) var map = PlaceholderMap()
    private var nextNumber: Int

    /// Creates a writer whose first placeholder is `⟦firstNumber⟧`.
    public init(glossary: Glossary, firstNumber: Int = 1) {
        self.glossary = glossary
        nextNumber = firstNumber
    }

    /// The text with its matches replaced by placeholders.
    public mutating func replace(_ text: String) -> String {
        var copy = text
        var output: [UInt8] = []
        copy.withUTF8 { replace(inUTF8: $0, into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the UTF-8 text with its matches replaced by placeholders to
    /// `output`. Deprecated and forbidden terms stay as written.
    public mutating func replace(inUTF8 text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var copied = 0
        let glossary = self.glossary
        glossary.forEachMatch(inUTF8: text) { match in
            let entry = glossary.entries[match.entryIndex]
            guard !entry.options.status.isReportOnly else { return }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<match.range.lowerBound]))
            output.append(contentsOf: PlaceholderMap.placeholder(nextNumber).utf8)
            let surface = String(decoding: UnsafeBufferPointer(rebasing: text[match.range]), as: UTF8.self)
            map.items.append(PlaceholderMap.Item(number: nextNumber,
                                                 replacement: glossary.replacement(for: match, inUTF8: text),
                                                 source: entry.source, surface: surface))
            nextNumber += 1
            copied = match.range.upperBound
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied...]))
    }
}
