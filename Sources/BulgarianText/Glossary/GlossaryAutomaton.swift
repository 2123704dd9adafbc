/// What the matcher knows about one generated form: its entry and how the
/// case of the text must agree with it.
struct GlossaryPattern: Sendable {
    /// How case is checked for a pattern.
    enum CaseCheck: UInt8, Sendable {
        /// Any capitalisation (`case=insensitive`).
        case any
        /// A lower-case entry: any first letter, or all capitals (`case=smart`).
        case lowerInitialOrCapitals
        /// A capitalised entry: as written, or all capitals (`case=smart`).
        case titleOrCapitals
        /// Only as written: compared with the form's text.
        case exact
    }

    /// Index of the entry in `Glossary.entries`.
    var entry: UInt32
    /// For `.exact`: the form's UTF-8 in `GlossaryAutomaton.exactText`.
    var textOffset: UInt32
    /// For `.exact`: the form's length in bytes.
    var textLength: UInt32
    /// `BulgarianInflection.FormKind` as its index in `allCases`.
    var kind: UInt8
    /// The case check.
    var caseCheck: CaseCheck
}

/// The folded forms of a glossary (symbol strings) before compilation.
struct GlossaryKeys {
    /// All keys, one after the other.
    var symbols: [UInt16] = []
    /// Key `i` is `symbols[starts[i]..<starts[i + 1]]`.
    var starts: [UInt32] = [0]

    var count: Int { starts.count - 1 }

    mutating func append(_ key: [UInt16]) {
        symbols += key
        starts.append(UInt32(symbols.count))
    }
}

/// The compiled glossary: a trie over whole tokens rather than letters.
///
/// A token is a run of word symbols (a whole word, since a term never starts
/// or ends inside a word), one white-space symbol, or one other symbol. Each
/// distinct token of the forms gets a number in a hash table keyed by a
/// 64-bit hash of its symbols (the symbols are kept and compared, so a hash
/// collision never makes a false match). The trie's states are reached
/// token by token: from the root through an array indexed by token number,
/// elsewhere through one hash table keyed by (state, token). A walk from a
/// word start thus costs a few memory accesses per word, not one or more per
/// letter. Each state lists the patterns that end there, best first, as two
/// words each (entry index in the low 30 bits and case check in the high 2;
/// then the pattern index).
///
/// Owns its storage through raw pointers (allocated in `init`, freed in
/// `deinit`) so that the matcher's hot loop does no bounds or uniqueness
/// checks; nothing writes to it after `init`, so it is safe to share.
final class GlossaryAutomaton: @unchecked Sendable {
    /// Token hash table: pairs of words (hash, symbol offset << 32 | token + 1); 0 in the second word is empty.
    private let tokenSlots: UnsafeMutablePointer<UInt64>
    private let tokenMask: Int
    /// Token symbols, each token as its length followed by its symbols.
    private let tokenSymbols: UnsafeMutablePointer<UInt16>
    /// Root transitions by token number: state, or 0 for none.
    private let rootNext: UnsafeMutablePointer<UInt32>
    /// Other transitions: pairs of words (state << 32 | token, next state); 0 key is empty.
    private let edgeSlots: UnsafeMutablePointer<UInt64>
    private let edgeMask: Int
    /// Per state: offset of its first pattern word, with `childrenFlag`;
    /// state `s`'s pattern words end where state `s + 1`'s start.
    private let stateInfo: UnsafeMutablePointer<UInt32>
    /// The pattern words of all states.
    let terminals: UnsafeMutablePointer<UInt32>
    /// Per symbol: 1 when some form starts with it.
    private let startSymbols: UnsafeMutablePointer<UInt8>
    private let startSymbolCount: Int
    /// The patterns.
    let patterns: UnsafeMutablePointer<GlossaryPattern>
    /// UTF-8 of the forms of `.exact` patterns.
    let exactText: UnsafeMutablePointer<UInt8>
    /// Sizes.
    let nodeCount: Int
    let patternCount: Int
    let tokenCount: Int

