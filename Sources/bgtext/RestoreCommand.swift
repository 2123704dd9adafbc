import ArgumentParser
import BulgarianText

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put glossary targets back into machine-translated text.",
        discussion: """
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
    var map: String

    @Flag(name: .long, help: "Exit with status 65 when a placeholder was dropped, duplicated, damaged or unknown.")
    var strict = false

    @Flag(name: .long, help: "Replace invalid UTF-8 with U+FFFD instead of stopping.")
    var lossy = false

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Argument(help: ArgumentHelp("Translated files; standard input when none or `-`.", valueName: "translated"))
    var files: [String] = []

    mutating func run() throws {
        do {
            try execute()
        } catch {
            throw error.thrown
        }
    }

    private func execute() throws(CLIError) {
        var restorer = PlaceholderRestorer(map: try loadMap())
        let sink = try output.map { path throws(CLIError) in try OutputSink(path: path) } ?? OutputSink()
        for path in files.isEmpty ? ["-"] : files {
            let input = try InputSource.open(path)
            defer { input.close() }
            var lines = LineReader(input, lossy: lossy)
            while let (line, newline) = try lines.next() {
                let restored = restorer.restore(String(decoding: line, as: UTF8.self), input: input.name, line: lines.lineNumber)
                try sink.write(restored)
                if newline { try sink.write([0x0A]) }
            }
        }
        try sink.commit()
        let problems = restorer.finish()
        for problem in problems { warn(problem.description) }
        if strict && !problems.isEmpty {
            throw CLIError(message: "\(problems.count) placeholder problem\(problems.count == 1 ? "" : "s")", code: .dataError)
        }
    }

    private func loadMap() throws(CLIError) -> PlaceholderMap {
        let bytes = try readUTF8File(map)
        do {
            return try PlaceholderMap(parsing: String(decoding: bytes, as: UTF8.self), source: map)
        } catch {
            throw CLIError(message: error.description, code: .dataError)
        }
    }
}
