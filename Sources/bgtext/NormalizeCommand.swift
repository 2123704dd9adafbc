import ArgumentParser
import BulgarianText

struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Clean Bulgarian text without losing meaning.",
        discussion: """
            Reads the files (or standard input) and writes normalized UTF-8 to standard
            output. Always: a leading BOM is removed; CR LF and CR become LF; NFC (ѝ stays,
            и + U+0300 becomes ѝ); soft hyphens, zero-width characters, bidi controls and
            C0/C1 controls other than tab and newline are deleted (never replaced by a
            space); U+2000–U+200A and U+3000 become a space. NBSP, U+202F, quotes, dashes,
            number formats, spacing and line structure are left as they are.

            Input must be UTF-8 unless --from names its encoding: utf-8, utf-16 (with a
            BOM), utf-16le, utf-16be, windows-1251, koi8-r, iso-8859-5, cp866, mik, or auto.

            --explain prints every change on standard error, one per line:
            FILE:OFFSET: KIND: "BEFORE" → "AFTER", where OFFSET is the byte offset in the
            original file and invisible characters are written \\u{XXXX}.
            --check writes no text: it lists the files normalization would change and
            exits with 1 if there is any.

            \(ExitCode.documentation)
              1   --check: some file would change
            """
    )

    @Option(name: .long, help: ArgumentHelp("The input encoding, or auto to detect it.", valueName: "encoding"))
    var from: String?

    @OptionGroup var normalization: NormalizationFlags

    @Flag(name: .long, help: "Print every change on standard error.")
    var explain = false

    @Flag(name: .long, help: "Write nothing; exit with 1 if normalization would change a file.")
    var check = false

    @Flag(name: .long, help: "Replace each file with its normalized text (atomically).")
    var inPlace = false

    @Flag(name: .long, help: "Replace undecodable bytes with U+FFFD instead of stopping.")
    var lossy = false

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Argument(help: ArgumentHelp("Input files; standard input when none or `-`.", valueName: "file"))
    var files: [String] = []

    mutating func run() throws {
        let changedFiles: Int
        do {
            changedFiles = try normalizeAll()
        } catch {
            throw error.thrown
        }
        if check && changedFiles > 0 { throw ExitCode(1) }
    }

    private func makeNormalizer() throws(CLIError) -> Normalizer {
        let options = try normalization.options()
        do {
            return try Normalizer(options: options)
        } catch {
            throw CLIError(message: "cannot build the normalizer: \(error)", code: .internalError)
        }
    }

    private func validate(inputs: [String]) throws(CLIError) {
        if inPlace && (output != nil || check) {
            throw CLIError(message: "--in-place writes each file itself: it cannot be combined with --output or --check", code: .validationFailure)
        }
        if check && output != nil {
            throw CLIError(message: "--check writes no text: it cannot be combined with --output", code: .validationFailure)
        }
        if inPlace && inputs.contains("-") {
            throw CLIError(message: "--in-place needs files: standard input cannot be replaced", code: .validationFailure)
        }
        if let from, from != "auto", TextEncoding(name: from) == nil {
            let names = TextEncoding.allCases.map(\.description).joined(separator: ", ")
            throw CLIError(message: "unknown encoding '\(from)' (expected auto, \(names))", code: .validationFailure)
        }
    }

    /// Normalizes every input; returns how many would change.
    private func normalizeAll() throws(CLIError) -> Int {
        let inputs = files.isEmpty ? ["-"] : files
        try validate(inputs: inputs)
        let normalizer = try makeNormalizer()
        let sink: OutputSink? = check || inPlace ? nil : try output.map { path throws(CLIError) in try OutputSink(path: path) } ?? OutputSink()
        var changedFiles = 0
        for path in inputs {
            let input = try InputSource.open(path)
            defer { input.close() }
            // In place, the text goes to a temporary file beside the original,
            // renamed over it only when the whole file is done and changed.
            let fileSink = inPlace ? try OutputSink(path: path, inPlace: true) : nil
            var file = FileState(name: input.name, sink: fileSink ?? sink)
            if from == nil {
                // UTF-8: streamed in pieces of whole lines (no step looks across a line end).
                // Only each new chunk is searched for a line end, so a long line
                // costs one scan, not one per chunk.
                var pending: [UInt8] = []
                var lastNewline: Int?
                while let chunk = try input.read() {
                    if let newline = chunk.lastIndex(of: 0x0A) { lastNewline = pending.count + newline }
                    pending += chunk
                    if pending.count >= Self.pieceSize, let cut = lastNewline {
                        let piece = Array(pending[...cut])
                        pending.removeFirst(cut + 1)
                        lastNewline = nil
                        try normalizePiece(piece, with: normalizer, file: &file)
                    }
                }
                if !pending.isEmpty || file.offset == 0 { try normalizePiece(pending, with: normalizer, file: &file) }
            } else {
                let bytes = try input.readAll()
                try normalizePiece(bytes, with: normalizer, file: &file)
            }
            if file.changeCount > 0 || file.changed { changedFiles += 1 }
            if check && (file.changeCount > 0 || file.changed) {
                let count = file.changeCount
                try standardOutput("\(input.name): would change (\(count == 0 ? "decoding only" : count == 1 ? "1 change" : "\(count) changes"))\n")
            }
            if let fileSink, file.changed { try fileSink.commit() }
        }
        try sink?.commit()
        return changedFiles
    }

    /// How much UTF-8 is normalized at a time (then cut after the last line end).
    static let pieceSize = 1 << 20

    /// What is known about one input while its pieces go by.
    private struct FileState {
        let name: String
        let sink: OutputSink?
        /// The original offset of the next piece.
        var offset = 0
        var changed = false
        var changeCount = 0
    }

    private func normalizePiece(_ bytes: [UInt8], with normalizer: Normalizer, file: inout FileState) throws(CLIError) {
        let decoded = try decode(bytes, name: file.name, baseOffset: file.offset)
        let result: NormalizedText
        do {
            result = try normalizer.normalize(decoded)
        } catch {
            throw CLIError(message: "\(file.name): \(error)", code: .internalError)
        }
        if explain { printExplanation(result, decoded: decoded, name: file.name, baseOffset: file.offset) }
        file.changed = file.changed || !result.isUnchanged
        file.changeCount += result.changes.count
        file.offset += bytes.count
        if !check { try file.sink?.write(result.utf8) }
    }

    /// The input as UTF-8 with its map back to the bytes.
    private func decode(_ bytes: [UInt8], name: String, baseOffset: Int) throws(CLIError) -> DecodedText {
        var encoding = TextEncoding.utf8
        if let from {
            if from == "auto" {
                let detection = EncodingDetector.detect(bytes)
                encoding = detection.encoding
                if explain {
                    StandardError.write("\(name): detected \(encoding) (confidence \(DetectCommand.formatted(detection.confidence)))\n")
                }
            } else {
                encoding = TextEncoding(name: from)!
            }
        }
        do {
            return try TextDecoder.decode(bytes, as: encoding, lossy: lossy)
        } catch {
            if from == nil {
                let invalid = InvalidUTF8Error(byteOffset: baseOffset + error.byteOffset, bytes: error.bytes)
                throw CLIError(message: "\(name): \(invalid); is it in another encoding? Try --from auto, or --lossy to replace invalid bytes with U+FFFD",
                               code: .dataError)
            }
            throw CLIError(message: "\(name): \(error); use --lossy to replace undecodable bytes with U+FFFD", code: .dataError)
        }
    }

    private func printExplanation(_ result: NormalizedText, decoded: DecodedText, name: String, baseOffset: Int) {
        var lines = ""
        if from != nil {
            lines += "\(name): decoded from \(decoded.encoding)\n"
        }
        // By position in the file; changes at one position in the order they were made.
        let ordered = result.changes.enumerated().sorted {
            ($0.element.originalRange.lowerBound, $0.offset) < ($1.element.originalRange.lowerBound, $1.offset)
        }.map(\.element)
        for change in ordered {
            // Only the first piece of a file starts the file: U+FEFF elsewhere is an invisible character.
            let kind = change.kind == .byteOrderMark && baseOffset > 0 ? .invisible : change.kind
            lines += "\(name):\(baseOffset + change.originalRange.lowerBound): \(kind.rawValue): \"\(Self.escaped(change.before))\" → \"\(Self.escaped(change.after))\"\n"
        }
        StandardError.write(lines)
    }

    /// Text with invisible, control and combining characters written as `\u{XXXX}`.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let invisible = value < 0x20 || (0x7F...0xA0).contains(value) || value == 0xAD
                || (0x0300...0x036F).contains(value) || (0x2000...0x200F).contains(value)
                || (0x2028...0x202F).contains(value) || (0x205F...0x206F).contains(value)
                || value == 0x3000 || value == 0xFEFF
            if invisible {
                result += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
            } else if scalar == "\"" || scalar == "\\" {
                result += "\\" + String(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private func standardOutput(_ text: String) throws(CLIError) {
        let sink = OutputSink()
        try sink.write(text)
        try sink.commit()
    }
}
