/// A data table (built in, or supplied by a user) that could not be read.
public struct TableError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The table's name: a file path, or `tables/…` for a built-in table.
    public var source: String
    /// The 1-based line of the problem, or nil when it is about the whole table.
    public var line: Int?
    /// What is wrong, in words a person can act on.
    public var message: String

    /// Creates a table error.
    public init(source: String, line: Int?, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(source):\(line): \(message)" }
        return "\(source): \(message)"
    }
}

/// The lines of a table file, without comments and surrounding blanks, each
/// with its 1-based line number and its fields (split on tabs and spaces).
struct TableLines: Sequence {
    struct Line {
        var number: Int
        var fields: [Substring]
        var text: Substring
    }

    let text: String

    func makeIterator() -> some IteratorProtocol<Line> {
        var number = 0
        var lines = text.lines.makeIterator()
        return AnyIterator {
            while let raw = lines.next() {
                number += 1
                var content = raw
                if let hash = content.firstIndex(of: "#") { content = content[..<hash] }
                content = content.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
                while let last = content.last, last == " " || last == "\t" || last == "\r" {
                    content = content.dropLast()
                }
                if content.isEmpty { continue }
                let fields = content.split { $0 == " " || $0 == "\t" }
                return Line(number: number, fields: fields, text: content)
            }
            return nil
        }
    }
}
