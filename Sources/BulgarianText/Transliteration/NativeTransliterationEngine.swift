/// The native, table-driven transliteration engine: one pass over UTF-8 bytes.
///
/// It applies `TransliterationRules` exactly as the ICU rules generated from
/// the same rules do (`ICUTransformRules`); the differential test holds the
/// two byte-identical. All pointer work of the engine is in this file.
///
/// The compiled data is immutable and shared; the per-stream state is the
/// small value `State`.
final class NativeTransliterationEngine: @unchecked Sendable {
    /// What the engine remembers between chunks of one stream.
    struct State: Sendable {
        /// Whether the last input character was a letter or a mark.
        var previousIsWordCharacter = false
        /// How the output so far ends, for contexts that look back across a chunk.
        var tail = Tail()
    }

    /// Whether the output so far ends with each of the patterns that the case
    /// rules look back for (see `Lookback`).
    struct Tail: Sendable {
        var matches: (Bool, Bool, Bool, Bool) = (false, false, false, false)
        subscript(state: Lookback) -> Bool {
            switch state {
            case .separatorsRequired: matches.0
            case .separators: matches.1
            case .marksBeforeSecondCapital: matches.2
            case .marksBeforeFirstCapital: matches.3
            }
        }
    }

    /// States of the backward match of `Lu M* Lu M* sep+` (two capitals, then
    /// separators) against the output, read from its end.
    enum Lookback: CaseIterable {
        /// At least one separator still required.
        case separatorsRequired
        /// In the separators.
        case separators
        /// In the marks after the last of two capitals.
        case marksBeforeSecondCapital
        /// In the marks after the first of two capitals (one capital found).
        case marksBeforeFirstCapital
    }

    private struct Letter {
        var isUppercase: Bool
        var needsCaseContext: Bool
        var startsEnding: Bool
        var startsWord: Bool
        /// Indexes into `endings` of the endings that start with this letter.
        var endings: Range<Int32>
        var target: Range<Int32>
        var allCapsTarget: Range<Int32>
        /// Bit i set: `droppedMarks[i]` is dropped after this letter.
        var droppedMarkBits: UInt16
        /// Indexes into `compositions`.
        var compositions: Range<Int32>
    }

    private enum Step {
        case matched(end: Int, target: Range<Int32>)
        case noMatch
        case needMore
    }

    // Compiled data. Everything below is allocated in init and freed in deinit.
    private let letters: UnsafeMutableBufferPointer<Letter>
    /// Letter index + 1 for scalars below `directLimit`, 0 for "not a letter".
    private let directIndex: UnsafeMutableBufferPointer<Int32>
    private static let directLimit: UInt32 = 0x530
    private let otherIndex: [UInt32: Int32]
    private let targets: UnsafeMutableBufferPointer<UInt8>
    private let droppedMarks: [UInt32]
    private let compositionMarks: UnsafeMutableBufferPointer<UInt32>
    private let compositionLetters: UnsafeMutableBufferPointer<Int32>
    private let endings: [(letters: [UInt32], target: Range<Int32>)]
    private let words: [UInt64: [(source: [UInt8], target: Range<Int32>)]]
    private let wordLengths: ClosedRange<Int>
    private let wordStartsOutsideTable: Set<UInt32>
    private let classes = ScalarClassTable.shared
    /// The fast path for U+0400…U+047F (UTF-8 lead bytes D0 and D1): per
    /// scalar, its whole output packed in one word (see `FastEntry`).
    private let fast: UnsafeMutableBufferPointer<UInt64>
    /// Whether a byte starts the UTF-8 of a dropped or composing mark.
    private let dropLeads: UnsafeMutableBufferPointer<Bool>
    /// Whether a scalar of U+0400…U+047F is the second letter of an ending.
    private let endingSeconds: UnsafeMutableBufferPointer<Bool>
    /// The most output bytes one input byte can produce.
    private let expansion: Int

