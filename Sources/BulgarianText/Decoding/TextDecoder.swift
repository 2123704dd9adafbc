/// Decodes bytes in a named encoding to UTF-8, keeping the map back to the
/// original bytes.
public enum TextDecoder {
    /// Decodes `bytes`.
    ///
    /// - Parameters:
    ///   - bytes: The input, in `encoding`.
    ///   - encoding: The encoding to read it in.
    ///   - lossy: Replace undecodable bytes with U+FFFD instead of throwing.
    /// - Throws: `DecodingError` with the byte offset of the first undecodable byte.
    public static func decode(_ bytes: [UInt8], as encoding: TextEncoding, lossy: Bool = false) throws(DecodingError) -> DecodedText {
        switch encoding {
        case .utf8: return try decodeUTF8(bytes, lossy: lossy)
        case .utf16, .utf16LittleEndian, .utf16BigEndian: return try decodeUTF16(bytes, encoding: encoding, lossy: lossy)
        default: return try decodeSingleByte(bytes, encoding: encoding, page: encoding.codePage!, lossy: lossy)
        }
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    private static func decodeUTF8(_ bytes: [UInt8], lossy: Bool) throws(DecodingError) -> DecodedText {
        let valid = bytes.withUnsafeBufferPointer { UTF8Validation.validPrefixLength($0) }
        if valid == bytes.count {
            return DecodedText(utf8: bytes, encoding: .utf8, originalByteCount: bytes.count, map: OffsetMap())
        }
        guard lossy else {
            throw DecodingError(encoding: .utf8, byteOffset: valid, bytes: Array(bytes[valid..<min(valid + 4, bytes.count)]),
                                reason: "not UTF-8")
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var map = OffsetMap()
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                let length = UTF8Validation.sequenceLength(buffer, at: index)
                if length > 0 {
                    output.append(contentsOf: buffer[index..<index + length])
                    index += length
                    continue
                }
                let bad = invalidSubpartLength(buffer, at: index)
                let start = output.count
                output += replacement
                map.append(input: index..<index + bad, output: start..<output.count)
                index += bad
            }
        }
        return DecodedText(utf8: output, encoding: .utf8, originalByteCount: bytes.count, map: map)
    }

    /// The maximal subpart of an ill-formed sequence (Unicode's U+FFFD
    /// practice): the lead and the continuation bytes that fit it, at least one byte.
    private static func invalidSubpartLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        guard let (length, second) = UTF8LeadByte.shape(bytes[index]) else { return 1 }
        var consumed = 1
        while consumed < length && index + consumed < bytes.count {
            let range = consumed == 1 ? second : 0x80...0xBF
            if !range.contains(bytes[index + consumed]) { break }
            consumed += 1
        }
        return consumed
    }

    private static func decodeUTF16(_ bytes: [UInt8], encoding: TextEncoding, lossy: Bool) throws(DecodingError) -> DecodedText {
        var littleEndian = encoding == .utf16LittleEndian
        if encoding == .utf16 {
            if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
                littleEndian = true
            } else if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
                littleEndian = false
            } else {
                throw DecodingError(encoding: encoding, byteOffset: 0, bytes: Array(bytes.prefix(2)),
                                    reason: "no byte order mark; name the byte order with utf-16le or utf-16be")
            }
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 2)
        var map = OffsetMap()
        func unit(_ offset: Int) -> UInt32 {
            littleEndian ? UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
                : UInt32(bytes[offset]) << 8 | UInt32(bytes[offset + 1])
        }
        var index = 0
        while index < bytes.count {
            var scalar: UInt32
            var length = 2
            var problem: String?
            if index + 1 >= bytes.count {
                scalar = 0xFFFD
                length = 1
                problem = "an odd byte at the end"
            } else {
                scalar = unit(index)
                if (0xD800...0xDBFF).contains(scalar) {
                    if index + 3 < bytes.count, (0xDC00...0xDFFF).contains(unit(index + 2)) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (unit(index + 2) - 0xDC00)
                        length = 4
                    } else {
                        problem = "an unpaired surrogate"
                    }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    problem = "an unpaired surrogate"
                }
            }
            if let problem {
                guard lossy else {
                    throw DecodingError(encoding: encoding, byteOffset: index,
                                        bytes: Array(bytes[index..<min(index + 4, bytes.count)]), reason: problem)
                }
                scalar = 0xFFFD
            }
            let start = output.count
            output.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
            map.append(input: index..<index + length, output: start..<output.count)
            index += length
        }
        return DecodedText(utf8: output, encoding: encoding, originalByteCount: bytes.count, map: map)
    }

    private static func decodeSingleByte(_ bytes: [UInt8], encoding: TextEncoding, page: SingleByteCodePage,
                                         lossy: Bool) throws(DecodingError) -> DecodedText {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var map = OffsetMap()
        let encoded = page.utf8
        for (index, byte) in bytes.enumerated() {
            if byte < 0x80 && page.scalars[Int(byte)] == UInt32(byte) {
                output.append(byte)
                continue
            }
            var utf8 = encoded[Int(byte)]
            if utf8.isEmpty {
                guard lossy else {
                    throw DecodingError(encoding: encoding, byteOffset: index, bytes: [byte],
                                        reason: "the byte has no character in \(page.name)")
                }
                utf8 = replacement
            }
            let start = output.count
            output += utf8
            if utf8.count != 1 || utf8[0] != byte {
                map.append(input: index..<index + 1, output: start..<output.count)
            }
        }
        return DecodedText(utf8: output, encoding: encoding, originalByteCount: bytes.count, map: map)
    }

    /// Encodes text in an encoding, for writing legacy files and for tests.
    ///
    /// - Returns: nil when a character has no byte in the encoding.
    public static func encode(_ text: String, as encoding: TextEncoding) -> [UInt8]? {
        switch encoding {
        case .utf8: return Array(text.utf8)
        case .utf16, .utf16LittleEndian, .utf16BigEndian:
            let little = encoding != .utf16BigEndian
            var bytes: [UInt8] = encoding == .utf16 ? [0xFF, 0xFE] : []
            for unit in text.utf16 {
                let low = UInt8(unit & 0xFF), high = UInt8(unit >> 8)
                bytes += little ? [low, high] : [high, low]
            }
            return bytes
        default:
            let page = encoding.codePage!
            var bytes: [UInt8] = []
            for scalar in text.unicodeScalars {
                if scalar.value < 0x80 && page.scalars[Int(scalar.value)] == scalar.value {
                    bytes.append(UInt8(scalar.value))
                } else if let byte = page.bytes[scalar.value] {
                    bytes.append(byte)
                } else {
                    return nil
                }
            }
            return bytes
        }
    }
}
