#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import BulgarianText

/// Reads an input, cuts it into blocks of whole paragraphs, and runs each
/// block through three steps: prepare (on up to `jobs` tasks at once), number
/// (in document order, each block after the one before), and render to output
/// bytes (in parallel again); the caller writes the results in order. At most
/// `2 × jobs` blocks are in flight, so memory stays bounded.
struct BlockRunner {
    let pipeline: Pipeline
    let jobs: Int
    /// Read everything first: `--from auto` (detection) and UTF-16 (whose
    /// blocks cannot be cut at a byte).
    let wholeInput: Bool
    /// Detect the encoding of the whole input (`--from auto`).
    let detectEncoding: Bool

    /// What numbering and rendering carry from one block to the next.
    struct Context: Sendable {
        var numbering = BlockNumbering()
        /// The paragraph of the last segment written, 0 before any.
        var lastParagraph = 0
        /// Whether any segment has been written (in any document).
        var wroteSegment = false
    }

    typealias Render = @Sendable (PreparedBlock, Context) -> [UInt8]

    private struct Numbered: Sendable {
        var block: PreparedBlock
        var before: Context
        var after: Context
    }

    /// Runs the input; returns the context after its last block.
    func run(input: InputSource, context start: Context, render: @escaping Render,
             write: (PreparedBlock, [UInt8], _ bytesRead: Int) throws(CLIError) -> Void) async throws(CLIError) -> Context {
        var stream = pipeline.makeStream()
        var pending: [(Task<[UInt8], Error>, Task<Numbered, Error>, RawBlock)] = []
        var lastNumbering: Task<Numbered, Error>?
        var context = start
        // Line feeds before each block's start, for the line numbers of errors.
        var lineCounts: [(offset: Int, lines: Int)] = [(0, 0)]
        func linesBefore(_ offset: Int) -> Int {
            lineCounts.last { $0.offset <= offset }?.lines ?? 0
        }
        var bytesRead = 0

        func schedule(_ raw: RawBlock, with active: Pipeline) {
            let preparing = Task { try active.prepareBlock(raw.bytes, baseOffset: raw.baseOffset) }
            let previous = lastNumbering
            let initial = context
            let numbering = Task { () async throws -> Numbered in
                let block = try await preparing.value
                var before = initial
                if let previous { before = try await previous.value.after }
                var after = before
                let numbered = after.numbering.number(block, raw)
                if let last = numbered.segments.last {
                    after.lastParagraph = last.paragraph
                    after.wroteSegment = true
                }
                return Numbered(block: numbered, before: before, after: after)
            }
            lastNumbering = numbering
            let rendering = Task { () async throws -> [UInt8] in
                let numbered = try await numbering.value
                return render(numbered.block, numbered.before)
            }
            pending.append((rendering, numbering, raw))
        }

        func deliverFirst() async throws(CLIError) {
            let (rendering, numbering, raw) = pending.removeFirst()
            do {
                let bytes = try await rendering.value
                let numbered = try await numbering.value
                context = numbered.after
                try write(numbered.block, bytes, bytesRead)
            } catch let error as CLIError {
                throw error
            } catch {
                for (task, _, _) in pending { task.cancel() }
                throw Self.describe(error, input: input, block: raw, linesBefore: linesBefore(raw.baseOffset))
            }
        }

        if wholeInput {
            let bytes = try input.readAll()
            bytesRead = bytes.count
            var active = pipeline
            if detectEncoding {
                var options = pipeline.options
                options.encoding = EncodingDetector.detect(bytes).encoding
                do { active = try Pipeline(options: options) } catch {
                    throw CLIError(message: "cannot build the pipeline: \(error)", code: .internalError)
                }
            }
            schedule(RawBlock(bytes: bytes, baseOffset: 0, continuesParagraph: false), with: active)
            try await deliverFirst()
            return context
        }
        var atEnd = false
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
                let lines = lineCounts[lineCounts.count - 1].lines + Self.lineFeeds(in: raw.bytes)
                lineCounts.append((raw.baseOffset + raw.bytes.count, lines))
                schedule(raw, with: pipeline)
                if pending.count >= (jobs == 1 ? 1 : 2 * jobs) { try await deliverFirst() }
            }
            if atEnd { break }
        }
        while !pending.isEmpty { try await deliverFirst() }
        return context
    }

    /// The number of line feeds in `bytes`, found with `memchr` (this runs
    /// on the one task that reads the input, so it must be quick: a byte
    /// loop here cost the parallel runs a tenth of their speed-up).
    static func lineFeeds(in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { raw in
            guard var position = raw.baseAddress else { return 0 }
            let end = position + raw.count
            var count = 0
            while position < end, let found = memchr(position, 0x0A, end - position) {
                count += 1
                position = UnsafeRawPointer(found) + 1
            }
            return count
        }
    }

    static func describe(_ error: Error, input: InputSource, block: RawBlock, linesBefore: Int) -> CLIError {
        switch error {
        case let error as DecodingError:
            let inBlock = max(0, min(error.byteOffset - block.baseOffset, block.bytes.count))
            let line = linesBefore + block.bytes[..<inBlock].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            // The wording of the other commands, with the line added.
            if error.encoding == .utf8 {
                let invalid = InvalidUTF8Error(byteOffset: error.byteOffset, bytes: error.bytes)
                return CLIError(message: "\(input.name): \(invalid), line \(line); is it in another encoding? "
                                    + "Try --from auto, or --lossy to replace invalid bytes with U+FFFD",
                                code: .dataError)
            }
            return CLIError(message: "\(input.name): \(error), line \(line); use --lossy to replace undecodable bytes with U+FFFD",
                            code: .dataError)
        case let error as CLIError:
            return error
        default:
            return CLIError(message: "\(input.name): \(error)", code: .internalError)
        }
    }
}