    init(_ rules: TransliterationRules) {
        var pool: [UInt8] = []
        func intern(_ text: String) -> Range<Int32> {
            let start = Int32(pool.count)
            pool.append(contentsOf: text.utf8)
            return start..<Int32(pool.count)
        }
        var maxRatio = 1.0
        func noteRatio(source: Int, target: Int) {
            maxRatio = max(maxRatio, Double(target) / Double(max(source, 1)))
        }

        let marks = Array(Set(rules.letters.values.flatMap { $0.droppedMarks.map(\.value) })).sorted()
        precondition(marks.count <= 16, "a table may drop at most 16 kinds of mark")
        droppedMarks = marks

        let ordered = rules.letters.values.sorted { $0.source.value < $1.source.value }
        var indexOf: [UInt32: Int32] = [:]
        for (index, rule) in ordered.enumerated() { indexOf[rule.source.value] = Int32(index) }

        let wordFirsts = Set(rules.words.compactMap { $0.source.unicodeScalars.first?.value })
        // Endings grouped by first letter, in table order within a group.
        var flatEndings: [(letters: [UInt32], target: Range<Int32>)] = []
        var endingRanges: [UInt32: Range<Int32>] = [:]
        for first in Set(rules.endings.compactMap { $0.letters.first?.value }).sorted() {
            let start = Int32(flatEndings.count)
            for ending in rules.endings where ending.letters.first?.value == first {
                flatEndings.append((ending.letters.map(\.value), intern(ending.target)))
                noteRatio(source: String(String.UnicodeScalarView(ending.letters)).utf8.count, target: ending.target.utf8.count)
            }
            endingRanges[first] = start..<Int32(flatEndings.count)
        }
        endings = flatEndings

        var compositionMarkList: [UInt32] = []
        var compositionLetterList: [Int32] = []
        var compiled: [Letter] = []
        for rule in ordered {
            let start = Int32(compositionMarkList.count)
            for composition in rule.compositions {
                guard let target = indexOf[composition.letter.value] else { continue }
                compositionMarkList.append(composition.mark.value)
                compositionLetterList.append(target)
            }
            var bits: UInt16 = 0
            for mark in rule.droppedMarks {
                bits |= 1 << UInt16(marks.firstIndex(of: mark.value)!)
            }
            let sourceLength = String(rule.source).utf8.count
            noteRatio(source: sourceLength, target: max(rule.target.utf8.count, rule.allCapsTarget.utf8.count))
            compiled.append(Letter(
                isUppercase: rule.isUppercase,
                needsCaseContext: rule.needsCaseContext,
                startsEnding: endingRanges[rule.source.value] != nil,
                startsWord: wordFirsts.contains(rule.source.value),
                endings: endingRanges[rule.source.value] ?? 0..<0,
                target: intern(rule.target),
                allCapsTarget: intern(rule.allCapsTarget),
                droppedMarkBits: bits,
                compositions: start..<Int32(compositionMarkList.count)))
        }
        letters = .allocate(capacity: max(compiled.count, 1))
        _ = letters.initialize(from: compiled)
        directIndex = .allocate(capacity: Int(Self.directLimit))
        directIndex.initialize(repeating: 0)
        var others: [UInt32: Int32] = [:]
        for (scalar, index) in indexOf {
            if scalar < Self.directLimit { directIndex[Int(scalar)] = index + 1 } else { others[scalar] = index }
        }
        otherIndex = others
        compositionMarks = .allocate(capacity: max(compositionMarkList.count, 1))
        _ = compositionMarks.initialize(from: compositionMarkList)
        compositionLetters = .allocate(capacity: max(compositionLetterList.count, 1))
        _ = compositionLetters.initialize(from: compositionLetterList)


        var wordTable: [UInt64: [(source: [UInt8], target: Range<Int32>)]] = [:]
        var shortest = Int.max, longest = 0
        for word in rules.words {
            let bytes = Array(word.source.utf8)
            wordTable[Self.hash(bytes[...]), default: []].append((bytes, intern(word.target)))
            shortest = min(shortest, bytes.count)
            longest = max(longest, bytes.count)
            noteRatio(source: bytes.count, target: word.target.utf8.count)
        }
        words = wordTable
        wordLengths = shortest <= longest ? shortest...longest : 0...0
        wordStartsOutsideTable = wordFirsts.filter { indexOf[$0] == nil }

        targets = .allocate(capacity: max(pool.count, 1))
        _ = targets.initialize(from: pool)
        expansion = Int(maxRatio.rounded(.up))

        dropLeads = .allocate(capacity: 256)
        dropLeads.initialize(repeating: false)
        for mark in marks + compositionMarkList {
            dropLeads[Int(Array(String(Unicode.Scalar(mark)!).utf8)[0])] = true
        }
        endingSeconds = .allocate(capacity: 0x80)
        endingSeconds.initialize(repeating: false)
        for ending in flatEndings where ending.letters.count > 1 && (0x400..<0x480).contains(ending.letters[1]) {
            endingSeconds[Int(ending.letters[1] - 0x400)] = true
        }

        fast = .allocate(capacity: 0x80)
        for offset in 0..<0x80 {
            let scalar = UInt32(0x400 + offset)
            let index = indexOf[scalar].map(Int.init)
            let letter = index.map { compiled[$0] }
            let bytes: [UInt8]
            if let letter {
                bytes = Array(pool[Int(letter.target.lowerBound)..<Int(letter.target.upperBound)])
            } else {
                bytes = Array(String(Unicode.Scalar(scalar)!).utf8)
            }
            var entry = FastEntry(bytes: bytes)
            if let letter {
                if bytes.count > 4 || (letter.isUppercase && letter.needsCaseContext) {
                    entry.flags |= FastEntry.slowAlways
                }
                if letter.startsEnding {
                    let seconds = flatEndings[Int(letter.endings.lowerBound)..<Int(letter.endings.upperBound)].map { $0.letters.dropFirst().first }
                    if seconds.allSatisfy({ $0 != nil && (0x400..<0x480).contains($0!) }) {
                        entry.flags |= FastEntry.checksEnding
                    } else {
                        entry.flags |= FastEntry.slowAlways
                    }
                }
                if letter.startsWord { entry.flags |= FastEntry.slowAtWordStart }
                if letter.droppedMarkBits != 0 || !letter.compositions.isEmpty { entry.flags |= FastEntry.marksFollow }
            } else {
                // Letters outside the table pass through; a word rule may start with one.
                if wordStartsOutsideTable.contains(scalar) { entry.flags |= FastEntry.slowAtWordStart }
                if classes.classes(scalar) & (ScalarClassTable.letter | ScalarClassTable.mark) == 0 {
                    entry.flags |= FastEntry.slowAlways
                }
            }
            fast[offset] = entry.packed
        }
    }

