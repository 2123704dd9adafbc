/// Replaces invalid UTF-8 with U+FFFD in a stream of chunks, so that
/// `--lossy` never fails on bad bytes and never splits a character that a
/// chunk boundary cut in two.
public struct LossyUTF8Stream: Sendable {
    private var pending: [UInt8] = []

    /// Creates an empty stream.
    public init() {}

    /// Adds a chunk; returns valid UTF-8 for everything that is complete.
    public mutating func feed(_ chunk: some Sequence<UInt8>) -> [UInt8] {
        pending.append(contentsOf: chunk)
        return drain(isFinal: false)
    }

    /// Ends the stream; a character cut off at the end becomes U+FFFD.
    public mutating func finish() -> [UInt8] {
        drain(isFinal: true)
    }

    private mutating func drain(isFinal: Bool) -> [UInt8] {
        let cut = pending.withUnsafeBufferPointer { buffer -> Int in
            if isFinal { return buffer.count }
            // Keep back a trailing sequence that more bytes could complete.
            var start = buffer.count
            var back = 0
            while start > 0 && back < 3 && buffer[start - 1] & 0xC0 == 0x80 {
                start -= 1
                back += 1
            }
            guard start > 0 else { return buffer.count }
            let lead = start - 1
            return UTF8Validation.sequenceLength(buffer, at: lead) < 0 ? lead : buffer.count
        }
        let ready = pending.withUnsafeBufferPointer { buffer in
            UTF8Validation.repairing(UnsafeBufferPointer(rebasing: buffer[..<cut]))
        }
        pending.removeFirst(cut)
        return ready
    }
}
