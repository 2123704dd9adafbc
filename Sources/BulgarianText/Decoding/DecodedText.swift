/// Text decoded to UTF-8, with a map back to the bytes it was decoded from.
public struct DecodedText: Sendable {
    /// The decoded text as UTF-8 (a leading byte order mark is kept as U+FEFF;
    /// normalization removes it).
    public let utf8: [UInt8]
    /// The encoding it was decoded from.
    public let encoding: TextEncoding
    /// The length of the undecoded input.
    public let originalByteCount: Int
    /// Decoded offsets to original offsets.
    let map: OffsetMap

    init(utf8: [UInt8], encoding: TextEncoding, originalByteCount: Int, map: OffsetMap) {
        self.utf8 = utf8
        self.encoding = encoding
        self.originalByteCount = originalByteCount
        self.map = map
    }

    /// Whether the decoded bytes are the input bytes (UTF-8 input).
    var isUTF8Identity: Bool { encoding == .utf8 && map.isIdentity }

    /// The original byte range of a range of the decoded UTF-8.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        map.inputRange(range)
    }
}

/// Bytes that cannot be decoded in the encoding they were said to be in.
public struct DecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The encoding.
    public var encoding: TextEncoding
    /// The offset of the first byte that cannot be decoded.
    public var byteOffset: Int
    /// The bytes there (up to four), for the message.
    public var bytes: [UInt8]
    /// What is wrong with them.
    public var reason: String

    /// Creates an error.
    public init(encoding: TextEncoding, byteOffset: Int, bytes: [UInt8], reason: String) {
        self.encoding = encoding
        self.byteOffset = byteOffset
        self.bytes = bytes
        self.reason = reason
    }

    /// "invalid windows-1251 at byte 12 (0x98): …".
    public var description: String {
        let shown = UTF8LeadByte.hexList(bytes)
        return "invalid \(encoding) at byte \(byteOffset)" + (shown.isEmpty ? "" : " (\(shown))") + ": \(reason)"
    }
}