    /// Compiles keys (key `i` belongs to pattern `i`). `isWord[s]` tells
    /// whether symbol `s` is a word character. `order` ranks two patterns
    /// with the same key: true when the first wins.
    init(keys: consuming GlossaryKeys, patterns list: [GlossaryPattern], exactText text: [UInt8], symbolCount: Int,
         isWord: [Bool], order: (GlossaryPattern, GlossaryPattern) -> Bool) {
        patternCount = list.count
        patterns = Self.copy(list)
        exactText = Self.copy(text)
        var builder = GlossaryTokenTrieBuilder(isWord: isWord)
        let starts = keys.starts
        var firstSymbols = [UInt8](repeating: 0, count: max(symbolCount, 1))
        var endStates = [UInt32](repeating: 0, count: keys.count)
        keys.symbols.withUnsafeBufferPointer { symbols in
            for key in 0..<keys.count {
                let low = Int(starts[key]), high = Int(starts[key + 1])
                if low < high { firstSymbols[Int(symbols[low])] = 1 }
                endStates[key] = builder.insert(UnsafeBufferPointer(rebasing: symbols[low..<high]))
            }
        }
        keys = GlossaryKeys()
        // Patterns grouped by end state (counting sort), each group best first.
        let stateCount = builder.stateCount
        var counts = [UInt32](repeating: 0, count: stateCount + 1)
        for state in endStates { counts[Int(state) + 1] += 1 }
        for state in 0..<stateCount { counts[state + 1] += counts[state] }
        var grouped = [UInt32](repeating: 0, count: endStates.count)
        var fill = counts
        for (id, state) in endStates.enumerated() {
            grouped[Int(fill[Int(state)])] = UInt32(id)
            fill[Int(state)] += 1
        }
        var words: [UInt32] = []
        words.reserveCapacity(2 * endStates.count)
        let info = UnsafeMutablePointer<UInt32>.allocate(capacity: stateCount + 1)
        for state in 0..<stateCount {
            info[state] = UInt32(words.count) | (builder.hasChildren[state] ? Self.childrenFlag : 0)
            let low = Int(counts[state]), high = Int(counts[state + 1])
            if high - low > 1 { grouped[low..<high].sort { order(list[Int($0)], list[Int($1)]) } }
            for index in low..<min(high, low + Self.maximumTerminalCount) {
                let pattern = list[Int(grouped[index])]
                words.append(pattern.entry | UInt32(pattern.caseCheck.rawValue) << 30)
                words.append(grouped[index])
            }
        }
        info[stateCount] = UInt32(words.count)
        stateInfo = info
        terminals = Self.copy(words)
        nodeCount = stateCount
        tokenCount = builder.tokenCount
        tokenSlots = Self.copy(builder.tokenSlots)
        tokenMask = builder.tokenSlots.count / 2 - 1
        tokenSymbols = Self.copy(builder.tokenSymbols)
        rootNext = Self.copy(builder.rootNext)
        edgeSlots = Self.copy(builder.edgeSlots)
        edgeMask = builder.edgeSlots.count / 2 - 1
        startSymbols = Self.copy(firstSymbols)
        startSymbolCount = firstSymbols.count
    }

