import GongshiMarkdown
import Foundation
import GongshiCore

/// A notice page, and what the search index and the feed take from it.
public struct RenderedNotice: Sendable {
    public let html: Data
    public let tokens: SearchIndexBuilder.TokenSet
    /// The body as plain text (for the feed's summaries).
    public let plainText: String
}

/// What notice pages of one column share besides the templates: the site's frame as seen from the column and the
/// breadcrumb. (A build keys notice pages on it instead of on each page's whole view.)
public struct NoticeFrame: Sendable, Encodable {
    public let site: SiteView
    public let breadcrumb: [LinkView]
}

extension SiteRenderer {
    /// The page of `notice`, which stands at `index` in the model, with its search tokens and plain text.
    public func renderNotice(_ notice: Notice, at index: Int) -> RenderedNotice {
        let body = markdown.render(notice.body)
        var view = noticePageView(notice, at: index)
        view.notice?.bodyHTML = body.html
        return RenderedNotice(html: Data(templates.render(view, template: "notice", frames: frames).utf8),
                              tokens: searchTokens(notice, bodyText: body.text), plainText: body.text)
    }

    /// The search tokens and plain text of `notice` without making its page (for a page the build keeps).
    public func text(of notice: Notice) -> (tokens: SearchIndexBuilder.TokenSet, plainText: String) {
        let text = plainText(of: notice)
        return (searchTokens(notice, bodyText: text), text)
    }

    /// The plain text of a notice's body alone (the feed's summary of a kept page whose search tokens are stored).
    public func plainText(of notice: Notice) -> String { markdown.render(notice.body).text }

    /// The frame of notice pages in `column` (nil: notices of no column page).
    public func noticeFrame(column: NoticeGroup?) -> NoticeFrame {
        let nav = column.map { SiteURLs.column($0.id) } ?? SiteURLs.home
        let breadcrumb = [LinkView(title: model.config.title, url: SiteURLs.home)]
            + (column.map { [LinkView(title: $0.name, url: SiteURLs.column($0.id))] } ?? [])
        return NoticeFrame(site: siteView(currentNav: nav), breadcrumb: breadcrumb)
    }

    /// The page of `notice` (whole, at `index` in the model), without its body.
    func noticePageView(_ notice: Notice, at index: Int) -> PageView {
        let frame = noticeFrame(column: model.column(named: notice.column))
        let path = SiteURLs.file(SiteURLs.notice(notice.slug))
        var view = PageView(site: frame.site, root: SiteURLs.root(for: path), pageTitle: notice.title,
                            documentTitle: strings.text("documentTitle", ["page": notice.title, "site": model.config.title]),
                            canonical: canonical(for: path))
        view.notice = noticeView(notice, at: index)
        view.breadcrumb = frame.breadcrumb
        view.meta = columnMeta(name: notice.column, description: strings.text("columnDescription", ["name": notice.column]))
            + articleMeta(notice, path: path)
        view.errorReportURL = errorReportURL(path: path)
        return view
    }

    func noticeView(_ notice: Notice, at index: Int) -> NoticeView {
        let link = { (n: NoticeSummary) in LinkView(title: n.title, url: SiteURLs.notice(n)) }
        let older = model.older(than: index).map(link)
        let newer = model.newer(than: index).map(link)
        let page = model.inspectionPage(ofNoticeAt: index).map { SiteURLs.inspection($0.id) }
        return NoticeView(notice, inspection: notice.inspection.map { inspectionView($0, page: page) }, contact: notice.fields.kind == .announcement && !notice.fields.groups.isEmpty ? nil : model.contact(for: notice),
                          older: older, newer: newer, publishing: PublishingParts(notice, now: model.now, showReview: model.config.showReview),
                          now: model.now, superseded: model.isSuperseded(noticeAt: index),
                          disclosure: DisclosureView(notice, defaults: model.config.disclosure), strings: strings)
    }

    /// The page left at a withdrawn notice's address: when and why it was withdrawn.
    public func withdrawnPages() -> [TemplatePage] {
        model.withdrawn.compactMap { notice in
            guard let withdrawal = notice.withdrawn else { return nil }
            let path = SiteURLs.file(SiteURLs.notice(notice.slug))
            var view = pageView(path: path, title: notice.title, nav: model.column(named: notice.column).map { SiteURLs.column($0.id) } ?? "-")
            view.withdrawn = WithdrawnView(title: notice.title, org: notice.org, published: notice.date.chinese, publishedISO: notice.date.description,
                                           date: withdrawal.date.chinese, dateISO: withdrawal.date.description, reason: withdrawal.reason)
            return TemplatePage(path: path, template: "withdrawn", view: view)
        }
    }

    func inspectionView(_ i: Inspection, page: String?) -> InspectionView {
        let period: String?
        switch (i.start, i.end) {
        case let (start?, end?): period = strings.text("periodFromTo", ["start": start.chinese, "end": end.chinese])
        case let (start?, nil): period = strings.text("periodFrom", ["start": start.chinese])
        case let (nil, end?): period = strings.text("periodTo", ["end": end.chinese])
        default: period = nil
        }
        return InspectionView(round: i.round?.nonEmpty, group: i.group?.nonEmpty, target: i.target?.nonEmpty, dates: period,
                              feedback: i.feedback?.chinese, feedbackISO: i.feedback?.description, allNoticesURL: page)
    }

    func searchTokens(_ notice: Notice, bodyText: String) -> SearchIndexBuilder.TokenSet {
        SearchIndexBuilder.tokenSet(in: notice.title + "\n" + notice.org + "\n" + searchText(notice, body: bodyText))
    }

    /// What the search index sees of a notice besides its title and org: its fields and its body text.
    func searchText(_ notice: Notice, body: String) -> String {
        var parts = [notice.column, notice.fields.summary ?? ""]
        if let i = notice.inspection { parts += [i.round ?? "", i.group ?? "", i.target ?? ""] }
        parts += notice.fields.groups.flatMap { [$0.name] + $0.targets }
        parts += notice.problems.flatMap { [$0.title, $0.category ?? "", $0.owner ?? ""] }
        parts.append(body)
        return parts.joined(separator: "\n")
    }
}
