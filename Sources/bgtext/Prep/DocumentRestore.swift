import BulgarianText

/// `bgtext restore --original FILE TRANSLATED`: prepares the original again
/// with the same options, and puts each translated segment in the place of
/// its segment, with metadata, boilerplate, spacing and line structure as
/// they were and placeholders resolved.
struct DocumentRestore {
    let original: String
    let preparation: PreparationOptions
    let format: String?

    /// Restores into `sink`; returns the report of what did not fit.
    func run(translated path: String, into sink: OutputSink) async throws(CLIError) -> RestoreReport {
        let translatedInput = try InputSource.open(path)
        let bytes: [UInt8]
        do {
            defer { translatedInput.close() }
            bytes = try translatedInput.readAll()
        }
        do {
            try bytes.withUnsafeBufferPointer { buffer throws(InvalidUTF8Error) in try UTF8Validation.validate(buffer) }
        } catch {
            throw CLIError(message: "\(translatedInput.name): \(error)", code: .dataError)
        }
        let chosen: TranslatedSegments.Format
        if let format {
            guard let parsed = TranslatedSegments.Format(rawValue: format == "xliff12" ? "xliff" : format) else {
                throw CLIError(message: "unknown format '\(format)' (expected jsonl, xliff, xliff12 or text)", code: .validationFailure)
            }
            chosen = parsed
        } else {
            chosen = TranslatedSegments.detectFormat(bytes)
        }
        let translations: TranslatedSegments
        do {
            translations = try TranslatedSegments(parsing: bytes, format: chosen, source: translatedInput.name)
        } catch {
            throw CLIError(message: error.description, code: .dataError)
        }
        var restoration = Restoration(translations)
        let pipeline = try preparation.makePipeline()
        let input = try InputSource.open(original)
        defer { input.close() }
        _ = try await BlockRunner(pipeline: pipeline, jobs: 1, wholeInput: preparation.needsWholeInput,
                                  detectEncoding: preparation.from == "auto")
            .run(input: input, context: .init(), render: { _, _ in [] }) { block, _, _ throws(CLIError) in
                try sink.write(restoration.restore(block))
            }
        return restoration.finish()
    }
}
