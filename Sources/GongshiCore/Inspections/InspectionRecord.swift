import Foundation

/// One inspection: one unit inspected by one group in one round, and every notice about it, announcement included.
public struct InspectionRecord: Sendable, Hashable {
    /// Folder name of its page: the notices' `id` when it is a plain ASCII name, else a stable hash of its key.
    public var id: String
    public var round: String?
    public var group: String?
    /// The inspected unit (the notice's org when no target is written).
    public var target: String
    /// Indices into the notices the index was made from, in the order they came out (date, then kind).
    public var notices: [Int]
    /// The day feedback was given, and the notice that says so.
    public var feedback: CalendarDate?
    public var feedbackSource: Int?

    /// A page of its own only when there is more than one notice to put on it.
    public var hasPage: Bool { notices.count > 1 }

    /// The furthest the inspection has come: announced, feedback given, rectification published, followed up.
    public func stage(in all: [NoticeSummary]) -> InspectionStage {
        let kinds = Set(notices.map { all[$0].kind })
        if kinds.contains(.followUp) { return .followedUp }
        if kinds.contains(.rectification) { return .rectificationPublished }
        if kinds.contains(.feedback) || feedback != nil { return .feedbackGiven }
        return .announced
    }

    /// The unit's first rectification notice (整改情况 or 整改进展).
    public func firstRectification(in all: [NoticeSummary]) -> NoticeSummary? {
        notices.lazy.map { all[$0] }.first { $0.kind == .rectification }
    }

    /// The last day to publish a rectification notice: `days` after feedback.
    public func publishDeadline(within days: Int) -> CalendarDate? { feedback?.adding(days: days) }

    /// 超期未公布: past the deadline at `now` with no rectification notice out.
    public func isLate(within days: Int, at now: Moment, in all: [NoticeSummary]) -> Bool {
        guard let deadline = publishDeadline(within: days), firstRectification(in: all) == nil else { return false }
        return deadline.isOver(at: now)
    }
}

/// How far an inspection has come, as its notices show.
public enum InspectionStage: Sendable, Hashable {
    case announced, feedbackGiven, rectificationPublished, followedUp
}


