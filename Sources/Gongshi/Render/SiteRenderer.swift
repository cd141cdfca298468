import Foundation

/// The render stage: turns the site model into page files (Markdown through libcmark, pages through Mustache).
public struct SiteRenderer: Sendable {
    public let model: SiteModel
    public let templates: TemplateSet
    public let markdown: MarkdownRenderer

    public init(model: SiteModel, templates: TemplateSet) {
        self.model = model
        self.templates = templates
        self.markdown = MarkdownRenderer(allowRawHTML: model.config.allowRawHTML)
    }

    /// Every output file, in a fixed order, handed to `emit` one at a time so pages need not be held in memory.
    public func render(emit: (String, Data) throws -> Void) throws {
        for asset in templates.assets {
            try emit(asset.path, asset.data)
        }
        try emit("index.html", Data(renderIndex().utf8))
        for index in model.notices.indices {
            try emit(SiteModel.pagePath(of: model.notices[index]), Data(renderNotice(at: index).utf8))
        }
    }

    var siteView: SiteView { SiteView(title: model.config.title, description: model.config.description?.nonEmpty) }

    public func renderIndex() -> String {
        let view = PageView(site: siteView, root: "./", pageTitle: model.config.title, notice: nil,
                            notices: model.notices.map(summaryView), hasNotices: !model.notices.isEmpty, breadcrumb: [])
        return templates.render(view, template: "index")
    }

    public func renderNotice(at index: Int) -> String {
        let notice = model.notices[index]
        let view = PageView(site: siteView, root: "../../", pageTitle: notice.title, notice: noticeView(at: index),
                            notices: [], hasNotices: false, breadcrumb: [])
        return templates.render(view, template: "notice")
    }

    static func url(of notice: Notice) -> String { "notices/\(notice.slug)/" }

    func summaryView(_ notice: Notice) -> NoticeSummaryView {
        let progress = notice.progress
        return NoticeSummaryView(title: notice.title, org: notice.org, date: notice.date.chinese, dateISO: notice.date.description,
                                 column: notice.column, summary: notice.summary, url: SiteRenderer.url(of: notice),
                                 percent: progress?.percentDone, hasProgress: progress != nil && progress!.total > 0)
    }

    func noticeView(at index: Int) -> NoticeView {
        let notice = model.notices[index]
        let link = { (n: Notice) in LinkView(title: n.title, url: SiteRenderer.url(of: n)) }
        let older = model.older(than: index).map(link)
        let newer = model.newer(than: index).map(link)
        return NoticeView(
            title: notice.title, org: notice.org, date: notice.date.chinese, dateISO: notice.date.description,
            column: notice.column, summary: notice.summary, url: SiteRenderer.url(of: notice),
            inspection: notice.inspection.map(inspectionView),
            progress: notice.progress.map { ProgressView(progress: $0, problems: notice.problems) },
            contact: model.contact(for: notice).map(ContactView.init),
            signature: SignatureView(org: notice.signature.org, date: notice.signature.date?.chinese),
            bodyHTML: markdown.html(notice.body),
            older: older, newer: newer, hasNeighbours: older != nil || newer != nil)
    }

    func inspectionView(_ i: Inspection) -> InspectionView {
        let period: String?
        switch (i.start, i.end) {
        case let (start?, end?): period = "\(start.chinese)至\(end.chinese)"
        case let (start?, nil): period = "\(start.chinese)起"
        case let (nil, end?): period = "至\(end.chinese)"
        default: period = nil
        }
        return InspectionView(round: i.round?.nonEmpty, group: i.group, target: i.target?.nonEmpty, period: period,
                              feedback: i.feedback?.chinese, feedbackISO: i.feedback?.description)
    }
}
