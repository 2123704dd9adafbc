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
        let destination = chunk.baseAddress! + used
        if count <= 32 {
            Self.copySmall(from: source, to: destination, count: count)
        } else {
            destination.initialize(from: source, count: count)
        }
        used += count
    }

    /// Copies 1–32 bytes with two loads and two stores of the widest size
    /// that fits (they overlap in the middle), instead of a `memmove` call:
    /// most pieces of a substituted line are that short.
    @inline(__always)
    static func copySmall(from source: UnsafePointer<UInt8>, to destination: UnsafeMutablePointer<UInt8>, count: Int) {
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(destination)
        if count >= 16 {
            let head = from.loadUnaligned(as: SIMD16<UInt8>.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 16, as: SIMD16<UInt8>.self)
            to.storeBytes(of: head, as: SIMD16<UInt8>.self)
            to.storeBytes(of: tail, toByteOffset: count - 16, as: SIMD16<UInt8>.self)
        } else if count >= 8 {
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        } else {
            // 1–3 bytes: the first, the middle and the last (some the same).
            destination[0] = source[0]
            destination[count >> 1] = source[count >> 1]
            destination[count - 1] = source[count - 1]
        }
    }

    /// Appends what the chunk holds to `output` and empties it.
    mutating func flush(to output: inout [UInt8]) {
        guard used > 0 else { return }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<used]))
        used = 0
    }
}
