import ArgumentParser
import BulgarianText

struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Print the encoding of each file and how sure bgtext is.",
        discussion: """
            One line per file: FILE: ENCODING CONFIDENCE (0.00–1.00). A byte order mark
            decides; valid UTF-8 is utf-8. Otherwise a Bulgarian letter model scores
            windows-1251, koi8-r, iso-8859-5, cp866 and mik on the first 64 KiB; unlike
            ICU's detector it tells CP866 from MIK. The name printed is the one that
            `normalize --from` takes.

            \(ExitCode.documentation)
            """
    )

    @Argument(help: ArgumentHelp("Input files; standard input when none or `-`.", valueName: "file"))
    var files: [String] = []

    mutating func run() throws {
        do {
            try detectAll()
        } catch {
            throw error.thrown
        }
    }

    private func detectAll() throws(CLIError) {
        let sink = OutputSink()
        for path in files.isEmpty ? ["-"] : files {
            let input = try InputSource.open(path)
            defer { input.close() }
            var sample: [UInt8] = []
            while sample.count < EncodingDetector.sampleByteCount, let chunk = try input.read() { sample += chunk }
            let detection = EncodingDetector.detect(sample)
            try sink.write("\(input.name): \(detection.encoding) \(Self.formatted(detection.confidence))\n")
        }
        try sink.commit()
    }

    /// A confidence with two decimals ("0.97").
    static func formatted(_ confidence: Double) -> String {
        let hundredths = Int((min(max(confidence, 0), 1) * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
