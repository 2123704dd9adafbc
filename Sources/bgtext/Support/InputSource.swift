import BulgarianText

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file or standard input, read in chunks.
struct InputSource {
    /// The name used in messages: the path, or `<stdin>`.
    let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool

    /// Standard input.
    static var standardInput: InputSource { InputSource(name: "<stdin>", descriptor: 0, owns: false) }

    private init(name: String, descriptor: Int32, owns: Bool) {
        self.name = name
        self.descriptor = descriptor
        self.ownsDescriptor = owns
    }

    /// Opens a path; `-` is standard input.
    static func open(_ path: String) throws(CLIError) -> InputSource {
        if path == "-" { return .standardInput }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw CLIError(message: "\(path): \(errorText(errno))", code: .noInput)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw CLIError(message: "\(path): is a directory", code: .noInput)
        }
        let descriptor = SystemCalls.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CLIError(message: "\(path): \(errorText(errno))", code: .noInput)
        }
        return InputSource(name: path, descriptor: descriptor, owns: true)
    }

    /// The next chunk, or nil at the end.
    func read(upTo count: Int = 1 << 16) throws(CLIError) -> [UInt8]? {
        var failure: Int32 = 0
        let chunk = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            while true {
                let result = SystemCalls.read(descriptor, buffer.baseAddress, count)
                if result < 0 && errno == EINTR { continue }
                if result < 0 { failure = errno; initialized = 0 } else { initialized = result }
                return
            }
        }
        if failure != 0 { throw CLIError(message: "\(name): \(errorText(failure))", code: .noInput) }
        return chunk.isEmpty ? nil : chunk
    }

    /// The size of a regular file, or nil (standard input, a pipe).
    var size: Int? {
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Everything that is left.
    func readAll() throws(CLIError) -> [UInt8] {
        var all: [UInt8] = []
        while let chunk = try read() { all += chunk }
        return all
    }

    func close() {
        if ownsDescriptor { SystemCalls.close(descriptor) }
    }
}

extension InputSource {
    /// The whole file (or standard input) as text, for tables and rule files.
    /// Invalid UTF-8 is a data error naming the path and byte offset.
    static func readText(_ path: String) throws(CLIError) -> String {
        String(decoding: try readUTF8(path), as: UTF8.self)
    }

    /// A whole file that must be UTF-8 (a table, a glossary), with its name
    /// and the byte offset in the error when it is not.
    static func readUTF8(_ path: String) throws(CLIError) -> [UInt8] {
        let input = try InputSource.open(path)
        defer { input.close() }
        let bytes = try input.readAll()
        do {
            try bytes.withUnsafeBufferPointer { buffer throws(InvalidUTF8Error) in try UTF8Validation.validate(buffer) }
        } catch {
            throw CLIError(message: "\(path): \(error)", code: .dataError)
        }
        return bytes
    }
}

/// The system's message for an errno value.
func errorText(_ code: Int32) -> String {
    String(cString: strerror(code))
}
