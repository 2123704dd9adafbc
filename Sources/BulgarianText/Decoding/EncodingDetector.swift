/// Which encoding a file is in, among those bgtext reads, with a confidence.
public struct EncodingDetection: Sendable, Hashable {
    /// The most likely encoding.
    public var encoding: TextEncoding
    /// How sure the detector is, from 0 to 1.
    public var confidence: Double

    /// Creates a detection.
    public init(encoding: TextEncoding, confidence: Double) {
        self.encoding = encoding
        self.confidence = confidence
    }
}

/// Detects the encoding of Bulgarian text.
///
/// A byte order mark decides; valid UTF-8 with non-ASCII bytes is UTF-8.
/// Otherwise every single-byte Cyrillic code page (windows-1251, KOI8-R,
/// ISO-8859-5, CP866, MIK) decodes the first 64 KiB and the Bulgarian letter
/// model scores each result; unlike ICU's detector, this tells CP866 from MIK
/// and Bulgarian from Russian letter statistics.
public enum EncodingDetector {
    /// How many bytes the scorer reads: more are ignored.
    public static let sampleByteCount = 1 << 16
    static let sampleSize = sampleByteCount

    /// Whether `tail` is the start of a multi-byte UTF-8 character: a lead
    /// byte and fewer continuation bytes than it announces.
    private static func isCutCharacter(_ tail: ArraySlice<UInt8>) -> Bool {
        guard let lead = tail.first else { return false }
        let length = switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
        return tail.count < length && tail.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
    }

    /// The detection for `bytes`.
    public static func detect(_ bytes: [UInt8]) -> EncodingDetection {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return EncodingDetection(encoding: .utf8, confidence: 1) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return EncodingDetection(encoding: .utf16, confidence: 1)
        }
        let sample = Array(bytes.prefix(sampleSize))
        // Before UTF-8: UTF-16 of Cyrillic or Latin text is mostly ASCII bytes.
        if let utf16 = utf16WithoutMark(sample) { return utf16 }
        var valid = sample.withUnsafeBufferPointer { UTF8Validation.validPrefixLength($0) }
        if valid < sample.count && sample.count - valid < 4 && isCutCharacter(sample[valid...])
            && (sample.count == sampleSize || sample[..<valid].contains { $0 >= 0x80 }) {
            // A character cut by the sample's end, or by the end of UTF-8 text
            // whose writer stopped early (there is UTF-8 before it).
            valid = sample.count
        }
        if valid == sample.count { return EncodingDetection(encoding: .utf8, confidence: 1) }
        let model = BulgarianLetterModel.shared
        var scores: [(TextEncoding, Double)] = []
        for encoding in TextEncoding.singleByteCyrillic {
            let page = encoding.codePage!
            var scalars: [UInt32] = []
            scalars.reserveCapacity(sample.count)
            var undefined = 0
            for byte in sample {
                let scalar = page.scalars[Int(byte)]
                if scalar == SingleByteCodePage.undefined { undefined += 1; scalars.append(0xFFFD) } else { scalars.append(scalar) }
            }
            scores.append((encoding, model.score(scalars).total - Double(undefined) * 20))
        }
        scores.sort { $0.1 > $1.1 }
        let best = scores[0]
        // A softmax over total log-likelihoods, tempered so that a short text is not overconfident.
        var sum = 0.0
        for (_, score) in scores { sum += exponential((score - best.1) / 4) }
        return EncodingDetection(encoding: best.0, confidence: 1 / sum)
    }

    /// UTF-16 without a byte order mark: most of one byte of each pair is zero (Latin) or 0x04 (Cyrillic).
    private static func utf16WithoutMark(_ sample: [UInt8]) -> EncodingDetection? {
        guard sample.count >= 4 else { return nil }
        var evenHigh = 0, oddHigh = 0
        for index in stride(from: 0, to: sample.count - 1, by: 2) {
            if sample[index] == 0 || sample[index] == 0x04 { evenHigh += 1 }
            if sample[index + 1] == 0 || sample[index + 1] == 0x04 { oddHigh += 1 }
        }
        let pairs = sample.count / 2
        guard sample.contains(0) else { return nil }
        if oddHigh * 10 >= pairs * 9 { return EncodingDetection(encoding: .utf16LittleEndian, confidence: 0.9) }
        if evenHigh * 10 >= pairs * 9 { return EncodingDetection(encoding: .utf16BigEndian, confidence: 0.9) }
        return nil
    }

    /// e^x for x ≤ 0, without Foundation.
    static func exponential(_ x: Double) -> Double {
        if x < -700 { return 0 }
        // e^x = (e^(x/2^k))^(2^k) with a short series for the small power.
        var k = 0
        var reduced = x
        while reduced < -0.5 { reduced /= 2; k += 1 }
        var term = 1.0, sum = 1.0
        for n in 1..<20 {
            term *= reduced / Double(n)
            sum += term
        }
        for _ in 0..<k { sum *= sum }
        return sum
    }
}
