/// Normalizes Bulgarian text for translation without losing meaning, and
/// keeps a map from the result back to the original bytes.
///
/// The steps run in a fixed order, each over the output of the one before:
/// mojibake repair (opt-in), the default cleanup (BOM, line ends, invisible
/// characters, spaces), composition (NFC, or filtered NFKC) with optional
/// stress removal, mixed-script repair (opt-in), and a punctuation profile
/// (opt-in). A step that finds nothing to do costs one scan and no copy.
/// Where a later step can give an earlier one work (a deletion joins the
/// pieces of a mojibake word; NFKC makes a letter Latin; the profile's `…`
/// ends an e-mail address that kept mixed-script repair off a word), the
/// steps run again on the result — at most four rounds, plus log2 of the
/// length with mojibake repair for nested layers — so normalization is
/// idempotent.
///
/// A `Normalizer` is immutable and `Sendable`: build it once and use it from
/// any number of tasks at once.
///
/// ```swift
/// let result = try Normalizer().normalize("Cофия\u{AD}\r\n")
/// result.text     // "Cофия\n" (the Latin C stays unless fixMixedScript is on)
/// result.changes  // [invisible at 10, line-ending at 12]
/// ```
public struct Normalizer: Sendable {
    /// The operations this normalizer applies.
    public let options: NormalizationOptions
    private let composition: Composition
    private let mixedScript: MixedScriptRepair?
    private let mojibake: MojibakeRepair?

    /// A normalizer with the given options and the built-in tables.
    ///
    /// - Throws: `ICUError` when ICU's normalization data cannot be opened.
    public init(options: NormalizationOptions = NormalizationOptions()) throws {
        try self.init(options: options, lookalikes: LookalikeTable.builtIn)
    }

    /// A normalizer with a look-alike table of your own (the format of
    /// `tables/normalization/lookalikes.txt`).
    ///
    /// - Throws: `ICUError` when ICU's normalization data cannot be opened.
    public init(options: NormalizationOptions, lookalikes: LookalikeTable) throws {
        self.options = options
        let form: ComposingForm = options.compatibilityComposition ? .nfkc : .nfc
        composition = Composition(form: form, normalizer: try ICUNormalizer(form.icuForm),
                                  stripStress: options.stripStress, keepsEllipsis: options.profile == .typography)
        mixedScript = options.fixMixedScript ? MixedScriptRepair(table: lookalikes) : nil
        mojibake = options.fixMojibake ? MojibakeRepair.shared : nil
    }

    /// Normalizes a string.
    public func normalize(_ text: String) throws(ICUError) -> NormalizedText {
        var copy = text
        let result = copy.withUTF8 { bytes in
            Result { () throws(ICUError) in try normalize(validUTF8: bytes, decoding: nil, unchanged: .string(text)) }
        }
        return try result.get()
    }

    /// Normalizes UTF-8 bytes; offsets in the result refer to these bytes.
    ///
    /// - Throws: `InvalidUTF8Error` with the byte offset when the bytes are not UTF-8;
    ///   `ICUError` when ICU fails.
    public func normalize(utf8 bytes: [UInt8]) throws -> NormalizedText {
        try bytes.withUnsafeBufferPointer { buffer in
            try UTF8Validation.validate(buffer)
            return try normalize(validUTF8: buffer, decoding: nil, unchanged: .bytes(bytes))
        }
    }

    /// Normalizes decoded text; offsets in the result refer to the bytes
    /// before decoding.
    public func normalize(_ decoded: DecodedText) throws(ICUError) -> NormalizedText {
        try decoded.utf8.withUnsafeBufferPointer { buffer throws(ICUError) in
            try normalize(validUTF8: buffer, decoding: decoded, unchanged: .bytes(decoded.utf8))
        }
    }

    /// Rounds of all steps at most; real text settles in one, rarely two.
    static let maximumRounds = 4

