/// Which operations a `Normalizer` applies beyond the default ones.
///
/// The defaults (always on, meaning-preserving): a leading BOM is removed;
/// CR LF and CR become LF; NFC (ѝ stays, и + U+0300 becomes ѝ); soft hyphens,
/// zero-width and bidi controls and C0/C1 controls other than tab and newline
/// are deleted; U+2000–U+200A and U+3000 become a plain space. Everything
/// else, NBSP and U+202F included, is left as it is.
public struct NormalizationOptions: Sendable, Hashable {
    /// A punctuation profile.
    public enum Profile: String, Sendable, Hashable, CaseIterable {
        /// Bulgarian typography: „…“ for straight quote pairs, ` – ` for a
        /// spaced hyphen between words, `…` for `...`.
        case typography
        /// ASCII punctuation for engines that want it: „“”«» → `"`, ‘’‚ → `'`,
        /// – — → `-`, … → `...`, NBSP and U+202F → space.
        case ascii
    }

    /// Repair UTF-8 that was decoded in a legacy code page and saved again
    /// (runs first, before the default deletions).
    public var fixMojibake = false
    /// Make words that mix Cyrillic and Latin look-alikes single-script.
    public var fixMixedScript = false
    /// Delete the stress marks U+0301 and U+0300 left after composition
    /// (ѐ becomes е; й and ѝ stay).
    public var stripStress = false
    /// A punctuation profile, or nil to leave punctuation alone.
    public var profile: Profile?
    /// NFKC instead of NFC, keeping № ² ³ and the no-break spaces.
    public var compatibilityComposition = false

    /// The default operations only.
    public init() {}

    /// Chosen operations.
    public init(fixMojibake: Bool = false, fixMixedScript: Bool = false, stripStress: Bool = false,
                profile: Profile? = nil, compatibilityComposition: Bool = false) {
        self.fixMojibake = fixMojibake
        self.fixMixedScript = fixMixedScript
        self.stripStress = stripStress
        self.profile = profile
        self.compatibilityComposition = compatibilityComposition
    }

    /// Every opt-in operation on, with the given profile.
    public static func all(profile: Profile = .typography) -> NormalizationOptions {
        NormalizationOptions(fixMojibake: true, fixMixedScript: true, stripStress: true,
                             profile: profile, compatibilityComposition: true)
    }
}
