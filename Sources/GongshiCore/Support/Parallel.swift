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
/// never depends on scheduling. `threadsPerCore` above 1 runs that many threads per core, for work that waits on
/// the disk: while one thread waits, another keeps the core busy. `chunkSize` sets how many indexes a thread takes at
/// a time (default: eight chunks per thread); small chunks keep every core busy to the end when each index takes long.
public func parallelMap<T>(_ count: Int, threadsPerCore: Int = 1, chunkSize: Int? = nil, _ body: @escaping @Sendable (Int) -> T) -> [T] {
    guard count > 1, Parallelism.enabled else { return (0..<count).map(body) }
    let slots = ResultSlots<T>(count)
    let threads = ProcessInfo.processInfo.activeProcessorCount * max(1, threadsPerCore)
    // Chunks keep the locking rare; several chunks per thread keep the cores evenly busy.
    let chunk = max(1, chunkSize ?? count / (threads * 8))
    let chunks = (count + chunk - 1) / chunk
    let runChunk: @Sendable (Int) -> Void = { c in
        let range = (c * chunk)..<min(count, (c + 1) * chunk)
        let local = range.map(body)
        slots.lock.lock()
        for (offset, value) in zip(range, local) { slots.values[offset] = value }
        slots.lock.unlock()
    }
    if threadsPerCore <= 1 {
        DispatchQueue.concurrentPerform(iterations: chunks, execute: runChunk)
    } else {
        let work = ChunkQueue(chunks, runChunk), helpers = DispatchGroup()
        for _ in 1..<min(threads, chunks) {
            helpers.enter()
            Thread { work.drain(); helpers.leave() }.start()
        }
        work.drain()
        helpers.wait()
    }
    return slots.values.map { $0! }
}

/// Runs `background` on a thread of its own while `body` runs on this one, and returns once both are done: for
/// stages that do not depend on each other, so one fills the time the other leaves a core idle. Errors are rethrown
/// after both finished, `body`'s first. Without parallelism, `body` runs first, then `background`, both on this thread.
public func concurrently<A, B>(_ body: () throws -> A, alongside background: @escaping @Sendable () throws -> B) throws -> (A, B) {
    let (mine, theirs) = concurrently({ Result { try body() } }, alongside: { Result { try background() } })
    return (try mine.get(), try theirs.get())
}

/// `concurrently` for work that cannot fail.
public func concurrently<A, B>(_ body: () -> A, alongside background: @escaping @Sendable () -> B) -> (A, B) {
    guard Parallelism.enabled else {
        let mine = body()
        return (mine, background())
    }
    let other = ResultSlots<B>(1), done = DispatchGroup()
    done.enter()
    Thread {
        let result = background()
        other.lock.withLock { other.values[0] = result }
        done.leave()
    }.start()
    let mine = body()
    done.wait()
    return (mine, other.lock.withLock { other.values[0]! })
}

/// Work begun on a thread of its own before it is known to be needed: `value` waits for it. When it is not needed,
/// nothing waits: the thread finishes on its own and its result is let go. Without parallelism the work runs when
/// `value` is first asked for, on the asking thread.
public final class Prefetched<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchGroup()
    private var work: (@Sendable () -> T)?
    private var result: T?

    public init(_ work: @escaping @Sendable () -> T) {
        guard Parallelism.enabled else { self.work = work; return }
        done.enter()
        Thread { [self] in
            let made = work()
            lock.withLock { result = made }
            done.leave()
        }.start()
    }

    public var value: T {
        done.wait()
        return lock.withLock {
            if let work { result = work(); self.work = nil }
            return result!
        }
    }
}

/// Chunk numbers handed out one at a time to the threads that ask.
private final class ChunkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private let run: @Sendable (Int) -> Void
    init(_ count: Int, _ run: @escaping @Sendable (Int) -> Void) { self.count = count; self.run = run }

    /// Runs chunks until none is left.
    func drain() {
        while let chunk = take() { run(chunk) }
    }

    private func take() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            next += 1
            return next - 1
        }
    }
}
