import Foundation
import GongshiMarkdown
import GongshiCore

/// One page of a list of notices: which ones, and where it stands among its list's pages.
public struct ListPage: Sendable {
    public let path: String
    /// Where its list starts: the same for all pages of one list.
    public let base: String
    let heading: String
    let description: String?
    /// Indices of its notices in the site model.
    public let members: ArraySlice<Int>
    public let number: Int
    public let pageCount: Int
    let nav: String
    /// A page of the 信息公开目录 (a table of disclosure fields) instead of a list of notices.
    var catalogue = false
}

extension SiteRenderer {
    /// Every list page: the home page's list, each column, year and organization, split into pages of `pageSize`.
    public func listPages() -> [ListPage] {
        var lists = listPages(base: SiteURLs.home, heading: model.config.title, description: nil,
                              members: Array(model.notices.indices), nav: SiteURLs.home)
        for column in model.columns {
            lists += listPages(base: SiteURLs.column(column.id), heading: column.name,
                               description: strings.text("columnDescription", ["name": column.name]),
                               members: column.members, nav: SiteURLs.column(column.id))
        }
        for year in model.years {
            lists += listPages(base: SiteURLs.year(year.id), heading: strings.text("yearHeading", ["name": yearName(year)]),
                               description: nil, members: year.members, nav: SiteURLs.archives)
        }
        for org in model.orgs {
            lists += listPages(base: SiteURLs.org(org.id), heading: strings.text("orgHeading", ["name": org.name]),
                               description: nil, members: org.members, nav: SiteURLs.archives)
        }
        return lists + cataloguePages()
    }

    func yearName(_ year: NoticeGroup) -> String { strings.text("yearName", ["year": year.id]) }

    /// A list of notices split into pages of `pageSize`: `<base>index.html`, `<base>page/2/index.html`, …
    func listPages(base: String, heading: String, description: String?, members: [Int], nav: String) -> [ListPage] {
        let size = model.config.pageSize
        let pageCount = max(1, (members.count + size - 1) / size)
        return (1...pageCount).map { number in
            ListPage(path: SiteURLs.file(SiteURLs.listPage(base, number)), base: base, heading: heading, description: description,
                     members: members[min(members.count, (number - 1) * size)..<min(members.count, number * size)],
                     number: number, pageCount: pageCount, nav: nav)
        }
    }

    /// The view of one list page, ready to render (made when it is wanted: 100,000 notices make 20,000 list pages).
    public func page(for list: ListPage) -> TemplatePage { page(for: list, withMembers: true) }

    /// The page without its notices' rows: everything else it shows. With what each member notice is made from, this
    /// tells whether the page changed, without making a view of every member.
    public func frame(of list: ListPage) -> TemplatePage { page(for: list, withMembers: false) }

    private func page(for list: ListPage, withMembers: Bool) -> TemplatePage {
        if list.catalogue { return cataloguePage(for: list, withMembers: withMembers) }
        let (number, pageCount, base) = (list.number, list.pageCount, list.base)
        let pagination = paginationView(number: number, pageCount: pageCount, base: base)
        let title = number == 1 ? list.heading : strings.text("numberedPageTitle", ["heading": list.heading, "number": number])
        var view = pageView(path: list.path, title: title, nav: list.nav, meta: columnMeta(name: list.heading, description: list.description))
        view.list = ListView(heading: list.heading, description: list.description,
                             notices: withMembers ? list.members.map { summaryView(model.notices[$0]) } : [], pagination: pagination)
        if base == SiteURLs.home, number == 1 { view.list?.openAnnouncements = openAnnouncements() }
        return TemplatePage(path: list.path, template: "list", view: view)
    }

    func paginationView(number: Int, pageCount: Int, base: String) -> PaginationView? {
        let window = Set([1, pageCount] + Array(max(1, number - 3)...min(pageCount, number + 3)))
        return pageCount == 1 ? nil : PaginationView(
            current: number, total: pageCount,
            previousURL: number > 1 ? SiteURLs.listPage(base, number - 1) : nil,
            nextURL: number < pageCount ? SiteURLs.listPage(base, number + 1) : nil,
            pages: window.sorted().map { PageLinkView(number: $0, url: SiteURLs.listPage(base, $0), current: $0 == number) })
    }

    func summaryView(_ notice: NoticeSummary) -> NoticeSummaryView {
        let progress = notice.progress
        return NoticeSummaryView(title: notice.title, org: notice.org, date: notice.date.chinese, dateISO: notice.date.description,
                                 column: notice.column, summary: notice.abstract, url: SiteURLs.notice(notice),
                                 percent: progress?.percentDone, hasProgress: progress.map { $0.total > 0 } ?? false)
    }
}
