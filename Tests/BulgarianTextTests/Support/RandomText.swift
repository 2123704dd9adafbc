/// A small deterministic generator (SplitMix64), so that property and
/// differential tests are reproducible from their seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random text built to hit the edges of Bulgarian processing: words in
/// every case pattern, stress marks and decomposed letters, Latin, digits,
/// punctuation, emoji, and line structure.
enum RandomText {
    static let bulgarianLower = Array("абвгдежзийклмнопрстуфхцчшщъьюяѝ")
    static let bulgarianUpper = Array("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯЍ")
    static let otherCyrillic = Array("ёыэєіїўґѓќђћљњџѕјѣѫЁЫЭЄІЇЎҐЃЌЂЋЉЊЏЅЈѢѪ")
    static let latin = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéÉßøǅ")
    static let marks: [Character] = ["\u{0301}", "\u{0300}", "\u{0306}", "\u{0308}", "\u{0303}"]
    static let separators: [String] = [" ", " ", " ", ", ", ". ", "! ", "? ", " – ", "-", "„", "“", "\"", "(", ")", "…", "\n", "\n\n", "\t", "\u{00A0}", "  ", "1", "2026", "3.14", "😀", "👩‍💻", "№", "%", "/", "\r\n", "'", "’", "ʼ", "\u{200B}"]

    /// A word: Bulgarian most of the time, in lower, Title, ALL CAPS or mixed case.
    static func word(_ random: inout SeededGenerator) -> String {
        let length = Int.random(in: 1...9, using: &random)
        let pattern = Int.random(in: 0..<10, using: &random)
        var word = ""
        for index in 0..<length {
            let kind = Int.random(in: 0..<100, using: &random)
            var upper: Bool
            switch pattern {
            case 0...4: upper = false
            case 5...6: upper = index == 0
            case 7...8: upper = true
            default: upper = Bool.random(using: &random)
            }
            if kind < 85 {
                let letters = upper ? bulgarianUpper : bulgarianLower
                word.append(letters.randomElement(using: &random)!)
            } else if kind < 90 {
                word.append(otherCyrillic.randomElement(using: &random)!)
            } else if kind < 96 {
                word.append(latin.randomElement(using: &random)!)
            } else {
                word.unicodeScalars.append(contentsOf: marks.randomElement(using: &random)!.unicodeScalars)
            }
            if Int.random(in: 0..<30, using: &random) == 0 {
                word.unicodeScalars.append(contentsOf: marks.randomElement(using: &random)!.unicodeScalars)
            }
        }
        if Int.random(in: 0..<8, using: &random) == 0 { word += ["ия", "ИЯ", "Ия", "и\u{0301}я", "ия\u{0301}"].randomElement(using: &random)! }
        if Int.random(in: 0..<40, using: &random) == 0 { word = ["България", "БЪЛГАРИЯ", "българия", "Цветан", "ЖЕЧЕВ"].randomElement(using: &random)! }
        return word
    }

    /// About `length` characters of words and separators.
    static func text(length: Int, seed: UInt64) -> String {
        var random = SeededGenerator(seed: seed)
        var text = ""
        while text.unicodeScalars.count < length {
            text += word(&random)
            text += separators.randomElement(using: &random)!
        }
        return text
    }
}
