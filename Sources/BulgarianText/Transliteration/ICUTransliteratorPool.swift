/// Compiled ICU transliterators shared by many tasks: each use takes an
/// instance of its own (a clone of the first), and gives it back after.
///
/// ICU transliterators are not safe to use from two threads at once, and
/// compiling rules costs milliseconds, so instances are cloned and reused.
final class ICUTransliteratorPool: @unchecked Sendable {
    /// Guards `idle`; never held while ICU transliterates.
    private let lock = PoolLock()
    private var idle: [ICUTransliterator]

    init(_ first: ICUTransliterator) {
        idle = [first]
    }

    /// Runs `body` with an instance that no other task uses meanwhile.
    func withInstance<Result>(_ body: (ICUTransliterator) throws(ICUError) -> Result) throws(ICUError) -> Result {
        let instance = try take()
        defer { lock.withLock { idle.append(instance) } }
        return try body(instance)
    }

    /// An instance for one owner (a stream) to keep.
    func take() throws(ICUError) -> ICUTransliterator {
        let result = lock.withLock { () -> Result<ICUTransliterator, ICUError> in
            if idle.count > 1 { return .success(idle.removeLast()) }
            do throws(ICUError) { return .success(try idle[0].clone()) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
