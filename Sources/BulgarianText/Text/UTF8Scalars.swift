/// Decoding UTF-8 that is already known to be valid, for hot loops.
enum UTF8Scalars {
    /// The scalar at `index` and its length in bytes. The bytes must be valid
    /// UTF-8 and hold the whole sequence.
    @inline(__always)
    static func decode(_ bytes: UnsafePointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 {
            return (((lead & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F), 2)
        }
        if lead < 0xF0 {
            return (((lead & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6)
                    | (UInt32(bytes[index + 2]) & 0x3F), 3)
        }
        return (((lead & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12)
                | ((UInt32(bytes[index + 2]) & 0x3F) << 6) | (UInt32(bytes[index + 3]) & 0x3F), 4)
    }

    /// The start of the scalar that ends just before `index` (`index > lowerBound`).
    @inline(__always)
    static func previousStart(_ bytes: UnsafePointer<UInt8>, before index: Int, lowerBound: Int) -> Int {
        var start = index - 1
        while start > lowerBound && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// The length of the sequence that starts with `lead`.
    @inline(__always)
    static func length(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}
