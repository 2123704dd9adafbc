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
/// Feed it the translation line by line (`restore(_:input:line:)`, or
/// `restore(inUTF8:into:input:line:)` for bytes), then call `finish()` for
/// the complete list of problems. It works on the UTF-8 bytes and copies
/// the text between placeholders in runs, so a line of any length costs
/// its own size in memory and time.
public struct PlaceholderRestorer: Sendable {
    private let replacements: [Int: [UInt8]]
    private let order: [Int]
    private var occurrences: [Int: Int] = [:]
    /// The problems found so far (dropped and duplicated ones only at `finish()`).
    public private(set) var problems: [PlaceholderProblem] = []

    /// Creates a restorer for a map.
    public init(map: PlaceholderMap) {
        var replacements: [Int: [UInt8]] = [:]
        for item in map.items { replacements[item.number] = Array(item.replacement.utf8) }
        self.replacements = replacements
        order = map.items.map(\.number)
    }

    /// The text with its placeholders replaced. `input` and `line` only label problems.
    public mutating func restore(_ text: String, input: String? = nil, line: Int? = nil) -> String {
        var copy = text
        var output: [UInt8] = []
        output.reserveCapacity(copy.utf8.count)
        copy.withUTF8 { restore(inUTF8: $0, into: &output, input: input, line: line) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the UTF-8 text with its placeholders replaced to `output`.
    /// `input` and `line` only label problems.
    ///
    /// A placeholder is `⟦N⟧` as written, or one that MT damaged in a way
    /// that keeps its number clear: spaces (also no-break ones) inside, the
    /// brackets `〚〛` or `[[ ]]`, a closing bracket lost. Those are restored
    /// and reported as damaged; a stray `⟦`, `⟧`, `〚` or `〛` is reported
    /// and left as is, as is a well-formed placeholder the map lacks.
    public mutating func restore(inUTF8 text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8],
                                 input: String? = nil, line: Int? = nil) {
        var index = 0
        var copied = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            // Each bracket starts with one of these bytes; every other byte is copied in a run.
            guard byte == 0x5B || byte == 0xE2 || byte == 0xE3 else {
                index += 1
                continue
            }
            if let opener = Bracket.opening(in: text, at: index) {
                var cursor = index + opener.length
                let spacedOpen = Self.skipSpaces(text, &cursor)
                let digitsStart = cursor
                var number = 0
                // At most 18 digits: the number always fits in an Int.
                while cursor < count, text[cursor] >= 0x30, text[cursor] <= 0x39, cursor - digitsStart < 18 {
                    number = number * 10 + Int(text[cursor] - 0x30)
                    cursor += 1
                }
                let digitsEnd = cursor
                if cursor > digitsStart {
                    let spacedClose = Self.skipSpaces(text, &cursor)
                    let closer = Bracket.closing(in: text, at: cursor)
                    let end = closer.map { cursor + $0.length } ?? digitsEnd
                    let clean = opener == .mathematical && closer == .mathematical && !spacedOpen && !spacedClose
                    let squareOnly = opener == .square && closer != .square
                    if !squareOnly {
                        if let replacement = replacements[number] {
                            if !clean {
                                problems.append(PlaceholderProblem(kind: .damaged, number: number,
                                                                   text: Self.string(text, index..<end),
                                                                   input: input, line: line, repaired: true))
                            }
                            occurrences[number, default: 0] += 1
                            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<index]))
                            output.append(contentsOf: replacement)
                            index = end
                            copied = end
                            continue
                        }
                        if opener != .square {
                            problems.append(PlaceholderProblem(kind: clean ? .unknown : .damaged, number: number,
                                                               text: Self.string(text, index..<end),
                                                               input: input, line: line))
                            index = end
                            continue
                        }
                    }
                } else if opener != .square {
                    problems.append(PlaceholderProblem(kind: .damaged, number: nil, text: opener.openingText,
                                                       input: input, line: line))
                }
            } else if let closer = Bracket.closing(in: text, at: index), closer != .square {
                problems.append(PlaceholderProblem(kind: .damaged, number: nil, text: closer.closingText,
                                                   input: input, line: line))
            }
            index += 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<count]))
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

    /// The bracket pairs a placeholder may come in: `⟦⟧` as written, the CJK
    /// white brackets `〚〛` and doubled square brackets `[[ ]]` that MT
    /// engines put in their place.
    private enum Bracket {
        case mathematical, cjk, square

        var length: Int { self == .square ? 2 : 3 }
        var openingText: String { self == .mathematical ? "⟦" : self == .cjk ? "〚" : "[[" }
        var closingText: String { self == .mathematical ? "⟧" : self == .cjk ? "〛" : "]]" }

        /// ⟦ E2 9F A6, 〚 E3 80 9A, [[.
        static func opening(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bracket? {
            match(text, index, mathematical: 0xA6, cjk: 0x9A, square: 0x5B)
        }

        /// ⟧ E2 9F A7, 〛 E3 80 9B, ]].
        static func closing(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bracket? {
            match(text, index, mathematical: 0xA7, cjk: 0x9B, square: 0x5D)
        }

        private static func match(_ text: UnsafeBufferPointer<UInt8>, _ index: Int,
                                  mathematical: UInt8, cjk: UInt8, square: UInt8) -> Bracket? {
            guard index < text.count else { return nil }
            switch text[index] {
            case square:
                return index + 1 < text.count && text[index + 1] == square ? .square : nil
            case 0xE2:
                return index + 2 < text.count && text[index + 1] == 0x9F && text[index + 2] == mathematical ? .mathematical : nil
            case 0xE3:
                return index + 2 < text.count && text[index + 1] == 0x80 && text[index + 2] == cjk ? .cjk : nil
            default:
                return nil
            }
        }
    }

    /// Skips spaces, no-break spaces (C2 A0) and narrow no-break spaces (E2 80 AF).
    private static func skipSpaces(_ text: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) -> Bool {
        let start = cursor
        while cursor < text.count {
            if text[cursor] == 0x20 {
                cursor += 1
            } else if text[cursor] == 0xC2, cursor + 1 < text.count, text[cursor + 1] == 0xA0 {
                cursor += 2
            } else if text[cursor] == 0xE2, cursor + 2 < text.count, text[cursor + 1] == 0x80, text[cursor + 2] == 0xAF {
                cursor += 3
            } else {
                break
            }
        }
        return cursor > start
    }

    private static func string(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
    }
}
