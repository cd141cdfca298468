import CAtomicSwap
import Foundation

/// Prints how long each build stage took, and the memory the process holds after it (resident set, and the most it
/// held so far), to standard
/// error when the environment has GONGSHI_TIMINGS=1. For profiling large sites (docs/benchmarks.md); silent
/// otherwise.
public struct StageClock {
    public static let enabled = ProcessInfo.processInfo.environment["GONGSHI_TIMINGS"] == "1"
    private var last = DispatchTime.now()
    private var lastCPU = StageClock.enabled ? StageClock.cpuSeconds() : 0
    public init() {}

    public mutating func lap(_ stage: @autoclosure () -> String) {
        guard Self.enabled else { return }
        let now = DispatchTime.now()
        let seconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9
        let cpu = Self.cpuSeconds()
        FileHandle.standardError.write(Data(String(format: "[time] %-28@ %7.3f s (cpu %7.3f s) %7d MB held (peak %d), %7d MB in use\n",
                                                   stage() as NSString, seconds, cpu - lastCPU, Self.megabytes("VmRSS:"), Self.megabytes("VmHWM:"),
                                                   Int(gongshi_heap_in_use() / 1_048_576)).utf8))
        last = now
        lastCPU = cpu
    }

    /// Processor time (user and system, all threads) the process used so far: a stage's share over its wall time shows
    /// how many cores it kept busy.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Hands memory freed by the stage just done back to the system (glibc keeps it otherwise: after loading 100,000
    /// notices the process held twice what it used), so the peak a large build reaches is what it really uses.
    public static func releaseFreeMemory() { gongshi_release_free_memory() }

    /// A line of /proc/self/status (VmRSS: resident now, VmHWM: the most so far) in MB, 0 where there is none.
    static func megabytes(_ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }
}
