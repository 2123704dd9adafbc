import BulgarianText
import FuzzSupport

private let repairing: [Normalizer] = [
    NormalizationOptions(fixMojibake: true),
    NormalizationOptions(fixMixedScript: true),
    NormalizationOptions(fixMojibake: true, fixMixedScript: true),
].map { try! Normalizer(options: $0) }

/// Decoding: every encoding, strict and lossy. Strict decoding either succeeds
/// with valid UTF-8 or names an offset inside the input; lossy decoding always
/// succeeds; the decoded map stays inside the input; the detector answers; the
/// decoded text then goes through `--fix-mojibake` and `--fix-mixed-script`,
/// which must stay idempotent.

func fuzzDecoding(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let bytes = input.bytes
    let encoding = TextEncoding.allCases[Int(input.selector) % TextEncoding.allCases.count]
    _ = EncodingDetector.detect(bytes)
    do {
        let decoded = try TextDecoder.decode(bytes, as: encoding)
        fuzzCheck(String(validating: decoded.utf8, as: UTF8.self) != nil, "\(encoding) decoded to invalid UTF-8")
        checkMap(decoded, bytes.count)
    } catch {
        fuzzCheck(error.byteOffset >= 0 && error.byteOffset <= bytes.count, "\(encoding) error offset \(error.byteOffset)")
    }
    guard let lossy = try? TextDecoder.decode(bytes, as: encoding, lossy: true) else {
        // Only `utf-16` may still refuse: without a byte order mark it has no byte order.
        let hasBOM = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        fuzzCheck(encoding == .utf16 && !hasBOM, "\(encoding) lossy decoding failed")
        return 0
    }
    fuzzCheck(String(validating: lossy.utf8, as: UTF8.self) != nil, "\(encoding) lossy decoded to invalid UTF-8")
    checkMap(lossy, bytes.count)
    let normalizer = repairing[Int(input.selector / 16) % repairing.count]
    if let once = try? normalizer.normalize(lossy) {
        fuzzCheck(once.originalByteCount == bytes.count, "normalized original size \(once.originalByteCount) ≠ \(bytes.count)")
        let range = once.originalRange(of: 0..<once.byteCount)
        fuzzCheck(range.lowerBound >= 0 && range.upperBound <= bytes.count, "whole text maps to \(range)")
        if let twice = try? normalizer.normalize(utf8: once.utf8) {
            fuzzCheck(twice.utf8 == once.utf8, "repair is not idempotent")
        } else {
            fuzzCheck(false, "repaired output is not valid UTF-8")
        }
    } else {
        fuzzCheck(false, "normalizing decoded text failed")
    }
    return 0
}

private func checkMap(_ decoded: DecodedText, _ count: Int) {
    let step = max(1, decoded.utf8.count / 8)
    for start in stride(from: 0, through: decoded.utf8.count, by: step) {
        let range = decoded.originalRange(of: start..<decoded.utf8.count)
        fuzzCheck(range.lowerBound >= 0 && range.lowerBound <= range.upperBound && range.upperBound <= count,
                  "\(decoded.encoding) maps \(start)..<\(decoded.utf8.count) to \(range) of \(count)")
    }
}
