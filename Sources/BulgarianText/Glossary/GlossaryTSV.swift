/// Reading and writing glossaries as tab-separated text, the format of the
/// glossaries in `tables/glossary/`: `source<TAB>target[<TAB>options]`, `#`
/// comment lines, options comma-separated:
/// `case=exact|insensitive|smart`, `gender=m|f|n|pl`, `plural=FORM` (or `-`),
/// `noinflect`, `inflect`, `priority=N`, `dnt`, `status=preferred|admitted|deprecated|forbidden`.
/// A DeepL glossary (two columns, no header) is a TSV glossary too.
public enum GlossaryTSV {
    /// Parses a TSV glossary. `source` names it in errors.
    ///
    /// - Throws: `TableError` naming the line of the first malformed entry.
    public static func entries(parsing text: String, source: String) throws(TableError) -> [GlossaryEntry] {
        var entries: [GlossaryEntry] = []
        var number = 0
        for raw in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            // Split on bytes: as Characters, "\r\n" is one and would not split on "\n".
            var line = Substring(String(decoding: raw, as: UTF8.self))
            if number == 1 && line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.hasSuffix("\r") { line = line.dropLast() }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            func fail(_ message: String) -> TableError {
                TableError(source: source, line: number, message: message)
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(trim)
            guard fields.count >= 2 && fields.count <= 3 else {
                throw fail("expected `source<TAB>target[<TAB>options]`, found \(fields.count) field\(fields.count == 1 ? "" : "s")")
            }
            guard !fields[0].isEmpty else { throw fail("the source term is empty") }
            let options = fields.count == 3 ? try parseOptions(fields[2], fail) : GlossaryEntry.Options()
            guard !fields[1].isEmpty || options.doNotTranslate else {
                throw fail("the target of '\(fields[0])' is empty (use the option dnt to keep a term as written)")
            }
            entries.append(GlossaryEntry(source: String(fields[0]), target: String(fields[1]), options: options, line: number))
        }
        return entries
    }

    /// Parses the options column.
    static func parseOptions(_ text: Substring, _ fail: (String) -> TableError) throws(TableError) -> GlossaryEntry.Options {
        var options = GlossaryEntry.Options()
        for item in text.split(separator: ",").map(trim) where !item.isEmpty {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0]
            let value = parts.count == 2 ? trim(parts[1]) : nil
            switch (name, value) {
            case ("noinflect", nil): options.inflects = false
            case ("inflect", nil): options.inflects = true
            case ("dnt", nil): options.doNotTranslate = true
            case ("case", let value?):
                guard let mode = GlossaryEntry.CaseMode(rawValue: String(value)) else {
                    throw fail("unknown case '\(value)' (expected exact, insensitive or smart)")
                }
                options.caseMode = mode
            case ("gender", let value?):
                guard let gender = GlossaryEntry.Gender(rawValue: String(value)) else {
                    throw fail("unknown gender '\(value)' (expected m, f, n or pl)")
                }
                options.gender = gender
            case ("plural", let value?):
                guard !value.isEmpty else { throw fail("plural= needs a form (or - for none)") }
                options.plural = String(value)
            case ("priority", let value?):
                guard let priority = Int(value) else { throw fail("priority '\(value)' is not a whole number") }
                options.priority = priority
            case ("status", let value?):
                guard let status = GlossaryEntry.Status(rawValue: String(value)) else {
                    throw fail("unknown status '\(value)' (expected preferred, admitted, deprecated or forbidden)")
                }
                options.status = status
            default:
                throw fail("unknown option '\(item)' (expected case=, gender=, plural=, noinflect, priority=, dnt or status=)")
            }
        }
        return options
    }

    /// The options column for an entry: only what differs from the defaults.
    public static func optionsText(_ options: GlossaryEntry.Options) -> String {
        var items: [String] = []
        if options.caseMode != .smart { items.append("case=\(options.caseMode.rawValue)") }
        if let gender = options.gender { items.append("gender=\(gender.rawValue)") }
        if let plural = options.plural { items.append("plural=\(plural)") }
        if let inflects = options.inflects { items.append(inflects ? "inflect" : "noinflect") }
        if options.priority != 0 { items.append("priority=\(options.priority)") }
        if options.doNotTranslate { items.append("dnt") }
        if options.status != .preferred { items.append("status=\(options.status.rawValue)") }
        return items.joined(separator: ",")
    }

    static func trim(_ text: Substring) -> Substring {
        var result = text.drop { $0 == " " || $0 == "\r" }
        while let last = result.last, last == " " || last == "\r" { result = result.dropLast() }
        return result
    }
}
