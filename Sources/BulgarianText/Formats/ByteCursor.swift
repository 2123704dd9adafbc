/// Writes bytes through a pointer into memory reserved beforehand: the one
/// place where the fast writers (`SegmentJSONL`) touch raw memory. The caller
/// guarantees room for everything written (`JSONEscaping.bound`).
struct ByteCursor {
    private(set) var position: UnsafeMutablePointer<UInt8>
    /// Just past the memory reserved.
    let limit: UnsafeMutablePointer<UInt8>

    init(_ start: UnsafeMutablePointer<UInt8>, room: Int) {
        position = start
        limit = start + room
    }

    /// Whether `fixed` bytes and JSON strings of `strings` UTF-8 bytes in all
    /// fit in the room left.
    @inline(__always) func fits(_ fixed: Int, _ strings: Int) -> Bool {
        limit - position >= fixed + 6 * strings
    }

    @inline(__always) mutating func byte(_ value: UInt8) {
        position.initialize(to: value)
        position += 1
    }

    @inline(__always) mutating func raw(_ text: StaticString) {
        let count = text.utf8CodeUnitCount
        position.initialize(from: text.utf8Start, count: count)
        position += count
    }

    @inline(__always) mutating func bytes(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress else { return }
        position.initialize(from: base, count: buffer.count)
        position += buffer.count
    }

    /// `{"start":N,"end":M` for an annotation's range.
    mutating func span(_ range: Range<Int>) {
        raw("{\"start\":"); integer(range.lowerBound)
        raw(",\"end\":"); integer(range.upperBound)
    }

    /// An integer's decimal digits (at most 20 bytes), two at a time.
    mutating func integer(_ value: Int) {
        if value >= 0 && value < 10 {
            byte(UInt8(ascii: "0") + UInt8(value))
            return
        }
        if value < 0 { byte(UInt8(ascii: "-")) }
        var rest = value.magnitude
        var digits = 1
        var power: UInt = 10
        while digits < 20 && rest >= power {
            digits += 1
            power = power &* 10
        }
        var index = digits
        while rest >= 10 {
            let pair = UInt8(truncatingIfNeeded: rest % 100)
            rest /= 100
            index -= 2
            (position + index).initialize(to: UInt8(ascii: "0") + pair / 10)
            (position + index + 1).initialize(to: UInt8(ascii: "0") + pair % 10)
        }
        if index == 1 { position.initialize(to: UInt8(ascii: "0") + UInt8(rest)) }
        position += digits
    }

    /// A JSON string literal for valid UTF-8 (at most 6 bytes per byte, plus
    /// the quotes), escaped as `JSONValue.writeString(utf8:to:)` escapes:
    /// the scan and the copy are one pass, eight bytes at a time.
    mutating func jsonString(_ text: UnsafeBufferPointer<UInt8>) {
        byte(UInt8(ascii: "\""))
        if let base = text.baseAddress {
            let source = UnsafeRawPointer(base)
            let count = text.count
            var index = 0
            while index < count {
                if index + 8 <= count {
                    let word = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    if !JSONValue.mayNeedEscape(word) {
                        UnsafeMutableRawPointer(position).storeBytes(of: word, as: UInt64.self)
                        position += 8
                        index += 8
                        continue
                    }
                }
                index += escaped(base, at: index, count: count)
            }
        }
        byte(UInt8(ascii: "\""))
    }

    /// A string as `jsonString(_:)` writes UTF-8.
    mutating func jsonString(_ text: String) {
        // Native strings hand out their bytes in place; only others are copied.
        if text.utf8.withContiguousStorageIfAvailable({ jsonString($0) }) == nil {
            var copy = text
            copy.withUTF8 { jsonString($0) }
        }
    }

    /// Writes the character at `index`, escaped if need be; returns how many bytes it read.
    private mutating func escaped(_ text: UnsafePointer<UInt8>, at index: Int, count: Int) -> Int {
        let value = text[index]
        switch value {
        case 0x22: raw("\\\"")
        case 0x5C: raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        case 0x08: raw("\\b")
        case 0x0C: raw("\\f")
        case 0x00...0x1F, 0x7F: unicodeEscape(Int(value))
        case 0xE2 where index + 2 < count && text[index + 1] == 0x80 && (text[index + 2] == 0xA8 || text[index + 2] == 0xA9):
            unicodeEscape(text[index + 2] == 0xA8 ? 0x2028 : 0x2029)
            return 3
        default: byte(value)
        }
        return 1
    }

    private mutating func unicodeEscape(_ value: Int) {
        raw("\\u")
        for shift in stride(from: 12, through: 0, by: -4) {
            let digit = UInt8((value >> shift) & 0xF)
            byte(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
    }
}

/// Sizes for `ByteCursor`.
enum JSONEscaping {
    /// The most bytes a JSON string literal of `count` UTF-8 bytes can take.
    @inline(__always) static func bound(_ count: Int) -> Int {
        6 * count + 2
    }
}
