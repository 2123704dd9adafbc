/// One ICU charset converter (`UConverter`), owned: opened in `init`, closed in
/// `deinit`. It stops at the first sequence it cannot convert.
///
/// Stateful and not thread-safe: one per task and per stream.
final class ICUConverter {
    private let handle: OpaquePointer

    /// Opens a converter by ICU name or alias ("windows-1251", "koi8-r", "ibm-866").
    init(name: String) throws(ICUError) {
        handle = try ICUCalls.openConverter(name: name)
    }

    deinit {
        ICUCalls.closeConverter(handle)
    }

    /// Forgets any partial sequence from an earlier chunk (`ucnv_reset`).
    func reset() { ICUCalls.resetConverter(handle) }

    /// One `ucnv_toUnicode` step; see `ICUCalls.convertToUTF16`.
    func toUTF16(
        destination: UnsafeMutableBufferPointer<UInt16>, written: inout Int,
        source: UnsafeBufferPointer<UInt8>, consumed: inout Int, flush: Bool
    ) -> Int32 {
        ICUCalls.convertToUTF16(handle, destination: destination, written: &written,
                                source: source, consumed: &consumed, flush: flush)
    }

    /// One `ucnv_fromUnicode` step; see `ICUCalls.convertFromUTF16`.
    func fromUTF16(
        destination: UnsafeMutableBufferPointer<UInt8>, written: inout Int,
        source: UnsafeBufferPointer<UInt16>, consumed: inout Int, flush: Bool
    ) -> Int32 {
        ICUCalls.convertFromUTF16(handle, destination: destination, written: &written,
                                  source: source, consumed: &consumed, flush: flush)
    }
}
