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
        let shown = bytes.map { byte in
            let hex = String(byte, radix: 16, uppercase: true)
            return "0x" + (hex.count == 1 ? "0" + hex : hex)
        }.joined(separator: " ")
        return "invalid UTF-8 at byte \(byteOffset)" + (shown.isEmpty ? "" : " (\(shown))")
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
        let available = bytes.count - index
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool? {
            if offset >= available { return nil }
            return range.contains(bytes[index + offset])
        }
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return 0
        }
        for offset in 1..<length {
            switch continuation(offset, offset == 1 ? secondRange : 0x80...0xBF) {
            case .none: return -1
            case .some(false): return 0
            case .some(true): continue
            }
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
