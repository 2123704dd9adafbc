/// Transliterates a byte stream chunk by chunk, for input too large to hold.
///
/// Feed chunks as they arrive (they may split characters and words anywhere),
/// then call `finish()`. Output comes back as soon as the rules allow: the
/// stream holds back only the last letters whose form depends on what follows.
/// A stream is a value used by one task; make one per input.
public struct TransliterationStream: Sendable {
    private enum Backend: Sendable {
        case native(NativeTransliterationEngine, NativeTransliterationEngine.State)
        case icu(ICUTransliteratorPool)
    }

    private var backend: Backend
    /// Bytes received but not yet transliterated.
    private var pending: [UInt8] = []
    /// The input offset of `pending[0]`, for error messages.
    private var pendingOffset = 0

    init(_ transliterator: Transliterator) throws {
        switch transliterator.backend {
        case .native(let engine): backend = .native(engine, .init())
        case .icu(let pool): backend = .icu(pool)
        }
    }

    /// Adds a chunk and returns the output that is ready.
    ///
    /// - Throws: `InvalidUTF8Error` with the offset in the whole stream.
    public mutating func feed(_ chunk: some Sequence<UInt8>) throws -> [UInt8] {
        pending.append(contentsOf: chunk)
        return try drain(isFinal: false)
    }

    /// Ends the stream and returns the rest of the output.
    ///
    /// - Throws: `InvalidUTF8Error` when the input ends inside a character.
    public mutating func finish() throws -> [UInt8] {
        try drain(isFinal: true)
    }

    private mutating func drain(isFinal: Bool) throws -> [UInt8] {
        let (output, consumed) = try pending.withUnsafeBufferPointer { buffer throws -> ([UInt8], Int) in
            let valid = UTF8Validation.validPrefixLength(buffer)
            if valid < buffer.count {
                // An incomplete character at the end of a chunk waits for the next one.
                let incomplete = UTF8Validation.sequenceLength(buffer, at: valid) < 0
                if isFinal || !incomplete {
                    throw InvalidUTF8Error(byteOffset: pendingOffset + valid,
                                           bytes: Array(buffer[valid..<min(valid + 4, buffer.count)]))
                }
            }
            let ready = UnsafeBufferPointer(rebasing: buffer[..<valid])
            switch backend {
            case .native(let engine, var state):
                let result = engine.run(ready, isFinal: isFinal, state: &state)
                backend = .native(engine, state)
                return result
            case .icu(let pool):
                // ICU sees whole lines: everything up to the last line break.
                let end = isFinal ? ready.count : (ready.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)
                let lines = UnsafeBufferPointer(rebasing: ready[..<end])
                let output = try pool.withInstance { instance throws(ICUError) in
                    try Transliterator.transliterateLines(lines, with: instance)
                }
                return (output, end)
            }
        }
        pending.removeFirst(consumed)
        pendingOffset += consumed
        return output
    }
}
