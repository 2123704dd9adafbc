/// How Bulgarian a piece of text looks: a letter-pair (bigram) model over the
/// 30 letters of the Bulgarian alphabet and word boundaries, with fixed
/// penalties for other Cyrillic letters, Latin letters and everything else.
///
/// Built from `tables/normalization/bulgarian-model-text.txt` (prose written
/// for the project) smoothed with the published letter frequencies of
/// `tables/normalization/bulgarian-letter-frequencies.txt`. Mojibake repair
/// and encoding detection compare texts by their score. Immutable and `Sendable`.
struct BulgarianLetterModel: Sendable {
    /// Symbols 0…29 are the letters а…я (without ы, э, ё); then these.
    static let boundary = 30
    static let otherCyrillic = 31
    static let latin = 32
    static let strange = 33
    /// Latin letters with diacritics (U+00C0–U+024F): a few in Latin words, never a whole word of them.
    static let accentedLatin = 34
    static let symbolCount = 35

    /// Natural-log probabilities, `[previous * symbolCount + next]`.
    private let logProbabilities: [Double]

    static let shared: BulgarianLetterModel = {
        do {
            return try BulgarianLetterModel(
                text: BuiltInTables.required("normalization/bulgarian-model-text.txt"),
                frequencies: BuiltInTables.required("normalization/bulgarian-letter-frequencies.txt"))
        } catch {
            preconditionFailure("\(error)")
        }
    }()

    /// The Bulgarian letters in alphabetical order.
    static let alphabet: [UInt32] = Array("абвгдежзийклмнопрстуфхцчшщъьюя".unicodeScalars.map(\.value))

    init(text: String, frequencies: String) throws(TableError) {
        let letters = Self.symbolCount
        var prior = [Double](repeating: 0, count: 31)
        for line in TableLines(text: frequencies) {
            guard line.fields.count == 2, let scalar = line.fields[0].unicodeScalars.first,
                  line.fields[0].unicodeScalars.count == 1,
                  let index = Self.alphabet.firstIndex(of: scalar.value), let percent = Double(line.fields[1]) else {
                throw TableError(source: "tables/normalization/bulgarian-letter-frequencies.txt", line: line.number,
                                 message: "expected a Bulgarian letter and a percentage, found `\(line.text)`")
            }
            prior[index] = percent / 100
        }
        // About one word boundary for every six letters of prose.
        let letterShare = 0.83
        for index in 0..<30 { prior[index] *= letterShare }
        prior[Self.boundary] = 1 - letterShare

        var counts = [Double](repeating: 0, count: 31 * 31)
        var previous = Self.boundary
        for line in text.lines where !line.hasPrefix("#") {
            for scalar in line.unicodeScalars {
                var symbol = Self.symbol(scalar.value)
                if symbol > Self.boundary { symbol = Self.boundary }
                if symbol == Self.boundary && previous == Self.boundary { continue }
                counts[previous * 31 + symbol] += 1
                previous = symbol
            }
            counts[previous * 31 + Self.boundary] += 1
            previous = Self.boundary
        }
        let smoothing = 25.0
        var table = [Double](repeating: 0, count: letters * letters)
        for from in 0..<letters {
            // Unknown classes continue as after a word boundary.
            let row = from <= Self.boundary ? from : Self.boundary
            let total = (0..<31).reduce(0.0) { $0 + counts[row * 31 + $1] }
            for to in 0..<31 {
                let probability = (counts[row * 31 + to] + smoothing * prior[to]) / (total + smoothing)
                table[from * letters + to] = (probability * 0.97).logValue
            }
            let fromLetter = from < 30 || from == Self.otherCyrillic
            table[from * letters + Self.otherCyrillic] = fromLetter ? -5.5 : -6.0
            table[from * letters + Self.latin] = from == Self.latin ? -1.5 : (fromLetter ? -8.0 : -4.0)
            table[from * letters + Self.strange] = -9.0
            table[from * letters + Self.accentedLatin] = fromLetter ? -8.0 : -4.5
        }
        // Latin text is not judged by Bulgarian letter pairs.
        for from in [Self.latin, Self.accentedLatin] {
            for to in 0..<30 { table[from * letters + to] = -8.0 }
            table[from * letters + Self.boundary] = -1.5
            table[from * letters + Self.latin] = -1.5
            table[from * letters + Self.otherCyrillic] = -8.0
        }
        logProbabilities = table
    }

    /// The symbol of a scalar.
    @inline(__always)
    static func symbol(_ scalar: UInt32) -> Int {
        switch scalar {
        case 0x0430...0x044F:
            return letterIndex[Int(scalar - 0x0430)]
        case 0x0410...0x042F:
            return letterIndex[Int(scalar - 0x0410)]
        case 0x045D, 0x040D: return 8  // ѝ Ѝ count as и
        case 0x0400...0x04FF: return otherCyrillic
        case 0x41...0x5A, 0x61...0x7A: return latin
        case 0x00...0x7F: return boundary
        case 0x00C0...0x00D6, 0x00D8...0x00F6, 0x00F8...0x024F: return accentedLatin
        case 0x00A0, 0x00AB, 0x00BB, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201E, 0x2026, 0x2116, 0x202F, 0x00A7, 0x00B0:
            return boundary
        default: return strange
        }
    }

    /// а…я to symbols; ъ ы ь э ю я differ from the plain order.
    private static let letterIndex: [Int] = (0..<32).map { offset in
        let scalar = UInt32(0x0430 + offset)
        return alphabet.firstIndex(of: scalar) ?? otherCyrillic
    }

    /// The total log-probability of a scalar sequence between word boundaries,
    /// and the number of symbols scored.
    func score(_ scalars: some Sequence<UInt32>) -> (total: Double, count: Int) {
        var previous = Self.boundary
        var total = 0.0
        var count = 0
        for scalar in scalars {
            let symbol = Self.symbol(scalar)
            if symbol == Self.boundary && previous == Self.boundary { continue }
            total += logProbabilities[previous * Self.symbolCount + symbol]
            previous = symbol
            count += 1
        }
        total += logProbabilities[previous * Self.symbolCount + Self.boundary]
        return (total, count + 1)
    }

    /// The mean log-probability per symbol.
    func meanScore(_ scalars: some Sequence<UInt32>) -> Double {
        let (total, count) = score(scalars)
        return total / Double(count)
    }
}

private extension Double {
    /// The natural logarithm, without Foundation: log2 by exponent and a series.
    var logValue: Double {
        precondition(self > 0)
        var exponent = 0
        var mantissa = self
        while mantissa >= 2 { mantissa /= 2; exponent += 1 }
        while mantissa < 1 { mantissa *= 2; exponent -= 1 }
        // ln(m) for m in [1, 2) via atanh series: ln(m) = 2 atanh((m-1)/(m+1)).
        let y = (mantissa - 1) / (mantissa + 1)
        let y2 = y * y
        var term = y
        var sum = 0.0
        var k = 1.0
        for _ in 0..<40 {
            sum += term / k
            term *= y2
            k += 2
        }
        return 2 * sum + Double(exponent) * 0.6931471805599453
    }
}
