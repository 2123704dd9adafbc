extension Glossary {
    /// The case of a matched text, for moving it onto the target.
    struct SurfaceCase {
        var letters = 0
        var uppercase = 0
        var lowercase = 0
        var firstLetterUppercase = false

        /// All capitals: more than one letter and none in lower case.
        var isAllCapitals: Bool { letters > 1 && lowercase == 0 && uppercase > 0 }
    }

    func surfaceCase(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) -> SurfaceCase {
        var result = SurfaceCase()
        scalarTable.bmp.withUnsafeBufferPointer { bmp in
            let lookup = GlossaryLookup(bmp: bmp.baseAddress!, table: scalarTable)
            var index = range.lowerBound
            while index < range.upperBound {
                let (scalar, length) = lookup.decode(base, at: index, count: range.upperBound)
                let info = lookup.entry(scalar)
                let upper = info & GlossaryScalarTable.uppercase != 0
                let lower = info & GlossaryScalarTable.lowercase != 0
                if upper || lower || info & GlossaryScalarTable.word != 0 && scalar > 0x39 {
                    if result.letters == 0 { result.firstLetterUppercase = upper }
                    result.letters += 1
                    if upper { result.uppercase += 1 }
                    if lower { result.lowercase += 1 }
                }
                index += length
            }
        }
        return result
    }

    /// The text that replaces a match: the entry's target as written, in
    /// capitals when the matched text is in capitals (more than one letter),
    /// and with a capital first letter when a lower-case entry matched with
    /// a capital (at the start of a sentence).
    public func replacement(for match: GlossaryMatch, inUTF8 text: UnsafeBufferPointer<UInt8>) -> String {
        let entry = entries[match.entryIndex]
        let surface = surfaceCase(text.baseAddress!, match.range)
        if surface.isAllCapitals { return entry.target.uppercased() }
        if surface.firstLetterUppercase, let first = entry.source.unicodeScalars.first,
           GlossaryCase.isLowercaseLetter(first), let initial = entry.target.first {
            return initial.uppercased() + entry.target.dropFirst()
        }
        return entry.target
    }

    /// The text with every match replaced by its target (see
    /// `replacement(for:inUTF8:)`). Deprecated and forbidden terms stay as written.
    public func substitute(_ text: String) -> String {
        var copy = text
        var output: [UInt8] = []
        copy.withUTF8 { substitute(inUTF8: $0, into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the UTF-8 text with every match replaced by its target to `output`.
    public func substitute(inUTF8 text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var copied = 0
        forEachMatch(inUTF8: text) { match in
            let entry = entries[match.entryIndex]
            guard !entry.options.status.isReportOnly else { return }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<match.range.lowerBound]))
            output.append(contentsOf: replacement(for: match, inUTF8: text).utf8)
            copied = match.range.upperBound
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied...]))
    }
}
