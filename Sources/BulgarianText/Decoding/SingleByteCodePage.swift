/// A single-byte code page: a table of 256 scalars, read once from ICU's
/// converter (or, for MIK, from `tables/decoding/mik.txt`), and decoded
/// natively so that every character's original byte is known exactly.
final class SingleByteCodePage: Sendable {
    /// The name, for messages.
    let name: String
    /// The scalar of each byte; `undefined` where the code page has none.
    let scalars: [UInt32]
    /// The byte of each scalar the code page can encode (bytes 0x80–0xFF only).
    let bytes: [UInt32: UInt8]
    /// The UTF-8 of each byte's scalar; empty where the code page has none.
    /// Made once here, not on every decode (a short text paid 256 allocations).
    let utf8: [[UInt8]]

    static let undefined = UInt32.max

    /// A code page; `alsoEncoding` adds characters that encode to a byte
    /// whose own character is another one (Latin-1's C1 controls in windows-1252).
    init(name: String, scalars: [UInt32], alsoEncoding: [UInt32: UInt8] = [:]) {
        precondition(scalars.count == 256)
        self.name = name
        self.scalars = scalars
        var bytes = alsoEncoding
        for byte in (0x80...0xFF).reversed() where scalars[byte] != Self.undefined {
            bytes[scalars[byte]] = UInt8(byte)
        }
        self.bytes = bytes
        utf8 = scalars.map { scalar in
            scalar == Self.undefined ? [] : Array(String(Character(Unicode.Scalar(scalar)!)).utf8)
        }
    }

    /// The table of an ICU converter, decoding each byte on its own. A byte
    /// ICU cannot decode is `undefined`, unless `controlsForUndefined` maps it
    /// to the C1 control of the same number (as Latin-1 would).
    static func fromICU(_ icuName: String, name: String, controlsForUndefined: Bool = false,
                        alsoEncoding: [UInt32: UInt8] = [:]) -> SingleByteCodePage {
        var scalars = [UInt32](repeating: undefined, count: 256)
        guard let converter = try? ICUConverter(name: icuName) else {
            preconditionFailure("ICU has no converter \(icuName)")
        }
        var destination = [UInt16](repeating: 0, count: 4)
        for byte in 0..<256 {
            converter.reset()
            var written = 0
            var consumed = 0
            let source: [UInt8] = [UInt8(byte)]
            let status = destination.withUnsafeMutableBufferPointer { target in
                source.withUnsafeBufferPointer { input in
                    converter.toUTF16(destination: target, written: &written, source: input, consumed: &consumed, flush: true)
                }
            }
            if status <= 0 && written == 1 && destination[0] != 0xFFFD && destination[0] != 0x1A {
                scalars[byte] = UInt32(destination[0])
            } else if controlsForUndefined && (0x80...0x9F).contains(byte) {
                scalars[byte] = UInt32(byte)
            }
        }
        return SingleByteCodePage(name: name, scalars: scalars, alsoEncoding: alsoEncoding)
    }

    /// Parses a table in the format of `tables/decoding/mik.txt`.
    static func parse(_ text: String, name: String, source: String) throws(TableError) -> SingleByteCodePage {
        var scalars = (0..<256).map { $0 < 0x80 ? UInt32($0) : undefined }
        for line in TableLines(text: text) {
            guard line.fields.count == 2,
                  line.fields[0].hasPrefix("0x"), let byte = UInt8(line.fields[0].dropFirst(2), radix: 16), byte >= 0x80,
                  line.fields[1].hasPrefix("U+"), let scalar = UInt32(line.fields[1].dropFirst(2), radix: 16),
                  Unicode.Scalar(scalar) != nil else {
                throw TableError(source: source, line: line.number, message: "expected `0xNN U+XXXX` (a byte 0x80-0xFF and a scalar), found `\(line.text)`")
            }
            scalars[Int(byte)] = scalar
        }
        return SingleByteCodePage(name: name, scalars: scalars)
    }

    static let windows1251 = fromICU("windows-1251", name: "windows-1251")
    /// Windows-1251 with a C1 control for its one empty place (0x98), as
    /// software that produced mojibake commonly read it.
    static let windows1251Lenient = fromICU("windows-1251", name: "windows-1251", controlsForUndefined: true)
    static let koi8r = fromICU("KOI8-R", name: "koi8-r")
    static let iso88595 = fromICU("ISO-8859-5", name: "iso-8859-5")
    static let cp866 = fromICU("ibm-866", name: "cp866")
    static let mik: SingleByteCodePage = {
        do {
            return try parse(BuiltInTables.required("decoding/mik.txt"), name: "mik", source: "tables/decoding/mik.txt")
        } catch {
            preconditionFailure("\(error)")
        }
    }()
    /// Windows-1252 with Latin-1's C1 controls in its five empty places, and
    /// every C1 control encoding to its own byte as in Latin-1: "Western" as
    /// software reads it, the usual source of `Ð‘`, whichever of the two it was.
    static let western = fromICU("windows-1252", name: "windows-1252", controlsForUndefined: true,
                                 alsoEncoding: Dictionary(uniqueKeysWithValues: (0x80...0x9F).map { (UInt32($0), UInt8($0)) }))
}
