import Foundation
import GongshiCore
import Testing

@Suite("Parallel work")
struct ParallelTests {
    /// Every index runs exactly once and the results come back in index order, with one thread per core and with
    /// several (the page-writing stages), for counts below, at and above the number of chunks.
    @Test(arguments: [1, 3])
    func everyIndexRunsOnceAndResultsKeepTheirOrder(threadsPerCore: Int) {
        final class Counts: @unchecked Sendable {
            let lock = NSLock()
            var runs: [Int: Int] = [:]
            var threads = Set<String>()
        }
        for count in [0, 1, 2, 7, 48, 1_000] {
            let counts = Counts()
            let results = parallelMap(count, threadsPerCore: threadsPerCore) { i -> Int in
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

    /// Two independent stages: both run (the background one on a thread of its own), both results come back, and an
    /// error from either is rethrown only after both finished.
    @Test func concurrentlyRunsBothAndWaitsForBoth() throws {
        struct Failed: Error {}
        final class Seen: @unchecked Sendable { let lock = NSLock(); var threads: [String] = []; var finished = 0 }
        let seen = Seen()
        let mark: @Sendable () -> Void = {
            seen.lock.withLock { seen.threads.append("\(Unmanaged.passUnretained(Thread.current).toOpaque())") }
        }
        let (a, b) = try concurrently({ mark(); return 1 }, alongside: { mark(); usleep(20_000); return "b" })
        #expect(a == 1 && b == "b")
        #expect(Set(seen.threads).count == 2)
        #expect(throws: Failed.self) {
            try concurrently({ throw Failed() }, alongside: { usleep(20_000); seen.lock.withLock { seen.finished += 1 } })
        }
        #expect(seen.finished == 1)  // the failing side did not return before the other finished
        #expect(throws: Failed.self) { try concurrently({ 1 }, alongside: { () throws -> Int in throw Failed() }) }
        let serial = try Parallelism.$enabled.withValue(false) { try concurrently({ 2 }, alongside: { 3 }) }
        #expect(serial == (2, 3))
    }
}
