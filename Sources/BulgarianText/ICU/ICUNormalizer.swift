/// An ICU normalizer (`UNormalizer2`): an ICU-owned singleton, never closed
/// and safe to use from many tasks at once.
struct ICUNormalizer: @unchecked Sendable {
    /// The normalization form.
    enum Form: Int32 {
        case nfc = 0, nfd = 1, nfkc = 2, nfkd = 3
    }

    private let handle: OpaquePointer

    /// The shared instance for `form` (`unorm2_getNFCInstance` and friends).
    init(_ form: Form) throws(ICUError) {
        handle = try ICUCalls.normalizer(form: form.rawValue)
    }

    /// The normalized form of UTF-16 text.
    func normalize(_ text: UnsafeBufferPointer<UInt16>) throws(ICUError) -> [UInt16] {
        try ICUCalls.normalize(handle, text)
    }

    /// The length of the prefix that is certainly normalized (`unorm2_spanQuickCheckYes`).
    func normalizedPrefixLength(_ text: UnsafeBufferPointer<UInt16>) throws(ICUError) -> Int {
        try ICUCalls.spanQuickCheckYes(handle, text)
    }

    /// Whether normalization never combines `codePoint` with what precedes it.
    func hasBoundaryBefore(_ codePoint: UInt32) -> Bool {
        ICUCalls.hasBoundaryBefore(handle, codePoint)
    }
}
