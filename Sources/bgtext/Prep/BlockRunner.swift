import BulgarianText

/// Reads an input, cuts it into blocks of whole paragraphs, prepares them
/// (on `jobs` tasks at once, keeping their order) and hands them over
/// numbered in document order. At most `2 × jobs` blocks are in memory.
struct BlockRunner {
    let pipeline: Pipeline
    let jobs: Int
    /// Read everything first: `--from auto` (detection) and UTF-16 (whose blocks cannot be cut by byte).
    let wholeInput: Bool

    func run(input: InputSource,
             handle: (PreparedBlock, _ bytesRead: Int) throws(CLIError) -> Void) async throws(CLIError) {
        var stream = pipeline.makeStream()
        var pending: [(Task<PreparedBlock, Error>, RawBlock)] = []
        // Line feeds before each block's start, for the line numbers of errors.
        var lineCounts: [(offset: Int, lines: Int)] = [(0, 0)]
        func linesBefore(_ offset: Int) -> Int {
            lineCounts.last { $0.offset <= offset }?.lines ?? 0
        }
        var numbering = BlockNumbering()
        var bytesRead = 0
        var atEnd = false

        func deliver(_ task: Task<PreparedBlock, Error>, _ raw: RawBlock) async throws(CLIError) {
            let block: PreparedBlock
            do {
                block = try await task.value
            } catch {
                throw Self.describe(error, input: input, block: raw, linesBefore: linesBefore(raw.baseOffset))
            }
            try handle(numbering.number(block, raw), bytesRead)
        }

        var activePipeline = pipeline
        if wholeInput {
            let bytes = try input.readAll()
            bytesRead = bytes.count
            if pipeline.options.encoding == .utf8, let detected = Self.detectIfAsked(bytes) {
                activePipeline = detected
            }
            let prepared = activePipeline
            try await deliver(Task { try prepared.prepareBlock(bytes, baseOffset: 0) },
                              RawBlock(bytes: bytes, baseOffset: 0, continuesParagraph: false))
            return
        }
        while true {
            if !atEnd {
                if let chunk = try input.read(upTo: 1 << 20) {
                    bytesRead += chunk.count
                    stream.append(chunk)
                } else {
                    atEnd = true
                }
            }
            while let raw = stream.nextRawBlock(isFinal: atEnd) {
                let prepared = activePipeline
                pending.append((Task { try prepared.prepareBlock(raw.bytes, baseOffset: raw.baseOffset) }, raw))
                let lines = lineCounts[lineCounts.count - 1].lines + raw.bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
                lineCounts.append((raw.baseOffset + raw.bytes.count, lines))
                if jobs == 1 || pending.count >= 2 * jobs {
                    let (task, numberingInfo) = pending.removeFirst()
                    try await deliver(task, numberingInfo)
                }
            }
            if atEnd { break }
        }
        for (task, raw) in pending { try await deliver(task, raw) }
    }

    /// `--from auto` is handled by the caller building a pipeline per input.
    private static func detectIfAsked(_ bytes: [UInt8]) -> Pipeline? { nil }

    static func describe(_ error: Error, input: InputSource, block: RawBlock, linesBefore: Int) -> CLIError {
        switch error {
        case let error as DecodingError:
            let inBlock = max(0, min(error.byteOffset - block.baseOffset, block.bytes.count))
            let line = linesBefore + block.bytes[..<inBlock].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            return CLIError(message: "\(input.name): line \(line): \(error); try --from auto, or --lossy to replace undecodable bytes",
                            code: .dataError)
        case let error as CLIError:
            return error
        default:
            return CLIError(message: "\(input.name): \(error)", code: .internalError)
        }
    }
}
