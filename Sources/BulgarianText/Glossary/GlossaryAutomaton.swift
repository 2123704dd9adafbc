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

/// The compiled trie of a glossary's folded forms.
///
/// Nodes are laid out in depth-first pre-order in one array of 32-bit words,
/// each node followed by its first child, so that a walk down a chain of
/// letters reads memory in order. A node is: a header (child count in the
/// low 16 bits, pattern count in the next 15, a run flag in the top bit),
/// the run of symbols every key below shares (packed two to a word), the
/// patterns that end there, best first, as two words each (entry index in
/// the low 30 bits and case check in the high 2, so that checking and
/// substituting need no other memory; then the pattern index), then the
/// edges, in one of two forms. A node whose child symbols lie close together
/// (their span at most twice their number plus two: nearly every node with
/// several children, since a glossary's letters are numbered in the order
/// they first appear) has a table: its child count reads `tableEdges`, then
/// a word with the first symbol (low 16 bits) and the span (high 16), then
/// one child offset per symbol of the span (0 where there is no child; the
/// root is no one's child). A child is then one subtraction, one comparison
/// and one load away, without a search or a branch that depends on the
/// symbol. Other nodes have (symbol, child offset) pairs sorted by symbol.
/// The root's children are also indexed by symbol.
///
/// Owns its storage through raw pointers (allocated in `init`, freed in
/// `deinit`) so that the matcher's hot loop does no bounds or uniqueness
/// checks; nothing writes to it after `init`, so it is safe to share.
final class GlossaryAutomaton: @unchecked Sendable {
    let nodes: UnsafeMutablePointer<UInt32>
    /// Root children by symbol (1 + node offset, 0 for none).
    let rootChildren: UnsafeMutablePointer<UInt32>
    /// The number of symbols `rootChildren` covers.
    let rootSymbolCount: Int
    /// The patterns.
    let patterns: UnsafeMutablePointer<GlossaryPattern>
    /// UTF-8 of the forms of `.exact` patterns.
    let exactText: UnsafeMutablePointer<UInt8>
    /// Sizes.
    let nodeWordCount: Int
    let nodeCount: Int
    let patternCount: Int

    /// Compiles keys (key `i` belongs to pattern `i`). `order` ranks two
    /// patterns with the same key: true when the first wins.
    init(keys: consuming GlossaryKeys, patterns list: [GlossaryPattern], exactText text: [UInt8], symbolCount: Int,
         order: @escaping (GlossaryPattern, GlossaryPattern) -> Bool) {
        patternCount = list.count
        patterns = Self.copy(list)
        exactText = Self.copy(text)
        // The compiler (with the keys and its sort buffers) is gone before
        // the nodes are copied, which keeps the peak memory of a build down.
        var compiled: (nodes: [UInt32], count: Int) = ([], 0)
        do {
            var compiler = GlossaryTrieCompiler(keys: keys, patterns: list, symbolCount: symbolCount, order: order)
            keys = GlossaryKeys()
            compiler.compile()
            compiled = compiler.finish()
        }
        nodeWordCount = compiled.nodes.count
        nodeCount = compiled.count
        let nodes = Self.copy(compiled.nodes)
        compiled.nodes = []
        self.nodes = nodes
        rootSymbolCount = symbolCount
        let root = UnsafeMutablePointer<UInt32>.allocate(capacity: max(symbolCount, 1))
        root.initialize(repeating: 0, count: max(symbolCount, 1))
        Self.forEachEdge(nodes, of: 0) { symbol, child in root[Int(symbol)] = child + 1 }
        rootChildren = root
    }

