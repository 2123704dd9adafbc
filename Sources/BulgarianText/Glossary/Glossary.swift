/// A built glossary: its entries and every generated form of them, compiled
/// into one automaton that finds all terms in one pass over the text.
///
/// Build it once (`init(entries:)`, linear in the size of all forms), then
/// match from any number of tasks at once: a `Glossary` is immutable and
/// `Sendable`. See `forEachMatch(inUTF8:_:)` for the matching rules.
public final class Glossary: Sendable {
    /// The entries, in file order; matches refer to them by index.
    public let entries: [GlossaryEntry]
    /// Problems found while building: sources given twice with different targets.
    public let warnings: [GlossaryWarning]
    let automaton: GlossaryAutomaton
    let scalarTable: GlossaryScalarTable
    /// The targets' UTF-8, one after the other: entry `i` is
    /// `targetBytes[targetStarts[i]..<targetStarts[i + 1]]` (for substitution without String work).
    let targetBytes: [UInt8]
    let targetStarts: [Int]
    /// The same for the targets with a capital first letter, for matches of
    /// lower-case entries at the start of a sentence.
    let capitalisedBytes: [UInt8]
    let capitalisedStarts: [Int]
    /// Per entry: `reportOnlyFlag`, `lowerInitialFlag`.
    let entryFlags: [UInt8]
    static let reportOnlyFlag: UInt8 = 1
    static let lowerInitialFlag: UInt8 = 2
    /// Per entry, what substitution needs (flags, the target's length and,
    /// for most targets, its bytes) in one cache line.
    let targetSlots: GlossaryTargetSlots

    /// The number of forms the automaton matches (all entries, all forms).
    public var formCount: Int { automaton.patternCount }
    /// The number of trie nodes, a measure of the automaton's size.
    public var nodeCount: Int { automaton.nodeCount }
    /// Whether some entry is deprecated or forbidden (its matches are only reported).
    public let hasReportOnlyEntries: Bool

    /// Builds a glossary: generates every form of every entry with
    /// `inflection` and compiles them.
    public init(entries: [GlossaryEntry], inflection: BulgarianInflection = .standard) {
        self.entries = entries
        warnings = Self.duplicateWarnings(entries)
        hasReportOnlyEntries = entries.contains { $0.options.status.isReportOnly }
        var targetBytes: [UInt8] = []
        var targetStarts: [Int] = [0]
        var entryFlags: [UInt8] = []
        var capitalisedBytes: [UInt8] = []
        var capitalisedStarts: [Int] = [0]
        targetStarts.reserveCapacity(entries.count + 1)
        capitalisedStarts.reserveCapacity(entries.count + 1)
        entryFlags.reserveCapacity(entries.count)
        for entry in entries {
            targetBytes += entry.target.utf8
            targetStarts.append(targetBytes.count)
            var flags: UInt8 = entry.options.status.isReportOnly ? Self.reportOnlyFlag : 0
            if let first = entry.source.unicodeScalars.first, GlossaryCase.isLowercaseLetter(first) {
                flags |= Self.lowerInitialFlag
                if let initial = entry.target.first {
                    capitalisedBytes += initial.uppercased().utf8
                    capitalisedBytes += entry.target.utf8.dropFirst(String(initial).utf8.count)
                }
            }
            capitalisedStarts.append(capitalisedBytes.count)
            entryFlags.append(flags)
        }
        self.capitalisedBytes = capitalisedBytes
        self.capitalisedStarts = capitalisedStarts
        self.targetBytes = targetBytes
        self.targetStarts = targetStarts
        self.entryFlags = entryFlags
        targetSlots = GlossaryTargetSlots(targetBytes: targetBytes, targetStarts: targetStarts, flags: entryFlags,
                                          capitalisedBytes: capitalisedBytes, capitalisedStarts: capitalisedStarts)
        var table = GlossaryScalarTable()
        var keys = GlossaryKeys()
        var patterns: [GlossaryPattern] = []
        var exactText: [UInt8] = []
        var path: [UInt16] = []
        // Room for about six forms an entry, reserved at once: growing by
        // doubling would hold the old and the new copy at the same time.
        let sourceScalars = entries.reduce(0) { $0 + $1.source.utf8.count } / 2 + entries.count
        keys.symbols.reserveCapacity(sourceScalars * 6)
        keys.starts.reserveCapacity(entries.count * 6 + 1)
        patterns.reserveCapacity(entries.count * 6)
        for (index, entry) in entries.enumerated() {
            let check = Self.caseCheck(entry)
            // A form that comes twice only adds a pattern that never wins.
            inflection.forEachForm(of: entry) { form, kind in
                path.removeAll(keepingCapacity: true)
                for scalar in form {
                    guard let symbol = table.symbol(adding: scalar) else { return }
                    if symbol == GlossaryScalarTable.spaceSymbol && path.last == symbol { continue }
                    path.append(symbol)
                }
                guard !path.isEmpty, index < GlossaryAutomaton.maximumEntryCount else { return }
                var pattern = GlossaryPattern(entry: UInt32(index), textOffset: 0, textLength: 0,
                                              kind: kind.index,
                                              caseCheck: check)
                if check == .exact {
                    pattern.textOffset = UInt32(exactText.count)
                    for scalar in form { exactText.append(contentsOf: UTF8.encode(scalar)!) }
                    pattern.textLength = UInt32(exactText.count) - pattern.textOffset
                }
                keys.append(path)
                patterns.append(pattern)
            }
        }
        let ranks = entries.map { (priority: $0.options.priority, length: $0.source.unicodeScalars.count) }
        automaton = GlossaryAutomaton(keys: consume keys, patterns: patterns, exactText: exactText,
                                      symbolCount: table.symbolCount) { first, second in
            let a = ranks[Int(first.entry)], b = ranks[Int(second.entry)]
            if a.priority != b.priority { return a.priority > b.priority }
            if a.length != b.length { return a.length > b.length }
            return first.entry < second.entry
        }
        scalarTable = table
    }

