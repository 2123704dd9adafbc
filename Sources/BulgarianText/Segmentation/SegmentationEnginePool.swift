/// Segmentation engines shared by the copies of one `Segmenter`: each call
/// takes an engine no other task uses meanwhile, and gives it back after.
///
/// ICU break iterators are not thread-safe, so no two tasks ever share one:
/// new engines get a clone (`ubrk_clone`) of the prototype, which is only
/// cloned, under the lock, and never iterates.
final class SegmentationEnginePool: @unchecked Sendable {
    let rules: SegmentationRules
    /// Guards `prototype` and `idle`; never held while a text is segmented.
    private let lock = PoolLock()
    private let prototype: ICUBreakIterator
    private var idle: [SegmentationEngine] = []

    init(rules: SegmentationRules) throws(ICUError) {
        self.rules = rules
        prototype = try ICUBreakIterator(.sentence, locale: "bg")
    }

    /// Runs `body` with an engine of its own.
    func withEngine<Result>(_ body: (SegmentationEngine) throws -> Result) throws -> Result {
        let engine = try take()
        defer { lock.withLock { if idle.count < 16 { idle.append(engine) } } }
        return try body(engine)
    }

    private func take() throws(ICUError) -> SegmentationEngine {
        let result = lock.withLock { () -> Result<SegmentationEngine, ICUError> in
            if let engine = idle.popLast() { return .success(engine) }
            do throws(ICUError) {
                return .success(SegmentationEngine(rules: rules, iterator: try prototype.clone()))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
