/// Transliterates Bulgarian Cyrillic to Latin.
///
/// The default system is the official Streamlined System (Transliteration Act
/// 2009; BGN/PCGN 2013), defined by `tables/transliteration/streamlined.txt`
/// and run by a native engine over UTF-8. Other systems run through ICU.
///
/// A `Transliterator` is immutable and `Sendable`: build it once and use it
/// from any number of tasks at once.
///
/// ```swift
/// let latin = try Transliterator().transliterate("София, ул. „Цар Шишман“ 5")
/// // "Sofia, ul. „Tsar Shishman“ 5"
/// ```
public struct Transliterator: Sendable {
    /// A transliteration system.
    public enum System: Sendable, Hashable, CustomStringConvertible {
        /// The Streamlined System, the official one (`streamlined`).
        case streamlined
        /// ICU's `Bulgarian-Latin/BGN`: the superseded BGN/PCGN 1952 system (`bgn-1952`).
        case bgn1952
        /// ICU's `Cyrillic-Latin`, close to ISO 9 (`iso9`).
        case iso9

        /// The name the CLI uses.
        public var description: String {
            switch self {
            case .streamlined: "streamlined"
            case .bgn1952: "bgn-1952"
            case .iso9: "iso9"
            }
        }

        /// The system with a CLI name, or nil.
        public init?(name: String) {
            switch name {
            case "streamlined": self = .streamlined
            case "bgn-1952", "bgn1952", "bgn": self = .bgn1952
            case "iso9", "iso-9": self = .iso9
            default: return nil
            }
        }

        var icuID: String? {
            switch self {
            case .streamlined: nil
            case .bgn1952: "Bulgarian-Latin/BGN"
            case .iso9: "Cyrillic-Latin"
            }
        }
    }

    /// Which implementation applies a table-defined system.
    public enum Engine: String, Sendable, Hashable, CaseIterable {
        /// The native engine over UTF-8: the fast one.
        case native
        /// ICU's transliterator running rules generated from the same table.
        case icu
    }

    enum Backend: Sendable {
        case native(NativeTransliterationEngine)
        case icu(ICUTransliteratorPool)
    }

    // The engine and the pool are stored as plain references, not as the
    // payload of `Backend`: Swift keeps the case of a two-class enum in spare
    // bits of the pointer, which hides it from LeakSanitizer, so a
    // `Transliterator` in a global was reported as a leak at exit.
    private let nativeEngine: NativeTransliterationEngine?
    private let icuPool: ICUTransliteratorPool?

    var backend: Backend {
        if let nativeEngine { .native(nativeEngine) } else { .icu(icuPool!) }
    }

    /// For table-defined systems, the ICU transform rules equivalent to the table.
    public let icuRules: String?

    /// A transliterator for a built-in system.
    ///
    /// - Parameters:
    ///   - system: The system; the Streamlined System by default.
    ///   - exceptions: Whole words with fixed Latin forms; they win over the
    ///     rules (table-defined systems only).
    ///   - fallback: Letters added for Cyrillic letters the system does not
    ///     cover, such as `TransliterationTable.iso9Fallback`; by default they
    ///     pass through (table-defined systems only).
    ///   - engine: The implementation for table-defined systems.
    /// - Throws: `ICUError` when ICU cannot open the system.
    public init(system: System = .streamlined,
                exceptions: [TransliterationTable.Word] = [],
                fallback: TransliterationTable? = nil,
                engine: Engine = .native) throws {
        if let id = system.icuID {
            self.init(backend: .icu(ICUTransliteratorPool(try ICUTransliterator(id: id))), icuRules: nil)
            return
        }
        var table = TransliterationTable.streamlined
        if let fallback { table = table.merging(fallback) }
        try self.init(table: table, name: "streamlined", exceptions: exceptions, engine: engine)
    }

    /// A transliterator for a table of your own (the format of `tables/transliteration/`).
    public init(table: TransliterationTable, name: String = "custom",
                exceptions: [TransliterationTable.Word] = [], engine: Engine = .native) throws {
        let rules = TransliterationRules(table, exceptions: exceptions)
        let ruleText = ICUTransformRules.generate(rules, name: name)
        switch engine {
        case .native:
            self.init(backend: .native(NativeTransliterationEngine(rules)), icuRules: ruleText)
        case .icu:
            let compiled = try ICUTransliterator(rules: ruleText, id: "bgtext-" + name)
            self.init(backend: .icu(ICUTransliteratorPool(compiled)), icuRules: ruleText)
        }
    }

    private init(backend: Backend, icuRules: String?) {
        switch backend {
        case .native(let engine): (nativeEngine, icuPool) = (engine, nil)
        case .icu(let pool): (nativeEngine, icuPool) = (nil, pool)
        }
        self.icuRules = icuRules
    }

    /// A transliterator for ICU transform rules, such as a user's rule file.
    ///
    /// - Throws: `TransformRuleError` with ICU's line and offset when the rules do not compile.
    public init(icuRules: String) throws {
        self.init(backend: .icu(ICUTransliteratorPool(try ICUTransliterator(rules: icuRules))), icuRules: icuRules)
    }

    /// Transliterates a string.
    ///
    /// Everything that is not a letter of the system passes through unchanged,
    /// whitespace and line ends included.
    public func transliterate(_ text: String) throws -> String {
        var copy = text
        let bytes = try copy.withUTF8 { utf8 in try transliterate(validUTF8: utf8) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Transliterates UTF-8 bytes.
    ///
    /// - Throws: `InvalidUTF8Error` with the byte offset when the bytes are not UTF-8.
    public func transliterate(utf8 bytes: [UInt8]) throws -> [UInt8] {
        try bytes.withUnsafeBufferPointer { buffer in
            try UTF8Validation.validate(buffer)
            return try transliterate(validUTF8: buffer)
        }
    }

    /// A stream that transliterates input arriving in chunks, holding back
    /// only what the rules must see more of.
    public func makeStream() throws -> TransliterationStream {
        try TransliterationStream(self)
    }

    func transliterate(validUTF8 bytes: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
        switch backend {
        case .native(let engine):
            var state = NativeTransliterationEngine.State()
            return engine.run(bytes, isFinal: true, state: &state).output
        case .icu(let pool):
            return try pool.withInstance { instance throws(ICUError) in
                try Self.transliterateLines(bytes, with: instance)
            }
        }
    }

    /// ICU slows down sharply on long buffers, so it is given whole lines in
    /// pieces of about 16 KiB. No rule looks across a line break, so the result is
    /// the same as for the whole text at once.
    static func transliterateLines(_ bytes: UnsafeBufferPointer<UInt8>, with instance: ICUTransliterator) throws(ICUError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 4)
        var start = 0
        while start < bytes.count {
            var end = min(start + 16_384, bytes.count)
            if end < bytes.count {
                if let newline = bytes[start..<end].lastIndex(of: 0x0A) {
                    end = newline + 1
                } else {
                    end = bytes[end...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
                }
            }
            let piece = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let units = try ICUCalls.utf16(fromUTF8: piece)
            let result = try instance.transliterate(units)
            output += try result.withUnsafeBufferPointer { buffer throws(ICUError) in try ICUCalls.utf8(fromUTF16: buffer) }
            start = end
        }
        return output
    }
}