    /// The case check for an entry's forms.
    static func caseCheck(_ entry: GlossaryEntry) -> GlossaryPattern.CaseCheck {
        switch entry.options.caseMode {
        case .exact: return .exact
        case .insensitive: return .any
        case .smart:
            let scalars = entry.source.unicodeScalars
            guard let first = scalars.first else { return .exact }
            let capitalsInside = scalars.dropFirst().contains(where: GlossaryCase.isUppercase)
            if capitalsInside { return .exact }
            return GlossaryCase.isUppercase(first) ? .titleOrCapitals : .lowerInitialOrCapitals
        }
    }

    private static func duplicateWarnings(_ entries: [GlossaryEntry]) -> [GlossaryWarning] {
        // Grouped by a hash of the UTF-8 bytes, then compared byte by byte:
        // String hashing normalises Unicode and is several times slower.
        var keyed: [(hash: UInt64, index: Int)] = []
        keyed.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in entry.source.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            keyed.append((hash, index))
        }
        keyed.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.index < $1.index }
        var warnings: [GlossaryWarning] = []
        var start = 0
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count && keyed[end].hash == keyed[start].hash { end += 1 }
            if end - start > 1 {
                var remaining = keyed[start..<end].map(\.index)
                while let first = remaining.first {
                    let source = entries[first].source
                    let same = remaining.filter { entries[$0].source.utf8.elementsEqual(source.utf8) }
                    remaining.removeAll { entries[$0].source.utf8.elementsEqual(source.utf8) }
                    let targets = Set(same.map { entries[$0].target })
                    guard same.count > 1, targets.count > 1 else { continue }
                    let listed = same.map { "\(entries[$0].target) (line \(entries[$0].line))" }.joined(separator: ", ")
                    warnings.append(GlossaryWarning(
                        source: source, lines: same.map { entries[$0].line },
                        message: "'\(source)' has different targets: \(listed) (the higher priority, then the first, wins)"))
                }
            }
            start = end
        }
        return warnings.sorted { $0.lines.first ?? 0 < $1.lines.first ?? 0 }
    }
}

/// A problem in a glossary that does not stop it from working.
public struct GlossaryWarning: Sendable, Hashable, CustomStringConvertible {
    /// The source term concerned.
    public var source: String
    /// The lines of the entries concerned.
    public var lines: [Int]
    /// What is wrong.
    public var message: String

    /// Creates a warning.
    public init(source: String, lines: [Int], message: String) {
        self.source = source
        self.lines = lines
        self.message = message
    }

    public var description: String { message }
}
