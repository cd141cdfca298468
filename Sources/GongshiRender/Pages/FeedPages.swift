import Foundation
import GongshiMarkdown
import GongshiCore

/// The files for machines: the Atom feed, the sitemap and robots.txt.
extension SiteRenderer {
    /// The feed's entry for `notice`; `plainText` is its body as text (used when the notice has no summary).
    public func feedEntry(_ notice: NoticeSummary, plainText: String) -> FeedEntryView {
        // Line breaks become spaces byte by byte (a newline byte is never part of another character in UTF-8), where
        // Foundation's replacingOccurrences cost 3.8 million instructions per entry through NSString. One difference,
        // meant: a newline followed by a combining mark (one Character, which Foundation left alone) becomes a space too.
        let text = notice.abstract ?? String(String(decoding: plainText.utf8.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self).prefix(200))
        return FeedEntryView(title: notice.title, url: SiteURLs.notice(notice), updated: SiteRenderer.timestamp(notice.updated),
                             published: SiteRenderer.timestamp(notice.date), org: notice.org, summary: text)
    }

    /// Midnight Beijing time: the day a notice is published, as Atom wants it.
    static func timestamp(_ date: CalendarDate) -> String { "\(date.description)T00:00:00+08:00" }

    /// Every HTML page the sitemap lists, in order, with the notice pages' dates.
    public func sitemapEntries(listPages: [ListPage]) -> [SitemapURLView] {
        var pages: [(path: String, lastModified: String?)] = listPages.map { ($0.path, nil) }
        pages += model.notices.map { (SiteURLs.file(SiteURLs.notice($0)), $0.updated.description) }
        pages += [SiteURLs.archives, SiteURLs.overview, SiteURLs.search].map { (SiteURLs.file($0), nil) }
        pages += model.inspections.rounds.map { (SiteURLs.file(SiteURLs.round($0.id)), nil) }
        pages += model.inspections.inspections.filter(\.hasPage).map { (SiteURLs.file(SiteURLs.inspection($0.id)), nil) }
        return pages.map { SitemapURLView(location: (baseURL ?? "") + SiteURLs.folder(of: $0.path), lastModified: $0.lastModified) }
    }

    /// feed.xml and sitemap.xml (only when the site has a baseURL: both need absolute addresses) and robots.txt.
    public func machinePages(feedEntries: [FeedEntryView], sitemap: [SitemapURLView]) -> [TemplatePage] {
        guard let baseURL else { return [TemplatePage(path: "robots.txt", template: "robots", view: RobotsView(sitemap: nil))] }
        let updated = model.notices.map(\.updated).max().map(SiteRenderer.timestamp) ?? "1970-01-01T00:00:00+08:00"
        return [
            TemplatePage(path: "feed.xml", template: "feed",
                         view: FeedView(title: model.config.title, base: baseURL, updated: updated, entries: feedEntries)),
            TemplatePage(path: "sitemap.xml", template: "sitemap", view: SitemapView(urls: sitemap)),
            TemplatePage(path: "robots.txt", template: "robots", view: RobotsView(sitemap: baseURL + "sitemap.xml")),
        ]
    }
}

public struct FeedEntryView: Sendable, Encodable {
    public let title: String
    /// Relative to the site root.
    public let url: String
    /// The latest correction's day, else the publication day.
    public let updated: String
    public let published: String
    public let org: String
    public let summary: String
}

public struct FeedView: Sendable, Encodable {
    public let title: String
    public let base: String
    public let updated: String
    public let entries: [FeedEntryView]
}

public struct SitemapURLView: Sendable, Encodable {
    public let location: String
    public let lastModified: String?
}

public struct SitemapView: Sendable, Encodable {
    public let urls: [SitemapURLView]
}

public struct RobotsView: Sendable, Encodable {
    /// Absolute address of sitemap.xml, when the site has one.
    public let sitemap: String?
}
