import ArgumentParser
import BulgarianText

/// The opt-in normalization options, shared by `normalize`, `prep` and `restore`.
struct NormalizationFlags: ParsableArguments {
    @Flag(name: .long, help: "Repair UTF-8 that was read in a legacy code page and saved again (Р‘СЉР»РіР°СЂРёСЏ).")
    var fixMojibake = false

    @Flag(name: .long, help: "Make words that mix Cyrillic and Latin look-alikes single-script (Cофия).")
    var fixMixedScript = false

    @Flag(name: .long, help: "Delete stress marks (U+0301, U+0300) left after composition; й and ѝ stay.")
    var stripStress = false

    @Option(name: .long, help: ArgumentHelp("A punctuation profile: typography („…“ – …) or ascii (\" - ...).", valueName: "profile"))
    var profile: String?

    @Flag(name: .long, help: "NFKC instead of NFC, keeping № ² ³ and the no-break spaces.")
    var nfkc = false

    /// The library's options for these flags.
    func options() throws(CLIError) -> NormalizationOptions {
        var options = NormalizationOptions(fixMojibake: fixMojibake, fixMixedScript: fixMixedScript,
                                           stripStress: stripStress, compatibilityComposition: nfkc)
        if let profile {
            guard let chosen = NormalizationOptions.Profile(rawValue: profile) else {
                throw CLIError(message: "unknown profile '\(profile)' (expected typography or ascii)", code: .validationFailure)
            }
            options.profile = chosen
        }
        return options
    }
}
