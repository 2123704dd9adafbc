/// Repairs mojibake (`--fix-mojibake`): UTF-8 that was decoded as
/// windows-1251, windows-1252, Latin-1, KOI8-R or CP866 and saved again
/// (`Р‘СЉР»РіР°СЂРёСЏ`, `Ð‘ÑŠÐ»Ð³Ð°Ñ€Ð¸Ñ`), and windows-1251 bytes read as
/// Latin-1 or windows-1252 (`Áúëãàðèÿ`), also two layers deep.
///
/// A line is looked at only when it holds a character that plain Bulgarian
/// or Russian text does not use. In such a line every run of non-ASCII characters is
/// re-encoded in each code page and decoded again (leniently: bytes that do
/// not decode keep their character), through one or two layers; the best
/// result replaces the run only when `BulgarianLetterModel` scores it clearly
/// better than the run as it was. Correct Bulgarian, Russian and Latin-script
/// text therefore stays as it is.
struct MojibakeRepair: Sendable {
    /// One mis-decoding to undo: characters back to bytes in `encoded`, bytes
    /// read again as UTF-8 or in `decoded`.
    struct Layer: Sendable {
        let encoded: SingleByteCodePage
        let decoded: SingleByteCodePage?
    }

    let layers: [Layer]
    let model: BulgarianLetterModel

    /// The repairer with the built-in code pages and model.
    static let shared = MojibakeRepair(
        layers: [
            Layer(encoded: .windows1251Lenient, decoded: nil),
            Layer(encoded: .western, decoded: nil),
            Layer(encoded: .koi8r, decoded: nil),
            Layer(encoded: .cp866, decoded: nil),
            Layer(encoded: .western, decoded: .windows1251Lenient),
        ],
        model: .shared)

    /// A character of a run and the bytes of the step's input it stands for.
    struct Unit {
        var scalar: UInt32
        var source: Range<Int>
    }

    // MARK: Finding lines

