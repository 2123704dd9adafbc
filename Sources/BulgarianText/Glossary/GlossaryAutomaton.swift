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

/// A trie being built: first-child/next-sibling links, so that inserting
/// costs no allocation per node.
struct GlossaryTrieBuilder {
    private(set) var firstChild: [UInt32] = [0]
    private(set) var nextSibling: [UInt32] = [0]
    private(set) var symbols: [UInt16] = [0]
    /// Per node: 1 + the first pattern ending there, 0 for none.
    private(set) var terminal: [UInt32] = [0]
    /// Per pattern: 1 + the next pattern ending at the same node, 0 for none.
    private(set) var patternNext: [UInt32] = []
    /// The root's children by symbol (1 + node, 0 for none).
    private(set) var rootChildren: [UInt32] = []

    var nodeCount: Int { symbols.count }

    /// Adds a pattern (number `pattern`, numbered from 0 in insertion order).
    mutating func insert(_ path: [UInt16], pattern: UInt32) {
        var node: UInt32 = 0
        for symbol in path {
            if node == 0 {
                let index = Int(symbol)
                if index >= rootChildren.count {
                    rootChildren.append(contentsOf: repeatElement(0, count: index + 1 - rootChildren.count))
                }
                if rootChildren[index] == 0 {
                    rootChildren[index] = newNode(symbol) + 1
                }
                node = rootChildren[index] - 1
                continue
            }
            var child = firstChild[Int(node)]
            while child != 0 && symbols[Int(child)] != symbol { child = nextSibling[Int(child)] }
            if child == 0 {
                child = newNode(symbol)
                nextSibling[Int(child)] = firstChild[Int(node)]
                firstChild[Int(node)] = child
            }
            node = child
        }
        patternNext.append(terminal[Int(node)])
        terminal[Int(node)] = pattern + 1
    }

    private mutating func newNode(_ symbol: UInt16) -> UInt32 {
        firstChild.append(0)
        nextSibling.append(0)
        symbols.append(symbol)
        terminal.append(0)
        return UInt32(symbols.count - 1)
    }

    /// The children of a node as (symbol, node) pairs, in any order.
    func children(of node: UInt32, into list: inout [(UInt16, UInt32)]) {
        list.removeAll(keepingCapacity: true)
        if node == 0 {
            for (symbol, child) in rootChildren.enumerated() where child != 0 {
                list.append((UInt16(symbol), child - 1))
            }
            return
        }
        var child = firstChild[Int(node)]
        while child != 0 {
            list.append((symbols[Int(child)], child))
            child = nextSibling[Int(child)]
        }
    }
}

/// The compiled trie of a glossary's folded forms, in breadth-first order so
/// that a node's children lie side by side, sorted by symbol.
///
/// Owns its storage through raw pointers (allocated once in `init`, freed in
/// `deinit`) so that the matcher's hot loop does no bounds or uniqueness
/// checks; nothing writes to it after `init`, so it is safe to share.
final class GlossaryAutomaton: @unchecked Sendable {
    /// Per node (plus one): where its edges start in `edges`.
    let childStart: UnsafeMutablePointer<UInt32>
    /// Per node (plus one): where its patterns start in `terminals`.
    let terminalStart: UnsafeMutablePointer<UInt32>
    /// Edges: symbol in the high 32 bits, child node in the low 32 bits.
    let edges: UnsafeMutablePointer<UInt64>
    /// Pattern indices, per node sorted by priority, then source length, then file order.
    let terminals: UnsafeMutablePointer<UInt32>
    /// Root children by symbol (1 + node, 0 for none).
    let rootChildren: UnsafeMutablePointer<UInt32>
    /// The number of symbols `rootChildren` covers.
    let rootSymbolCount: Int
    /// The patterns.
    let patterns: UnsafeMutablePointer<GlossaryPattern>
    /// UTF-8 of the forms of `.exact` patterns.
    let exactText: UnsafeMutablePointer<UInt8>
    /// Sizes, for `deinit` and statistics.
    let nodeCount: Int
    let edgeCount: Int
    let patternCount: Int
    let exactTextCount: Int

