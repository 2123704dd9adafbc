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
        var copy = text
        // Works on the bytes: splitting Characters would keep "\r\n" as one.
        var failure: TableError?
        copy.withUTF8 { bytes in
            do throws(TableError) {
                try parseLines(bytes)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return entries

        func parseLines(_ bytes: UnsafeBufferPointer<UInt8>) throws(TableError) {
            var lineStart = 0
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { lineStart = 3 }
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                number += 1
                defer { lineStart = lineEnd + 1 }
                var end = lineEnd
                if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
                var first = lineStart
                while first < end && (bytes[first] == 0x20 || bytes[first] == 0x09) { first += 1 }
                if first == end || bytes[first] == UInt8(ascii: "#") { continue }
                var fields: [Range<Int>] = []
                var fieldStart = lineStart
                for index in lineStart..<end where bytes[index] == 0x09 {
                    fields.append(trimmed(bytes, fieldStart..<index))
                    fieldStart = index + 1
                }
                fields.append(trimmed(bytes, fieldStart..<end))
                func fail(_ message: String) -> TableError {
                    TableError(source: source, line: number, message: message)
                }
                func text(_ range: Range<Int>) -> String {
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                }
                guard fields.count >= 2 && fields.count <= 3 else {
                    throw fail("expected `source<TAB>target[<TAB>options]`, found \(fields.count) field\(fields.count == 1 ? "" : "s")")
                }
                // A field of only white space (a CR, NBSP) is empty too, as in
                // TBX, which trims it away (a fuzz finding: such an entry
                // vanished in the TBX export).
                func isBlank(_ range: Range<Int>) -> Bool { text(range).allSatisfy(\.isWhitespace) }
                guard !isBlank(fields[0]) else { throw fail("the source term is empty") }
                let options = fields.count == 3 ? try parseOptions(Substring(text(fields[2])), fail) : GlossaryEntry.Options()
                let term = text(fields[0])
                guard !isBlank(fields[1]) || options.doNotTranslate else {
                    throw fail("the target of '\(term)' is empty (use the option dnt to keep a term as written)")
                }
                entries.append(GlossaryEntry(source: term, target: text(fields[1]), options: options, line: number))
            }
        }
    }

    /// A field without surrounding spaces.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high && bytes[low] == 0x20 { low += 1 }
        while high > low && bytes[high - 1] == 0x20 { high -= 1 }
        return low..<high
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