    private static func copy<Element>(_ array: [Element]) -> UnsafeMutablePointer<Element> {
        let storage = UnsafeMutablePointer<Element>.allocate(capacity: max(array.count, 1))
        array.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { storage.initialize(from: base, count: buffer.count) }
        }
        return storage
    }

    deinit {
        tokenSlots.deallocate()
        tokenSymbols.deallocate()
        rootNext.deallocate()
        edgeSlots.deallocate()
        stateInfo.deallocate()
        terminals.deallocate()
        startSymbols.deallocate()
        patterns.deallocate()
        exactText.deallocate()
    }

    /// Whether some form starts with `symbol`.
    @inline(__always)
    func startsForm(_ symbol: Int) -> Bool {
        symbol < startSymbolCount && startSymbols[symbol] != 0
    }

    /// The number of the token with `hash` whose symbols are those that
    /// `symbols` yields one by one (it returns 0 past the end), or nil.
    @inline(__always)
    func token(hash: UInt64, _ symbols: (inout Int) -> UInt16) -> UInt32? {
        var slot = Int(truncatingIfNeeded: GlossaryTokenHash.mix(hash)) & tokenMask
        while true {
            let value = tokenSlots[2 * slot + 1]
            if value == 0 { return nil }
            if tokenSlots[2 * slot] == hash && isToken(at: Int(value >> 32), symbols) {
                return UInt32(truncatingIfNeeded: value) - 1
            }
            slot = (slot + 1) & tokenMask
        }
    }

    /// Whether the token stored at `offset` (length, then symbols) is the one `symbols` yields.
    @inline(__always)
    private func isToken(at offset: Int, _ symbols: (inout Int) -> UInt16) -> Bool {
        let length = Int(tokenSymbols[offset])
        var cursor = 0
        for index in 0..<length where symbols(&cursor) != tokenSymbols[offset + 1 + index] { return false }
        return symbols(&cursor) == 0
    }

    /// The state after `token` from `state` (0 is the root), or nil.
    @inline(__always)
    func next(_ state: UInt32, _ token: UInt32) -> UInt32? {
        if state == 0 {
            let next = rootNext[Int(token)]
            return next == 0 ? nil : next
        }
        let key = UInt64(state) << 32 | UInt64(token)
        var slot = Int(truncatingIfNeeded: GlossaryTokenHash.mix(key)) & edgeMask
        while true {
            let found = edgeSlots[2 * slot]
            if found == key { return UInt32(truncatingIfNeeded: edgeSlots[2 * slot + 1]) }
            if found == 0 { return nil }
            slot = (slot + 1) & edgeMask
        }
    }

    /// The pattern words of a state and whether the state has children.
    @inline(__always)
    func terminals(of state: UInt32) -> (words: Range<Int>, hasChildren: Bool) {
        let info = stateInfo[Int(state)]
        let end = stateInfo[Int(state) + 1] & ~Self.childrenFlag
        return (Int(info & ~Self.childrenFlag)..<Int(end), info & Self.childrenFlag != 0)
    }

    /// The `stateInfo` bit of a state with transitions out of it.
    static let childrenFlag: UInt32 = 1 << 31
    /// The most patterns one state keeps (the rest of a tie can never win).
    static let maximumTerminalCount = 0x7FFF
    /// The largest number of entries an automaton can refer to.
    static let maximumEntryCount = 1 << 30
}

/// The hash of a token's symbols, the same when building and matching.
enum GlossaryTokenHash {
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    static func add(_ hash: UInt64, _ symbol: UInt16) -> UInt64 {
        (hash ^ UInt64(symbol)) &* 0x0000_0100_0000_01B3
    }

    /// Spreads the bits of a hash or key for a table index.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        return x
    }
}

/// Builds the token table and the token trie of `GlossaryAutomaton`, one key at a time.
struct GlossaryTokenTrieBuilder {
    let isWord: [Bool]
    private(set) var tokenSlots = [UInt64](repeating: 0, count: 2 * 1024)
    private(set) var tokenSymbols: [UInt16] = []
    private(set) var tokenCount = 0
    private(set) var rootNext: [UInt32] = []
    private(set) var edgeSlots = [UInt64](repeating: 0, count: 2 * 1024)
    private var edgeCount = 0
    /// Per state: whether it has transitions out of it. State 0 is the root.
    private(set) var hasChildren: [Bool] = [false]
    var stateCount: Int { hasChildren.count }

    init(isWord: [Bool]) {
        self.isWord = isWord
    }

