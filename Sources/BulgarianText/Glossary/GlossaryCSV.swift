/// Reading and writing glossaries as CSV the way Google Cloud Translation
/// and Amazon Translate take them: RFC 4180 fields (quotes doubled inside
/// quoted fields, which may hold commas and line breaks) and a first row of
/// language codes (`bg,en`). Without such a header the first column is the
/// source and the second the target. Other header columns (`pos`,
/// `description`, more languages) are ignored.
public enum GlossaryCSV {
    /// Parses a CSV glossary. `source` names it in errors; the columns are
    /// picked by language code (`bg` matches `bg` and `bg-BG`); with no
    /// `targetLanguage`, the first language column after the source's is used.
    ///
    /// - Throws: `TableError` naming the line of the first malformed row.
    public static func entries(parsing text: String, source: String, sourceLanguage: String = "bg",
                               targetLanguage: String? = nil) throws(TableError) -> [GlossaryEntry] {
        let rows = try records(text, source: source)
        guard let first = rows.first else { return [] }
        var sourceColumn = 0
        var targetColumn = 1
        var dataRows = rows[...]
        if first.fields.allSatisfy(isLanguageCode) || first.fields.contains(where: { matches($0, sourceLanguage) }) {
            let languages = first.fields.map { isLanguageCode($0) ? $0 : "" }
            guard let found = languages.firstIndex(where: { matches($0, sourceLanguage) }) else {
                throw TableError(source: source, line: first.line,
                                 message: "the header has no column for the source language '\(sourceLanguage)'")
            }
            sourceColumn = found
            if let targetLanguage {
                guard let target = languages.firstIndex(where: { matches($0, targetLanguage) }) else {
                    throw TableError(source: source, line: first.line,
                                     message: "the header has no column for the target language '\(targetLanguage)'")
                }
                targetColumn = target
            } else {
                guard let target = languages.indices.first(where: { $0 != found && !languages[$0].isEmpty }) else {
                    throw TableError(source: source, line: first.line, message: "the header has no target-language column")
                }
                targetColumn = target
            }
            dataRows = rows.dropFirst()
        }
        var entries: [GlossaryEntry] = []
        for row in dataRows {
            if row.fields.allSatisfy(\.isEmpty) { continue }
            guard row.fields.count > max(sourceColumn, targetColumn) else {
                throw TableError(source: source, line: row.line,
                                 message: "expected at least \(max(sourceColumn, targetColumn) + 1) columns, found \(row.fields.count)")
            }
            let term = GlossaryTSV.trim(Substring(row.fields[sourceColumn]))
            let target = GlossaryTSV.trim(Substring(row.fields[targetColumn]))
            // Amazon's multi-language files leave cells empty for missing translations.
            // A cell of only white space (tabs, NBSP) is empty too, as in TBX,
            // which trims it away (a fuzz finding: such an entry vanished in
            // the TBX export).
            let termIsBlank = term.allSatisfy(\.isWhitespace)
            let targetIsBlank = target.allSatisfy(\.isWhitespace)
            if termIsBlank && targetIsBlank { continue }
            guard !termIsBlank else { throw TableError(source: source, line: row.line, message: "the source term is empty") }
            guard !targetIsBlank else {
                throw TableError(source: source, line: row.line, message: "the target of '\(term)' is empty")
            }
            entries.append(GlossaryEntry(source: String(term), target: String(target), line: row.line))
        }
        return entries
    }

    struct Record {
        var line: Int
        var fields: [String]
    }

    /// Splits CSV text into records, each with the line it starts on.
    static func records(_ text: String, source: String) throws(TableError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 0
        var fieldStarted = false
        var scalars = Array(text.unicodeScalars)[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var index = scalars.startIndex
        func endRecord() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            fieldStarted = false
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index += 1
            if inQuotes {
                if scalar == "\"" {
                    if index < scalars.endIndex && scalars[index] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                        if index < scalars.endIndex, !",\r\n".unicodeScalars.contains(scalars[index]) {
                            throw TableError(source: source, line: line,
                                             message: "unexpected '\(scalars[index])' after a closing quote (a quote inside a field is written \"\")")
                        }
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard !fieldStarted && field.isEmpty else {
                    throw TableError(source: source, line: line,
                                     message: "a quote inside an unquoted field (quote the whole field and write the quote as \"\")")
                }
                inQuotes = true
                quoteLine = line
                fieldStarted = true
            case ",":
                fields.append(String(field))
                field = String.UnicodeScalarView()
                fieldStarted = false
            case "\r":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(scalar)
                fieldStarted = true
            }
        }
        if inQuotes {
            throw TableError(source: source, line: quoteLine, message: "a quoted field is never closed")
        }
        if fieldStarted || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }

    static func isLanguageCode(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
        guard let first = parts.first, (2...3).contains(first.count),
              first.unicodeScalars.allSatisfy({ $0.value >= 0x61 && $0.value <= 0x7A }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit || ($0.value < 0x80 && $0.properties.isAlphabetic) }
        }
    }

    static func matches(_ code: String, _ language: String) -> Bool {
        let lowered = code.lowercased().replacing("_", with: "-")
        let wanted = language.lowercased().replacing("_", with: "-")
        return lowered == wanted || lowered.hasPrefix(wanted + "-")
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
