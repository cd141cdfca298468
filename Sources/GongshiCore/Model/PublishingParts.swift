/// How a notice goes out: sign-off, 公示期, withdrawal, corrections, time of day (docs/content-format.md, 发布流程).
import Foundation

/// Who drafted, reviewed and approved (签发) a notice, and when it was approved. Internal: shown on the page only
/// when site.yaml says `showReview: true`.
public struct Review: Sendable, Hashable, Codable {
    /// 拟稿人
    public var drafter: String?
    /// 审核人 (初审/复审, including 保密审查)
    public var reviewer: String?
    /// 签发人 (终审)
    public var approver: String?
    /// 签发日期
    public var approved: CalendarDate?

    public init(drafter: String? = nil, reviewer: String? = nil, approver: String? = nil, approved: CalendarDate? = nil) {
        self.drafter = drafter; self.reviewer = reviewer; self.approver = approver; self.approved = approved
    }

    /// What sign-off still lacks, in the words the clerk uses (empty when approved).
    public var missing: [String] {
        var missing: [String] = []
        if approver?.nonEmpty == nil { missing.append("签发人（review.approver）") }
        if approved == nil { missing.append("签发日期（review.approved）") }
        return missing
    }

    /// Who the notice waits for: the reviewer until someone has reviewed it, then the approver.
    public var awaiting: String {
        if reviewer?.nonEmpty == nil { return "待审核" }
        return approver?.nonEmpty.map { "待\($0)签发" } ?? "待签发"
    }
}

/// A 公示's stated period: from `start` to `end`, both days included.
public struct DisclosurePeriod: Sendable, Hashable, Codable {
    public var start: CalendarDate
    public var end: CalendarDate
    public init(start: CalendarDate, end: CalendarDate) { self.start = start; self.end = end }

    /// Ended once the last day is over.
    public func hasEnded(at now: Moment) -> Bool { end.isOver(at: now) }
}

/// A notice taken down: its page says when and why; it leaves every list.
public struct Withdrawal: Sendable, Hashable, Codable {
    public var date: CalendarDate
    public var reason: String
    public init(date: CalendarDate, reason: String) { self.date = date; self.reason = reason }
}

/// A published correction (更正说明): the page shows it; the notice's updated time moves to its date.
public struct Correction: Sendable, Hashable, Codable {
    public var date: CalendarDate
    public var note: String
    public init(date: CalendarDate, note: String) { self.date = date; self.note = note }
}

/// A time of day written `09:30` (Beijing time).
public struct TimeOfDay: Sendable, Hashable, Codable {
    /// Minutes since midnight.
    public var minute: Int
    public init(minute: Int) { self.minute = minute }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self).trimmingWhitespace()
        guard let minute = Moment.minute(of: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "时间“\(text)”格式不对，应写成 时:分，例如 09:30（要加英文引号：time: \"09:30\"）")
        }
        self.minute = minute
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Moment(date: CalendarDate(year: 2000, month: 1, day: 1)!, minute: minute).clock)
    }
}
