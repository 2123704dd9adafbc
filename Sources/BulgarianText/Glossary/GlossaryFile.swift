/// The file formats a glossary is read from and written to.
public enum GlossaryFileFormat: String, Sendable, CaseIterable {
    /// `source<TAB>target[<TAB>options]` (also DeepL's two-column TSV).
    case tsv
    /// Google / Amazon CSV with a language-code header.
    case csv
    /// TBX v2 or v3.
    case tbx

    /// The format a file name suggests: `.csv`, `.tbx`/`.xml`, else TSV.
    public init(path: String) {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".csv") {
            self = .csv
        } else if lowered.hasSuffix(".tbx") || lowered.hasSuffix(".xml") {
            self = .tbx
        } else {
            self = .tsv
        }
    }
}

/// Reading a glossary file of any supported format.
public enum GlossaryFile {
    /// The entries of a glossary file. `source` names it in errors; the
    /// languages pick the columns of a CSV file and the language sections of
    /// a TBX file. The bytes must be UTF-8 (TBX: the XML is read as UTF-8).
    ///
    /// - Throws: `TableError` naming the line (for TBX, line and column).
    public static func entries(parsing bytes: [UInt8], format: GlossaryFileFormat, source: String,
                               sourceLanguage: String = "bg", targetLanguage: String? = nil) throws(TableError) -> [GlossaryEntry] {
        switch format {
        case .tsv:
            return try GlossaryTSV.entries(parsing: String(decoding: bytes, as: UTF8.self), source: source)
        case .csv:
            return try GlossaryCSV.entries(parsing: String(decoding: bytes, as: UTF8.self), source: source,
                                           sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        case .tbx:
            return try GlossaryTBX.entries(parsing: bytes, source: source, sourceLanguage: sourceLanguage,
                                           targetLanguage: targetLanguage)
        }
    }
}

/// Writing a glossary for MT services.
public enum GlossaryExport {
    /// The formats.
    public enum Format: String, Sendable, CaseIterable {
        /// DeepL's glossary TSV: `source<TAB>target`, no header, unique sources.
        case deepl
        /// Google / Amazon CSV with a `bg,en` header.
        case csv
        /// TBX v3 (TBX-Basic).
        case tbx
    }

    /// The glossary in `format`. With `expand`, every generated form is an
    /// entry of its own (so a service that matches only exact text still
    /// finds Кремълът and Кремъла). DeepL and CSV leave out deprecated and
    /// forbidden terms (a service would substitute them) and keep the first
    /// entry of a repeated source; TBX keeps them with their status.
    public static func text(_ glossary: Glossary, format: Format, expand: Bool,
                            inflection: BulgarianInflection = .standard,
                            sourceLanguage: String = "bg", targetLanguage: String = "en") -> String {
        func forms(_ entry: GlossaryEntry) -> [String] {
            expand ? inflection.forms(of: entry).dropFirst().map(\.text) : []
        }
        if format == .tbx {
            return GlossaryTBX.document(glossary.entries, forms: forms, sourceLanguage: sourceLanguage,
                                        targetLanguage: targetLanguage)
        }
        var seen: Set<String> = []
        var out = format == .csv ? GlossaryCSV.field(sourceLanguage) + "," + GlossaryCSV.field(targetLanguage) + "\n" : ""
        for entry in glossary.entries where !entry.options.status.isReportOnly {
            for term in [entry.source] + forms(entry) where seen.insert(term).inserted {
                switch format {
                case .deepl:
                    out += clean(term) + "\t" + clean(entry.target) + "\n"
                case .csv:
                    out += GlossaryCSV.field(term) + "," + GlossaryCSV.field(entry.target) + "\n"
                case .tbx:
                    break
                }
            }
        }
        return out
    }

    /// DeepL refuses tabs and line breaks inside an entry.
    private static func clean(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}
