/// Something wrong with the placeholders of a machine-translated text.
public struct PlaceholderProblem: Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable {
        /// A placeholder of the map is missing from the text (its term is lost).
        case dropped
        /// A placeholder occurs more than once (each occurrence was restored).
        case duplicated
        /// A placeholder was changed: spaces inside, other brackets, a bracket
        /// lost. Restored when its number is still clear (`repaired`).
        case damaged
        /// A well-formed placeholder whose number the map does not have.
        case unknown
    }

    /// What went wrong.
    public var kind: Kind
    /// The placeholder's number, when known.
    public var number: Int?
    /// The text as found (for damaged and unknown placeholders).
    public var text: String
    /// Where: the input's name and 1-based line, when it is about one place.
    public var input: String?
    /// The line.
    public var line: Int?
    /// Whether the placeholder was restored all the same.
    public var repaired: Bool
    /// For duplicates: how often it occurs.
    public var occurrences: Int

    /// Creates a problem report.
    public init(kind: Kind, number: Int?, text: String, input: String? = nil, line: Int? = nil,
                repaired: Bool = false, occurrences: Int = 0) {
        self.kind = kind
        self.number = number
        self.text = text
        self.input = input
        self.line = line
        self.repaired = repaired
        self.occurrences = occurrences
    }

    public var description: String {
        let place = input.map { name in line.map { "\(name):\($0): " } ?? "\(name): " } ?? ""
        switch kind {
        case .dropped:
            return "\(place)placeholder \(text) was dropped: its term is missing from the translation"
        case .duplicated:
            return "\(place)placeholder \(text) occurs \(occurrences) times (each restored)"
        case .damaged:
            return "\(place)damaged placeholder '\(text)'" + (repaired ? " (restored)" : " (left as is)")
        case .unknown:
            return "\(place)placeholder \(text) is not in the map (left as is)"
        }
    }
}

/// Puts the targets of a `PlaceholderMap` back into machine-translated text
/// and collects the placeholders that were dropped, duplicated or damaged.
///
/// Feed it the translation line by line (`restore(_:input:line:)`), then
/// call `finish()` for the complete list of problems.
public struct PlaceholderRestorer: Sendable {
    private let replacements: [Int: String]
    private let order: [Int]
    private var occurrences: [Int: Int] = [:]
    /// The problems found so far (dropped and duplicated ones only at `finish()`).
    public private(set) var problems: [PlaceholderProblem] = []

    /// Creates a restorer for a map.
    public init(map: PlaceholderMap) {
        var replacements: [Int: String] = [:]
        for item in map.items { replacements[item.number] = item.replacement }
        self.replacements = replacements
        order = map.items.map(\.number)
    }

    private static let openers: [[Unicode.Scalar]] = [["⟦"], ["〚"], ["[", "["]]
    private static let closers: [[Unicode.Scalar]] = [["⟧"], ["〛"], ["]", "]"]]

    /// The text with its placeholders replaced. `input` and `line` only label problems.
    public mutating func restore(_ text: String, input: String? = nil, line: Int? = nil) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if let opener = Self.prefix(Self.openers, in: scalars, at: index) {
                var cursor = index + opener.count
                let spacedOpen = Self.skipSpaces(scalars, &cursor)
                let digitsStart = cursor
                while cursor < scalars.count, scalars[cursor].value >= 0x30, scalars[cursor].value <= 0x39,
                      cursor - digitsStart < 18 {
                    cursor += 1
                }
                let digitsEnd = cursor
                if cursor > digitsStart, let number = Int(String(String.UnicodeScalarView(scalars[digitsStart..<cursor]))) {
                    let spacedClose = Self.skipSpaces(scalars, &cursor)
                    let closer = Self.prefix(Self.closers, in: scalars, at: cursor)
                    let end = cursor + (closer?.count ?? 0)
                    let found = String(String.UnicodeScalarView(scalars[index..<(closer == nil ? digitsEnd : end)]))
                    let clean = opener == ["⟦"] && closer == ["⟧"] && !spacedOpen && !spacedClose
                    let squareOnly = opener == ["[", "["] && closer != ["]", "]"]
                    if !squareOnly {
                        if let replacement = replacements[number] {
                            if !clean {
                                problems.append(PlaceholderProblem(kind: .damaged, number: number, text: found,
                                                                   input: input, line: line, repaired: true))
                            }
                            occurrences[number, default: 0] += 1
                            output.append(contentsOf: replacement.unicodeScalars)
                            index = closer == nil ? digitsEnd : end
                            continue
                        }
                        if opener != ["[", "["] {
                            problems.append(PlaceholderProblem(kind: clean ? .unknown : .damaged, number: number,
                                                               text: found, input: input, line: line))
                            output.append(contentsOf: found.unicodeScalars)
                            index = closer == nil ? digitsEnd : end
                            continue
                        }
                    }
                } else if opener != ["[", "["] {
                    problems.append(PlaceholderProblem(kind: .damaged, number: nil, text: String(opener[0]),
                                                       input: input, line: line))
                }
            } else if scalars[index] == "⟧" || scalars[index] == "〛" {
                problems.append(PlaceholderProblem(kind: .damaged, number: nil, text: String(scalars[index]),
                                                   input: input, line: line))
            }
            output.append(scalars[index])
            index += 1
        }
        return String(output)
    }

    /// Ends the text: adds a problem for each placeholder that never
    /// occurred and each that occurred more than once, and returns all problems.
    public mutating func finish() -> [PlaceholderProblem] {
        for number in order {
            let count = occurrences[number] ?? 0
            if count == 0 {
                problems.append(PlaceholderProblem(kind: .dropped, number: number, text: PlaceholderMap.placeholder(number)))
            } else if count > 1 {
                problems.append(PlaceholderProblem(kind: .duplicated, number: number, text: PlaceholderMap.placeholder(number),
                                                   occurrences: count))
            }
        }
        return problems
    }

    private static func prefix(_ candidates: [[Unicode.Scalar]], in scalars: [Unicode.Scalar], at index: Int) -> [Unicode.Scalar]? {
        for candidate in candidates where index + candidate.count <= scalars.count {
            if scalars[index..<(index + candidate.count)].elementsEqual(candidate) { return candidate }
        }
        return nil
    }

    private static func skipSpaces(_ scalars: [Unicode.Scalar], _ cursor: inout Int) -> Bool {
        let start = cursor
        while cursor < scalars.count, scalars[cursor] == " " || scalars[cursor] == "\u{A0}" || scalars[cursor] == "\u{202F}" {
            cursor += 1
        }
        return cursor > start
    }
}
