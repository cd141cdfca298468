import Dispatch
import Foundation

/// Results written from several threads, each slot once, under a lock.
private final class ResultSlots<T>: @unchecked Sendable {
    var values: [T?]
    let lock = NSLock()
    init(_ count: Int) { values = Array(repeating: nil, count: count) }
}

public enum Parallelism {
    /// Set to false (with `$enabled.withValue(false) { … }`) to run every stage on one thread, e.g. to check that
    /// a parallel build writes the same bytes.
    @TaskLocal public static var enabled = true
}

/// Runs `body` for 0..<count on every core and returns the results in index order, so the outcome
/// never depends on scheduling.
public func parallelMap<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1, Parallelism.enabled else { return (0..<count).map(body) }
    let slots = ResultSlots<T>(count)
    // Chunks keep the locking rare; several chunks per core keep the cores evenly busy.
    let chunk = max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 8))
    let chunks = (count + chunk - 1) / chunk
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
        let range = (c * chunk)..<min(count, (c + 1) * chunk)
        let local = range.map(body)
        slots.lock.lock()
        for (offset, value) in zip(range, local) { slots.values[offset] = value }
        slots.lock.unlock()
    }
    return slots.values.map { $0! }
}
