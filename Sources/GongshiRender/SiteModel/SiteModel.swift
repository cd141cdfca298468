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
    /// Newest first; ties by slug so the order never depends on file-system order.
    public var notices: [NoticeSummary]
    /// Columns, most notices first (ties by name). A column without notices does not exist.
    public var columns: [NoticeGroup]
    /// Years, newest first.
    public var years: [NoticeGroup]
    /// Issuing organizations, by name.
    public var orgs: [NoticeGroup]

    public init(config: SiteConfig, notices: [NoticeSummary]) {
        self.config = config
        self.notices = notices.sorted(by: SiteModel.newestFirst)
        let notices = self.notices
        func group(by key: (NoticeSummary) -> String) -> [String: [Int]] {
            var result: [String: [Int]] = [:]
            for (i, n) in notices.enumerated() { result[key(n), default: []].append(i) }
            return result
        }
        let byColumn = group { $0.column }
        let columnIDs = StableID.ids(for: Array(byColumn.keys))
        columns = byColumn.map { NoticeGroup(name: $0.key, id: columnIDs[$0.key]!, members: $0.value) }
            .sorted { $0.members.count != $1.members.count ? $0.members.count > $1.members.count : $0.name < $1.name }
        let byYear = group { String($0.date.year) }
        years = byYear.map { NoticeGroup(name: $0.key, id: $0.key, members: $0.value) }.sorted { $0.id > $1.id }
        let byOrg = group { $0.org }
        let orgIDs = StableID.ids(for: Array(byOrg.keys))
        orgs = byOrg.map { NoticeGroup(name: $0.key, id: orgIDs[$0.key]!, members: $0.value) }.sorted { $0.name < $1.name }
    }

    public static func newestFirst(_ a: NoticeSummary, _ b: NoticeSummary) -> Bool {
        a.date != b.date ? a.date > b.date : a.slug < b.slug
    }

    /// The notice published just before `index` (older), shown as 上一篇.
    public func older(than index: Int) -> NoticeSummary? {
        notices.indices.contains(index + 1) ? notices[index + 1] : nil
    }

    /// The notice published just after `index` (newer), shown as 下一篇.
    public func newer(than index: Int) -> NoticeSummary? {
        index > 0 ? notices[index - 1] : nil
    }

    /// Feedback channels for a notice: its own, else the site's.
    public func contact(for notice: Notice) -> Contact? {
        if let own = notice.contact, !own.isEmpty { return own }
        return config.contact
    }

    /// The column group of notices in `column`.
    public func column(named column: String) -> NoticeGroup? { columns.first { $0.name == column } }
}
