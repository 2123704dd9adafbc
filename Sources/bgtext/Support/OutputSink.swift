#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where output goes: standard output, or a file written through a temporary
/// file in the same folder that is renamed over it only when complete, so a
/// failure never leaves a half-written file.
final class OutputSink {
    private let descriptor: Int32
    private let temporaryPath: String?
    /// The file written: the destination with its symbolic links followed.
    private let finalPath: String?
    /// The destination as the user named it, for messages.
    private let displayPath: String?
    private var buffer: [UInt8] = []
    private var committed = false

    /// Standard output.
    init() {
        descriptor = 1
        temporaryPath = nil
        finalPath = nil
        displayPath = nil
    }

    /// A file at `path`, replaced atomically by `commit()`.
    ///
    /// A destination that exists and is not a regular file — a character
    /// device such as `/dev/null` or `/dev/stdout`, a FIFO, a socket — is
    /// written directly: renaming a file over it would replace the device
    /// (as root, `-o /dev/null` left a regular file in its place), and its
    /// folder is usually not writable. `--in-place` (`inPlace`) replaces only
    /// regular files. A symbolic link is followed, as `>` in a shell follows
    /// it: the file it points to is replaced (or created, for a link to a
    /// missing file) and the link stays a link.
    init(path: String, inPlace: Bool = false) throws(CLIError) {
        let file = try Self.resolvingLinks(path)
        displayPath = path
        var info = stat()
        if stat(file, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
            // In place, the path is an input file too: its problems are the input's (exit 66).
            if (info.st_mode & S_IFMT) == S_IFDIR {
                throw CLIError(message: "\(path): is a directory", code: inPlace ? .noInput : .cannotCreate)
            }
            if inPlace {
                throw CLIError(message: "\(path): --in-place replaces regular files only", code: .noInput)
            }
            let descriptor = open(file, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw CLIError(message: "\(path): \(errorText(errno))", code: .cannotCreate)
            }
            self.descriptor = descriptor
            temporaryPath = nil
            finalPath = file
            return
        }
        var template = Array((file + ".bgtext-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw CLIError(message: "\(path): cannot create a temporary file beside it: \(errorText(errno))",
                           code: .cannotCreate)
        }
        self.descriptor = descriptor
        temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        finalPath = file
    }

    /// The path with its symbolic links followed (up to 40, as the kernel
    /// does): the file a rename must replace. Relative link targets are read
    /// from the link's folder; a link to a missing file gives that file's path.
    private static func resolvingLinks(_ path: String) throws(CLIError) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &target, target.count - 1)
            guard length > 0 else {
                throw CLIError(message: "\(path): \(errorText(errno))", code: .cannotCreate)
            }
            let link = String(decoding: target[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if link.hasPrefix("/") {
                current = link
            } else if let slash = current.lastIndex(of: "/") {
                current = String(current[...slash]) + link
            } else {
                current = link
            }
        }
        throw CLIError(message: "\(path): \(errorText(ELOOP))", code: .cannotCreate)
    }

    deinit {
        if let temporaryPath, !committed {
            SystemCalls.close(descriptor)
            unlink(temporaryPath)
        } else if temporaryPath == nil && finalPath != nil {
            // A device or FIFO written directly.
            SystemCalls.close(descriptor)
        }
    }

    /// Appends bytes, writing them out in large pieces.
    func write(_ bytes: some Sequence<UInt8>) throws(CLIError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Appends bytes; a large array goes out directly, without a copy into the buffer.
    func write(_ bytes: [UInt8]) throws(CLIError) {
        guard bytes.count >= 1 << 16 else {
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 16 { try flush() }
            return
        }
        try flush()
        try check(bytes.withUnsafeBytes { writeAll($0) })
    }

    /// Appends a string's UTF-8.
    func write(_ text: String) throws(CLIError) {
        try write(text.utf8)
    }

    /// Writes out what is buffered.
    func flush() throws(CLIError) {
        guard !buffer.isEmpty else { return }
        try check(buffer.withUnsafeBytes { writeAll($0) })
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes all of `bytes` to the descriptor; returns 0, or the `errno` of the failure.
    private func writeAll(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let result = SystemCalls.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if result < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += result
        }
        return 0
    }

    private func check(_ failure: Int32) throws(CLIError) {
        guard failure == 0 else {
            throw CLIError(message: "\(displayPath ?? "<stdout>"): \(errorText(failure))", code: .cannotCreate)
        }
    }

    /// Flushes; for a file, syncs it and renames it over the destination.
    func commit() throws(CLIError) {
        try flush()
        guard let temporaryPath, let finalPath, let displayPath else { return }
        if fsync(descriptor) != 0 || SystemCalls.close(descriptor) != 0 {
            throw CLIError(message: "\(displayPath): \(errorText(errno))", code: .cannotCreate)
        }
        committed = true
        var info = stat()
        if stat(finalPath, &info) == 0 {
            _ = chmod(temporaryPath, info.st_mode & 0o7777)
        } else {
            _ = chmod(temporaryPath, 0o644)
        }
        guard rename(temporaryPath, finalPath) == 0 else {
            let message = "\(displayPath): \(errorText(errno))"
            unlink(temporaryPath)
            throw CLIError(message: message, code: .cannotCreate)
        }
    }
}