    private static func copy<Element>(_ array: [Element]) -> UnsafeMutablePointer<Element> {
        let storage = UnsafeMutablePointer<Element>.allocate(capacity: max(array.count, 1))
        array.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { storage.initialize(from: base, count: buffer.count) }
        }
        return storage
    }

    deinit {
        nodes.deallocate()
        patterns.deallocate()
        exactText.deallocate()
        rootChildren.deallocate()
    }

    /// The root's child for a symbol, or nil.
    @inline(__always)
    func rootChild(_ symbol: Int) -> UInt32? {
        guard symbol < rootSymbolCount else { return nil }
        let child = rootChildren[symbol]
        return child == 0 ? nil : child - 1
    }

    /// Where the parts of the node at `node` are: its run of symbols, its
    /// patterns and its edges (for building and checking; the matcher reads
    /// the header itself).
    struct NodeLayout {
        /// Offset of the first word of packed run symbols, and their count.
        var run: Int
        var runLength: Int
        /// Offsets of the pattern words.
        var terminals: Range<Int>
        /// Offset of the first word of the edges, and the number of children.
        var edges: Int
        var edgeCount: Int
        /// Whether the edges are a table indexed by symbol.
        var table: Bool
    }

    static func layout(_ nodes: UnsafeMutablePointer<UInt32>, _ node: UInt32) -> NodeLayout {
        let header = nodes[Int(node)]
        var cursor = Int(node) + 1
        var runLength = 0
        if header & runFlag != 0 {
            runLength = Int(nodes[cursor])
            cursor += 1
        }
        let run = cursor
        cursor += (runLength + 1) >> 1
        let terminalCount = Int((header >> 16) & UInt32(maximumTerminalCount))
        let edges = cursor + 2 * terminalCount
        let field = header & 0xFFFF
        let table = field == tableEdges
        var edgeCount = Int(field)
        if table {
            edgeCount = 0
            for slot in 0..<Int(nodes[edges] >> 16) where nodes[edges + 1 + slot] != 0 { edgeCount += 1 }
        }
        return NodeLayout(run: run, runLength: runLength, terminals: cursor..<edges, edges: edges,
                          edgeCount: edgeCount, table: table)
    }

    /// Calls `body` with the symbol and offset of each child of a node, in
    /// symbol order (for building and checking, not for matching).
    static func forEachEdge(_ nodes: UnsafeMutablePointer<UInt32>, of node: UInt32, _ body: (UInt32, UInt32) -> Void) {
        let layout = layout(nodes, node)
        if layout.table {
            let range = nodes[layout.edges]
            for slot in 0..<Int(range >> 16) where nodes[layout.edges + 1 + slot] != 0 {
                body((range & 0xFFFF) + UInt32(slot), nodes[layout.edges + 1 + slot])
            }
        } else {
            for number in 0..<layout.edgeCount {
                body(nodes[layout.edges + 2 * number], nodes[layout.edges + 2 * number + 1])
            }
        }
    }

    /// The child for `symbol` among `count` (symbol, offset) pairs starting
    /// at word `first`, or nil.
    @inline(__always)
    func child(pairs first: Int, count: Int, _ symbol: UInt16) -> UInt32? {
        let wanted = UInt32(symbol)
        if count > 8 {
            var low = 0
            var high = count
            while low < high {
                let middle = (low &+ high) >> 1
                let found = nodes[first &+ 2 &* middle]
                if found == wanted { return nodes[first &+ 2 &* middle &+ 1] }
                if found < wanted { low = middle &+ 1 } else { high = middle }
            }
            return nil
        }
        var edge = first
        let end = first &+ 2 &* count
        while edge < end {
            if nodes[edge] == wanted { return nodes[edge &+ 1] }
            edge &+= 2
        }
        return nil
    }

    /// Symbol `index` of a run that starts at word `run`: the low half of
    /// a word first, i.e. the 16-bit value at byte `2 * index` on a
    /// little-endian machine (read as such, byte-swapped on a big-endian one).
    @inline(__always)
    func runSymbol(_ run: Int, _ index: Int) -> UInt16 {
        #if _endian(little)
        UnsafeRawPointer(nodes + run).load(fromByteOffset: index &* 2, as: UInt16.self)
        #else
        UInt16(truncatingIfNeeded: nodes[run + index >> 1] >> (UInt32(index & 1) << 4))
        #endif
    }

    /// The child count of a node whose edges are a table (no node has
    /// that many children: symbols are below `UInt16.max`, and 0 is none).
    static let tableEdges: UInt32 = 0xFFFF

    /// The header bit of a node that starts with a run of symbols.
    static let runFlag: UInt32 = 1 << 31
    /// The most patterns one node keeps (the rest of a tie can never win).
    static let maximumTerminalCount = 0x7FFF

    /// The largest number of entries an automaton can refer to.
    static let maximumEntryCount = 1 << 30
}

/// Builds the pre-order node array from the keys by a most-significant-symbol
/// radix sort: each node's keys are grouped by their next symbol, and each
/// group becomes a child, written right after its parent's subtree so far.
struct GlossaryTrieCompiler {
    private(set) var keys: GlossaryKeys
    let patterns: [GlossaryPattern]
    let symbolCount: Int
    let order: (GlossaryPattern, GlossaryPattern) -> Bool
    private(set) var nodes: [UInt32] = []
    private(set) var nodeCount = 0
    private var ids: [UInt32]
    private var scratch: [UInt32]

    init(keys: GlossaryKeys, patterns: [GlossaryPattern], symbolCount: Int,
         order: @escaping (GlossaryPattern, GlossaryPattern) -> Bool) {
        self.keys = keys
        self.patterns = patterns
        self.symbolCount = symbolCount
        self.order = order
        ids = Array(0..<UInt32(keys.count))
        scratch = Array(repeating: 0, count: keys.count)
    }

    mutating func compile() {
        // Runs store half a word per symbol; nodes and patterns a few words
        // each. Reserving once avoids holding two copies while the array grows.
        nodes.reserveCapacity(keys.symbols.count / 2 + keys.count * 6)
        _ = build(0, ids.count, depth: 0)
    }

    /// Hands over the nodes and leaves the compiler empty.
    mutating func finish() -> (nodes: [UInt32], count: Int) {
        defer {
            nodes = []
            ids = []
            scratch = []
        }
        return (nodes, nodeCount)
    }

    /// A pattern in a node: its entry with its case check, then its index.
    private mutating func appendTerminal(_ id: UInt32) {
        let pattern = patterns[Int(id)]
        nodes.append(pattern.entry | UInt32(pattern.caseCheck.rawValue) << 30)
        nodes.append(id)
    }

