import BulgarianText
import FuzzSupport

private let native = try! Transliterator(engine: .native)
private let icu = try! Transliterator(engine: .icu)

/// Transliteration, the differential check: the native engine and ICU running
/// the rules generated from the same table give byte-identical output on any
/// valid UTF-8, and no Bulgarian letter is left in it. Invalid UTF-8 is
/// rejected, never transliterated. The stream agrees with the one-shot call.

func fuzzTransliteration(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let bytes = input.bytes
    guard let nativeOutput = try? native.transliterate(utf8: bytes) else {
        fuzzCheck(input.validString == nil, "valid UTF-8 was rejected")
        return 0
    }
    fuzzCheck(input.validString != nil, "invalid UTF-8 was accepted")
    guard let icuOutput = try? icu.transliterate(utf8: bytes) else {
        fuzzCheck(false, "the ICU engine failed where the native one did not")
        return 0
    }
    fuzzCheck(nativeOutput == icuOutput, "native and ICU outputs differ")
    let text = String(decoding: nativeOutput, as: UTF8.self)
    fuzzCheck(!containsBulgarianLetter(text), "a Bulgarian letter is left in the output")
    if var stream = try? native.makeStream() {
        let cut = bytes.isEmpty ? 0 : Int(input.selector) % (bytes.count + 1)
        if let first = try? stream.feed(bytes[..<cut]), let second = try? stream.feed(bytes[cut...]),
           let last = try? stream.finish() {
            fuzzCheck(first + second + last == nativeOutput, "the stream disagrees with the one-shot call")
        }
    }
    return 0
}
