/// An error reported by ICU: a positive `UErrorCode`.
///
/// ICU reports warnings as negative codes (for example `U_USING_DEFAULT_WARNING`
/// when a `bg` break iterator falls back to the root rules); those are success
/// and never become an `ICUError`.
public struct ICUError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The raw `UErrorCode` value.
    public let code: Int32

    /// ICU's symbolic name for the code, such as `U_ILLEGAL_ARGUMENT_ERROR`.
    public var name: String { ICUCalls.errorName(code) }

    /// Creates an error from a raw `UErrorCode`.
    public init(code: Int32) {
        self.code = code
    }

    public var description: String { "ICU error \(name) (\(code))" }

    /// `U_BUFFER_OVERFLOW_ERROR`: the caller's buffer was too small.
    static let bufferOverflow: Int32 = 15

    /// Throws when `status` is an error; warnings (negative) and zero pass.
    static func check(_ status: Int32) throws(ICUError) {
        if status > 0 { throw ICUError(code: status) }
    }
}
