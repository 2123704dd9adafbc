import ArgumentParser
import BulgarianText

/// The options that decide how `prep` (and `restore --original`, which must
/// prepare the original the same way) turns a document into segments.
struct PreparationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The input encoding (utf-8, utf-16, windows-1251, koi8-r, iso-8859-5, cp866, mik) or auto.", valueName: "encoding"))
    var from: String?

    @Flag(name: .long, help: "Replace undecodable bytes with U+FFFD instead of stopping.")
    var lossy = false

    @OptionGroup var normalization: NormalizationFlags

    @Option(name: .long, help: ArgumentHelp("More abbreviations for segmentation (the format of tables/segmentation/).", valueName: "file"))
    var abbreviations: String?

    @Flag(name: .long, help: "A single line break inside a sentence is a wrap, not a boundary.")
    var softWrap = false

    @Option(name: .long, help: ArgumentHelp("A preset of metadata and boilerplate patterns from tables/prep/ (news).", valueName: "name"))
    var preset: String?

    @Option(name: .long, help: ArgumentHelp("Metadata and boilerplate patterns of your own (the format of tables/prep/news.txt).", valueName: "file"))
    var spans: String?

    @Option(name: .long, help: ArgumentHelp("A glossary: TSV, CSV or TBX.", valueName: "file"))
    var glossary: String?

    @Option(name: .long, help: "What to do with glossary matches: mark, substitute or placeholder.")
    var action: String = "mark"

    /// Whether the input must be read whole before preparing (detection, UTF-16).
    var needsWholeInput: Bool {
        guard let from else { return false }
        return from == "auto" || TextEncoding(name: from).map { $0.isMultiByteWide } ?? false
    }

    /// The pipeline these options describe, with `detected` standing for `--from auto`.
    func makePipeline(detected: TextEncoding? = nil) throws(CLIError) -> Pipeline {
        var options = Pipeline.Options()
        options.lossy = lossy
        if let from, from != "auto" {
            guard let encoding = TextEncoding(name: from) else {
                let names = TextEncoding.allCases.map(\.description).joined(separator: ", ")
                throw CLIError(message: "unknown encoding '\(from)' (expected auto, \(names))", code: .validationFailure)
            }
            options.encoding = encoding
        } else if let detected {
            options.encoding = detected
        }
        options.normalization = try normalization.options()
        var abbreviationTable = AbbreviationTable.builtIn
        if let abbreviations {
            let text = try InputSource.readText(abbreviations)
            do {
                abbreviationTable = abbreviationTable.merging(try AbbreviationTable(parsing: text, source: abbreviations))
            } catch {
                throw CLIError(message: error.description, code: .dataError)
            }
        }
        options.segmentation = Segmenter.Options(abbreviations: abbreviationTable, softWrap: softWrap)
        if let preset {
            guard let patterns = SpanPatterns.preset(preset) else {
                throw CLIError(message: "unknown preset '\(preset)' (expected \(SpanPatterns.presetNames.joined(separator: ", ")))", code: .validationFailure)
            }
            options.spans = patterns
        }
        if let spans {
            let text = try InputSource.readText(spans)
            do {
                options.spans = options.spans.merging(try SpanPatterns(parsing: text, source: spans))
            } catch {
                throw CLIError(message: error.description, code: .dataError)
            }
        }
        guard let glossaryAction = Pipeline.GlossaryAction(rawValue: action) else {
            throw CLIError(message: "unknown action '\(action)' (expected mark, substitute or placeholder)", code: .validationFailure)
        }
        options.glossaryAction = glossaryAction
        if let glossary {
            options.glossary = try BGTextGlossary.load(glossary)
        }
        do {
            return try Pipeline(options: options)
        } catch {
            throw CLIError(message: "cannot build the pipeline: \(error)", code: .internalError)
        }
    }
}

extension TextEncoding {
    /// Encodings whose line feed is not the single byte 0x0A, so that blocks
    /// cannot be cut at byte level.
    var isMultiByteWide: Bool {
        description.hasPrefix("utf-16")
    }
}
