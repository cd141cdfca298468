/// How far rectification has come, as counts and a completion percentage.
import Foundation
public struct RectificationProgress: Sendable, Hashable, Codable {
    public var total: Int
    public var done: Int
    public var partial: Int
    public var ongoing: Int
    /// 未完成
    public var notStarted: Int

    public init(total: Int, done: Int, partial: Int, ongoing: Int, notStarted: Int = 0) {
        self.total = total; self.done = done; self.partial = partial; self.ongoing = ongoing; self.notStarted = notStarted
    }

    /// From the per-problem list when it is not empty, otherwise from the reported stats; nil when neither says anything.
    public init?(problems: [Problem], stats: ProgressStats?) {
        if !problems.isEmpty {
            var done = 0, partial = 0, ongoing = 0, notStarted = 0
            for p in problems {
                switch p.status {
                case .done: done += 1
                case .partial: partial += 1
                case .ongoing: ongoing += 1
                case .notStarted: notStarted += 1
                }
            }
            self.init(total: problems.count, done: done, partial: partial, ongoing: ongoing, notStarted: notStarted)
            return
        }
        guard let stats, stats.total != nil || stats.done != nil || stats.partial != nil || stats.ongoing != nil || stats.notStarted != nil
        else { return nil }
        let done = stats.done ?? 0
        let partial = stats.partial ?? 0
        let ongoing = stats.ongoing ?? 0
        let notStarted = stats.notStarted ?? 0
        let total = stats.total ?? (done + partial + ongoing + notStarted)
        // "34个问题全部完成整改": only a total and done given; the rest is not split further.
        self.init(total: total, done: done, partial: partial, ongoing: ongoing, notStarted: notStarted)
    }

    /// Whole percent of problems fully rectified, rounded down so 99.6% never shows as 100%.
    public var percentDone: Int {
        guard total > 0 else { return 0 }
        return min(100, done * 100 / total)
    }

    /// Problems whose status the notice does not say (stats that do not add up to the total).
    public var unaccounted: Int { max(0, total - done - partial - ongoing - notStarted) }
}
