import Foundation

/// The render stage: turns the site model into output files (Markdown through libcmark, pages, feeds and
/// sitemap through Mustache, the search index as JSON).
public struct SiteRenderer: Sendable {
    public let model: SiteModel
    public let templates: TemplateSet
    public let markdown: MarkdownRenderer
    /// Absolute site address ending in `/`, when known (site.yaml baseURL or the --base-url option).
    public let baseURL: String?

    /// Files from content/files/ published under files/.
    public let attachments: [(path: String, source: URL)]
    /// Called after each notice page with (done, total).
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Search tokens of notices as the last build found them, by source digest.
    public var previousTokens = TokenStore()
    /// Each notice's body links by source path (from the checks): where they lead is part of its page's key.
    /// A notice missing here is keyed on every link target of the site.
    public var links: [String: [String]] = [:]
    /// Gives a notice's Markdown body. By default the body the notice holds; a build drops the bodies after the
    /// checks (10,000 notices hold 120 MB of text) and reads each one again from its file when its page is made.
    public var bodySource: @Sendable (Notice) throws -> String = { $0.body }
    /// Gives a notice its details (problems, inspection, contact…). By default the notice as it is; a build holds
    /// the notices it takes from its cache without them and reads them only for the pages it makes.
    public var detailsSource: @Sendable (Notice) throws -> Notice = { $0 }
    /// Receives each notice's search tokens with its source digest (for the next build's cache), on the worker
    /// thread that made them.
    public var tokensRendered: (@Sendable (SearchIndexBuilder.TokenSet, UInt64) -> Void)?
    private let targets: LinkTargets
    /// Digest of what every page depends on: the program, templates, settings and address.
    private let siteKey: UInt64

    public init(model: SiteModel, templates: TemplateSet, baseURL: String? = nil, attachments: [(path: String, source: URL)] = []) {
        self.model = model
        self.templates = templates
        self.attachments = attachments
        let targets = LinkTargets(notices: model.notices, attachments: attachments.map(\.path))
        self.targets = targets
        self.markdown = MarkdownRenderer(allowRawHTML: model.config.allowRawHTML, rewriteLink: { targets.rewrite($0) })
        self.baseURL = (baseURL ?? model.config.baseURL).flatMap(SiteConfig.normalizedBaseURL)
        siteKey = Digest.of(BuildCache.program, String(templates.fingerprint), String(model.config.digest), self.baseURL ?? "")
    }

    /// The input key of a page made with `template` from `view`.
    func pageKey(_ template: String, _ view: some Encodable) -> UInt64 {
        var digest = Digest()
        digest.add(siteKey)
        digest.add(template)
        digest.add(DigestEncoder.digest(view))
        return digest.value
    }

    /// Keeps the page the last build made at `path` when its key is unchanged, else renders `view` with `template`.
    func keepOrRender(_ path: String, _ template: String, _ view: some Encodable, into sink: some PageSink) throws {
        let key = pageKey(template, view)
        if try !sink.reuse(path, key: key) {
            try sink.write(path, Data(templates.render(view, template: template).utf8), key: key)
        }
    }

    /// The input key of a notice's page, worked out without making its view (10,000 views cost seconds). The page
    /// is made from: the notice (its file, decoded with the settings in `siteKey`), where its body's links lead,
    /// its neighbours' titles and addresses, and the site's navigation and breadcrumb for its column (`chrome`).
    func noticeKey(at index: Int, chrome: [String: UInt64]) -> UInt64 {
        let notice = model.notices[index]
        var digest = Digest()
        digest.add(siteKey)
        digest.add("notice")
        digest.add(chrome[model.column(of: notice)?.id ?? ""] ?? 0)
        digest.add(bodyKey(notice))
        for neighbour in [model.older(than: index), model.newer(than: index)] {
            digest.add(neighbour.map { $0.title + "\u{1F}" + SiteModel.url(of: $0) } ?? "\u{0}")
        }
        return digest.value
    }

    /// What notice pages share, by column id ("" for none): the site's title, navigation and footer as seen from a
    /// notice in that column, and its breadcrumb. Part of each notice page's key.
    func noticeChrome() -> [String: UInt64] {
        var chrome: [String: UInt64] = [:]
        for column in [nil] + model.columns.map(Optional.some) {
            let nav = column.map { "columns/\($0.id)/" } ?? ""
            let breadcrumb = [LinkView(title: model.config.title, url: "")] + (column.map { [LinkView(title: $0.name, url: nav)] } ?? [])
            var digest = Digest()
            digest.add(DigestEncoder.digest(siteView(currentNav: nav)))
            digest.add(DigestEncoder.digest(breadcrumb))
            chrome[column?.id ?? ""] = digest.value
        }
        return chrome
    }

