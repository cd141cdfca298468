import GongshiMarkdown
import Foundation
import GongshiCore

/// The pages made from the whole site rather than from one notice or list: archives, the progress overview, the
/// search page and the 404 page.
extension SiteRenderer {
    public func sitePages() -> [TemplatePage] {
        [archivesPage(), overviewPage(), searchPage(), notFoundPage()]
    }

    func archivesPage() -> TemplatePage {
        let path = SiteURLs.file(SiteURLs.archives)
        var view = pageView(path: path, title: strings.text("archivesTitle"), nav: SiteURLs.archives)
        let link = { (name: String, url: String, group: NoticeGroup) in GroupLinkView(name: name, url: url, count: group.members.count) }
        view.archives = ArchivesView(years: model.years.map { link(yearName($0), SiteURLs.year($0.id), $0) },
                                     orgs: model.orgs.map { link($0.name, SiteURLs.org($0.id), $0) },
                                     columns: model.columns.map { link($0.name, SiteURLs.column($0.id), $0) },
                                     rounds: roundLinks(), hasRounds: !model.inspections.rounds.isEmpty)
        return TemplatePage(path: path, template: "archives", view: view)
    }

    func overviewPage() -> TemplatePage {
        let path = SiteURLs.file(SiteURLs.overview)
        var view = pageView(path: path, title: strings.text("overviewTitle"), nav: SiteURLs.overview)
        view.overview = overviewView()
        return TemplatePage(path: path, template: "overview", view: view)
    }

    func searchPage() -> TemplatePage {
        let path = SiteURLs.file(SiteURLs.search)
        return TemplatePage(path: path, template: "search", view: pageView(path: path, title: strings.text("searchTitle"), nav: SiteURLs.search))
    }

    /// Served for any missing address, so links start from the site's base path instead of a relative root.
    func notFoundPage() -> TemplatePage {
        let base = baseURL.flatMap { URL(string: $0)?.path }.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? "/"
        let frame = pageView(path: "404.html", title: strings.text("notFoundTitle"), nav: "-")
        let view = PageView(site: frame.site, root: base, pageTitle: frame.pageTitle, documentTitle: frame.documentTitle, canonical: nil)
        return TemplatePage(path: "404.html", template: "404", view: view)
    }

    func overviewView() -> OverviewView {
        var rows: [OverviewRowView] = []
        var total = 0, done = 0, partial = 0, ongoing = 0, notStarted = 0, overdue = 0, without = 0
        for (index, notice) in model.notices.enumerated() {
            guard let p = notice.progress, p.total > 0 else { without += 1; continue }
            let superseded = model.isSuperseded(noticeAt: index)
            let late = superseded ? 0 : notice.overdue(at: model.now).count
            rows.append(OverviewRowView(title: notice.title, url: SiteURLs.notice(notice), org: notice.org, date: notice.date.chinese,
                                        total: p.total, done: p.done, partial: p.partial, ongoing: p.ongoing, notStarted: p.notStarted,
                                        overdue: late, percent: p.percentDone, superseded: superseded))
            if superseded { continue }
            total += p.total; done += p.done; partial += p.partial; ongoing += p.ongoing; notStarted += p.notStarted; overdue += late
        }
        let overall = RectificationProgress(total: total, done: done, partial: partial, ongoing: ongoing, notStarted: notStarted)
        let chartRows = Array(rows.prefix(ProgressChart.maxBars))
        let note = rows.count > chartRows.count
            ? strings.text("chartNoteSome", ["shown": chartRows.count, "all": rows.count]) : strings.text("chartNoteAll", ["all": rows.count])
        return OverviewView(rows: rows, hasRows: !rows.isEmpty, total: total, done: done, partial: partial, ongoing: ongoing,
                            notStarted: notStarted > 0 ? notStarted : nil, overdue: overdue > 0 ? overdue : nil,
                            percent: overall.percentDone, noticesWithoutProgress: without,
                            chartSVG: ProgressChart.svg(rows: chartRows, strings: strings), chartNote: note, rounds: roundLinks(),
                            hasRounds: !model.inspections.rounds.isEmpty)
    }
}
