import Foundation
import GongshiMarkdown
import GongshiCore

/// A named set of notices with a page of its own: a column (栏目), a year, an issuing organization.
public struct NoticeGroup: Sendable, Hashable {
    public var name: String
    /// ASCII folder name, stable across builds.
    public var id: String
    /// Indices into `SiteModel.notices`, newest first.
    public var members: [Int]
}

/// The build-the-site-model stage: notices in reading order and the groups that get pages of their own. Holds only
/// summaries: a notice page asks a `NoticeSource` for its whole notice.
public struct SiteModel: Sendable {
    public var config: SiteConfig
    /// The build's reference time: what is published, overdue or ended is decided at this moment.
    public var now: Moment
    /// `serve`'s preview: drafts and scheduled notices are listed and get pages (with a banner).
    public var preview: Bool
    /// The notices that are out, newest first; ties by slug so the order never depends on file-system order.
    public var notices: [NoticeSummary]
    /// Withdrawn notices: each keeps a page at its address saying so, and is in no list.
    public var withdrawn: [NoticeSummary]
    /// Drafts and notices not yet due to go out (in a preview they are in `notices` instead), newest first.
    public var heldBack: [NoticeSummary]
    /// Columns, most notices first (ties by name). A column without notices does not exist.
    public var columns: [NoticeGroup]
    /// Years, newest first.
    public var years: [NoticeGroup]
    /// Issuing organizations, by name.
    public var orgs: [NoticeGroup]
    /// The inspections the listed notices tell of, and their rounds.
    public var inspections: InspectionIndex

    public init(config: SiteConfig, notices all: [NoticeSummary], now: Moment, preview: Bool = false) {
        self.config = config
        self.now = now
        self.preview = preview
        var listed: [NoticeSummary] = [], withdrawn: [NoticeSummary] = [], held: [NoticeSummary] = []
        // Sorting the positions moves 8 bytes at a time instead of whole summaries (100,000 of them take seconds).
        for position in all.indices.sorted(by: { SiteModel.newestFirst(all[$0], all[$1]) }) {
            let notice = all[position]
            switch notice.publication(at: now) {
            case .published: listed.append(notice)
            case .withdrawn: withdrawn.append(notice)
            case .draft, .scheduled: if preview { listed.append(notice) } else { held.append(notice) }
            }
        }
        self.notices = listed
        self.withdrawn = withdrawn
        heldBack = held
        let notices = listed
        func group(by key: (NoticeSummary) -> String) -> [String: [Int]] {
            var result: [String: [Int]] = [:]
            for (i, n) in notices.enumerated() { result[key(n), default: []].append(i) }
            return result
        }
        let byColumn = group { $0.column }
        let columnIDs = StableID.ids(for: Array(byColumn.keys)) { config.columns[$0]?.slug }
        columns = byColumn.map { NoticeGroup(name: $0.key, id: columnIDs[$0.key]!, members: $0.value) }
            .sorted { $0.members.count != $1.members.count ? $0.members.count > $1.members.count : $0.name < $1.name }
        let byYear = group { String($0.date.year) }
        years = byYear.map { NoticeGroup(name: $0.key, id: $0.key, members: $0.value) }.sorted { $0.id > $1.id }
        let byOrg = group { $0.org }
        let orgIDs = StableID.ids(for: Array(byOrg.keys)) { config.orgs[$0]?.slug }
        orgs = byOrg.map { NoticeGroup(name: $0.key, id: orgIDs[$0.key]!, members: $0.value) }.sorted { $0.name < $1.name }
        inspections = InspectionIndex(notices: notices)
        inspections.useSlugs { config.rounds[$0]?.slug }
    }

    /// A later notice of the same inspection reports progress (see `InspectionIndex.isSuperseded`).
    public func isSuperseded(noticeAt index: Int) -> Bool { inspections.isSuperseded(index, in: notices) }

    /// The page of the whole inspection the notice at `index` belongs to, when it has one.
    public func inspectionPage(ofNoticeAt index: Int) -> InspectionRecord? {
        inspections.ofNotice[index].map { inspections.inspections[$0] }.flatMap { $0.hasPage ? $0 : nil }
    }

    public static func newestFirst(_ a: NoticeSummary, _ b: NoticeSummary) -> Bool {
        a.date != b.date ? a.date > b.date : a.slug < b.slug
    }

    /// The notice published just before `index` (older), shown as 上一篇.
    public func older(than index: Int) -> NoticeSummary? { olderIndex(than: index).map { notices[$0] } }

    /// The notice published just after `index` (newer), shown as 下一篇.
    public func newer(than index: Int) -> NoticeSummary? { newerIndex(than: index).map { notices[$0] } }

    /// Where `older(than:)` and `newer(than:)` are (page keys read their fields in place, without a copy).
    public func olderIndex(than index: Int) -> Int? { notices.indices.contains(index + 1) ? index + 1 : nil }
    public func newerIndex(than index: Int) -> Int? { index > 0 ? index - 1 : nil }

    /// Feedback channels for a notice: its own, else the site's.
    public func contact(for notice: Notice) -> Contact? {
        if let own = notice.contact, !own.isEmpty { return own }
        return config.contact
    }

    /// The column group of notices in `column`.
    public func column(named column: String) -> NoticeGroup? { columns.first { $0.name == column } }
}
