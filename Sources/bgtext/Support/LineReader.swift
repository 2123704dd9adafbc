import BulgarianText

/// Reads an input line by line in chunks, so memory depends on the longest
/// line, not on the input. Each line is checked to be UTF-8 (or, with
/// `lossy`, repaired) and handed over without its line feed.
struct LineReader {
    private let input: InputSource
    private let lossy: Bool
    private var repair = LossyUTF8Stream()
    private var pending: [UInt8] = []
    private var pendingStart = 0
    /// Where the search for the next line feed resumes: the bytes before it
    /// (from `pendingStart`) hold none, so a long line is scanned once, not
    /// once per chunk.
    private var searchStart = 0
    private var offset = 0
    private var finished = false
    /// The 1-based number of the last line returned.
    private(set) var lineNumber = 0

    init(_ input: InputSource, lossy: Bool) {
        self.input = input
        self.lossy = lossy
    }

    /// The next line and whether a line feed ended it, or nil at the end.
    mutating func next() throws(CLIError) -> (line: [UInt8], newline: Bool)? {
        while true {
            if let feed = pending[max(pendingStart, searchStart)...].firstIndex(of: 0x0A) {
                let line = Array(pending[pendingStart..<feed])
                try check(line)
                offset += line.count + 1
                pendingStart = feed + 1
                lineNumber += 1
                return (line, true)
            }
            if finished {
                guard pendingStart < pending.count else { return nil }
                let line = Array(pending[pendingStart...])
                try check(line)
                pendingStart = pending.count
                lineNumber += 1
                return (line, false)
            }
            pending.removeFirst(pendingStart)
            pendingStart = 0
            searchStart = pending.count
            if let chunk = try input.read() {
                pending += lossy ? repair.feed(chunk) : chunk
            } else {
                if lossy { pending += repair.finish() }
                finished = true
            }
        }
    }

    private func check(_ line: [UInt8]) throws(CLIError) {
        guard !lossy, !Self.isPlainUTF8(line) else { return }
        do {
            try line.withUnsafeBufferPointer { buffer throws(InvalidUTF8Error) in
                try UTF8Validation.validate(buffer, baseOffset: offset)
            }
        } catch {
            throw CLIError(message: "\(input.name): \(error); use --lossy to replace invalid bytes with U+FFFD", code: .dataError)
        }
    }
}

extension LineReader {
    /// A fast check for the usual line: ASCII and two-byte sequences only
    /// (Cyrillic). False means "look closer", not "invalid".
    static func isPlainUTF8(_ line: [UInt8]) -> Bool {
        line.withUnsafeBufferPointer { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                } else if byte >= 0xC2 && byte <= 0xDF && index + 1 < count && bytes[index + 1] & 0xC0 == 0x80 {
                    index += 2
                } else {
                    return false
                }
            }
            return true
        }
    }
}

/// Writes a warning line on standard error.
func warn(_ message: String) {
    StandardError.write("bgtext: warning: \(message)\n")
}
