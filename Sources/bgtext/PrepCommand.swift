import ArgumentParser
import BulgarianText

struct PrepCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prep",
        abstract: "Prepare Bulgarian documents for machine translation or a CAT tool.",
        discussion: """
            Decodes, normalizes, classifies spans, segments and applies a glossary, and
            writes the segments: `text` (one per line, a blank line between paragraphs),
            `jsonl` (one object per segment, with UTF-8 byte offsets into the original
            input), `xliff` (XLIFF 2.1) or `xliff12` (XLIFF 1.2). After translation,
            `bgtext restore --original FILE` puts the document back together.

            Metadata lines (a `date 2026-03-14` header) become segments with
            translate=false; boilerplate (advertising markers) is taken out of the
            segments, reported on standard error, and put back by restore. Presets of
            these patterns live in tables/prep/ (--preset news); add your own with
            --spans FILE.

            Input is read as it comes and written in blocks of whole paragraphs, so
            output starts before the input ends and memory stays bounded. --jobs N
            prepares blocks in parallel and keeps their order.

            \(ExitCode.documentation)
            """
    )

    @OptionGroup var preparation: PreparationOptions

    @Option(name: .long, help: "The output: text, jsonl, xliff (2.1) or xliff12 (1.2).")
    var format: String = "jsonl"

    @Option(name: .long, help: ArgumentHelp("The target language written into XLIFF (trgLang).", valueName: "language"))
    var targetLanguage: String?

    @Option(name: .long, help: "How many blocks to prepare in parallel.")
    var jobs: Int = 1

    @Flag(name: [.short, .long], help: "No progress bar and no boilerplate report on standard error.")
    var quiet = false

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Replace each input file with its prepared form (atomically).")
    var inPlace = false

    @Argument(help: ArgumentHelp("Input files; standard input when none or `-`.", valueName: "file"))
    var files: [String] = []

    mutating func run() async throws {
        do {
            try await prepareAll()
        } catch {
            throw error.thrown
        }
    }

    private func prepareAll() async throws(CLIError) {
        guard let outputFormat = PrepOutputFormat(rawValue: format) else {
            throw CLIError(message: "unknown format '\(format)' (expected text, jsonl, xliff or xliff12)", code: .validationFailure)
        }
        guard jobs >= 1 && jobs <= 256 else {
            throw CLIError(message: "--jobs must be between 1 and 256", code: .validationFailure)
        }
        let inputs = files.isEmpty ? ["-"] : files
        if inPlace && (output != nil || inputs.contains("-")) {
            throw CLIError(message: "--in-place replaces each input file with its prepared form: it needs files, and no --output", code: .validationFailure)
        }
        let pipeline = try preparation.makePipeline()
        if inPlace {
            for path in inputs {
                let sink = try OutputSink(path: path, inPlace: true)
                try await prepare([path], with: pipeline, format: outputFormat, into: sink)
                try sink.commit()
            }
        } else {
            let sink = try output.map { path throws(CLIError) in try OutputSink(path: path) } ?? OutputSink()
            try await prepare(inputs, with: pipeline, format: outputFormat, into: sink)
            try sink.commit()
        }
    }

    /// Prepares `inputs` into one output (one XLIFF `<file>` each).
    private func prepare(_ inputs: [String], with pipeline: Pipeline, format: PrepOutputFormat,
                         into sink: OutputSink) async throws(CLIError) {
        var writer = PrepOutputWriter(format: format, targetLanguage: targetLanguage, sink: sink)
        var context = BlockRunner.Context()
        let targetLanguage = targetLanguage
        for path in inputs {
            let input = try InputSource.open(path)
            defer { input.close() }
            try writer.beginDocument(name: input.name == "<stdin>" ? "stdin" : path, context: context)
            context.numbering = BlockNumbering()
            context.lastParagraph = 0
            let progress = quiet ? nil : ProgressReporter(input: input)
            let runner = BlockRunner(pipeline: pipeline, jobs: jobs, wholeInput: preparation.needsWholeInput,
                                     detectEncoding: preparation.from == "auto")
            context = try await runner.run(input: input, context: context, render: { block, before in
                PrepOutputWriter.render(block, before, format: format, targetLanguage: targetLanguage)
            }, write: { block, bytes, bytesRead throws(CLIError) in
                try sink.write(bytes)
                if !quiet {
                    for item in block.boilerplate {
                        StandardError.write("bgtext: \(input.name): boilerplate removed at bytes \(item.start)-\(item.end): \(item.text)\n")
                    }
                }
                progress?.update(bytesRead: bytesRead)
            })
            progress?.finish()
            try writer.endDocument()
        }
        try writer.finish()
    }
}

/// The output formats of `prep`.
enum PrepOutputFormat: String {
    case text, jsonl, xliff, xliff12
}