    @inline(__always)
    private func length(_ id: UInt32) -> Int {
        Int(keys.starts[Int(id) + 1] - keys.starts[Int(id)])
    }

    @inline(__always)
    private func symbol(_ id: UInt32, _ depth: Int) -> UInt16 {
        keys.symbols[Int(keys.starts[Int(id)]) + depth]
    }

    /// Writes the node for the keys `ids[low..<high]`, which share their
    /// first `depth` symbols, and its subtree; returns its offset.
    private mutating func build(_ low: Int, _ high: Int, depth entryDepth: Int) -> UInt32 {
        // The run: symbols every key of the node shares, with no key ending
        // among them (never at the root, which is entered without a symbol).
        var depth = entryDepth
        if entryDepth > 0 {
            runLoop: while true {
                let first = ids[low]
                guard length(first) > depth else { break }
                let wanted = symbol(first, depth)
                for index in (low + 1)..<high {
                    let id = ids[index]
                    if length(id) <= depth || symbol(id, depth) != wanted { break runLoop }
                }
                depth += 1
            }
        }
        // Keys that end here come first.
        var split = low
        for index in low..<high where length(ids[index]) == depth {
            ids.swapAt(index, split)
            split += 1
        }
        if split - low > 1 {
            let patterns = self.patterns
            let order = self.order
            ids[low..<split].sort { order(patterns[Int($0)], patterns[Int($1)]) }
        }
        sortBySymbol(split, high, depth: depth)
        // The children: runs of keys with the same next symbol (scanned
        // again below rather than kept in an array per node).
        var groupCount = 0
        var index = split
        while index < high {
            let current = symbol(ids[index], depth)
            index += 1
            while index < high && symbol(ids[index], depth) == current { index += 1 }
            groupCount += 1
        }
        // The groups are sorted by symbol: the first has the smallest, the
        // last the largest. Symbols are below UInt16.max, so is the span.
        let firstSymbol = groupCount > 0 ? Int(symbol(ids[split], depth)) : 0
        let span = groupCount > 0 ? Int(symbol(ids[high - 1], depth)) - firstSymbol + 1 : 0
        let table = groupCount > 0 && span <= 2 * groupCount + 2
        let offset = nodes.count
        let terminalCount = min(split - low, GlossaryAutomaton.maximumTerminalCount)
        let runLength = depth - entryDepth
        let countField = table ? GlossaryAutomaton.tableEdges : UInt32(groupCount)
        nodes.append(countField | UInt32(terminalCount) << 16 | (runLength > 0 ? GlossaryAutomaton.runFlag : 0))
        if runLength > 0 {
            nodes.append(UInt32(runLength))
            let id = ids[low]
            var position = entryDepth
            while position < depth {
                let low16 = UInt32(symbol(id, position))
                let high16 = position + 1 < depth ? UInt32(symbol(id, position + 1)) : 0
                nodes.append(low16 | high16 << 16)
                position += 2
            }
        }
        for index in low..<(low + terminalCount) { appendTerminal(ids[index]) }
        // Where the children's offsets go: a table slot per symbol, or the
        // second word of each (symbol, offset) pair.
        let children: Int
        if table {
            nodes.append(UInt32(firstSymbol) | UInt32(span) << 16)
            children = nodes.count
            nodes.append(contentsOf: repeatElement(0, count: span))
        } else {
            children = nodes.count + 1
            index = split
            while index < high {
                let current = symbol(ids[index], depth)
                index += 1
                while index < high && symbol(ids[index], depth) == current { index += 1 }
                nodes.append(UInt32(current))
                nodes.append(0)
            }
        }
        nodeCount += 1
        var number = 0
        index = split
        while index < high {
            let groupLow = index
            let current = symbol(ids[index], depth)
            index += 1
            while index < high && symbol(ids[index], depth) == current { index += 1 }
            let child = build(groupLow, index, depth: depth + 1)
            nodes[table ? children + Int(current) - firstSymbol : children + 2 * number] = child
            number += 1
        }
        return UInt32(offset)
    }

    /// Sorts `ids[low..<high]` by their symbol at `depth` (stable).
    private mutating func sortBySymbol(_ low: Int, _ high: Int, depth: Int) {
        let count = high - low
        if count < 2 { return }
        if count <= 24 {
            for index in (low + 1)..<high {
                let id = ids[index]
                let key = symbol(id, depth)
                var position = index
                while position > low && symbol(ids[position - 1], depth) > key {
                    ids[position] = ids[position - 1]
                    position -= 1
                }
                ids[position] = id
            }
            return
        }
        var counts = [Int](repeating: 0, count: symbolCount + 1)
        for index in low..<high { counts[Int(symbol(ids[index], depth)) + 1] += 1 }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        for index in low..<high {
            let id = ids[index]
            let key = Int(symbol(id, depth))
            scratch[low + counts[key]] = id
            counts[key] += 1
        }
        for index in low..<high { ids[index] = scratch[index] }
    }
}
