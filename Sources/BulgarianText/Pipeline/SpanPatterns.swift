/// Patterns that mark text that is not prose: metadata lines (kept,
/// not translated) and boilerplate such as advertising markers (removed
/// from the segments, put back on restore). Presets live in `tables/prep/`.
public struct SpanPatterns: Sendable, Hashable {
    /// What a pattern marks.
    public enum Kind: String, Sendable, Hashable {
        /// A whole line of metadata (`Източник: БТА`).
        case metadataLine = "metadata-line"
        /// Metadata at the start of a line, alone or before prose on the same
        /// line (`date 2026-03-14 Правителството прие…`, as scrapers save
        /// news): the metadata is a segment of its own, the rest is prose.
        case metadataStart = "metadata-start"
        /// Text removed wherever it stands (`- Реклама -`).
        case boilerplate
    }

    /// One pattern.
    public struct Pattern: Sendable, Hashable {
        enum Piece: Sendable, Hashable {
            case literal([UInt8])
            case digits
            case rest
        }

        /// What it marks.
        public var kind: Kind
        /// The pattern as written.
        public var text: String
        var pieces: [Piece]
    }

    /// The patterns, in file order.
    public var patterns: [Pattern]

    /// No patterns.
    public init() {
        patterns = []
    }

    /// Parses a pattern file (the format of `tables/prep/news.txt`).
    ///
    /// - Throws: `TableError` naming the line of a malformed rule.
    public init(parsing text: String, source: String) throws(TableError) {
        patterns = []
        var number = 0
        for rawLine in text.lines {
            number += 1
            var line = rawLine
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
            line = line.drop { $0 == " " || $0 == "\t" }
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let gap = line.firstIndex(where: { $0 == " " || $0 == "\t" }),
                  let kind = Kind(rawValue: String(line[..<gap])) else {
                throw TableError(source: source, line: number,
                                 message: "expected `metadata-line PATTERN`, `metadata-start PATTERN` or `boilerplate PATTERN`, found `\(line)`")
            }
            let pattern = line[gap...].drop { $0 == " " || $0 == "\t" }
            patterns.append(Pattern(kind: kind, text: String(pattern),
                                    pieces: try Self.pieces(of: pattern, source: source, line: number)))
        }
    }

    /// The built-in preset `name` (a file `tables/prep/NAME.txt`), or nil.
    public static func preset(_ name: String) -> SpanPatterns? {
        guard let text = BuiltInTables.text("prep/\(name).txt") else { return nil }
        return try? SpanPatterns(parsing: text, source: "tables/prep/\(name).txt")
    }

    /// The names of the built-in presets.
    public static var presetNames: [String] {
        BuiltInTables.paths.filter { $0.hasPrefix("prep/") }.map { String($0.dropFirst(5).dropLast(4)) }
    }

    /// These patterns followed by `other`'s.
    public func merging(_ other: SpanPatterns) -> SpanPatterns {
        var merged = self
        merged.patterns += other.patterns
        return merged
    }

    private static func pieces(of pattern: Substring, source: String, line: Int) throws(TableError) -> [Pattern.Piece] {
        var pieces: [Pattern.Piece] = []
        var literal: [UInt8] = []
        var rest = pattern[...]
        while !rest.isEmpty {
            if rest.hasPrefix("{digits}") {
                if !literal.isEmpty { pieces.append(.literal(literal)); literal = [] }
                pieces.append(.digits)
                rest = rest.dropFirst(8)
            } else if rest.hasPrefix("{rest}") {
                guard rest.count == 6 else {
                    throw TableError(source: source, line: line, message: "{rest} may only end a pattern")
                }
                if !literal.isEmpty { pieces.append(.literal(literal)); literal = [] }
                pieces.append(.rest)
                rest = rest.dropFirst(6)
            } else {
                literal.append(contentsOf: String(rest.first!).utf8)
                rest = rest.dropFirst()
            }
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        guard case .literal = pieces.first else {
            throw TableError(source: source, line: line, message: "a pattern must start with literal text")
        }
        return pieces
    }
}

extension SpanPatterns {
    /// Whether some pattern marks metadata (`metadataRange(inLine:)` can find something).
    var hasMetadataPatterns: Bool {
        patterns.contains { $0.kind != .boilerplate }
    }

    /// The metadata of a line (UTF-8, without its line break), after any
    /// spaces or tabs at its start: the whole line when a `metadata-line`
    /// pattern matches all of it, else the longest `metadata-start` match
    /// that ends the line or is followed by a space or tab; nil for none.
    func metadataRange(inLine line: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var start = 0
        while start < line.count && (line[start] == 0x20 || line[start] == 0x09) { start += 1 }
        guard start < line.count else { return nil }
        var best: Int?
        for pattern in patterns where pattern.kind != .boilerplate {
            guard case .literal(let first) = pattern.pieces[0], let lead = first.first, line[start] == lead,
                  let end = Self.match(pattern.pieces, line, at: start) else { continue }
            switch pattern.kind {
            case .metadataLine:
                if end == line.count { return start..<end }
            case .metadataStart:
                if end == line.count || line[end] == 0x20 || line[end] == 0x09, end > best ?? start { best = end }
            case .boilerplate:
                break
            }
        }
        return best.map { start..<$0 }
    }


    /// The ranges of boilerplate in `text`, each widened to the spaces before
    /// it, in order and without overlaps.
    func boilerplate(in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for pattern in patterns where pattern.kind == .boilerplate {
            guard case .literal(let first) = pattern.pieces[0], let lead = first.first else { continue }
            var index = 0
            while index < text.count {
                guard let candidate = ByteSearch.firstIndex(of: lead, in: text, from: index) else { break }
                if let end = Self.match(pattern.pieces, text, at: candidate) {
                    var start = candidate
                    while start > 0 && (text[start - 1] == 0x20 || text[start - 1] == 0x09) { start -= 1 }
                    found.append(start..<end)
                    index = end
                } else {
                    index = candidate + 1
                }
            }
        }
        found.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in found {
            if let last = merged.last, range.lowerBound < last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// The end of a match of `pieces` at `start`, or nil.
    static func match(_ pieces: [Pattern.Piece], _ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var index = start
        for piece in pieces {
            switch piece {
            case .literal(let bytes):
                guard index + bytes.count <= text.count else { return nil }
                for (offset, byte) in bytes.enumerated() where text[index + offset] != byte { return nil }
                index += bytes.count
            case .digits:
                let digitsStart = index
                while index < text.count && text[index] >= 0x30 && text[index] <= 0x39 { index += 1 }
                guard index > digitsStart else { return nil }
            case .rest:
                while index < text.count && text[index] != 0x0A { index += 1 }
            }
        }
        return index
    }
}
