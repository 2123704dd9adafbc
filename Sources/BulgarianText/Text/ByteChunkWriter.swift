/// Collects many short pieces of output (the text between two glossary
/// matches, a target) in a small buffer the caller provides and appends
/// them to an array a chunk at a time, so that each piece costs a copy
/// rather than an `Array.append` with its capacity and uniqueness checks.
struct ByteChunkWriter {
    private let chunk: UnsafeMutableBufferPointer<UInt8>
    private var used = 0

    /// Writes through `chunk`, which must outlive the writer.
    init(_ chunk: UnsafeMutableBufferPointer<UInt8>) {
        self.chunk = chunk
    }

    /// Adds `bytes` after what was written, flushing to `output` when the
    /// chunk is full; pieces of more than half a chunk go straight to `output`.
    @inline(__always)
    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let count = bytes.count
        guard let source = bytes.baseAddress, count > 0 else { return }
        if count > chunk.count - used {
            flush(to: &output)
            if count > chunk.count / 2 {
                output.append(contentsOf: bytes)
                return
            }
        }
        (chunk.baseAddress! + used).initialize(from: source, count: count)
        used += count
    }

    /// Appends what the chunk holds to `output` and empties it.
    mutating func flush(to output: inout [UInt8]) {
        guard used > 0 else { return }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<used]))
        used = 0
    }
}
