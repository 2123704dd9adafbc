import CICUShim

/// Every call into the C shim, and so into ICU, goes through here.
///
/// Each function turns the shim's C conventions (status out-parameters,
/// caller-supplied buffers, NUL-terminated names) into Swift ones: errors are
/// thrown as `ICUError`, buffers are retried once at the size ICU asks for.
/// The service types (`ICUTransliterator`, `ICUBreakIterator`, …) own their
/// handles and call only these functions.
enum ICUCalls {
    // MARK: Library and characters

    /// The runtime ICU version, such as "72.1" (`u_getVersion`).
    static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        cicu_version(&buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func errorName(_ code: Int32) -> String {
        String(cString: cicu_error_name(code))
    }

    /// The `CICU_CLASS_*` bits of a code point (`u_charType`, `u_isUWhiteSpace`).
    @inline(__always)
    static func characterClass(_ codePoint: UInt32) -> Int32 {
        cicu_char_class(Int32(bitPattern: codePoint))
    }

    static func isCyrillic(_ codePoint: UInt32) -> Bool {
        cicu_is_cyrillic(Int32(bitPattern: codePoint)) != 0
    }

    static func isLatin(_ codePoint: UInt32) -> Bool {
        cicu_is_latin(Int32(bitPattern: codePoint)) != 0
    }

    static func uppercase(_ codePoint: UInt32) -> UInt32 {
        UInt32(bitPattern: cicu_to_upper(Int32(bitPattern: codePoint)))
    }

    static func lowercase(_ codePoint: UInt32) -> UInt32 {
        UInt32(bitPattern: cicu_to_lower(Int32(bitPattern: codePoint)))
    }

    // MARK: Buffers

    /// Calls `fill` with a buffer of `capacity` code units and retries once
    /// with the size ICU reports on `U_BUFFER_OVERFLOW_ERROR`.
    static func withRetriedBuffer<Unit: FixedWidthInteger>(
        of: Unit.Type, capacity: Int,
        _ fill: (UnsafeMutablePointer<Unit>, Int32, inout Int32) -> Int32
    ) throws(ICUError) -> [Unit] {
        var size = max(capacity, 1)
        for _ in 0..<2 {
            var status: Int32 = 0
            var produced: Int32 = 0
            let result = [Unit](unsafeUninitializedCapacity: size) { buffer, count in
                produced = fill(buffer.baseAddress!, Int32(size), &status)
                count = status > 0 ? 0 : Int(produced)
            }
            if status == ICUError.bufferOverflow {
                size = Int(produced) + 1
                continue
            }
            try ICUError.check(status)
            return result
        }
        throw ICUError(code: ICUError.bufferOverflow)
    }

    /// UTF-8 to UTF-16 (`u_strFromUTF8`). The bytes must be valid UTF-8.
    static func utf16(fromUTF8 bytes: UnsafeBufferPointer<UInt8>) throws(ICUError) -> [UInt16] {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
        return try base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { source throws(ICUError) in
            try withRetriedBuffer(of: UInt16.self, capacity: bytes.count + 1) { buffer, capacity, status in
                cicu_utf8_to_utf16(buffer, capacity, source, Int32(bytes.count), &status)
            }
        }
    }

    /// UTF-16 to UTF-8 bytes (`u_strToUTF8`).
    static func utf8(fromUTF16 units: UnsafeBufferPointer<UInt16>) throws(ICUError) -> [UInt8] {
        guard let base = units.baseAddress, !units.isEmpty else { return [] }
        let chars = try withRetriedBuffer(of: CChar.self, capacity: units.count * 3 + 1) { buffer, capacity, status in
            cicu_utf16_to_utf8(buffer, capacity, base, Int32(units.count), &status)
        }
        return chars.map { UInt8(bitPattern: $0) }
    }

    // MARK: Transliterator (utrans)

    static func openTransliterator(id: [UInt16]) throws(ICUError) -> OpaquePointer {
        var status: Int32 = 0
        let handle = cicu_translit_open_id(id, Int32(id.count), &status)
        try ICUError.check(status)
        guard let handle else { throw ICUError(code: 1) }
        return handle
    }

    /// A compiled rule set, or the parse error with ICU's line and offset.
    static func openTransliterator(
        id: [UInt16], rules: [UInt16]
    ) -> Result<OpaquePointer, TransformRuleError> {
        var status: Int32 = 0
        var parseError = cicu_parse_error()
        let handle = cicu_translit_open_rules(id, Int32(id.count), rules, Int32(rules.count), &parseError, &status)
        if status > 0 || handle == nil {
            cicu_translit_close(handle)
            let context = withUnsafeBytes(of: parseError.preContext) { raw in
                String(decoding: raw.bindMemory(to: UInt16.self).prefix { $0 != 0 }, as: UTF16.self)
            }
            return .failure(TransformRuleError(
                icuError: ICUError(code: status > 0 ? status : 1),
                line: Int(parseError.line), offset: Int(parseError.offset), context: context))
        }
        return .success(handle!)
    }

    static func cloneTransliterator(_ handle: OpaquePointer) throws(ICUError) -> OpaquePointer {
        var status: Int32 = 0
        let copy = cicu_translit_clone(handle, &status)
        try ICUError.check(status)
        guard let copy else { throw ICUError(code: 1) }
        return copy
    }

    static func closeTransliterator(_ handle: OpaquePointer) {
        cicu_translit_close(handle)
    }

    /// Transliterates UTF-16 text (`utrans_transUChars`), growing the buffer as needed.
    static func transliterate(_ handle: OpaquePointer, _ text: [UInt16]) throws(ICUError) -> [UInt16] {
        var capacity = text.count + text.count / 2 + 16
        while true {
            var status: Int32 = 0
            var length = Int32(text.count)
            let result = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
                _ = buffer.initialize(from: text)
                cicu_translit_transform(handle, buffer.baseAddress, &length, Int32(capacity), &status)
                count = status > 0 ? 0 : Int(length)
            }
            if status == ICUError.bufferOverflow {
                capacity *= 2
                continue
            }
            try ICUError.check(status)
            return result
        }
    }

