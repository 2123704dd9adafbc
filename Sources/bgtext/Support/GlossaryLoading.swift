import BulgarianText

/// Loading glossary files for the commands that take `--glossary`.
enum BGTextGlossary {
    /// Reads and builds a glossary file (TSV, CSV or TBX by its extension unless
    /// `format` names it), warning about duplicate sources on standard error.
    static func load(_ path: String, format formatName: String? = nil,
                     sourceLanguage: String = "bg", targetLanguage: String? = nil) throws(CLIError) -> Glossary {
        let format: GlossaryFileFormat
        if let formatName {
            guard let parsed = GlossaryFileFormat(rawValue: formatName) else {
                throw CLIError(message: "unknown glossary format '\(formatName)' (expected tsv, csv or tbx)", code: .validationFailure)
            }
            format = parsed
        } else {
            format = GlossaryFileFormat(path: path)
        }
        let bytes = try InputSource.readUTF8(path)
        let entries: [GlossaryEntry]
        do {
            entries = try GlossaryFile.entries(parsing: bytes, format: format, source: path,
                                               sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        } catch {
            throw CLIError(message: error.description, code: .dataError)
        }
        let built = Glossary(entries: entries)
        for warning in built.warnings { warn("\(path): \(warning)") }
        return built
    }
}
