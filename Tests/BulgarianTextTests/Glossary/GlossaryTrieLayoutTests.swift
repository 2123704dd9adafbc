import Testing
@testable import BulgarianText

/// The compiled trie's two forms of edges (a table indexed by symbol, and
/// sorted (symbol, offset) pairs searched linearly or by halving) give the
/// same matches as a plain search of every term at every place.
struct GlossaryTrieLayoutTests {
    /// Letters without case from several scripts (Georgian, Hebrew, Thai,
    /// CJK, Hiragana), so that `case=exact` compares bytes and the alphabet
    /// can be larger than 64 symbols.
    private static let letters: [Character] = (0x10D0...0x10F0).map { Character(Unicode.Scalar($0)!) }
        + (0x05D0...0x05EA).map { Character(Unicode.Scalar($0)!) }
        + (0x0E01...0x0E2E).map { Character(Unicode.Scalar($0)!) }
        + (0x4E00...0x4E3F).map { Character(Unicode.Scalar($0)!) }
        + (0x3041...0x3060).map { Character(Unicode.Scalar($0)!) }

    /// Terms over `alphabet` letters: a few frequent letters start most
    /// terms and rare ones follow, so that nodes get children both close
    /// together and far apart in symbol order.
    private func terms(_ random: inout SeededGenerator, count: Int, alphabet: Int) -> [String] {
        var terms: [String] = []
        for _ in 0..<count {
            var term = ""
            let length = 1 + Int.random(in: 0..<4, using: &random)
            for position in 0..<length {
                let frequent = Int.random(in: 0..<3, using: &random) != 0
                term.append(Self.letters[frequent ? Int.random(in: 0..<6, using: &random) : Int.random(in: 0..<alphabet, using: &random)])
                if position + 1 < length && Int.random(in: 0..<8, using: &random) == 0 { term.append(" ") }
            }
            terms.append(term)
        }
        return terms
    }

    /// Leftmost-longest by brute force: at every place a word can start,
    /// every term compared byte by byte; a match must end where a word
    /// does; the earliest entry wins a tie (all have the same priority and
    /// the same source length for the same text).
    private func expected(_ terms: [String], _ text: String) -> [String] {
        let bytes = Array(text.utf8)
        let keys = terms.map { Array($0.utf8) }
        let starts = Array(text.unicodeScalars.indices.map { text.utf8.distance(from: text.utf8.startIndex, to: $0) }) + [bytes.count]
        let isWord = text.unicodeScalars.map { $0 != " " }
        var result: [String] = []
        var scalar = 0
        while scalar < isWord.count {
            let start = starts[scalar]
            var best: (length: Int, entry: Int)?
            if scalar == 0 || !(isWord[scalar - 1] && isWord[scalar]) {
                for (entry, key) in keys.enumerated() where bytes[start...].starts(with: key) {
                    let end = start + key.count
                    guard let endScalar = starts.firstIndex(of: end) else { continue }
                    let wordEnds = endScalar == isWord.count || !(isWord[endScalar - 1] && isWord[endScalar])
                    if wordEnds && key.count > (best?.length ?? 0) { best = (key.count, entry) }
                }
            }
            if let best {
                result.append(String(decoding: bytes[start..<(start + best.length)], as: UTF8.self) + "=\(best.entry)")
                scalar = starts.firstIndex(of: start + best.length)!
            } else {
                scalar += 1
            }
        }
        return result
    }

    private func found(_ glossary: Glossary, _ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return glossary.matches(in: text).map { String(decoding: bytes[$0.range], as: UTF8.self) + "=\($0.entryIndex)" }
    }

    /// How many nodes have each form of edges: (table, pairs, pairs with more than eight).
    private func edgeForms(_ glossary: Glossary) -> (table: Int, pairs: Int, manyPairs: Int) {
        let automaton = glossary.automaton
        var counts = (table: 0, pairs: 0, manyPairs: 0)
        var stack: [UInt32] = [0]
        while let node = stack.popLast() {
            let layout = GlossaryAutomaton.layout(automaton.nodes, node)
            if layout.edgeCount > 0 {
                if layout.table {
                    counts.table += 1
                } else {
                    counts.pairs += 1
                    if layout.edgeCount > 8 { counts.manyPairs += 1 }
                }
            }
            GlossaryAutomaton.forEachEdge(automaton.nodes, of: node) { _, child in stack.append(child) }
        }
        return counts
    }

    @Test(arguments: [(seed: UInt64(1), alphabet: 20), (seed: 2, alphabet: 90), (seed: 3, alphabet: 200)])
    func bothEdgeFormsMatchLikeABruteForceSearch(seed: UInt64, alphabet: Int) throws {
        var random = SeededGenerator(seed: seed)
        let terms = terms(&random, count: 400, alphabet: alphabet)
        let tsv = terms.map { "\($0)\tt\tcase=exact,noinflect" }.joined(separator: "\n")
        let glossary = Glossary(entries: try GlossaryTSV.entries(parsing: tsv, source: "random.tsv"))
        let forms = edgeForms(glossary)
        #expect(forms.table > 0)
        if alphabet > 64 {
            #expect(forms.pairs > 0)
            #expect(forms.manyPairs > 0)
        }
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<Int.random(in: 0..<12, using: &random) {
                text += Int.random(in: 0..<3, using: &random) == 0 ? terms[Int.random(in: 0..<terms.count, using: &random)] : String(Self.letters[Int.random(in: 0..<alphabet, using: &random)])
                if Int.random(in: 0..<2, using: &random) == 0 { text += " " }
            }
            #expect(found(glossary, text) == expected(terms, text), "text: \(text)")
        }
    }
}
