import Foundation

/// Prints how long each build stage took to standard error when the environment has GONGSHI_TIMINGS=1.
/// For profiling large sites (docs/benchmarks.md); silent otherwise.
struct StageClock {
    static let enabled = ProcessInfo.processInfo.environment["GONGSHI_TIMINGS"] == "1"
    private var last = DispatchTime.now()

    mutating func lap(_ stage: @autoclosure () -> String) {
        guard Self.enabled else { return }
        let now = DispatchTime.now()
        let seconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9
        FileHandle.standardError.write(Data(String(format: "[time] %-28@ %7.3f s\n", stage() as NSString, seconds).utf8))
        last = now
    }
}