    /// Adds a key (non-empty) and returns its end state.
    mutating func insert(_ key: UnsafeBufferPointer<UInt16>) -> UInt32 {
        var state: UInt32 = 0
        var index = 0
        while index < key.count {
            var end = index + 1
            let symbol = key[index]
            if Int(symbol) < isWord.count && isWord[Int(symbol)] {
                while end < key.count && Int(key[end]) < isWord.count && isWord[Int(key[end])] { end += 1 }
            }
            let token = intern(UnsafeBufferPointer(rebasing: key[index..<end]))
            state = transition(state, token)
            index = end
        }
        return state
    }

    private mutating func intern(_ symbols: UnsafeBufferPointer<UInt16>) -> UInt32 {
        var hash = GlossaryTokenHash.seed
        for symbol in symbols { hash = GlossaryTokenHash.add(hash, symbol) }
        let mask = tokenSlots.count / 2 - 1
        var slot = Int(truncatingIfNeeded: GlossaryTokenHash.mix(hash)) & mask
        while true {
            let value = tokenSlots[2 * slot + 1]
            if value == 0 { break }
            if tokenSlots[2 * slot] == hash {
                let offset = Int(value >> 32)
                if Int(tokenSymbols[offset]) == symbols.count
                    && tokenSymbols[(offset + 1)..<(offset + 1 + symbols.count)].elementsEqual(symbols) {
                    return UInt32(truncatingIfNeeded: value) - 1
                }
            }
            slot = (slot + 1) & mask
        }
        let token = UInt32(tokenCount)
        tokenCount += 1
        let offset = tokenSymbols.count
        tokenSymbols.append(UInt16(truncatingIfNeeded: symbols.count))
        tokenSymbols += symbols
        tokenSlots[2 * slot] = hash
        tokenSlots[2 * slot + 1] = UInt64(offset) << 32 | UInt64(token + 1)
        rootNext.append(0)
        if 4 * tokenCount > tokenSlots.count { tokenSlots = Self.grown(tokenSlots) }
        return token
    }

    private mutating func transition(_ state: UInt32, _ token: UInt32) -> UInt32 {
        if state == 0 {
            if rootNext[Int(token)] == 0 {
                rootNext[Int(token)] = newState(from: 0)
            }
            return rootNext[Int(token)]
        }
        let key = UInt64(state) << 32 | UInt64(token)
        let mask = edgeSlots.count / 2 - 1
        var slot = Int(truncatingIfNeeded: GlossaryTokenHash.mix(key)) & mask
        while true {
            let found = edgeSlots[2 * slot]
            if found == key { return UInt32(truncatingIfNeeded: edgeSlots[2 * slot + 1]) }
            if found == 0 { break }
            slot = (slot + 1) & mask
        }
        let next = newState(from: state)
        edgeSlots[2 * slot] = key
        edgeSlots[2 * slot + 1] = UInt64(next)
        edgeCount += 1
        if 4 * edgeCount > edgeSlots.count { edgeSlots = Self.grown(edgeSlots) }
        return next
    }

    private mutating func newState(from parent: UInt32) -> UInt32 {
        hasChildren[Int(parent)] = true
        hasChildren.append(false)
        return UInt32(hasChildren.count - 1)
    }

    /// The table of (hash or key, value) pairs at twice the size.
    private static func grown(_ slots: [UInt64]) -> [UInt64] {
        var result = [UInt64](repeating: 0, count: 2 * slots.count)
        let mask = result.count / 2 - 1
        for old in 0..<(slots.count / 2) where slots[2 * old + 1] != 0 {
            var slot = Int(truncatingIfNeeded: GlossaryTokenHash.mix(slots[2 * old])) & mask
            while result[2 * slot + 1] != 0 { slot = (slot + 1) & mask }
            result[2 * slot] = slots[2 * old]
            result[2 * slot + 1] = slots[2 * old + 1]
        }
        return result
    }
}
