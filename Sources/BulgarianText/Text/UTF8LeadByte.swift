/// What a UTF-8 lead byte promises: the length of its sequence and the range
/// its second byte must fall in (narrower after E0, ED, F0 and F4, which
/// rules out overlong forms, surrogates and scalars above U+10FFFF).
enum UTF8LeadByte {
    /// The shape of the sequence `lead` starts, or nil for ASCII and for
    /// bytes that cannot start a multi-byte sequence.
    @inline(__always)
    static func shape(_ lead: UInt8) -> (length: Int, second: ClosedRange<UInt8>)? {
        switch lead {
        case 0xC2...0xDF: (2, 0x80...0xBF)
        case 0xE0: (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80...0xBF)
        case 0xED: (3, 0x80...0x9F)
        case 0xF0: (4, 0x90...0xBF)
        case 0xF1...0xF3: (4, 0x80...0xBF)
        case 0xF4: (4, 0x80...0x8F)
        default: nil
        }
    }

    /// The bytes as `0xC4 0xE0`, for messages.
    static func hexList(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let hex = String(byte, radix: 16, uppercase: true)
            return "0x" + (hex.count == 1 ? "0" + hex : hex)
        }.joined(separator: " ")
    }
}
