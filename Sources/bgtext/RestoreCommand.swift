import ArgumentParser
import BulgarianText

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a translation back together: segments into the document, glossary targets into placeholders.",
        discussion: """
            With --original FILE: TRANSLATED is the output of `bgtext prep` after
            translation: JSON Lines (each object with a `target`; where it is absent,
            `text` is used), XLIFF 2.1 or 1.2 (the `<target>` elements), or text (one
            line per segment). The original is prepared again with the same options
            as for prep (give them again), and the document is rebuilt in its order
            and layout: metadata lines, boilerplate, spacing and line breaks as they
            were, placeholders resolved. Segments without a translation, translations
            of unknown segments and damaged placeholders are reported on standard
            error, and the exit status is 1.

            With --map FILE:
            Reads the translation (files or standard input) line by line and replaces
            each placeholder ⟦N⟧ that `bgtext glossary --action placeholder --map FILE`
            wrote with its target from the map. Reports on standard error every
            placeholder that was dropped, duplicated, damaged (spaces inside, other
            brackets: restored when its number is clear) or unknown; with --strict
            any such problem makes the exit status 65.

            \(ExitCode.documentation)
            """
    )

    @Option(name: .long, help: ArgumentHelp("The placeholder map written by `bgtext glossary --action placeholder`.", valueName: "file"))
    var map: String?

    @Option(name: .long, help: ArgumentHelp("The original document that `bgtext prep` prepared.", valueName: "file"))
    var original: String?

    @Option(name: .long, help: ArgumentHelp("The translated file's format with --original: jsonl, xliff, xliff12 or text (default: from its first character).", valueName: "format"))
    var format: String?

    @OptionGroup(title: "Preparation options (with --original: the same as for prep)")
    var preparation: PreparationOptions

    @Flag(name: .long, help: "Exit with status 65 when a placeholder was dropped, duplicated, damaged or unknown.")
    var strict = false


    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Argument(help: ArgumentHelp("Translated files; standard input when none or `-`.", valueName: "translated"))
    var files: [String] = []

    mutating func run() async throws {
        do {
            if let original {
                try await restoreDocument(original)
            } else {
                try execute()
            }
        } catch {
            throw error.thrown
        }
    }

    private func restoreDocument(_ original: String) async throws(CLIError) {
        if map != nil {
            throw CLIError(message: "--original and --map are separate jobs: give one of them", code: .validationFailure)
        }
        guard files.count <= 1 else {
            throw CLIError(message: "--original takes one translated file", code: .validationFailure)
        }
        let sink = try output.map { path throws(CLIError) in try OutputSink(path: path) } ?? OutputSink()
        let report = try await DocumentRestore(original: original, preparation: preparation, format: format)
            .run(translated: files.first ?? "-", into: sink)
        try sink.commit()
        for line in report.lines { warn(line) }
        if !report.isClean {
            throw CLIError(message: "the translation did not fit the original cleanly (see above)", code: ExitCode(1))
        }
    }

    private func execute() throws(CLIError) {
        guard let map else {
            throw CLIError(message: "restore needs --original FILE (a prepared document) or --map FILE (glossary placeholders)", code: .validationFailure)
        }
        var restorer = PlaceholderRestorer(map: try loadMap(map))
        let sink = try output.map { path throws(CLIError) in try OutputSink(path: path) } ?? OutputSink()
        for path in files.isEmpty ? ["-"] : files {
            let input = try InputSource.open(path)
            defer { input.close() }
            var lines = LineReader(input, lossy: preparation.lossy)
            var restored: [UInt8] = []
            while let (line, newline) = try lines.next() {
                restored.removeAll(keepingCapacity: restored.count < 1 << 20)
                line.withUnsafeBufferPointer {
                    restorer.restore(inUTF8: $0, into: &restored, input: input.name, line: lines.lineNumber)
                }
                if newline { restored.append(0x0A) }
                try sink.write(restored)
            }
        }
        try sink.commit()
        let problems = restorer.finish()
        for problem in problems { warn(problem.description) }
        if strict && !problems.isEmpty {
            throw CLIError(message: "\(problems.count) placeholder problem\(problems.count == 1 ? "" : "s")", code: .dataError)
        }
    }

    private func loadMap(_ map: String) throws(CLIError) -> PlaceholderMap {
        let bytes = try InputSource.readUTF8(map)
        do {
            return try PlaceholderMap(parsing: String(decoding: bytes, as: UTF8.self), source: map)
        } catch {
            throw CLIError(message: error.description, code: .dataError)
        }
    }
}
