import ArgumentParser
import BulgarianText
#if canImport(Glibc)
import Glibc
#endif

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

    /// ArgumentParser's own `main()`, after `AllocatorTuning.apply()`.
    static func main() async {
        AllocatorTuning.apply()
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// Keeps the arrays of a few megabytes that prep allocates and frees for
/// every block (its text, segments, output) in glibc's heap. Above glibc's
/// mmap threshold each was a fresh mapping, faulted in page by page and
/// unmapped when freed: with `--jobs 2`, 0.3 s of system time on a 128 MiB
/// input (0.08 s kept in the heap), a tenth of the CPU time. Arrays from
/// 32 MiB up are still mapped and unmapped (a 100 MB line's arrays would
/// otherwise stay in the heap), so memory stays bounded by the blocks in flight.
enum AllocatorTuning {
    static func apply() {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which the Glibc module leaves
        // out; its options M_MMAP_THRESHOLD (-3) and M_TRIM_THRESHOLD (-1).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(-3, 32 << 20)
        _ = mallopt(-1, 64 << 20)
        #endif
    }
}
