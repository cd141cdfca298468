import Foundation
import GongshiCore
import Testing

@Suite("Parallel work")
struct ParallelTests {
    /// Every index runs exactly once and the results come back in index order, with one thread per core and with
    /// several (the page-writing stages), for counts below, at and above the number of chunks, with the default chunks
    /// and with chunks of a given size (the notice pages: 4; 7 does not divide most counts).
    @Test(arguments: [(1, nil), (3, nil), (3, 4), (1, 7), (3, 7)])
    func everyIndexRunsOnceAndResultsKeepTheirOrder(threadsPerCore: Int, chunkSize: Int?) {
        final class Counts: @unchecked Sendable {
            let lock = NSLock()
            var runs: [Int: Int] = [:]
            var threads = Set<String>()
        }
        for count in [0, 1, 2, 7, 48, 1_000] {
            let counts = Counts()
            let results = parallelMap(count, threadsPerCore: threadsPerCore, chunkSize: chunkSize) { i -> Int in
                counts.lock.withLock {
                    counts.runs[i, default: 0] += 1
                    counts.threads.insert("\(Unmanaged.passUnretained(Thread.current).toOpaque())")
                }
                if i % 5 == 0 { usleep(200) }  // some items wait, as pages waiting on the disk do
                return i * i
            }
            #expect(results == (0..<count).map { $0 * $0 })
            #expect(counts.runs.count == count && counts.runs.values.allSatisfy { $0 == 1 })
            if threadsPerCore > 1, count == 1_000, ProcessInfo.processInfo.activeProcessorCount > 1 {
                #expect(counts.threads.count > ProcessInfo.processInfo.activeProcessorCount)
            }
        }
    }

    /// Two independent stages run at the same time (each waits until the other has started), on two threads; both
    /// results come back; an error is rethrown only after both finished, `body`'s first. Without parallelism both
    /// run on the calling thread, `body` first.
    @Test func concurrentlyRunsBothAtOnceAndWaitsForBoth() throws {
        struct BodyFailed: Error {}
        struct BackgroundFailed: Error {}
        final class Seen: @unchecked Sendable { let lock = NSLock(); var order: [String] = []; var finished = 0 }
        let started = (body: DispatchSemaphore(value: 0), background: DispatchSemaphore(value: 0))
        let (a, b) = try concurrently({ () -> DispatchTimeoutResult in
            started.body.signal()
            return started.background.wait(timeout: .now() + 10)
        }, alongside: { () -> DispatchTimeoutResult in
            started.background.signal()
            return started.body.wait(timeout: .now() + 10)
        })
        #expect(a == .success && b == .success)

        let seen = Seen()
        #expect(throws: BodyFailed.self) {
            try concurrently({ throw BodyFailed() }, alongside: { usleep(20_000); seen.lock.withLock { seen.finished += 1 } })
        }
        #expect(seen.finished == 1)  // the failing side did not return before the other finished
        #expect(throws: BackgroundFailed.self) { try concurrently({ 1 }, alongside: { () throws -> Int in throw BackgroundFailed() }) }
        #expect(throws: BodyFailed.self) {
            try concurrently({ () throws -> Int in throw BodyFailed() }, alongside: { () throws -> Int in throw BackgroundFailed() })
        }

        let caller = ObjectIdentifier(Thread.current)
        let serial = try Parallelism.$enabled.withValue(false) {
            try concurrently({ seen.lock.withLock { seen.order.append("body") }; return ObjectIdentifier(Thread.current) == caller },
                             alongside: { seen.lock.withLock { seen.order.append("background") }; return ObjectIdentifier(Thread.current) == caller })
        }
        #expect(serial == (true, true) && seen.order == ["body", "background"])
    }

    /// Prefetched work runs on a thread of its own right away (it has begun before `value` is asked for), `value` waits
    /// for it and gives its result, every time. Without parallelism it runs on the asking thread, only when asked.
    @Test func prefetchedWorkRunsBeforeItIsAskedForAndGivesItsResult() {
        final class Started: @unchecked Sendable { let ready = DispatchSemaphore(value: 0); let lock = NSLock(); var runs = 0 }
        let started = Started()
        let caller = ObjectIdentifier(Thread.current)
        let prefetched = Prefetched { () -> Bool in
            started.lock.withLock { started.runs += 1 }
            started.ready.signal()
            usleep(20_000)
            return ObjectIdentifier(Thread.current) != caller
        }
        #expect(started.ready.wait(timeout: .now() + 10) == .success)  // begun without anyone asking
        #expect(prefetched.value == true && prefetched.value == true && started.runs == 1)

        let lazy = Parallelism.$enabled.withValue(false) {
            Prefetched { () -> Bool in
                started.lock.withLock { started.runs += 1 }
                return ObjectIdentifier(Thread.current) == caller
            }
        }
        #expect(started.runs == 1)
        #expect(lazy.value == true && lazy.value == true && started.runs == 2)
    }
}
