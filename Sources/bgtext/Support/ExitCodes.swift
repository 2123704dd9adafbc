import ArgumentParser
import BulgarianText

extension ExitCode {
    /// Input that is not what it should be: invalid UTF-8, a malformed table (sysexits EX_DATAERR).
    static let dataError = ExitCode(65)
    /// An input file that cannot be read: missing, a directory, no permission (EX_NOINPUT).
    static let noInput = ExitCode(66)
    /// An internal failure, such as an ICU error (EX_SOFTWARE).
    static let internalError = ExitCode(70)
    /// An output file that cannot be written (EX_CANTCREAT).
    static let cannotCreate = ExitCode(73)

    /// The exit codes, for `--help`.
    static let documentation = """
        Exit codes:
          0   success
          64  bad usage: an unknown option or system, a missing argument
          65  bad data: invalid UTF-8 (with --lossy it is replaced instead),
              a malformed table, exceptions or rule file
          66  an input file is missing, a directory, or unreadable
          70  internal error (ICU failed)
          73  the output cannot be written
        """
}

/// An error the CLI reports in one line and exits with.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var code: ExitCode

    var description: String { message }
}

extension CLIError {
    /// The error for a failure while processing the input `name`: CLI errors
    /// pass through, invalid UTF-8 is a data error that suggests `--lossy`,
    /// anything else (ICU) is internal.
    init(processing name: String, _ error: any Error) {
        switch error {
        case let error as CLIError:
            self = error
        case let error as InvalidUTF8Error:
            self.init(message: "\(name): \(error); use --lossy to replace invalid bytes with U+FFFD", code: .dataError)
        default:
            self.init(message: "\(name): \(error)", code: .internalError)
        }
    }
}