    /// Compiles a builder. `order` ranks two patterns that end at the same
    /// node: true when the first wins.
    init(_ builder: GlossaryTrieBuilder, patterns list: [GlossaryPattern], exactText text: [UInt8],
         order: (GlossaryPattern, GlossaryPattern) -> Bool) {
        nodeCount = builder.nodeCount
        edgeCount = nodeCount - 1
        patternCount = list.count
        exactTextCount = text.count
        childStart = .allocate(capacity: nodeCount + 1)
        terminalStart = .allocate(capacity: nodeCount + 1)
        edges = .allocate(capacity: max(edgeCount, 1))
        terminals = .allocate(capacity: max(patternCount, 1))
        patterns = .allocate(capacity: max(patternCount, 1))
        exactText = .allocate(capacity: max(exactTextCount, 1))
        rootSymbolCount = builder.rootChildren.count
        rootChildren = .allocate(capacity: max(rootSymbolCount, 1))
        list.withUnsafeBufferPointer { patterns.initialize(from: $0.baseAddress!, count: $0.count) }
        text.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { exactText.initialize(from: base, count: buffer.count) }
        }

        // Breadth-first renumbering: a node's new number is its place in the queue.
        var queue: [UInt32] = [0]
        queue.reserveCapacity(nodeCount)
        var children: [(UInt16, UInt32)] = []
        var ending: [UInt32] = []
        var edgeIndex = 0
        var terminalIndex = 0
        var head = 0
        while head < queue.count {
            let old = queue[head]
            childStart[head] = UInt32(edgeIndex)
            terminalStart[head] = UInt32(terminalIndex)
            builder.children(of: old, into: &children)
            children.sort { $0.0 < $1.0 }
            for (symbol, child) in children {
                edges[edgeIndex] = UInt64(symbol) << 32 | UInt64(queue.count)
                edgeIndex += 1
                queue.append(child)
            }
            ending.removeAll(keepingCapacity: true)
            var pattern = builder.terminal[Int(old)]
            while pattern != 0 {
                ending.append(pattern - 1)
                pattern = builder.patternNext[Int(pattern - 1)]
            }
            if ending.count > 1 { ending.sort { order(list[Int($0)], list[Int($1)]) } }
            for pattern in ending {
                terminals[terminalIndex] = pattern
                terminalIndex += 1
            }
            head += 1
        }
        childStart[nodeCount] = UInt32(edgeIndex)
        terminalStart[nodeCount] = UInt32(terminalIndex)
        // The root's children are nodes 1…k in symbol order: index them densely.
        rootChildren.initialize(repeating: 0, count: max(rootSymbolCount, 1))
        for edge in Int(childStart[0])..<Int(childStart[1]) {
            let symbol = Int(edges[edge] >> 32)
            rootChildren[symbol] = UInt32(truncatingIfNeeded: edges[edge]) + 1
        }
    }

    deinit {
        childStart.deallocate()
        terminalStart.deallocate()
        edges.deallocate()
        terminals.deallocate()
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

    /// The child of `node` for `symbol`, or nil.
    @inline(__always)
    func child(_ node: UInt32, _ symbol: UInt16) -> UInt32? {
        var low = Int(childStart[Int(node)])
        var high = Int(childStart[Int(node) + 1])
        let wanted = UInt64(symbol)
        if high - low > 8 {
            while low < high {
                let middle = (low + high) >> 1
                let found = edges[middle] >> 32
                if found == wanted { return UInt32(truncatingIfNeeded: edges[middle]) }
                if found < wanted { low = middle + 1 } else { high = middle }
            }
            return nil
        }
        while low < high {
            let edge = edges[low]
            if edge >> 32 == wanted { return UInt32(truncatingIfNeeded: edge) }
            low += 1
        }
        return nil
    }

    /// The patterns ending at `node`, best first.
    @inline(__always)
    func terminalRange(_ node: UInt32) -> Range<Int> {
        Int(terminalStart[Int(node)])..<Int(terminalStart[Int(node) + 1])
    }
}
