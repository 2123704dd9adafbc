/// UTF-8 input that is not valid UTF-8.
public struct InvalidUTF8Error: Error, Sendable, Hashable, CustomStringConvertible {
    /// The offset of the first byte of the invalid sequence, from the start of the input.
    public var byteOffset: Int
    /// The bytes at that offset (up to four), for the message.
    public var bytes: [UInt8]

    /// Creates an error for the sequence at `byteOffset`.
    public init(byteOffset: Int, bytes: [UInt8]) {
        self.byteOffset = byteOffset
        self.bytes = bytes
    }

    public var description: String {
        "invalid UTF-8 at byte \(byteOffset)" + (bytes.isEmpty ? "" : " (\(UTF8LeadByte.hexList(bytes)))")
    }
}

/// Validating and repairing UTF-8 without Foundation.
public enum UTF8Validation {
    /// The length of the longest prefix of `bytes` that is valid UTF-8 and
    /// ends on a whole character; the rest starts with an invalid or
    /// incomplete sequence.
    public static func validPrefixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // Fast path for two-byte characters (all of Cyrillic).
            if lead >= 0xC2 && lead <= 0xDF && index + 1 < count && bytes[index + 1] & 0xC0 == 0x80 {
                index += 2
                continue
            }
            let length = sequenceLength(bytes, at: index)
            if length <= 0 { return index }
            index += length
        }
        return index
    }

    /// The length of the valid sequence at `index`, 0 when it is invalid, or
    /// -1 when it is a valid but incomplete start that more bytes could finish.
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        guard let (length, second) = UTF8LeadByte.shape(lead) else { return 0 }
        for offset in 1..<length {
            guard index + offset < bytes.count else { return -1 }
            let byte = bytes[index + offset]
            guard offset == 1 ? second.contains(byte) : (0x80...0xBF).contains(byte) else { return 0 }
        }
        return length
    }

    /// Throws `InvalidUTF8Error` at the first invalid byte; `baseOffset` is added
    /// to the reported offset (for a chunk of a longer stream).
    public static func validate(_ bytes: UnsafeBufferPointer<UInt8>, baseOffset: Int = 0) throws(InvalidUTF8Error) {
        let valid = validPrefixLength(bytes)
        if valid < bytes.count {
            throw InvalidUTF8Error(byteOffset: baseOffset + valid,
                                   bytes: Array(bytes[valid..<min(valid + 4, bytes.count)]))
        }
    }

    /// A copy of `bytes` with every invalid sequence replaced by U+FFFD
    /// (one per maximal invalid subpart, as the Unicode standard recommends).
    public static func repairing(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        Array(String(decoding: bytes, as: UTF8.self).utf8)
    }
}
