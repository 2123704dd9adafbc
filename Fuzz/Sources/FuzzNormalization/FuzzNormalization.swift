import BulgarianText
import FuzzSupport

private let normalizers: [Normalizer] = [
    NormalizationOptions(),
    NormalizationOptions(stripStress: true),
    NormalizationOptions(compatibilityComposition: true),
    NormalizationOptions(fixMixedScript: true),
    NormalizationOptions(fixMojibake: true),
    NormalizationOptions(profile: .typography),
    NormalizationOptions(profile: .ascii),
    .all(profile: .typography),
    .all(profile: .ascii),
].map { try! Normalizer(options: $0) }

/// Normalization: normalizing twice equals normalizing once, for every option
/// set; the offset map sends every range of the output to a range inside the
/// original, in order; invalid UTF-8 is rejected.

func fuzzNormalization(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let normalizer = normalizers[Int(input.selector) % normalizers.count]
    guard let once = try? normalizer.normalize(utf8: input.bytes) else {
        fuzzCheck(input.validString == nil, "valid UTF-8 was rejected")
        return 0
    }
    fuzzCheck(input.validString != nil, "invalid UTF-8 was accepted")
    fuzzCheck(once.originalByteCount == input.bytes.count, "original byte count \(once.originalByteCount)")
    fuzzCheck(once.byteCount == once.utf8.count, "byte count \(once.byteCount) ≠ \(once.utf8.count)")
    guard let twice = try? normalizer.normalize(utf8: once.utf8) else {
        fuzzCheck(false, "normalized output is not valid UTF-8")
        return 0
    }
    fuzzCheck(twice.utf8 == once.utf8, "normalizing twice differs from once")
    var previous = 0
    for offset in 0...once.byteCount {
        let original = once.originalOffset(of: offset)
        fuzzCheck(original >= previous && original <= input.bytes.count,
                  "offset \(offset) maps to \(original) (previous \(previous), original size \(input.bytes.count))")
        previous = original
    }
    let step = max(1, once.byteCount / 16)
    for start in stride(from: 0, through: once.byteCount, by: step) {
        for end in stride(from: start, through: once.byteCount, by: step) {
            let range = once.originalRange(of: start..<end)
            fuzzCheck(range.lowerBound >= 0 && range.upperBound <= input.bytes.count,
                      "range \(start)..<\(end) maps outside the original: \(range)")
        }
    }
    return 0
}
