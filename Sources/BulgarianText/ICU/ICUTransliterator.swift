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
        let units = Array(rules.utf16)
        switch ICUCalls.openTransliterator(id: Array(id.utf16), rules: units) {
        case .success(let opened): handle = opened
        case .failure(var error):
            // ICU's transliterator reports an offset from the start of the rules
            // (in UTF-16 units) and no line: turn it into a line and column.
            if error.line <= 0 && error.offset >= 0 {
                let before = units.prefix(error.offset)
                error.line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                error.column = String(decoding: units[lineStart..<before.endIndex], as: UTF16.self).count + 1
                let lineEnd = units[lineStart...].firstIndex(of: 0x0A) ?? units.endIndex
                error.context = String(decoding: units[lineStart..<lineEnd], as: UTF16.self)
            }
            throw error
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
    /// The 1-based line of the rule that failed (0 when unknown).
    public internal(set) var line: Int
    /// The 1-based column, in characters, where the failing rule starts (0 when unknown).
    public internal(set) var column: Int = 0
    /// The offset ICU reports, in UTF-16 units from the start of the rules.
    public let offset: Int
    /// The line of rule text that failed (or ICU's quote of the text before it).
    public internal(set) var context: String

    public var description: String {
        var text = ""
        if line > 0 { text += "line \(line)" + (column > 0 ? ", column \(column)" : "") + ": " }
        text += "\(icuError.name)"
        let shown = context.split(separator: "\n").last.map(String.init) ?? ""
        if !shown.isEmpty { text += " in `\(shown)`" }
        return text
    }
}
