/// An encoding bgtext can read.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "utf-8"
    /// UTF-16 with a byte order mark.
    case utf16 = "utf-16"
    /// UTF-16 little-endian without a byte order mark.
    case utf16LittleEndian = "utf-16le"
    /// UTF-16 big-endian without a byte order mark.
    case utf16BigEndian = "utf-16be"
    /// Windows Cyrillic (code page 1251).
    case windows1251 = "windows-1251"
    /// KOI8-R.
    case koi8r = "koi8-r"
    /// ISO/IEC 8859-5.
    case iso88595 = "iso-8859-5"
    /// DOS Cyrillic (code page 866).
    case cp866
    /// MIK, the Bulgarian DOS code page (no ICU converter: `tables/decoding/mik.txt`).
    case mik

    /// The name the CLI uses.
    public var description: String { rawValue }

    /// The encoding with a name or a common alias, or nil.
    public init?(name: String) {
        let key = name.lowercased().filter { $0 != "_" }
        switch key {
        case "utf-8", "utf8": self = .utf8
        case "utf-16", "utf16": self = .utf16
        case "utf-16le", "utf16le": self = .utf16LittleEndian
        case "utf-16be", "utf16be": self = .utf16BigEndian
        case "windows-1251", "cp1251", "win-1251", "windows1251": self = .windows1251
        case "koi8-r", "koi8r", "koi8": self = .koi8r
        case "iso-8859-5", "iso8859-5", "iso88595", "latin-cyrillic": self = .iso88595
        case "cp866", "ibm866", "ibm-866", "866": self = .cp866
        case "mik", "bulgaria-pc", "cp3021": self = .mik
        default: return nil
        }
    }

    /// The single-byte code page of this encoding, or nil for UTF-8 and UTF-16.
    var codePage: SingleByteCodePage? {
        switch self {
        case .utf8, .utf16, .utf16LittleEndian, .utf16BigEndian: nil
        case .windows1251: SingleByteCodePage.windows1251
        case .koi8r: SingleByteCodePage.koi8r
        case .iso88595: SingleByteCodePage.iso88595
        case .cp866: SingleByteCodePage.cp866
        case .mik: SingleByteCodePage.mik
        }
    }

    /// The single-byte Cyrillic encodings that `--from auto` chooses among.
    public static let singleByteCyrillic: [TextEncoding] = [.windows1251, .koi8r, .iso88595, .cp866, .mik]
}