    /// One fast-path entry: up to four output bytes, their count, and flags
    /// that send the scalar to the general path.
    private struct FastEntry {
        static let slowAlways: UInt64 = 1 << 40
        static let slowAtWordStart: UInt64 = 1 << 41
        /// A mark after it may be dropped or compose with it: check the next byte.
        static let marksFollow: UInt64 = 1 << 42
        /// An ending starts with it: check whether the next letter continues one.
        static let checksEnding: UInt64 = 1 << 43

        var bytes: [UInt8]
        var flags: UInt64 = 0

        var packed: UInt64 {
            var word: UInt64 = 0
            for (index, byte) in bytes.prefix(4).enumerated() { word |= UInt64(byte) << (8 * UInt64(index)) }
            return word | (UInt64(min(bytes.count, 4)) << 32) | flags
        }
    }

    deinit {
        letters.deallocate()
        directIndex.deallocate()
        compositionMarks.deallocate()
        compositionLetters.deallocate()
        targets.deallocate()
        fast.deallocate()
        dropLeads.deallocate()
        endingSeconds.deallocate()
    }

    // MARK: Running

    /// Transliterates a chunk of valid UTF-8 that ends on a whole character.
    ///
    /// Returns the output and how many input bytes were consumed. When
    /// `isFinal` is false the engine stops before a letter whose rules need to
    /// see more input than the chunk holds; the caller passes the rest again
    /// with the next chunk. With `isFinal` everything is consumed.
    func run(_ input: UnsafeBufferPointer<UInt8>, isFinal: Bool, state: inout State) -> (output: [UInt8], consumed: Int) {
        guard let base = input.baseAddress, !input.isEmpty else { return ([], 0) }
        var consumed = 0
        // +16: the fast path stores four bytes at a time.
        let capacity = input.count * expansion + 16
        let output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            let out = buffer.baseAddress!
            var run = Run(engine: self, input: base, count: input.count, isFinal: isFinal,
                          output: out, state: state)
            run.loop()
            consumed = run.position
            count = run.written
            state.previousIsWordCharacter = run.previousIsWordCharacter
            var tail = Tail()
            tail.matches = (run.lookback(.separatorsRequired, before: run.written),
                            run.lookback(.separators, before: run.written),
                            run.lookback(.marksBeforeSecondCapital, before: run.written),
                            run.lookback(.marksBeforeFirstCapital, before: run.written))
            state.tail = tail
        }
        return (output, consumed)
    }

    /// One call of `run`: cursors over the input and the output.
    private struct Run {
        let engine: NativeTransliterationEngine
        let input: UnsafePointer<UInt8>
        let count: Int
        let isFinal: Bool
        let output: UnsafeMutablePointer<UInt8>
        let carried: Tail
        let classes: UnsafePointer<UInt8>
        let fast: UnsafeMutablePointer<UInt64>
        let dropLeads: UnsafeMutablePointer<Bool>
        let endingSeconds: UnsafeMutablePointer<Bool>
        var position = 0
        var written = 0
        var previousIsWordCharacter: Bool

        init(engine: NativeTransliterationEngine, input: UnsafePointer<UInt8>, count: Int, isFinal: Bool,
             output: UnsafeMutablePointer<UInt8>, state: State) {
            self.engine = engine
            self.input = input
            self.count = count
            self.isFinal = isFinal
            self.output = output
            self.carried = state.tail
            self.classes = engine.classes.bmp
            self.fast = engine.fast.baseAddress!
            self.dropLeads = engine.dropLeads.baseAddress!
            self.endingSeconds = engine.endingSeconds.baseAddress!
            self.previousIsWordCharacter = state.previousIsWordCharacter
        }

        @inline(__always)
        func classOf(_ scalar: UInt32) -> UInt8 {
            scalar < 0x10000 ? classes[Int(scalar)] : engine.classes.classes(scalar)
        }

        @inline(__always)
        func isWordCharacter(_ scalar: UInt32) -> Bool {
            classOf(scalar) & (ScalarClassTable.letter | ScalarClassTable.mark) != 0
        }

        @inline(__always)
        func letterIndex(_ scalar: UInt32) -> Int {
            if scalar < NativeTransliterationEngine.directLimit {
                return Int(engine.directIndex[Int(scalar)]) - 1
            }
            if let index = engine.otherIndex[scalar] { return Int(index) }
            return -1
        }

        @inline(__always)
        mutating func emit(_ range: Range<Int32>) {
            let source = engine.targets.baseAddress! + Int(range.lowerBound)
            let length = Int(range.upperBound - range.lowerBound)
            for offset in 0..<length { output[written + offset] = source[offset] }
            written += length
        }

        mutating func loop() {
            while position < count {
                fastLoop()
                if position >= count { return }
                if !general() { return }
            }
        }

        /// ASCII and the common letters of U+0400…U+047F, with the cursors in
        /// registers; returns at the first character that needs `general()`.
        @inline(__always)
        mutating func fastLoop() {
            typealias Fast = NativeTransliterationEngine.FastEntry
            var position = self.position
            var written = self.written
            var previousIsWordCharacter = self.previousIsWordCharacter
            defer {
                self.position = position
                self.written = written
                self.previousIsWordCharacter = previousIsWordCharacter
            }
            while position < count {
                let lead = input[position]
                if lead < 0x80 {
                    output[written] = lead
                    written += 1
                    position += 1
                    previousIsWordCharacter = classes[Int(lead)] & ScalarClassTable.letter != 0
                    continue
                }
                guard lead & 0xFE == 0xD0 && position + 2 < count else { return }
                let offset = Int((UInt32(lead & 0x01) << 6) | UInt32(input[position + 1] & 0x3F))
                let entry = fast[offset]
                let next = input[position + 2]
                let slow = entry & Fast.slowAlways != 0
                    || (!previousIsWordCharacter && entry & Fast.slowAtWordStart != 0)
                    || (entry & Fast.marksFollow != 0 && dropLeads[Int(next)])
                    || (entry & Fast.checksEnding != 0
                        && next & 0xFE == 0xD0
                        && (position + 3 >= count
                            || endingSeconds[Int((UInt32(next & 0x01) << 6) | UInt32(input[position + 3] & 0x3F))]))
                if slow { return }
                UnsafeMutableRawPointer(output + written).storeBytes(of: UInt32(truncatingIfNeeded: entry), as: UInt32.self)
                written += Int((entry >> 32) & 0x7)
                position += 2
                previousIsWordCharacter = true
            }
        }

        /// One character by the general path; false when it needs more input.
        mutating func general() -> Bool {
            let (scalar, length) = UTF8Scalars.decode(input, at: position)
            let index = letterIndex(scalar)
            if index >= 0 { return letter(engine.letters[index], length: length) }
            if !previousIsWordCharacter && engine.wordStartsOutsideTable.contains(scalar),
               let done = take(matchWord()) {
                return done
            }
            (output + written).update(from: input + position, count: length)
            written += length
            position += length
            previousIsWordCharacter = isWordCharacter(scalar)
            return true
        }

        /// Applies a word or ending match: true when it matched (and was
        /// written), false when more input is needed, nil when it did not match.
        mutating func take(_ step: Step) -> Bool? {
            switch step {
            case .needMore: return false
            case .matched(let end, let target):
                emit(target)
                position = end
                previousIsWordCharacter = true
                return true
            case .noMatch: return nil
            }
        }

        /// Transliterates the table letter at `position`; false when it needs more input.
        mutating func letter(_ found: Letter, length: Int) -> Bool {
            var letter = found
            if !previousIsWordCharacter && letter.startsWord, let done = take(matchWord()) {
                return done
            }
            if letter.startsEnding, let done = take(matchEnding(letter.endings)) {
                return done
            }
            var next = position + length
            if !letter.compositions.isEmpty {
                if next == count {
                    if !isFinal { return false }
                } else {
                    let (mark, markLength) = UTF8Scalars.decode(input, at: next)
                    for slot in letter.compositions where engine.compositionMarks[Int(slot)] == mark {
                        letter = engine.letters[Int(engine.compositionLetters[Int(slot)])]
                        next += markLength
                        break
                    }
                }
            }
            guard let afterMarks = skipDroppedMarks(from: next, bits: letter.droppedMarkBits) else { return false }
            var target = letter.target
            if letter.isUppercase && letter.needsCaseContext {
                guard let allCaps = wordIsAllCaps(after: afterMarks) else { return false }
                if allCaps { target = letter.allCapsTarget }
            }
            emit(target)
            position = afterMarks
            previousIsWordCharacter = true
            return true
        }

        /// The position after the marks that `bits` drops; nil when the chunk
        /// ends before it is known whether another one follows.
        func skipDroppedMarks(from start: Int, bits: UInt16) -> Int? {
            var next = start
            while true {
                if next == count { return isFinal ? next : nil }
                let lead = input[next]
                // Every combining mark a table may drop is at least two bytes long.
                if lead < 0xC0 || bits == 0 { return next }
                let (scalar, length) = UTF8Scalars.decode(input, at: next)
                guard let slot = engine.droppedMarks.firstIndex(of: scalar), bits & (1 << UInt16(slot)) != 0 else {
                    return next
                }
                next += length
            }
        }

        /// Whether a capital with a multi-letter form is written all in
        /// capitals: when the next letter of its word is a capital; at the end
        /// of a word, when the letter before is a capital; as a one-letter
        /// word, when the word before or after has two capitals. Nil: more input needed.
        func wordIsAllCaps(after end: Int) -> Bool? {
            var next = end
            while next < count {
                let (scalar, length) = UTF8Scalars.decode(input, at: next)
                let kind = classOf(scalar)
                if kind & ScalarClassTable.mark != 0 {
                    next += length
                    continue
                }
                if kind & ScalarClassTable.uppercase != 0 { return true }
                if kind & ScalarClassTable.letter != 0 { return false }
                break
            }
            if next == count && !isFinal { return nil }
            if lookback(.marksBeforeFirstCapital, before: written) { return true }
            if previousIsWordCharacter { return false }
            if lookback(.separatorsRequired, before: written) { return true }
            return capitalWordFollows(from: end)
        }

        /// Whether separators and then two capitals follow `start`
        /// (`$sep+ [:Lu:] [:M:]* [:Lu:]`). Nil: more input needed.
        func capitalWordFollows(from start: Int) -> Bool? {
            var next = start
            var separators = 0
            while true {
                if next == count { return isFinal ? false : nil }
                let (scalar, length) = UTF8Scalars.decode(input, at: next)
                if classOf(scalar) & (ScalarClassTable.letter | ScalarClassTable.mark | ScalarClassTable.newline) != 0 {
                    break
                }
                separators += 1
                next += length
            }
            guard separators > 0 else { return false }
            let (first, firstLength) = UTF8Scalars.decode(input, at: next)
            guard classOf(first) & ScalarClassTable.uppercase != 0 else { return false }
            next += firstLength
            while true {
                if next == count { return isFinal ? false : nil }
                let (scalar, length) = UTF8Scalars.decode(input, at: next)
                let kind = classOf(scalar)
                if kind & ScalarClassTable.mark == 0 { return kind & ScalarClassTable.uppercase != 0 }
                next += length
            }
        }

        /// Matches the output before `end` backwards from `start` against
        /// `Lu M* Lu M* sep+`, continuing into the carried tail at the start.
        func lookback(_ start: Lookback, before end: Int) -> Bool {
            var state = start
            var index = end
            while index > 0 {
                let scalarStart = UTF8Scalars.previousStart(UnsafePointer(output), before: index, lowerBound: 0)
                let (scalar, _) = UTF8Scalars.decode(UnsafePointer(output), at: scalarStart)
                let kind = classOf(scalar)
                let isMark = kind & ScalarClassTable.mark != 0
                let isCapital = kind & ScalarClassTable.uppercase != 0
                let isSeparator = kind & (ScalarClassTable.letter | ScalarClassTable.mark | ScalarClassTable.newline) == 0
                switch state {
                case .separatorsRequired:
                    guard isSeparator else { return false }
                    state = .separators
                case .separators:
                    if isSeparator { break }
                    if isMark { state = .marksBeforeSecondCapital } else if isCapital { state = .marksBeforeFirstCapital } else { return false }
                case .marksBeforeSecondCapital:
                    if isMark { break }
                    guard isCapital else { return false }
                    state = .marksBeforeFirstCapital
                case .marksBeforeFirstCapital:
                    if isMark { break }
                    return isCapital
                }
                index = scalarStart
            }
            return carried[state]
        }

        /// The whole-word rule at `position`, which starts a word.
        func matchWord() -> Step {
            var next = position
            let limit = engine.wordLengths.upperBound
            while true {
                if next == count {
                    if !isFinal { return .needMore }
                    break
                }
                let lead = input[next]
                let length = UTF8Scalars.length(lead: lead)
                let scalar = lead < 0x80 ? UInt32(lead) : UTF8Scalars.decode(input, at: next).0
                if !isWordCharacter(scalar) { break }
                next += length
                if next - position > limit { return .noMatch }
            }
            let length = next - position
            guard engine.wordLengths.contains(length) else { return .noMatch }
            let word = UnsafeBufferPointer(start: input + position, count: length)
            guard let candidates = engine.words[NativeTransliterationEngine.hash(word)] else { return .noMatch }
            for candidate in candidates where candidate.source.elementsEqual(word) {
                return .matched(end: next, target: candidate.target)
            }
            return .noMatch
        }

        /// An ending rule at `position`: its letters (each with the marks its
        /// letter drops), then the end of the word.
        func matchEnding(_ candidates: Range<Int32>) -> Step {
            candidateLoop: for slot in candidates {
                let candidate = engine.endings[Int(slot)]
                var next = position
                for scalar in candidate.letters {
                    if next == count { if isFinal { continue candidateLoop } else { return .needMore } }
                    let (found, length) = UTF8Scalars.decode(input, at: next)
                    if found != scalar { continue candidateLoop }
                    let index = letterIndex(scalar)
                    let bits = index >= 0 ? engine.letters[index].droppedMarkBits : UInt16.max
                    guard let after = skipDroppedMarks(from: next + length, bits: bits) else { return .needMore }
                    next = after
                }
                if next < count {
                    let (following, _) = UTF8Scalars.decode(input, at: next)
                    if isWordCharacter(following) { continue }
                } else if !isFinal {
                    return .needMore
                }
                return .matched(end: next, target: candidate.target)
            }
            return .noMatch
        }
    }

    /// FNV-1a over a word's bytes.
    static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }
}
