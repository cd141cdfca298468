import Foundation
import GongshiCore

/// One row of the 信息公开目录.
public struct CatalogueRowView: Sendable, Encodable {
    public let indexNumber: String?
    public let title: String
    public let url: String
    public let publisher: String
    public let writtenDate: String
    public let writtenDateISO: String
    public let date: String
    public let dateISO: String
    public let documentNumber: String?
}

public struct CatalogueView: Sendable, Encodable {
    public let heading: String
    public let rows: [CatalogueRowView]
    public let years: [GroupLinkView]
    public let pagination: PaginationView?
}

/// The 信息公开目录: every published notice as a row of its disclosure fields, newest first, paginated, with a page
/// set per year. Made from the site model's notices, so drafts, scheduled and withdrawn notices are never in it.
extension SiteRenderer {
    func cataloguePages() -> [ListPage] {
        var pages = listPages(base: SiteURLs.catalogue, heading: strings.text("catalogueTitle"), description: nil,
                              members: Array(model.notices.indices), nav: SiteURLs.catalogue)
        for year in model.years {
            pages += listPages(base: SiteURLs.catalogue(year: year.id), heading: strings.text("catalogueYearTitle", ["name": yearName(year)]),
                               description: nil, members: year.members, nav: SiteURLs.catalogue)
        }
        for i in pages.indices { pages[i].catalogue = true }
        return pages
    }

    func cataloguePage(for list: ListPage, withMembers: Bool) -> TemplatePage {
        let title = list.number == 1 ? list.heading : strings.text("numberedPageTitle", ["heading": list.heading, "number": list.number])
        var view = pageView(path: list.path, title: title, nav: list.nav, meta: columnMeta(name: list.heading, description: nil))
        let defaults = model.config.disclosure
        let rows = (withMembers ? list.members : []).map { i -> CatalogueRowView in
            let n = model.notices[i], register = n.register
            let written = register?.writtenDate ?? n.date
            return CatalogueRowView(indexNumber: register?.indexNumber, title: n.title, url: SiteURLs.notice(n),
                                    publisher: register?.publisher ?? defaults.publisher?.nonEmpty ?? n.org,
                                    writtenDate: written.chinese, writtenDateISO: written.description,
                                    date: n.date.chinese, dateISO: n.date.description, documentNumber: register?.documentNumber)
        }
        view.catalogue = CatalogueView(heading: list.heading, rows: rows,
                                       years: model.years.map { GroupLinkView(name: yearName($0), url: SiteURLs.catalogue(year: $0.id), count: $0.members.count) },
                                       pagination: paginationView(number: list.number, pageCount: list.pageCount, base: list.base))
        return TemplatePage(path: list.path, template: "catalogue", view: view)
    }
}