    // MARK: Break iterator (ubrk)

    static func openBreakIterator(kind: Int32, locale: String) throws(ICUError) -> OpaquePointer {
        var status: Int32 = 0
        let handle = cicu_break_open(kind, locale, &status)
        try ICUError.check(status)
        guard let handle else { throw ICUError(code: 1) }
        return handle
    }

    static func cloneBreakIterator(_ handle: OpaquePointer) throws(ICUError) -> OpaquePointer {
        var status: Int32 = 0
        let copy = cicu_break_clone(handle, &status)
        try ICUError.check(status)
        guard let copy else { throw ICUError(code: 1) }
        return copy
    }

    static func closeBreakIterator(_ handle: OpaquePointer) {
        cicu_break_close(handle)
    }

    static func setBreakText(_ handle: OpaquePointer, utf16 text: UnsafePointer<UInt16>, count: Int) throws(ICUError) {
        var status: Int32 = 0
        cicu_break_set_utf16(handle, text, Int32(count), &status)
        try ICUError.check(status)
    }

    static func setBreakText(_ handle: OpaquePointer, utf8 text: UnsafePointer<UInt8>, count: Int) throws(ICUError) {
        var status: Int32 = 0
        text.withMemoryRebound(to: CChar.self, capacity: count) {
            cicu_break_set_utf8(handle, $0, Int64(count), &status)
        }
        try ICUError.check(status)
    }

    @inline(__always) static func breakFirst(_ handle: OpaquePointer) -> Int32 { cicu_break_first(handle) }
    @inline(__always) static func breakNext(_ handle: OpaquePointer) -> Int32 { cicu_break_next(handle) }
    @inline(__always) static func breakFollowing(_ handle: OpaquePointer, _ offset: Int32) -> Int32 {
        cicu_break_following(handle, offset)
    }
    @inline(__always) static func breakPreceding(_ handle: OpaquePointer, _ offset: Int32) -> Int32 {
        cicu_break_preceding(handle, offset)
    }
    @inline(__always) static func breakIsBoundary(_ handle: OpaquePointer, _ offset: Int32) -> Bool {
        cicu_break_is_boundary(handle, offset) != 0
    }
    @inline(__always) static func breakRuleStatus(_ handle: OpaquePointer) -> Int32 {
        cicu_break_rule_status(handle)
    }

    // MARK: Normalizer (unorm2)

