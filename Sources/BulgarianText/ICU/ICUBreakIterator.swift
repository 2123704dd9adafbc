/// One ICU break iterator (`UBreakIterator`), owned: opened in `init`, closed
/// in `deinit`, with its own copy of the text it walks.
///
/// Not thread-safe: confine an instance to one task, or `clone()` one per task.
final class ICUBreakIterator {
    /// The kind of boundaries (`UBreakIteratorType`).
    enum Kind: Int32 {
        case character = 0, word = 1, line = 2, sentence = 3
    }

    private let handle: OpaquePointer
    /// The UTF-16 text ICU walks: ICU keeps a pointer into it.
    private var text: UnsafeMutableBufferPointer<UInt16> = .init(start: nil, count: 0)
    private var textCount = 0

    /// Opens an iterator for `locale` (an ICU locale ID such as "bg").
    ///
    /// ICU has no Bulgarian break data and reports `U_USING_DEFAULT_WARNING`
    /// for "bg": a warning, so this succeeds with the root rules.
    init(_ kind: Kind, locale: String) throws(ICUError) {
        handle = try ICUCalls.openBreakIterator(kind: kind.rawValue, locale: locale)
    }

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        ICUCalls.closeBreakIterator(handle)
        text.deallocate()
    }

    /// An independent copy (without text) for another task (`ubrk_clone`).
    func clone() throws(ICUError) -> ICUBreakIterator {
        ICUBreakIterator(handle: try ICUCalls.cloneBreakIterator(handle))
    }

    /// Copies `units` and sets them as the text; offsets are UTF-16 offsets.
    func setText(_ units: UnsafeBufferPointer<UInt16>) throws(ICUError) {
        if text.count < units.count || text.baseAddress == nil {
            text.deallocate()
            text = .allocate(capacity: max(units.count, 16))
        }
        if let source = units.baseAddress, !units.isEmpty {
            text.baseAddress!.update(from: source, count: units.count)
        }
        textCount = units.count
        try ICUCalls.setBreakText(handle, utf16: text.baseAddress!, count: textCount)
    }

    /// Converts valid UTF-8 straight into the iterator's own UTF-16 buffer
    /// (`u_strFromUTF8`, no intermediate array), lets `adjust` edit the units
    /// in place without changing their count, and sets them as the text.
    /// Offsets are UTF-16 offsets. Returns the number of code units.
    @discardableResult
    func setText(utf8 bytes: UnsafeBufferPointer<UInt8>,
                 adjust: (UnsafeMutableBufferPointer<UInt16>) -> Void = { _ in }) throws(ICUError) -> Int {
        // UTF-16 never needs more code units than UTF-8 has bytes.
        if text.count < bytes.count || text.baseAddress == nil {
            text.deallocate()
            text = .allocate(capacity: max(bytes.count, 16))
        }
        textCount = try ICUCalls.convertUTF8(bytes, into: text.baseAddress!, capacity: text.count)
        adjust(UnsafeMutableBufferPointer(rebasing: text[..<textCount]))
        try ICUCalls.setBreakText(handle, utf16: text.baseAddress!, count: textCount)
        return textCount
    }

    /// The first boundary (always 0).
    func first() -> Int { Int(ICUCalls.breakFirst(handle)) }

    /// The next boundary, or nil at the end.
    func next() -> Int? {
        let offset = ICUCalls.breakNext(handle)
        return offset < 0 ? nil : Int(offset)
    }

    /// The first boundary after `offset`, or nil.
    func following(_ offset: Int) -> Int? {
        let result = ICUCalls.breakFollowing(handle, Int32(offset))
        return result < 0 ? nil : Int(result)
    }

    /// The last boundary before `offset`, or nil.
    func preceding(_ offset: Int) -> Int? {
        let result = ICUCalls.breakPreceding(handle, Int32(offset))
        return result < 0 ? nil : Int(result)
    }

    /// Whether `offset` is a boundary.
    func isBoundary(_ offset: Int) -> Bool { ICUCalls.breakIsBoundary(handle, Int32(offset)) }

    /// The status of the rule that produced the current boundary (`ubrk_getRuleStatus`).
    var ruleStatus: Int32 { ICUCalls.breakRuleStatus(handle) }
}
