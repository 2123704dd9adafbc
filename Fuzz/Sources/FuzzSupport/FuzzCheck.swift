import FuzzDriver

/// Stops the fuzzer with a message when an invariant does not hold: libFuzzer
/// records the input that did it as a crash.
public func fuzzCheck(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                             file: StaticString = #fileID, line: UInt = #line) {
    if !condition() {
        fatalError("invariant: \(message())", file: file, line: line)
    }
}

/// The fuzz input split into a selector byte and the rest.
public struct FuzzInput {
    /// The first byte (0 when the input is empty): picks options.
    public let selector: UInt8
    /// The bytes after the selector.
    public let bytes: [UInt8]

    /// Splits libFuzzer's buffer.
    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        let buffer = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
        selector = buffer.first ?? 0
        bytes = Array(buffer.dropFirst())
    }

    /// The bytes as a string when they are valid UTF-8.
    public var validString: String? {
        String(validating: bytes, as: UTF8.self)
    }
}

/// Whether the text contains a letter of the Bulgarian alphabet (А–я
/// without the Russian Ы, Э, ы, э).
public func containsBulgarianLetter(_ text: String) -> Bool {
    text.unicodeScalars.contains { scalar in
        (0x410...0x44F).contains(scalar.value) && ![0x42B, 0x42D, 0x44B, 0x44D].contains(scalar.value)
    }
}

/// Runs libFuzzer with the command line of the process and `target` as the
/// function under test; returns libFuzzer's exit status.
public func runFuzzer(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    return LLVMFuzzerRunDriver(&argc, &argv, target)
}
