/// One change that normalization made, in the coordinates of the original input.
public struct NormalizationChange: Sendable, Hashable {
    /// What kind of operation made the change.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A leading byte order mark was removed.
        case byteOrderMark = "bom"
        /// CR LF or a lone CR became LF.
        case lineEnding = "line-ending"
        /// An invisible or control character was deleted.
        case invisible
        /// A typographic space (U+2000–U+200A, U+3000) became a plain space.
        case space
        /// Canonical composition (NFC), such as и + U+0300 → ѝ.
        case composition
        /// Compatibility composition (`--nfkc`).
        case compatibility
        /// A stress mark was removed (`--strip-stress`).
        case stress
        /// Mojibake was repaired (`--fix-mojibake`).
        case mojibake
        /// A mixed-script word was made single-script (`--fix-mixed-script`).
        case mixedScript = "mixed-script"
        /// Punctuation was changed by `--profile typography` or `--profile ascii`.
        case punctuation
    }

    /// The operation.
    public var kind: Kind
    /// The bytes of the original input that the change covers (after
    /// decoding, this is still an offset into the undecoded input).
    public var originalRange: Range<Int>
    /// The text before the change, as the operation saw it.
    public var before: String
    /// The text after the change; empty for a deletion.
    public var after: String

    /// Creates a change.
    public init(kind: Kind, originalRange: Range<Int>, before: String, after: String) {
        self.kind = kind
        self.originalRange = originalRange
        self.before = before
        self.after = after
    }
}
