import Foundation
import GongshiCore

// What the templates see of announcements, inspections and rounds (see docs/templates.md).

/// One inspection group in an announcement's table.
public struct GroupView: Sendable, Encodable {
    public let name: String
    /// The units it inspects, joined with 、
    public let targets: String
    public let phones: [PhoneView]
    public let hasPhones: Bool
    public let hours: String?
    public let email: String?
    public let mailto: String?
    public let mailbox: String?
    public let address: String?
    public let postcode: String?

    init(_ group: InspectionGroup) {
        name = group.name
        targets = group.targets.joined(separator: "、")
        phones = group.phone.map { PhoneView(number: $0, tel: ContactView.telURL($0)) }
        hasPhones = !phones.isEmpty
        hours = group.hours?.nonEmpty
        email = group.email?.nonEmpty
        mailto = group.email?.nonEmpty.map { ContactView.mailtoURL($0, subject: nil) }
        mailbox = group.mailbox?.nonEmpty
        address = group.address?.nonEmpty
        postcode = group.postcode?.nonEmpty
    }
}

/// An announcement's groups and whether letters are still accepted at the build's reference time.
public struct AnnouncementView: Sendable, Encodable {
    public let groups: [GroupView]
    public let hasGroups: Bool
    public let lettersUntil: String?
    public let lettersUntilISO: String?
    /// 正在受理 (the deadline day still counts).
    public let accepting: Bool
    /// 已截止
    public let closed: Bool
    /// The id of the section's heading (several announcements can share a page).
    public var headingID = "groups-heading"

    init(_ announcement: Announcement, now: Moment) {
        groups = announcement.groups.map(GroupView.init)
        hasGroups = !groups.isEmpty
        lettersUntil = announcement.lettersUntil?.chinese
        lettersUntilISO = announcement.lettersUntil?.description
        accepting = announcement.accepting(at: now)
        closed = announcement.lettersUntil != nil && !accepting
    }
}

/// An announcement still accepting letters, shown at the top of the home page.
public struct OpenAnnouncementView: Sendable, Encodable {
    public let title: String
    public let url: String
    public let date: String
    public let dateISO: String
    public let announcement: AnnouncementView
}

/// One notice on an inspection's timeline.
public struct TimelineEntryView: Sendable, Encodable {
    public let title: String
    public let url: String
    public let date: String
    public let dateISO: String
    public let kindLabel: String
    public let percent: Int?
    public let hasPercent: Bool
    /// `较上次提高 20 个百分点`
    public let change: String?
}

/// One problem across an inspection's notices: its status in each notice that lists problems.
public struct ProblemHistoryView: Sendable, Encodable {
    public let title: String
    public let statuses: [HistoryCellView]
}

public struct HistoryCellView: Sendable, Encodable {
    /// 已完成, 阶段性成效…; `未列出` when that notice does not list the problem.
    public let label: String
    public let status: String?
}

public struct InspectionPageView: Sendable, Encodable {
    public let heading: String
    public let round: String?
    public let roundURL: String?
    public let group: String?
    public let target: String
    public let feedback: String?
    public let feedbackISO: String?
    public let timeline: [TimelineEntryView]
    /// The latest completion rate and the sentence of the notice it comes from.
    public let latestPercent: Int?
    public let latestSummary: String?
    /// Headings of the history table's columns (the notices that list problems).
    public let historyColumns: [String]
    public let history: [ProblemHistoryView]
    public let hasHistory: Bool
}

/// One inspected unit on its round's page.
public struct RoundUnitView: Sendable, Encodable {
    public let target: String
    public let group: String?
    /// The inspection's page, or its one notice.
    public let url: String
    public let stage: String
    public let feedback: String?
    public let feedbackISO: String?
    public let firstRectification: String?
    public let firstRectificationISO: String?
    /// Days from feedback to the first rectification notice.
    public let days: Int?
    /// The first rectification notice came out after the time limit.
    public let publishedLate: Bool
    public let percent: Int?
    public let hasPercent: Bool
    /// 超期未公布: past `publishWithinDays` after feedback with no rectification notice.
    public let late: Bool
    public let deadline: String?
}

public struct RoundView: Sendable, Encodable {
    public let name: String
    public let units: [RoundUnitView]
    public let publishWithinDays: Int
    public let lateCount: Int
    public let hasLate: Bool
}

public struct RoundLinkView: Sendable, Encodable {
    public let name: String
    public let url: String
    public let units: Int
}