    /// Whether a scalar appears in plain Bulgarian or Russian text (so that
    /// it alone never makes a line suspicious). Mojibake always brings other
    /// characters along (Љ » ° Ђ µ from windows-1251, Ð Ñ from Latin-1, box
    /// drawing from KOI8-R and CP866), so ы э ё need not raise suspicion,
    /// and Russian text costs no more than Bulgarian.
    @inline(__always)
    private static func isPlain(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x0410...0x044F, 0x0401, 0x0451, 0x045D, 0x040D, 0x00A0, 0x202F, 0x0300, 0x0301, 0x00AB, 0x00BB,
             0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x201E, 0x2026, 0x2116, 0x00A7, 0x00B0: true
        default: false
        }
    }

    /// The end of the first suspicious line at or after `start`, with its start, or nil.
    private static func nextSuspiciousLine(_ base: UnsafePointer<UInt8>, count: Int, from start: Int) -> Range<Int>? {
        var lineStart = start
        var index = start
        while index < count {
            let byte = base[index]
            if byte < 0x80 {
                if byte == 0x0A { lineStart = index + 1 }
                index += 1
                continue
            }
            if byte == 0xD0 {
                let next = base[index + 1]
                if next >= 0x90 || next == 0x81 || next == 0x8D { index += 2; continue }
            } else if byte == 0xD1 {
                let next = base[index + 1]
                if next <= 0x8F || next == 0x91 || next == 0x9D { index += 2; continue }
            }
            let (scalar, length) = UTF8Scalars.decode(base, at: index)
            if !isPlain(scalar) {
                var lineEnd = index
                while lineEnd < count && base[lineEnd] != 0x0A { lineEnd += 1 }
                return lineStart..<lineEnd
            }
            index += length
        }
        return nil
    }

    // MARK: Running

    /// Runs the step: its result (nil when it changes nothing), and whether
    /// any line was suspicious (without one, later steps cannot give it work).
    func run(_ bytes: UnsafeBufferPointer<UInt8>) -> (result: StageResult?, sawSuspiciousLine: Bool) {
        guard let base = bytes.baseAddress else { return (nil, false) }
        var writer: StageWriter?
        var position = 0
        var sawSuspiciousLine = false
        while let line = Self.nextSuspiciousLine(base, count: bytes.count, from: position) {
            sawSuspiciousLine = true
            for (range, pieces) in repairs(in: line, base) {
                if writer == nil { writer = StageWriter(input: bytes) }
                writer!.replace(range, pieces: pieces, kind: .mojibake)
            }
            position = line.upperBound
        }
        return (writer?.finish(), sawSuspiciousLine)
    }

    /// The repairs of one line: each run's range and its repaired pieces.
    func repairs(in line: Range<Int>, _ base: UnsafePointer<UInt8>) -> [(Range<Int>, [(input: Range<Int>, output: [UInt8])])] {
        // Runs of non-ASCII characters.
        var runs: [[Unit]] = []
        var current: [Unit] = []
        var index = line.lowerBound
        while index < line.upperBound {
            if base[index] < 0x80 {
                if !current.isEmpty { runs.append(current); current = [] }
                index += 1
                continue
            }
            let (scalar, length) = UTF8Scalars.decode(base, at: index)
            current.append(Unit(scalar: scalar, source: index..<index + length))
            index += length
        }
        if !current.isEmpty { runs.append(current) }

        // Each run's best chain of layers, when it is clearly better.
        var chosen: [(run: Int, chain: [Int], units: [Unit])] = []
        var undecided: [Int] = []
        for (number, run) in runs.enumerated() {
            if let (chain, units) = bestRepair(of: run) {
                chosen.append((number, chain, units))
            } else {
                undecided.append(number)
            }
        }
        // A repaired run may be mojibake again (nested layers), which the
        // normalizer's next round repairs. Real layers each at least halve a
        // run, so a run of n bytes settles within log2(n) repairs. One that
        // would not is a look-alike chain — `ВВВВ\u{A0}` loses one `В` to
        // each repair, as `В\u{A0}` is the mojibake of a no-break space —
        // which no bound on rounds could settle: it is left as it was.
        // Refused before the vote below, so that such a run leads no other.
        chosen.removeAll { entry in
            let run = runs[entry.run]
            let bytes = run.last!.source.upperBound - run.first!.source.lowerBound
            let limit = Int.bitWidth - bytes.leadingZeroBitCount
            var units = entry.units
            var repairs = 1
            while let (_, again) = bestRepair(of: units) {
                repairs += 1
                if repairs > limit { return true }
                units = again
            }
            return false
        }
        // Short runs the model cannot judge alone (`Р’` for В) follow the chain
        // most of the line needed, when that does not make them worse.
        var chainCounts: [[Int]: Int] = [:]
        for entry in chosen { chainCounts[entry.chain, default: 0] += 1 }
        if let dominant = chainCounts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key.lexicographicallyPrecedes($1.key)) })?.key {
            for number in undecided {
                let run = runs[number]
                let units = apply(dominant, to: run)
                guard changed(units, run), containsCyrillicLetter(units) else { continue }
                if model.meanScore(units.lazy.map(\.scalar)) >= model.meanScore(run.lazy.map(\.scalar)) {
                    chosen.append((number, dominant, units))
                }
            }
            chosen.sort { $0.run < $1.run }
        }
        return chosen.map { entry in
            let run = runs[entry.run]
            let range = run.first!.source.lowerBound..<run.last!.source.upperBound
            let pieces = entry.units.map { unit in
                (input: unit.source, output: Array(String(Character(Unicode.Scalar(unit.scalar)!)).utf8))
            }
            return (range, pieces)
        }
    }

    /// How much more likely (in nats) a repaired run must be than the run as
    /// it was: the odds against any text being mojibake at all. A second
    /// layer costs more. With these, a lone `×` never becomes `Ч`, while a
    /// mojibake word of two letters or more is always repaired.
    static let requiredGain = 8.0
    static let layerCost = 3.0
    /// A repair must look like Bulgarian in absolute terms too (mean
    /// log-probability per symbol; Bulgarian prose scores about -2.8).
    static let lowestMeanScore = -4.5

    /// The repair of a run: the most likely chain of layers that changes it,
    /// yields Cyrillic letters and is clearly likelier than the run as it
    /// was. One layer wins when one is enough (`Витоша`, not the likelier-
    /// looking `Витора` that one more layer would make); two layers are
    /// tried only when no single layer is enough.
    private func bestRepair(of run: [Unit]) -> ([Int], [Unit])? {
        let original = model.score(run.lazy.map(\.scalar)).total
        func accepts(_ chain: [Int], _ units: [Unit], _ score: (total: Double, count: Int)) -> Bool {
            score.total - original >= Self.requiredGain + Self.layerCost * Double(chain.count - 1)
                && score.total / Double(score.count) > Self.lowestMeanScore
                // A repair yields letters and punctuation, never symbols or controls.
                && !units.contains { BulgarianLetterModel.symbol($0.scalar) == BulgarianLetterModel.strange }
        }
        var bestSingle: ([Int], [Unit], (total: Double, count: Int))?
        var bestDouble: ([Int], [Unit], (total: Double, count: Int))?
        func consider(_ chain: [Int], _ units: [Unit], into best: inout ([Int], [Unit], (total: Double, count: Int))?) {
            guard containsCyrillicLetter(units) else { return }
            let score = model.score(units.lazy.map(\.scalar))
            if best == nil || score.total > best!.2.total { best = (chain, units, score) }
        }
        var onceRepaired: [(Int, [Unit])] = []
        for first in layers.indices {
            let once = apply(layers[first], to: run)
            guard changed(once, run) else { continue }
            consider([first], once, into: &bestSingle)
            onceRepaired.append((first, once))
        }
        if let single = bestSingle, accepts(single.0, single.1, single.2) { return (single.0, single.1) }
        for (first, once) in onceRepaired {
            for second in layers.indices {
                let twice = apply(layers[second], to: once)
                if changed(twice, once) { consider([first, second], twice, into: &bestDouble) }
            }
        }
        if let double = bestDouble, accepts(double.0, double.1, double.2) { return (double.0, double.1) }
        return nil
    }

    private func apply(_ chain: [Int], to run: [Unit]) -> [Unit] {
        chain.reduce(run) { apply(layers[$1], to: $0) }
    }

    private func changed(_ units: [Unit], _ run: [Unit]) -> Bool {
        units.count != run.count || zip(units, run).contains { $0.scalar != $1.scalar }
    }

    private func containsCyrillicLetter(_ units: [Unit]) -> Bool {
        units.contains { BulgarianLetterModel.symbol($0.scalar) < BulgarianLetterModel.boundary }
    }

    /// Undoes one layer. Characters without a byte in the code page, and
    /// bytes that do not decode, keep their character.
    ///
    /// A sequence is decoded only where the bytes around it are UTF-8 too:
    /// not right after a lead byte that did not decode, and not when the
    /// character it makes would, with the stray continuation bytes after it,
    /// make another sequence. Real mojibake never has either (every lead
    /// byte has its continuation bytes); look-alike text does, and decoding
    /// there would leave text that the same layer changes again and again —
    /// `ВВВВ\u{A0}` would lose one `В` per round, `Р\u{A0}\u{A0}` one
    /// no-break space — so that normalizing twice would not equal once.
    func apply(_ layer: Layer, to run: [Unit]) -> [Unit] {
        let bytes: [UInt8?] = run.map { unit in
            unit.scalar < 0x80 ? UInt8(unit.scalar) : layer.encoded.bytes[unit.scalar]
        }
        var output: [Unit] = []
        output.reserveCapacity(run.count)
        var index = 0
        var afterStrayLead = false
        while index < run.count {
            guard let byte = bytes[index], byte >= 0x80 else {
                output.append(run[index])
                afterStrayLead = false
                index += 1
                continue
            }
            if let decoded = layer.decoded {
                let scalar = decoded.scalars[Int(byte)]
                output.append(scalar == SingleByteCodePage.undefined ? run[index] : Unit(scalar: scalar, source: run[index].source))
                index += 1
                continue
            }
            if !afterStrayLead, let (scalar, length) = Self.decodeUTF8(bytes, at: index),
               !Self.wouldJoin(layer.encoded.bytes[scalar], bytes, at: index + length) {
                output.append(Unit(scalar: scalar, source: run[index].source.lowerBound..<run[index + length - 1].source.upperBound))
                afterStrayLead = false
                index += length
            } else {
                output.append(run[index])
                afterStrayLead = UTF8LeadByte.shape(byte) != nil
                index += 1
            }
        }
        return output
    }

    /// Whether `lead` (a decoded character's byte) and the bytes at `index`
    /// would make a UTF-8 sequence.
    private static func wouldJoin(_ lead: UInt8?, _ bytes: [UInt8?], at index: Int) -> Bool {
        guard let lead, let (length, second) = UTF8LeadByte.shape(lead), index + length - 1 <= bytes.count else { return false }
        for offset in 0..<(length - 1) {
            guard let byte = bytes[index + offset], (offset == 0 ? second : 0x80...0xBF).contains(byte) else { return false }
        }
        return true
    }

    /// A valid multi-byte UTF-8 sequence at `index`, or nil.
    private static func decodeUTF8(_ bytes: [UInt8?], at index: Int) -> (UInt32, Int)? {
        guard let lead = bytes[index], let (length, second) = UTF8LeadByte.shape(lead) else { return nil }
        guard index + length <= bytes.count else { return nil }
        var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            guard let byte = bytes[index + offset], (offset == 1 ? second : 0x80...0xBF).contains(byte) else { return nil }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        return (scalar, length)
    }
}
