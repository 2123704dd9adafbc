import ArgumentParser
import BulgarianText

@main
struct BGText: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bgtext",
        abstract: "Prepare Bulgarian text for translation.",
        discussion: ExitCode.documentation,
        version: "bgtext \(BulgarianText.version) (ICU \(ICULibrary.version))",
        subcommands: [
            PrepCommand.self, RestoreCommand.self, NormalizeCommand.self, DetectCommand.self,
            SegmentCommand.self, GlossaryCommand.self, TranslitCommand.self,
        ]
    )
}