    /// Normalizes `input`; `unchanged` holds the same text, returned as it is when nothing changes.
    func normalize(validUTF8 input: UnsafeBufferPointer<UInt8>, decoding: DecodedText?,
                   unchanged: NormalizedText.Storage) throws(ICUError) -> NormalizedText {
        var maps: [OffsetMap] = []
        var changes: [NormalizationChange] = []
        var current: [UInt8]? = nil
        var originalCount = input.count
        if let decoding, !decoding.map.isIdentity {
            maps.append(decoding.map)
            originalCount = decoding.originalByteCount
        } else if let decoding {
            originalCount = decoding.originalByteCount
        }

        func apply(_ result: StageResult?) {
            guard let result else { return }
            let earlier = maps
            maps.append(result.map)
            for change in result.changes {
                var range = change.input
                for map in earlier.reversed() { range = map.inputRange(range) }
                changes.append(NormalizationChange(kind: change.kind, originalRange: range,
                                                   before: change.before, after: change.after))
            }
            current = result.output
        }
        func withCurrent<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws(ICUError) -> Result) throws(ICUError) -> Result {
            if let current {
                return try current.withUnsafeBufferPointer { buffer throws(ICUError) in try body(buffer) }
            }
            return try body(input)
        }

        // One round of the steps settles any text but in two cases, where a
        // later step can give an earlier one work: mojibake repair (a deletion
        // or a new quote mark can join the pieces of a mojibake word), and NFKC
        // turning letters such as 𝐀 into Latin ones inside a Cyrillic word.
        // Then the round repeats (at most four in all), starting with the step
        // that may have work, so that normalizing twice equals normalizing once.
        // Mojibake can be nested (text read wrongly twice or more): each round
        // undoes one layer, and each layer at least doubles the bytes, so
        // a text of n bytes has at most log2(n) layers — that many rounds more.
        var compositionChanged = false
        // The profile turns `...` into `…` and straight quotes into curly ones,
        // which can end an e-mail address or a URL and so change what mixed-
        // script repair may touch: when it left a mixed word alone as
        // protected and the profile then changed something, it gets another round.
        var profileChanged = false
        var mixedScriptLeftProtectedWord = false
        let rounds = Self.maximumRounds + (mojibake == nil ? 0 : Int.bitWidth - input.count.leadingZeroBitCount)
        for round in 0..<rounds {
            let changesBefore = changes.count
            let lettersMayHaveChanged = options.compatibilityComposition && mixedScript != nil && compositionChanged
                || mixedScriptLeftProtectedWord && profileChanged
            var mojibakeMayHaveWork = false
            if let mojibake {
                let (result, sawSuspiciousLine) = try withCurrent { mojibake.run($0) }
                apply(result)
                mojibakeMayHaveWork = sawSuspiciousLine
                if round > 0 && changes.count == changesBefore && !lettersMayHaveChanged { break }
            }
            apply(try withCurrent { InvisibleCleanup.run($0) })
            let beforeComposition = changes.count
            apply(try withCurrent { buffer throws(ICUError) in try composition.run(buffer) })
            compositionChanged = changes.count > beforeComposition
            if let mixedScript {
                let (result, leftProtectedWord) = try withCurrent { mixedScript.run($0) }
                apply(result)
                mixedScriptLeftProtectedWord = leftProtectedWord
            }
            if let profile = options.profile {
                // `...` from `…` can end a URL's protection of what follows it
                // (a URL starts only after a space), and `…` from `...` can end
                // an e-mail address's (`x/...a...@b` is no longer one address
                // once the first `...` is `…`), so the profile repeats until it
                // settles; each pass only ever changes more.
                profileChanged = false
                for _ in 0..<Self.maximumRounds {
                    let result = try withCurrent { PunctuationProfile.run($0, profile: profile) }
                    apply(result)
                    if result == nil { break }
                    profileChanged = true
                }
            }
            // Without a suspicious line, only composition can make one (е + U+0300 is ѐ).
            let mayGiveWork = (mojibake != nil && (mojibakeMayHaveWork || compositionChanged))
                || (options.compatibilityComposition && mixedScript != nil && compositionChanged)
                || (mixedScriptLeftProtectedWord && profileChanged)
            if changes.count == changesBefore || !mayGiveWork { break }
        }

        let isUnchanged: Bool
        if let decoding {
            isUnchanged = decoding.isUTF8Identity && current == nil
        } else {
            isUnchanged = current == nil || current!.elementsEqual(input)
        }
        return NormalizedText(storage: current.map { .bytes($0) } ?? unchanged, changes: changes,
                              originalByteCount: originalCount, isUnchanged: isUnchanged, maps: maps)
    }
}