    static func normalizer(form: Int32) throws(ICUError) -> OpaquePointer {
        var status: Int32 = 0
        let handle = cicu_normalizer_instance(form, &status)
        try ICUError.check(status)
        guard let handle else { throw ICUError(code: 1) }
        return handle
    }

    static func normalize(_ handle: OpaquePointer, _ text: UnsafeBufferPointer<UInt16>) throws(ICUError) -> [UInt16] {
        guard let base = text.baseAddress, !text.isEmpty else { return [] }
        return try withRetriedBuffer(of: UInt16.self, capacity: text.count + 8) { buffer, capacity, status in
            cicu_normalizer_normalize(handle, base, Int32(text.count), buffer, capacity, &status)
        }
    }

    static func spanQuickCheckYes(_ handle: OpaquePointer, _ text: UnsafeBufferPointer<UInt16>) throws(ICUError) -> Int {
        guard let base = text.baseAddress, !text.isEmpty else { return 0 }
        var status: Int32 = 0
        let span = cicu_normalizer_span_quick_check_yes(handle, base, Int32(text.count), &status)
        try ICUError.check(status)
        return Int(span)
    }

    static func hasBoundaryBefore(_ handle: OpaquePointer, _ codePoint: UInt32) -> Bool {
        cicu_normalizer_has_boundary_before(handle, Int32(bitPattern: codePoint)) != 0
    }

    // MARK: Converter (ucnv)

    static func openConverter(name: String) throws(ICUError) -> OpaquePointer {
        var status: Int32 = 0
        let handle = cicu_converter_open(name, &status)
        try ICUError.check(status)
        guard let handle else { throw ICUError(code: 1) }
        return handle
    }

    static func closeConverter(_ handle: OpaquePointer) {
        cicu_converter_close(handle)
    }

    static func resetConverter(_ handle: OpaquePointer) {
        cicu_converter_reset(handle)
    }

    /// One `ucnv_toUnicode` step; returns the raw status (the caller decides
    /// what overflow and invalid input mean for it).
    static func convertToUTF16(
        _ handle: OpaquePointer,
        destination: UnsafeMutableBufferPointer<UInt16>, written: inout Int,
        source: UnsafeBufferPointer<UInt8>, consumed: inout Int, flush: Bool
    ) -> Int32 {
        var status: Int32 = 0
        var destinationLength = Int32(written)
        var sourceOffset = Int32(consumed)
        source.baseAddress!.withMemoryRebound(to: CChar.self, capacity: source.count) { bytes in
            cicu_converter_to_utf16(handle, destination.baseAddress, Int32(destination.count), &destinationLength,
                                    bytes, Int32(source.count), &sourceOffset, flush ? 1 : 0, &status)
        }
        written = Int(destinationLength)
        consumed = Int(sourceOffset)
        return status
    }

    /// One `ucnv_fromUnicode` step; returns the raw status.
    static func convertFromUTF16(
        _ handle: OpaquePointer,
        destination: UnsafeMutableBufferPointer<UInt8>, written: inout Int,
        source: UnsafeBufferPointer<UInt16>, consumed: inout Int, flush: Bool
    ) -> Int32 {
        var status: Int32 = 0
        var destinationLength = Int32(written)
        var sourceOffset = Int32(consumed)
        destination.baseAddress!.withMemoryRebound(to: CChar.self, capacity: destination.count) { bytes in
            cicu_converter_from_utf16(handle, bytes, Int32(destination.count), &destinationLength,
                                      source.baseAddress, Int32(source.count), &sourceOffset, flush ? 1 : 0, &status)
        }
        written = Int(destinationLength)
        consumed = Int(sourceOffset)
        return status
    }

    // MARK: Segmentation

    /// UTF-8 to UTF-16 into a caller's buffer (`u_strFromUTF8Lenient`), for
    /// the segmenter's hot path: no allocation, no validation. Returns the
    /// number of code units. The bytes must be valid UTF-8 (a Swift String,
    /// or validated input) and `capacity` at least `bytes.count`.
    static func convertUTF8(_ bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutablePointer<UInt16>,
                            capacity: Int) throws(ICUError) -> Int {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        var status: Int32 = 0
        let produced = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { source in
            cicu_break_utf16_from_valid_utf8(buffer, Int32(capacity), source, Int32(bytes.count), &status)
        }
        try ICUError.check(status)
        return Int(produced)
    }
}
