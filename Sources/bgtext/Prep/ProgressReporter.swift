#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress bar on standard error (bytes, MB/s, ETA) for inputs
/// over a few MB, shown only when standard error is a terminal.
final class ProgressReporter {
    private let total: Int?
    private let start = ProgressReporter.now()
    private var lastDraw = 0.0
    private var shown = false
    private let enabled: Bool

    /// Only inputs larger than this get a bar.
    static let threshold = 4 << 20

    init(input: InputSource) {
        total = input.size
        enabled = isatty(2) == 1
    }

    func update(bytesRead: Int) {
        guard enabled, bytesRead >= Self.threshold || (total ?? 0) >= Self.threshold else { return }
        let now = Self.now()
        guard now - lastDraw >= 0.2 else { return }
        lastDraw = now
        let elapsed = max(now - start, 0.001)
        let rate = Double(bytesRead) / elapsed / 1_000_000
        var line = "\r" + Self.megabytes(bytesRead)
        if let total, total > 0 {
            line += " / " + Self.megabytes(total)
            let remaining = Double(total - bytesRead) / max(rate * 1_000_000, 1)
            line += "  \(Self.fixed(rate)) MB/s  ETA \(Int(remaining.rounded(.up))) s"
        } else {
            line += "  \(Self.fixed(rate)) MB/s"
        }
        StandardError.write(line + "\u{1B}[K")
        shown = true
    }

    func finish() {
        if shown { StandardError.write("\r\u{1B}[K") }
    }

    private static func megabytes(_ bytes: Int) -> String {
        fixed(Double(bytes) / 1_000_000) + " MB"
    }

    private static func fixed(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
