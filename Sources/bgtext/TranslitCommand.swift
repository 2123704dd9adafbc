import ArgumentParser
import BulgarianText

struct TranslitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translit",
        abstract: "Transliterate Bulgarian Cyrillic to Latin.",
        discussion: """
            Reads the files (or standard input) and writes Latin text to standard
            output, line for line: everything that is not a Cyrillic letter of the
            system passes through unchanged, empty lines and a missing final newline
            included.

            Systems: streamlined (the official Streamlined System, Transliteration Act
            2009; the default), bgn-1952 (ICU's Bulgarian-Latin/BGN), iso9 (ICU's
            Cyrillic-Latin). --rules FILE runs an ICU transform rule file instead.

            \(ExitCode.documentation)
            """
    )

    @Option(name: .long, help: "The system: streamlined, bgn-1952 or iso9.")
    var system: String = "streamlined"

    @Option(name: .long, help: ArgumentHelp("An ICU transform rule file to run instead of a system.", valueName: "file"))
    var rules: String?

    @Option(name: .long, help: ArgumentHelp("A transliteration table of your own, in the format of tables/transliteration/streamlined.txt, instead of the Streamlined System.", valueName: "file"))
    var table: String?

    @Option(name: .long, help: ArgumentHelp("Whole words with fixed Latin forms (CYRILLIC LATIN per line).", valueName: "file"))
    var exceptions: String?

    @Option(name: .long, help: ArgumentHelp("Transliterate non-Bulgarian Cyrillic letters too: iso9, or none (they pass through).", valueName: "table"))
    var fallback: String = "none"

    @Option(name: .long, help: "The engine for the Streamlined System: native, or icu (ICU running the same table).")
    var engine: String = "native"

    @Flag(name: .long, help: "Replace invalid UTF-8 with U+FFFD instead of stopping.")
    var lossy = false

    @Flag(name: .long, help: "Print the system's table as ICU transform rules and exit.")
    var exportRules = false

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Argument(help: ArgumentHelp("Input files; standard input when none or `-`.", valueName: "file"))
    var files: [String] = []

    mutating func run() throws {
        do {
            try transliterate()
        } catch {
            throw error.thrown
        }
    }

    private func makeTransliterator() throws(CLIError) -> Transliterator {
        if let rules {
            if system != "streamlined" || exceptions != nil || fallback != "none" || table != nil {
                throw CLIError(message: "--rules runs a rule file alone: it cannot be combined with --system, --table, --exceptions or --fallback", code: .validationFailure)
            }
            let text = try InputSource.readText(rules)
            do {
                return try Transliterator(icuRules: text)
            } catch let error as TransformRuleError {
                throw CLIError(message: "\(rules): \(error)", code: .dataError)
            } catch {
                throw CLIError(message: "\(rules): \(error)", code: .dataError)
            }
        }
        guard let chosen = Transliterator.System(name: system) else {
            throw CLIError(message: "unknown system '\(system)' (expected streamlined, bgn-1952 or iso9)", code: .validationFailure)
        }
        guard let engineChoice = Transliterator.Engine(rawValue: engine) else {
            throw CLIError(message: "unknown engine '\(engine)' (expected native or icu)", code: .validationFailure)
        }
        var fallbackTable: TransliterationTable?
        switch fallback {
        case "none": fallbackTable = nil
        case "iso9": fallbackTable = .iso9Fallback
        default: throw CLIError(message: "unknown fallback '\(fallback)' (expected none or iso9)", code: .validationFailure)
        }
        var words: [TransliterationTable.Word] = []
        if let exceptions {
            do {
                words = try TransliterationTable.exceptions(parsing: try InputSource.readText(exceptions), source: exceptions)
            } catch let error as TableError {
                throw CLIError(message: error.description, code: .dataError)
            } catch {
                throw error as! CLIError
            }
        }
        if chosen != .streamlined && (!words.isEmpty || fallbackTable != nil || table != nil) {
            throw CLIError(message: "--table, --exceptions and --fallback apply to table-defined systems only, not to '\(system)'", code: .validationFailure)
        }
        if let table {
            var parsed: TransliterationTable
            do {
                parsed = try TransliterationTable(parsing: try InputSource.readText(table), source: table)
            } catch let error as TableError {
                throw CLIError(message: error.description, code: .dataError)
            } catch {
                throw error as! CLIError
            }
            if let fallbackTable { parsed = parsed.merging(fallbackTable) }
            do {
                return try Transliterator(table: parsed, name: "custom", exceptions: words, engine: engineChoice)
            } catch {
                throw CLIError(message: "\(table): \(error)", code: .dataError)
            }
        }
        do {
            return try Transliterator(system: chosen, exceptions: words, fallback: fallbackTable, engine: engineChoice)
        } catch {
            throw CLIError(message: "cannot open system '\(system)': \(error)", code: .internalError)
        }
    }

    private func transliterate() throws(CLIError) {
        let transliterator = try makeTransliterator()
        if exportRules {
            guard let rules = transliterator.icuRules else {
                throw CLIError(message: "system '\(system)' is built into ICU and has no table to export", code: .validationFailure)
            }
            let sink = OutputSink()
            try sink.write(rules)
            try sink.commit()
            return
        }
        let sink = try output.map { path throws(CLIError) in try OutputSink(path: path) } ?? OutputSink()
        for path in files.isEmpty ? ["-"] : files {
            let input = try InputSource.open(path)
            defer { input.close() }
            var stream: TransliterationStream
            do { stream = try transliterator.makeStream() } catch {
                throw CLIError(message: "\(error)", code: .internalError)
            }
            var repair = LossyUTF8Stream()
            do {
                while let chunk = try input.read() {
                    try sink.write(try stream.feed(lossy ? repair.feed(chunk) : chunk))
                }
                if lossy { try sink.write(try stream.feed(repair.finish())) }
                try sink.write(try stream.finish())
            } catch {
                throw CLIError(processing: input.name, error)
            }
        }
        try sink.commit()
    }
}
