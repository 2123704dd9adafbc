import ArgumentParser
import BulgarianText

@main
struct BGText: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bgtext",
        abstract: "Prepare Bulgarian text for translation.",
        discussion: ExitCode.documentation,
        version: "bgtext \(BulgarianText.version) (ICU \(ICULibrary.version))",
        subcommands: [TranslitCommand.self, NormalizeCommand.self, DetectCommand.self]
    )
}
