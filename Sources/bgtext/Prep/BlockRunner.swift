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
        var pending: [Task<PreparedBlock, Error>] = []
        var segments = 0
        var paragraphs = 0
        var bytesRead = 0
        var atEnd = false

        func deliver(_ task: Task<PreparedBlock, Error>) async throws(CLIError) {
            let block: PreparedBlock
            do {
                block = try await task.value
            } catch {
                throw Self.describe(error, input: input)
            }
            let numbered = block.renumbered(segmentOffset: segments, paragraphOffset: paragraphs)
            segments += block.segments.count
            paragraphs += block.paragraphCount
            try handle(numbered, bytesRead)
        }

        var activePipeline = pipeline
        if wholeInput {
            let bytes = try input.readAll()
            bytesRead = bytes.count
            if pipeline.options.encoding == .utf8, let detected = Self.detectIfAsked(bytes) {
                activePipeline = detected
            }
            let prepared = activePipeline
            try await deliver(Task { try prepared.prepareBlock(bytes, baseOffset: 0) })
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
            while let (bytes, base) = stream.nextRawBlock(isFinal: atEnd) {
                let prepared = activePipeline
                pending.append(Task { try prepared.prepareBlock(bytes, baseOffset: base) })
                if jobs == 1 || pending.count >= 2 * jobs {
                    try await deliver(pending.removeFirst())
                }
            }
            if atEnd { break }
        }
        for task in pending { try await deliver(task) }
    }

    /// `--from auto` is handled by the caller building a pipeline per input.
    private static func detectIfAsked(_ bytes: [UInt8]) -> Pipeline? { nil }

    static func describe(_ error: Error, input: InputSource) -> CLIError {
        switch error {
        case let error as DecodingError:
            return CLIError(message: "\(input.name): \(error); try --from auto, or --lossy to replace undecodable bytes",
                            code: .dataError)
        case let error as CLIError:
            return error
        default:
            return CLIError(message: "\(input.name): \(error)", code: .internalError)
        }
    }
}
