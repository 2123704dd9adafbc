import ArgumentParser
import BulgarianText

struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Find glossary terms in Bulgarian text, in all their forms, and mark or replace them.",
        discussion: """
            Reads the files (or standard input) line by line and writes one output
            line per input line. Terms match in their articled and plural forms
            (Кремъл: Кремълът, Кремъла; централна банка: централната банка,
            централните банки), never inside a longer word, a URL, an e-mail
            address or a placeholder.

            Actions:
              mark         the line with each match written ⟦surface|target⟧ (text),
                           or its matches with UTF-8 byte offsets (jsonl)
              substitute   each match replaced by its target, with the case of the match
              placeholder  each match replaced by ⟦N⟧; --map FILE receives what
                           `bgtext restore --map FILE` puts back after translation

            Glossary files: TSV (source<TAB>target<TAB>options, # comments), CSV with a
            language-code header (Google, Amazon), TBX v2 or v3; the format comes from the
            extension (.csv, .tbx/.xml, else TSV) or --glossary-format.

            --expand lists every generated form of every entry; --export writes the
            glossary as DeepL TSV, Google/Amazon CSV or TBX (with --expand: every form
            as an entry of its own), and no input is read.

            \(ExitCode.documentation)
            """
    )

    @Option(name: .long, help: ArgumentHelp("The glossary file.", valueName: "file"))
    var glossary: String

    @Option(name: .long, help: ArgumentHelp("The glossary's format: tsv, csv or tbx (default: from its extension).", valueName: "format"))
    var glossaryFormat: String?

    @Option(name: .long, help: ArgumentHelp("The source language code in a CSV or TBX glossary.", valueName: "code"))
    var sourceLanguage: String = "bg"

    @Option(name: .long, help: ArgumentHelp("The target language code in a CSV or TBX glossary (default: the first other language; en on export).", valueName: "code"))
    var targetLanguage: String?

    @Option(name: .long, help: "What to do with the matches: mark, substitute or placeholder.")
    var action: String = "mark"

    @Option(name: .long, help: "Output: text, or jsonl (one JSON object per input line).")
    var format: String = "text"

    @Flag(name: .long, help: "List every generated form of every entry (with --export: export every form).")
    var expand = false

    @Option(name: .long, help: ArgumentHelp("Write the glossary as deepl, csv or tbx and exit.", valueName: "format"))
    var export: String?

    @Option(name: .long, help: ArgumentHelp("With --action placeholder: where to write the placeholder map.", valueName: "file"))
    var map: String?

    @Flag(name: .long, help: "Replace invalid UTF-8 with U+FFFD instead of stopping.")
    var lossy = false

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Argument(help: ArgumentHelp("Input files; standard input when none or `-`.", valueName: "file"))
    var files: [String] = []

    enum Action: String { case mark, substitute, placeholder }

    mutating func run() throws {
        do {
            try execute()
        } catch {
            throw error.thrown
        }
    }

    private func execute() throws(CLIError) {
        guard let chosen = Action(rawValue: action) else {
            throw CLIError(message: "unknown action '\(action)' (expected mark, substitute or placeholder)", code: .validationFailure)
        }
        guard format == "text" || format == "jsonl" else {
            throw CLIError(message: "unknown format '\(format)' (expected text or jsonl)", code: .validationFailure)
        }
        let exportFormat: GlossaryExport.Format?
        if let export {
            guard let parsed = GlossaryExport.Format(rawValue: export) else {
                throw CLIError(message: "unknown export format '\(export)' (expected deepl, csv or tbx)", code: .validationFailure)
            }
            exportFormat = parsed
        } else {
            exportFormat = nil
        }
        if chosen == .placeholder && map == nil && exportFormat == nil && !expand {
            throw CLIError(message: "--action placeholder needs --map FILE for the placeholder map", code: .validationFailure)
        }
        if map != nil && chosen != .placeholder {
            throw CLIError(message: "--map goes with --action placeholder", code: .validationFailure)
        }
        let built = try loadGlossary()
        let sink = try output.map { path throws(CLIError) in try OutputSink(path: path) } ?? OutputSink()
        if let exportFormat {
            try sink.write(GlossaryExport.text(built, format: exportFormat, expand: expand,
                                               sourceLanguage: sourceLanguage, targetLanguage: targetLanguage ?? "en"))
            try sink.commit()
            return
        }
        if expand {
            try writeExpansion(built, to: sink)
            try sink.commit()
            return
        }
        var placeholders = GlossaryPlaceholderWriter(glossary: built)
        let mapSink = try map.map { path throws(CLIError) in try OutputSink(path: path) }
        for path in files.isEmpty ? ["-"] : files {
            let input = try InputSource.open(path)
            defer { input.close() }
            var lines = LineReader(input, lossy: lossy)
            var result: [UInt8] = []
            while let (line, newline) = try lines.next() {
                result.removeAll(keepingCapacity: true)
                try line.withUnsafeBufferPointer { buffer throws(CLIError) in
                    try process(buffer, built, chosen, &placeholders, into: &result, input: input.name, line: lines.lineNumber)
                }
                if newline { result.append(0x0A) }
                try sink.write(result)
            }
        }
        if let mapSink {
            try mapSink.write(placeholders.map.text)
            try mapSink.commit()
        }
        try sink.commit()
    }

    private func process(_ line: UnsafeBufferPointer<UInt8>, _ glossary: Glossary, _ action: Action,
                         _ placeholders: inout GlossaryPlaceholderWriter, into result: inout [UInt8],
                         input: String, line number: Int) throws(CLIError) {
        if format == "text" && action != .mark && !glossary.hasReportOnlyEntries {
            // The fast path: one pass, no list of matches.
            if action == .substitute {
                glossary.substitute(inUTF8: line, into: &result)
            } else {
                placeholders.replace(inUTF8: line, into: &result)
            }
            return
        }
        let matches = glossary.matches(inUTF8: line)
        for match in matches {
            let entry = glossary.entries[match.entryIndex]
            if entry.options.status.isReportOnly && action != .mark {
                let surface = String(decoding: UnsafeBufferPointer(rebasing: line[match.range]), as: UTF8.self)
                warn("\(input):\(number): \(entry.options.status.rawValue) term '\(surface)' (glossary line \(entry.line)) left as is")
            }
        }
        var changed: [UInt8] = []
        switch action {
        case .mark:
            if format == "text" {
                var copied = 0
                for match in matches {
                    let entry = glossary.entries[match.entryIndex]
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: line[copied..<match.range.lowerBound]))
                    result.append(contentsOf: "⟦".utf8)
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: line[match.range]))
                    result.append(UInt8(ascii: "|"))
                    if entry.options.status.isReportOnly { result.append(contentsOf: "!\(entry.options.status.rawValue)!".utf8) }
                    result.append(contentsOf: entry.target.utf8)
                    result.append(contentsOf: "⟧".utf8)
                    copied = match.range.upperBound
                }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: line[copied...]))
                return
            }
        case .substitute:
            glossary.substitute(inUTF8: line, into: &changed)
        case .placeholder:
            placeholders.replace(inUTF8: line, into: &changed)
        }
        if format == "text" {
            result += changed
            return
        }
        var json = "{\"text\":" + quotedJSON(String(decoding: line, as: UTF8.self))
        if action != .mark { json += ",\"output\":" + quotedJSON(String(decoding: changed, as: UTF8.self)) }
        json += ",\"matches\":["
        for (index, match) in matches.enumerated() {
            let entry = glossary.entries[match.entryIndex]
            if index > 0 { json += "," }
            json += "{\"start\":\(match.range.lowerBound),\"end\":\(match.range.upperBound)"
            json += ",\"surface\":" + quotedJSON(String(decoding: UnsafeBufferPointer(rebasing: line[match.range]), as: UTF8.self))
            json += ",\"source\":" + quotedJSON(entry.source)
            json += ",\"target\":" + quotedJSON(entry.target)
            json += ",\"form\":\"\(match.kind.rawValue)\""
            if entry.options.status != .preferred { json += ",\"status\":\"\(entry.options.status.rawValue)\"" }
            if entry.options.doNotTranslate { json += ",\"dnt\":true" }
            json += "}"
        }
        json += "]}"
        result += json.utf8
    }

    private func loadGlossary() throws(CLIError) -> Glossary {
        try BGTextGlossary.load(glossary, format: glossaryFormat, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }

    private func writeExpansion(_ glossary: Glossary, to sink: OutputSink) throws(CLIError) {
        for entry in glossary.entries {
            let forms = BulgarianInflection.standard.forms(of: entry)
            var line = entry.source + "\t" + entry.target + "\t"
            line += forms.map { $0.kind == .base ? $0.text : "\($0.text) (\($0.kind.rawValue))" }.joined(separator: ", ")
            try sink.write(line + "\n")
        }
    }
}

/// A JSON string literal (see `JSONValue.writeString`).
private func quotedJSON(_ text: String) -> String {
    var bytes: [UInt8] = []
    JSONValue.writeString(text, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
}