    /// What a notice's body renders from: its file and where its links lead.
    func bodyKey(_ notice: Notice) -> UInt64 {
        var digest = Digest()
        digest.add(notice.sourceDigest)
        if let links = links[notice.sourcePath] {
            for link in links { digest.add(link); digest.add(String(describing: targets.resolve(link))) }
        } else {
            digest.add(targets.fingerprint)
        }
        return digest.value
    }

    /// Every output file, in a fixed order, handed to `sink` as it is made so pages need not be held in memory.
    /// List and notice pages are made on every core; a page whose input key is the one the sink's last build
    /// recorded is kept instead of rendered again.
    public func render(into sink: some PageSink) throws {
        func emit(_ path: String, _ data: Data) throws { try sink.write(path, data, key: nil) }
        var pages: [(path: String, lastModified: String?)] = []
        for asset in templates.assets {
            try emit(asset.path, asset.data)
        }
        for file in attachments {
            try emit("files/" + file.path, try Data(contentsOf: file.source))
        }

        var clock = StageClock()
        // List pages: each one's view made, kept or rendered, and written on a worker thread (100,000 notices make
        // 20,000 list pages: their views are never all in memory).
        var lists = listPages(base: "", heading: model.config.title, description: nil, members: Array(model.notices.indices), nav: "")
        for column in model.columns {
            lists += listPages(base: "columns/\(column.id)/", heading: column.name, description: "栏目：\(column.name)",
                               members: column.members, nav: "columns/\(column.id)/")
        }
        for year in model.years {
            lists += listPages(base: "archives/\(year.id)/", heading: "\(year.name)发布的通知", description: nil,
                               members: year.members, nav: "archives/")
        }
        for org in model.orgs {
            lists += listPages(base: "orgs/\(org.id)/", heading: "\(org.name)发布的通知", description: nil,
                               members: org.members, nav: "archives/")
        }
        let listPages = lists
        let failures = parallelMap(listPages.count) { i -> Error? in
            do {
                try keepOrRender(listPages[i].path, "list", listPageView(listPages[i]), into: sink)
                return nil
            } catch { return error }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        pages += lists.map { ($0.path, nil) }
        clock.lap("  list pages")
        // Notice pages are kept or rendered and written on every core, in waves; after each wave the search index
        // and the feed take what they need from its pages in page order, so they never depend on scheduling.
        var search = SearchIndexBuilder()
        var feedEntries: [FeedEntryView] = []
        let chrome = noticeChrome()
        let wave = 256
        var start = 0
        while start < model.notices.count {
            let end = min(model.notices.count, start + wave)
            let first = start
            let rendered = parallelMap(end - start) { offset -> Result<RenderedNotice, Error> in
                Result { try renderNotice(at: first + offset, chrome: chrome, into: sink) }
            }
            for (offset, result) in rendered.enumerated() {
                let index = start + offset
                let notice = model.notices[index]
                let done = try result.get()
                pages.append((SiteModel.url(of: notice) + "index.html", notice.date.description))
                search.add(title: notice.title, url: SiteModel.url(of: notice), date: notice.date.description, org: notice.org, tokens: done.tokens)
                if index < model.config.feedSize {
                    feedEntries.append(feedEntry(notice, plainText: done.plainText))
                }
                progress?(index + 1, model.notices.count)
            }
            start = end
        }

        clock.lap("  notice pages")
        // Pages made from the whole site: each kept when its view (and so its key) is the last build's.
        try keepOrRender("archives/index.html", "archives", archivesView(), into: sink)
        pages.append(("archives/index.html", nil))
        try keepOrRender("overview/index.html", "overview", overviewPageView(), into: sink)
        pages.append(("overview/index.html", nil))
        try keepOrRender("search/index.html", "search", pageView(path: "search/index.html", title: "站内搜索", nav: "search/"), into: sink)
        pages.append(("search/index.html", nil))
        try keepOrRender("404.html", "404", view404(), into: sink)
        clock.lap("  archives, overview")
        for file in try search.files() {
            try emit(file.path, file.data)
        }
        clock.lap("  search index")
        if let baseURL {
            try keepOrRender("feed.xml", "feed", feedView(entries: feedEntries, baseURL: baseURL), into: sink)
            try keepOrRender("sitemap.xml", "sitemap", sitemapView(pages: pages, baseURL: baseURL), into: sink)
            try emit("robots.txt", Data("User-agent: *\nAllow: /\nSitemap: \(baseURL)sitemap.xml\n".utf8))
        } else {
            try emit("robots.txt", Data("User-agent: *\nAllow: /\n".utf8))
        }
        clock.lap("  feed, sitemap")
    }

    // MARK: Pages

    /// `../../` for `notices/a/index.html`, `./` for `index.html`.
    static func root(for path: String) -> String {
        let depth = path.filter { $0 == "/" }.count
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    func canonical(for path: String) -> String? {
        guard let baseURL else { return nil }
        let directory = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
        return baseURL + directory
    }

    func siteView(currentNav: String) -> SiteView {
        var nav = [NavItem(title: "首页", url: "", current: currentNav == "")]
        if model.columns.count > 1 {
            nav += model.columns.map { NavItem(title: $0.name, url: "columns/\($0.id)/", current: currentNav == "columns/\($0.id)/") }
        }
        nav.append(NavItem(title: "整改进度总览", url: "overview/", current: currentNav == "overview/"))
        nav.append(NavItem(title: "归档", url: "archives/", current: currentNav == "archives/"))
        return SiteView(title: model.config.title, description: model.config.description?.nonEmpty, nav: nav,
                        footer: model.config.footer.flatMap(SiteRenderer.footerView))
    }

    static func footerView(_ f: SiteFooter) -> FooterView? {
        let values = [f.sponsor, f.organizer, f.contact, f.siteCode, f.icp, f.police].compactMap { $0?.nonEmpty }
        guard !values.isEmpty else { return nil }
        let policeDigits = f.police?.filter { $0.isASCII && $0.isNumber }
        return FooterView(sponsor: f.sponsor?.nonEmpty, organizer: f.organizer?.nonEmpty, contact: f.contact?.nonEmpty,
                          siteCode: f.siteCode?.nonEmpty, icp: f.icp?.nonEmpty, police: f.police?.nonEmpty,
                          policeRecord: (policeDigits?.isEmpty ?? true) ? nil : policeDigits)
    }

    func pageView(path: String, title: String, nav: String) -> PageView {
        let documentTitle = path == "index.html" ? model.config.title : "\(title) - \(model.config.title)"
        return PageView(site: siteView(currentNav: nav), root: SiteRenderer.root(for: path), pageTitle: title,
                        documentTitle: documentTitle, canonical: canonical(for: path))
    }

    /// One page of a list of notices: which ones, and where it stands among its list's pages.
    struct ListPage {
        let path: String
        let base: String
        let heading: String
        let description: String?
        let members: ArraySlice<Int>
        let number: Int
        let pageCount: Int
        let nav: String
    }

    /// A list of notices split into pages of `pageSize`: `<base>index.html`, `<base>page/2/index.html`, …
    func listPages(base: String, heading: String, description: String?, members: [Int], nav: String) -> [ListPage] {
        let size = model.config.pageSize
        let pageCount = max(1, (members.count + size - 1) / size)
        return (1...pageCount).map { number in
            ListPage(path: (number == 1 ? base : "\(base)page/\(number)/") + "index.html", base: base, heading: heading,
                     description: description, members: members[min(members.count, (number - 1) * size)..<min(members.count, number * size)],
                     number: number, pageCount: pageCount, nav: nav)
        }
    }

    func listPageView(_ page: ListPage) -> PageView {
        let (number, pageCount, base) = (page.number, page.pageCount, page.base)
        func url(_ n: Int) -> String { n == 1 ? base : "\(base)page/\(n)/" }
        let window = Set([1, pageCount] + Array(max(1, number - 3)...min(pageCount, number + 3)))
        let pagination = pageCount == 1 ? nil : PaginationView(
            current: number, total: pageCount,
            previousURL: number > 1 ? url(number - 1) : nil, nextURL: number < pageCount ? url(number + 1) : nil,
            pages: window.sorted().map { PageLinkView(number: $0, url: url($0), current: $0 == number) })
        var view = pageView(path: page.path, title: number == 1 ? page.heading : "\(page.heading)（第 \(number) 页）", nav: page.nav)
        view.list = ListView(heading: page.heading, description: page.description, notices: page.members.map { summaryView(model.notices[$0]) },
                             pagination: pagination)
        return view
    }

    public func renderNotice(at index: Int) -> String {
        let notice = (try? detailsSource(model.notices[index])) ?? model.notices[index]
        var view = noticePageView(notice, at: index)
        view.notice?.bodyHTML = markdown.html((try? bodySource(notice)) ?? notice.body)
        return templates.render(view, template: "notice")
    }

    /// The page of `notice` (complete, at `index` in the model), without its body.
    func noticePageView(_ notice: Notice, at index: Int) -> PageView {
        let path = SiteModel.url(of: notice) + "index.html"
        var view = pageView(path: path, title: notice.title, nav: model.column(of: notice).map { "columns/\($0.id)/" } ?? "")
        view.notice = noticeView(notice, at: index, bodyHTML: "")
        view.breadcrumb = [LinkView(title: model.config.title, url: "")]
            + (model.column(of: notice).map { [LinkView(title: $0.name, url: "columns/\($0.id)/")] } ?? [])
        return view
    }

    /// Renders (or keeps, when its inputs did not change) one notice page, on a worker thread; returns what the
    /// search index and the feed need from it.
    func renderNotice(at index: Int, chrome: [String: UInt64], into sink: some PageSink) throws -> RenderedNotice {
        let notice = model.notices[index]
        let path = SiteModel.url(of: notice) + "index.html"
        let key = noticeKey(at: index, chrome: chrome)
        let wantsText = index < model.config.feedSize
        if try sink.reuse(path, key: key) {
            let stored = previousTokens.tokens(for: notice.sourceDigest)
            if let stored, !wantsText {
                tokensRendered?(stored, notice.sourceDigest)
                return RenderedNotice(tokens: stored, plainText: "")
            }
            let text = markdown.render(try bodySource(notice)).text
            let tokens = try stored ?? searchTokens(detailsSource(notice), bodyText: text)
            tokensRendered?(tokens, notice.sourceDigest)
            return RenderedNotice(tokens: tokens, plainText: wantsText ? text : "")
        }
        let full = try detailsSource(notice)
        let body = markdown.render(try bodySource(full))
        var view = noticePageView(full, at: index)
        view.notice?.bodyHTML = body.html
        try sink.write(path, Data(templates.render(view, template: "notice").utf8), key: key)
        let tokens = searchTokens(full, bodyText: body.text)
        tokensRendered?(tokens, notice.sourceDigest)
        return RenderedNotice(tokens: tokens, plainText: wantsText ? body.text : "")
    }

    func searchTokens(_ notice: Notice, bodyText: String) -> SearchIndexBuilder.TokenSet {
        SearchIndexBuilder.tokenSet(in: notice.title + "\n" + notice.org + "\n" + searchText(notice, body: bodyText))
    }

    func archivesView() -> PageView {
        var view = pageView(path: "archives/index.html", title: "归档", nav: "archives/")
        let link = { (prefix: String) in { (g: NoticeGroup) in GroupLinkView(name: g.name, url: "\(prefix)/\(g.id)/", count: g.members.count) } }
        view.archives = ArchivesView(years: model.years.map(link("archives")), orgs: model.orgs.map(link("orgs")),
                                     columns: model.columns.map(link("columns")))
        return view
    }

    func overviewPageView() -> PageView {
        var view = pageView(path: "overview/index.html", title: "整改进度总览", nav: "overview/")
        view.overview = overviewView()
        return view
    }

    func view404() -> PageView {
        // Served for any missing address, so links start from the site's base path instead of a relative root.
        let base = baseURL.flatMap { URL(string: $0)?.path }.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? "/"
        let view = pageView(path: "404.html", title: "页面不存在", nav: "-")
        return PageView(site: view.site, root: base, pageTitle: view.pageTitle, documentTitle: view.documentTitle, canonical: nil)
    }

    // MARK: Views

    func summaryView(_ notice: Notice) -> NoticeSummaryView {
        let progress = notice.progress
        return NoticeSummaryView(title: notice.title, org: notice.org, date: notice.date.chinese, dateISO: notice.date.description,
                                 column: notice.column, summary: notice.summary, url: SiteModel.url(of: notice),
                                 percent: progress?.percentDone, hasProgress: progress.map { $0.total > 0 } ?? false)
    }

    func noticeView(_ notice: Notice, at index: Int, bodyHTML: String) -> NoticeView {
        let link = { (n: Notice) in LinkView(title: n.title, url: SiteModel.url(of: n)) }
        let older = model.older(than: index).map(link)
        let newer = model.newer(than: index).map(link)
        return NoticeView(
            title: notice.title, org: notice.org, date: notice.date.chinese, dateISO: notice.date.description,
            column: notice.column, summary: notice.summary, url: SiteModel.url(of: notice),
            inspection: notice.inspection.map(inspectionView),
            progress: notice.progress.map { ProgressView(progress: $0, problems: notice.problems) },
            contact: model.contact(for: notice).map(ContactView.init),
            signature: SignatureView(org: notice.signature.org, date: notice.signature.date?.chinese),
            bodyHTML: bodyHTML,
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

    /// What the search index sees of a notice: its fields and its body text.
    func searchText(_ notice: Notice, body: String) -> String {
        var parts = [notice.column, notice.summary ?? ""]
        if let i = notice.inspection { parts += [i.round ?? "", i.group, i.target ?? ""] }
        parts += notice.problems.flatMap { [$0.title, $0.category ?? "", $0.owner ?? ""] }
        parts.append(body)
        return parts.joined(separator: "\n")
    }

    func overviewView() -> OverviewView {
        var rows: [OverviewRowView] = []
        var total = 0, done = 0, partial = 0, ongoing = 0, without = 0
        for notice in model.notices {
            guard let p = notice.progress, p.total > 0 else { without += 1; continue }
            rows.append(OverviewRowView(title: notice.title, url: SiteModel.url(of: notice), org: notice.org, date: notice.date.chinese,
                                        total: p.total, done: p.done, partial: p.partial, ongoing: p.ongoing, percent: p.percentDone))
            total += p.total; done += p.done; partial += p.partial; ongoing += p.ongoing
        }
        let overall = Progress(total: total, done: done, partial: partial, ongoing: ongoing)
        let chartRows = Array(rows.prefix(ProgressChart.maxBars))
        let note = rows.count > chartRows.count
            ? "图中列出最近发布的 \(chartRows.count) 篇，全部 \(rows.count) 篇见下表。" : "图中列出全部 \(rows.count) 篇通知。"
        return OverviewView(rows: rows, hasRows: !rows.isEmpty, total: total, done: done, partial: partial, ongoing: ongoing,
                            percent: overall.percentDone, noticesWithoutProgress: without,
                            chartSVG: ProgressChart.svg(rows: chartRows), chartNote: note)
    }

    // MARK: Feeds

    func feedEntry(_ notice: Notice, plainText: String) -> FeedEntryView {
        let text = notice.summary ?? String(plainText.replacingOccurrences(of: "\n", with: " ").prefix(200))
        return FeedEntryView(title: notice.title, url: SiteModel.url(of: notice), updated: SiteRenderer.timestamp(notice.date),
                             org: notice.org, summary: text)
    }

    /// Midnight Beijing time: the day a notice is published, as Atom wants it.
    static func timestamp(_ date: CalendarDate) -> String { "\(date.description)T00:00:00+08:00" }

    func feedView(entries: [FeedEntryView], baseURL: String) -> FeedView {
        let updated = model.notices.first.map { SiteRenderer.timestamp($0.date) } ?? "1970-01-01T00:00:00+08:00"
        return FeedView(title: model.config.title, base: baseURL, updated: updated, entries: entries)
    }

    func sitemapView(pages: [(path: String, lastModified: String?)], baseURL: String) -> SitemapView {
        let urls = pages.map { page in
            SitemapURLView(location: baseURL + (page.path.hasSuffix("index.html") ? String(page.path.dropLast(10)) : page.path),
                           lastModified: page.lastModified)
        }
        return SitemapView(urls: urls)
    }
}

/// What the index and the feed need from a notice page made on a worker thread.
struct RenderedNotice: Sendable {
    let tokens: SearchIndexBuilder.TokenSet
    let plainText: String
}

/// Where the renderer puts files (StagedOutput, for a build).
public protocol PageSink: Sendable {
    /// Writes a file; `key` is the digest of the page's inputs, recorded for the next build (nil: not reusable).
    func write(_ path: String, _ data: Data, key: UInt64?) throws
    /// Keeps the file the last build made at `path` if it was made from inputs with digest `key`; false otherwise.
    func reuse(_ path: String, key: UInt64) throws -> Bool
}

struct FeedEntryView: Sendable, Encodable {
    let title: String
    /// Relative to the site root.
    let url: String
    let updated: String
    let org: String
    let summary: String
}

struct FeedView: Sendable, Encodable {
    let title: String
    let base: String
    let updated: String
    let entries: [FeedEntryView]
}

struct SitemapURLView: Sendable, Encodable {
    let location: String
    let lastModified: String?
}

struct SitemapView: Sendable, Encodable {
    let urls: [SitemapURLView]
}
