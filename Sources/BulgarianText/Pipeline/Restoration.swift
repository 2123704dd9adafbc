/// Puts translations back into the place of the segments they translate,
/// block by block, and keeps count of what did not fit: segments with no
/// translation, translations of segments that do not exist, and
/// placeholders that were dropped, repeated or invented.
public struct Restoration: Sendable {
    private let translations: TranslatedSegments
    private var seen = Set<Int>()
    private var position = 0
    /// What went wrong so far.
    public private(set) var report = RestoreReport()

    /// Restores with these translations.
    public init(_ translations: TranslatedSegments) {
        self.translations = translations
        report.duplicates = translations.duplicates
    }

    /// The restored text of one prepared block (blocks in document order).
    public mutating func restore(_ block: PreparedBlock) -> [UInt8] {
        var targets: [Int: String] = [:]
        for segment in block.segments {
            seen.insert(segment.id)
            let target: String?
            if translations.isPositional {
                target = position < translations.inOrder.count ? translations.inOrder[position] : nil
            } else {
                target = translations.byID[segment.id]
            }
            position += 1
            guard let target else {
                if segment.translate { report.missing.append(segment.id) }
                continue
            }
            checkPlaceholders(target, in: segment)
            targets[segment.id] = target
        }
        return block.restored(targets)
    }

    /// Ends restoring: translations that matched no segment become `extra`.
    public mutating func finish() -> RestoreReport {
        if !translations.isPositional {
            report.extra = translations.byID.keys.filter { !seen.contains($0) }.sorted()
        } else if translations.inOrder.count > position {
            report.extra = Array((position + 1)...translations.inOrder.count)
        }
        return report
    }

    private mutating func checkPlaceholders(_ target: String, in segment: PreparedSegment) {
        var expected: Set<Int> = []
        for annotation in segment.annotations {
            if case .placeholder(let id, _, _) = annotation.kind { expected.insert(id) }
        }
        var counts: [Int: Int] = [:]
        var rest = target[...]
        while let open = rest.firstIndex(of: "⟦") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "⟧") else { break }
            if let number = Int(rest[afterOpen..<close]) { counts[number, default: 0] += 1 }
            rest = rest[rest.index(after: close)...]
        }
        for id in expected.sorted() where counts[id] == nil {
            report.placeholderProblems.append("segment \(segment.id): placeholder ⟦\(id)⟧ was dropped")
        }
        for (id, count) in counts.sorted(by: { $0.key < $1.key }) {
            if !expected.contains(id) {
                report.placeholderProblems.append("segment \(segment.id): placeholder ⟦\(id)⟧ is unknown")
            } else if count > 1 {
                report.placeholderProblems.append("segment \(segment.id): placeholder ⟦\(id)⟧ appears \(count) times")
            }
        }
    }
}

/// What `Restoration` could not do cleanly.
public struct RestoreReport: Sendable, Hashable {
    /// Segments to translate that had no translation (their prepared text was kept).
    public var missing: [Int] = []
    /// Translations for segment ids the document does not have (ignored).
    public var extra: [Int] = []
    /// Segment ids translated more than once (the last translation was used).
    public var duplicates: [Int] = []
    /// Placeholders dropped, repeated or unknown, one line each.
    public var placeholderProblems: [String] = []

    /// Whether everything fitted.
    public var isClean: Bool {
        missing.isEmpty && extra.isEmpty && duplicates.isEmpty && placeholderProblems.isEmpty
    }

    /// One line per kind of problem.
    public var lines: [String] {
        var lines: [String] = []
        func list(_ ids: [Int]) -> String {
            ids.prefix(20).map(String.init).joined(separator: ", ") + (ids.count > 20 ? ", … (\(ids.count) in all)" : "")
        }
        if !missing.isEmpty { lines.append("no translation for segment\(missing.count == 1 ? "" : "s") \(list(missing)) (kept untranslated)") }
        if !extra.isEmpty { lines.append("translation\(extra.count == 1 ? "" : "s") for unknown segment\(extra.count == 1 ? "" : "s") \(list(extra)) (ignored)") }
        if !duplicates.isEmpty { lines.append("segment\(duplicates.count == 1 ? "" : "s") \(list(duplicates)) translated more than once (the last one used)") }
        return lines + placeholderProblems
    }
}
