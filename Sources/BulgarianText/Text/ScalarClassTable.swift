/// The word-relevant class of every Basic Multilingual Plane scalar, read
/// once from ICU's data, for hot loops that must agree with ICU's `[:L:]`,
/// `[:Lu:]` and `[:M:]` without a call per character.
final class ScalarClassTable: @unchecked Sendable {
    /// General category L*.
    static let letter: UInt8 = 1
    /// General category Lu.
    static let uppercase: UInt8 = 2
    /// General category M*.
    static let mark: UInt8 = 4
    /// U+000A, the line feed.
    static let newline: UInt8 = 8
    /// General category Ll.
    static let lowercase: UInt8 = 16
    /// White_Space.
    static let whitespace: UInt8 = 32

    /// The table every caller shares; immutable after it is built.
    static let shared = ScalarClassTable()

    /// Classes of U+0000…U+FFFF; the storage lives as long as the process.
    let bmp: UnsafePointer<UInt8>

    private init() {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x10000)
        for codePoint in 0..<UInt32(0x10000) {
            table[Int(codePoint)] = Self.compute(codePoint)
        }
        bmp = UnsafePointer(table)
    }

    /// The classes of any scalar.
    @inline(__always)
    func classes(_ codePoint: UInt32) -> UInt8 {
        codePoint < 0x10000 ? bmp[Int(codePoint)] : Self.compute(codePoint)
    }

    private static func compute(_ codePoint: UInt32) -> UInt8 {
        let icu = CharacterClass(ofCodePoint: codePoint)
        var result: UInt8 = 0
        if icu.contains(.letter) { result |= letter }
        if icu.contains(.uppercase) { result |= uppercase }
        if icu.contains(.lowercase) { result |= lowercase }
        if icu.contains(.mark) { result |= mark }
        if icu.contains(.whitespace) { result |= whitespace }
        if codePoint == 0x0A { result |= newline }
        return result
    }
}
