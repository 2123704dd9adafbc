/// One ICU transliterator (`UTransliterator`), owned: opened in `init`,
/// closed in `deinit`.
///
/// Not thread-safe: confine an instance to one task, or `clone()` one per task.
final class ICUTransliterator {
    private let handle: OpaquePointer

    /// Opens a system transliterator by ID, such as `Bulgarian-Latin/BGN`.
    init(id: String) throws(ICUError) {
        handle = try ICUCalls.openTransliterator(id: Array(id.utf16))
    }

    /// Compiles ICU transform rules.
    init(rules: String, id: String = "bgtext-rules") throws(TransformRuleError) {
        switch ICUCalls.openTransliterator(id: Array(id.utf16), rules: Array(rules.utf16)) {
        case .success(let opened): handle = opened
        case .failure(let error): throw error
        }
    }

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        ICUCalls.closeTransliterator(handle)
    }

    /// An independent copy for another task (`utrans_clone`).
    func clone() throws(ICUError) -> ICUTransliterator {
        ICUTransliterator(handle: try ICUCalls.cloneTransliterator(handle))
    }

    /// Transliterates UTF-16 text as one unit (rules see it all as context).
    func transliterate(_ text: [UInt16]) throws(ICUError) -> [UInt16] {
        try ICUCalls.transliterate(handle, text)
    }
}

/// A transform rule file that ICU could not compile.
public struct TransformRuleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// ICU's status, such as `U_MALFORMED_RULE`.
    public let icuError: ICUError
    /// The 1-based line of the rule source that failed, as ICU reports it (0 when unknown).
    public let line: Int
    /// The offset ICU reports for the failure.
    public let offset: Int
    /// The rule text just before the failure, as ICU quotes it.
    public let context: String

    public var description: String {
        var text = "\(icuError.name)"
        if line > 0 { text += " at line \(line)" }
        if offset > 0 { text += ", offset \(offset)" }
        if !context.isEmpty { text += " near \"\(context)\"" }
        return text
    }
}
