import ArgumentParser
import BulgarianText

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split Bulgarian text into sentences.",
        discussion: """
            Reads the files (or standard input) and writes their sentences.

            --format text (the default) prints one sentence per line, whitespace at
            its ends trimmed and line breaks inside it turned into spaces, with a
            blank line between paragraphs (and between files). --format jsonl prints
            one JSON object per sentence: "text", "paragraph" (from 1), "start" and
            "end" (UTF-8 byte offsets into the input as read; with --lossy, into the
            repaired input), and "file" when there are several files.

            A blank line ends a paragraph; a single line break ends a sentence unless
            --soft-wrap makes it a wrap inside one. --abbreviations FILE adds
            abbreviations (the format of tables/segmentation/abbreviations.txt:
            FORM never-end|may-end|numbering per line). --export-srx writes the
            effective rules as an SRX 2.0 file for CAT tools (OmegaT, Okapi, memoQ,
            Trados) and exits.

            \(ExitCode.documentation)
            """
    )

    @Option(name: .long, help: "The output format: text or jsonl.")
    var format: String = "text"

    @Option(name: .long, help: ArgumentHelp("More abbreviations (FORM KIND per line), added to the built-in ones.", valueName: "file"))
    var abbreviations: [String] = []

    @Flag(name: .long, help: "Treat a single line break inside a sentence as a wrap, not a boundary.")
    var softWrap = false

    @Flag(name: .long, help: "Never end a sentence at a colon (by default `…: Capital` ends one, except after labels such as `Снимка:`).")
    var noColonBreaks = false

    @Flag(name: .long, help: "Use ICU's boundaries alone, without the Bulgarian rules (for comparison).")
    var icuOnly = false

    @Flag(name: .long, help: "Replace invalid UTF-8 with U+FFFD instead of stopping.")
    var lossy = false

    @Option(name: .long, help: ArgumentHelp("Segment large inputs on this many cores; the output order is kept.", valueName: "n"))
    var jobs: Int = 1

    @Flag(name: .long, help: "Write the effective rules as an SRX 2.0 file and exit.")
    var exportSrx = false

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Argument(help: ArgumentHelp("Input files; standard input when none or `-`.", valueName: "file"))
    var files: [String] = []

    mutating func validate() throws {
        guard format == "text" || format == "jsonl" else {
            throw ValidationError("unknown format '\(format)' (expected text or jsonl)")
        }
        guard (1...256).contains(jobs) else {
            throw ValidationError("--jobs must be between 1 and 256")
        }
    }

    mutating func run() throws {
        do {
            try segment()
        } catch {
            throw error.thrown
        }
    }

    private func makeSegmenter() throws(CLIError) -> Segmenter {
        var table = AbbreviationTable.builtIn
        for path in abbreviations {
            do {
                table = table.merging(try AbbreviationTable(parsing: try InputSource.readText(path), source: path))
            } catch let error as TableError {
                throw CLIError(message: error.description, code: .dataError)
            } catch {
                throw error as! CLIError
            }
        }
        do {
            return try Segmenter(options: .init(abbreviations: table, colonBreaks: !noColonBreaks,
                                                 softWrap: softWrap, bulgarianRules: !icuOnly))
        } catch {
            throw CLIError(message: "cannot open ICU's sentence iterator: \(error)", code: .internalError)
        }
    }

    private func segment() throws(CLIError) {
        let segmenter = try makeSegmenter()
        let sink = try output.map { path throws(CLIError) in try OutputSink(path: path) } ?? OutputSink()
        if exportSrx {
            try sink.write(segmenter.exportSRX())
            try sink.commit()
            return
        }
        let inputs = files.isEmpty ? ["-"] : files
        var writer = SentenceWriter(format: format, fileName: nil)
        for (number, path) in inputs.enumerated() {
            let input = try InputSource.open(path)
            defer { input.close() }
            writer.startFile(name: inputs.count > 1 ? input.name : nil, isFirst: number == 0)
            do {
                if jobs > 1 {
                    try ParallelSegmentation(segmenter: segmenter, jobs: jobs, lossy: lossy)
                        .run(input, writer: &writer, sink: sink)
                } else {
                    var stream = segmenter.makeStream()
                    var repair = LossyUTF8Stream()
                    while let chunk = try input.read() {
                        try writer.write(try stream.feed(lossy ? repair.feed(chunk) : chunk), to: sink)
                    }
                    if lossy { try writer.write(try stream.feed(repair.finish()), to: sink) }
                    try writer.write(try stream.finish(), to: sink)
                }
            } catch {
                throw CLIError(processing: input.name, error)
            }
        }
        try sink.commit()
    }
}
