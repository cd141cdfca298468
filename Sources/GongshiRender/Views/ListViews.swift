import GongshiMarkdown
import Foundation
import GongshiCore

// What the templates see. Plain values with the names used in templates/*.mustache (see docs/templates.md).

public struct NoticeSummaryView: Sendable, Encodable {
    public let title: String
    public let org: String
    public let date: String
    public let dateISO: String
    public let column: String
    public let summary: String?
    public let url: String
    public let percent: Int?
    public let hasProgress: Bool
}

public struct PageLinkView: Sendable, Encodable {
    public let number: Int
    public let url: String
    public let current: Bool
}

public struct PaginationView: Sendable, Encodable {
    public let current: Int
    public let total: Int
    public let previousURL: String?
    public let nextURL: String?
    /// A window of page numbers around the current one, always with the first and last.
    public let pages: [PageLinkView]
}

public struct ListView: Sendable, Encodable {
    public let heading: String
    public let description: String?
    public let notices: [NoticeSummaryView]
    public let pagination: PaginationView?
    /// On the home page only: announcements still accepting letters (巡察公告, 正在受理).
    public var openAnnouncements: [OpenAnnouncementView] = []
}

public struct GroupLinkView: Sendable, Encodable {
    public let name: String
    public let url: String
    public let count: Int
}

public struct ArchivesView: Sendable, Encodable {
    public let years: [GroupLinkView]
    public let orgs: [GroupLinkView]
    public let columns: [GroupLinkView]
    public let rounds: [RoundLinkView]
    public let hasRounds: Bool
}

public struct OverviewRowView: Sendable, Encodable {
    public let title: String
    public let url: String
    public let org: String
    public let date: String
    public let total: Int
    public let done: Int
    public let partial: Int
    public let ongoing: Int
    public let notStarted: Int
    /// Problems past their time limit and not done (逾期).
    public let overdue: Int
    public let percent: Int
    /// A later notice of the same inspection reports progress: this row is left out of the totals.
    public let superseded: Bool
}

public struct OverviewView: Sendable, Encodable {
    public let rows: [OverviewRowView]
    public let hasRows: Bool
    public let total: Int
    public let done: Int
    public let partial: Int
    public let ongoing: Int
    /// Nil when none (templates treat every number, 0 too, as present).
    public let notStarted: Int?
    public let overdue: Int?
    public let percent: Int
    public let noticesWithoutProgress: Int
    /// Inline SVG bar chart, built from numbers only (no user text except escaped labels).
    public let chartSVG: String
    public let chartNote: String
    public let rounds: [RoundLinkView]
    public let hasRounds: Bool
}

