#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser


extension CLIError {
    /// What a command throws for this error: usage problems go to
    /// ArgumentParser (usage and exit 64); anything else is printed as one line
    /// on standard error and becomes the exit code.
    var thrown: Error {
        if code == .validationFailure { return ValidationError(message) }
        StandardError.write("bgtext: error: \(message)\n")
        return code
    }
}

/// Writes straight to file descriptor 2.
enum StandardError {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in
                SystemCalls.write(2, raw.baseAddress! + offset, raw.count - offset)
            }
            if written <= 0 { return }
            offset += written
        }
    }
}
