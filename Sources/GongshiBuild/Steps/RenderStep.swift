import GongshiContent
import Foundation
import GongshiCore
import GongshiOutput
import GongshiRender

/// The render-and-write step, with reuse: every output file in a fixed order, each page kept as published when its
/// key is the one the last build recorded, else rendered by the render stage and written to the staging folder.
/// List and notice pages are made on every core, the feed and sitemap beside the search index; nothing waits on
/// scheduling, so the output never depends on it.
struct RenderStep {
    let renderer: SiteRenderer
    let keys: PageKeys
    let output: StagedOutput
    let source: NoticeSource
    /// Output files as the last build recorded them.
    let previous: [String: PageRecord]
    /// Search tokens of notices as the last build found them, by source digest.
    let previousTokens: TokenStore
    /// Receives each notice's search tokens for the next build's cache.
    let tokens: TokenStore.Writer
    /// What the last build's search index was made from.
    let previousSearch: SearchState?
    let progress: (@Sendable (Int, Int) -> Void)?
    private let records = RecordBook()

    init(renderer: SiteRenderer, keys: PageKeys, output: StagedOutput, source: NoticeSource, cache: BuildCache,
         tokens: TokenStore.Writer, progress: (@Sendable (Int, Int) -> Void)?) {
        self.renderer = renderer; self.keys = keys; self.output = output; self.source = source
        previous = cache.pages; previousTokens = cache.tokens; previousSearch = cache.search; self.tokens = tokens; self.progress = progress
    }

    /// Writes the whole site into the staging folder; returns the record of every page and what the search index was
    /// made from, for the next build.
    func run(attachments: [(path: String, source: URL)]) throws -> (pages: [String: PageRecord], search: SearchState) {
        var clock = StageClock()
        for asset in renderer.templates.assets { try output.write(asset.path, asset.data) }
        for file in attachments { try output.write("files/" + file.path, try Data(contentsOf: file.source)) }
        let lists = renderer.listPages()
        let listKeys = keys.keys(ofLists: lists)
        try parallelMap(lists.count, threadsPerCore: Self.threadsPerCore) { i in Result { try keepOrRender(lists[i], key: listKeys[i]) } }.forEach { try $0.get() }
        clock.lap("  list pages")
        output.flushInBackground()
        // The site pages are made on a thread of their own beside the notice pages: nearly all their time is the
        // overview, one page listing every notice, which alone would leave a core idle. (Peak memory at 100,000
        // notices: 518 MB when it was made alone after them, 520-522 MB beside them; beside the list pages it was 578.)
        let (feed, _) = try concurrently({ try noticePages() }, alongside: { try sitePages() })
        output.flushInBackground()
        StageClock.releaseFreeMemory()
        clock.lap("  notice and site pages")
        // The feed and sitemap are made beside the search index, which leaves a core idle while it writes the document
        // list and the meta file.
        let (search, _) = try concurrently({ try searchIndex() }, alongside: {
            for page in renderer.machinePages(feedEntries: feed, sitemap: renderer.sitemapEntries(listPages: lists)) { try keepOrRender(page) }
        })
        clock.lap("  search, feed, sitemap")
        return (records.all, search)
    }

    /// Archives, overview, search page, 404, withdrawn notices, inspection rounds and inspections.
    private func sitePages() throws {
        for page in renderer.sitePages() + renderer.withdrawnPages() + renderer.roundPages() { try keepOrRender(page) }
        for shell in renderer.inspectionPageShells() {
            let key = keys.key(of: shell)
            if try !kept(shell.path, key: key) { try write(shell.path, renderer.render(try renderer.inspectionPage(shell, source: source)), key: key) }
        }
    }

    /// Keeps the page the last build made at its path when its key is unchanged, else renders and writes it.
    private func keepOrRender(_ page: TemplatePage) throws {
        let key = keys.key(of: page)
        if try !kept(page.path, key: key) { try write(page.path, renderer.render(page), key: key) }
    }

    /// The same for a list page, whose view is made only when it is rendered.
    private func keepOrRender(_ list: ListPage, key: UInt64) throws {
        if try !kept(list.path, key: key) { try write(list.path, renderer.render(renderer.page(for: list)), key: key) }
    }

    func kept(_ path: String, key: UInt64) throws -> Bool {
        guard let record = previous[path], record.key == key,
              try output.keepPublished(path, size: record.size, modified: record.modified) else { return false }
        records.set(path, record)
        return true
    }

    func write(_ path: String, _ data: Data, key: UInt64) throws {
        try output.write(path, data)
        if let stamp = output.stamp(of: path) { records.set(path, PageRecord(key: key, size: stamp.size, modified: stamp.modified)) }
    }

    /// Threads per core for the stages that write pages: while a thread waits for the disk its core would idle.
    /// Measured when every page was still flushed to disk as it was written (10,000 notices, clean builds alternating:
    /// 1 thread per core 31.7 s, 2 28.9 s, 3 26.4 s, 4 about the same, 6 slower; docs/benchmarks.md). Measured again once
    /// pages were no longer flushed one by one (`FileWriting`): 1 thread per core 18.89 / 19.51 / 17.82 s, 3 threads
    /// 18.87 / 19.25 / 18.80 s, the same within the machine's noise; kept at 3.
    static let threadsPerCore = 3

    /// Notice pages, on every core, a few at a time per thread to the end (in waves of 256 pages, each wave's end left
    /// a core idle while the last pages were made); then the feed takes what it needs from its pages in page order.
    /// Each page's search tokens go to the cache's token file. After a failure the pages not yet begun are skipped.
    private func noticePages() throws -> [FeedEntryView] {
        let notices = renderer.model.notices, feedSize = renderer.model.config.feedSize
        let pages = PageCount(total: notices.count, progress: progress)
        let made = parallelMap(notices.count, threadsPerCore: Self.threadsPerCore, chunkSize: 4) { index -> Result<String, any Error> in
            guard !pages.failed else { return .success("") }
            let result = Result { try noticePage(at: index) }
            pages.finished(failed: (try? result.get()) == nil)
            return result
        }
        var feed: [FeedEntryView] = []
        for (index, result) in made.enumerated() {
            let plainText = try result.get()
            if index < feedSize { feed.append(renderer.feedEntry(notices[index], plainText: plainText)) }
        }
        return feed
    }

    /// Keeps or renders one notice page (on a worker thread) and hands its search tokens to the token file; returns
    /// its plain text for the feed's notices.
    private func noticePage(at index: Int) throws -> String {
        let summary = renderer.model.notices[index]
        let path = SiteURLs.file(SiteURLs.notice(summary)), key = keys.key(ofNoticeAt: index)
        let wantsText = index < renderer.model.config.feedSize
        if try kept(path, key: key) {
            // The token file has the tokens of an unchanged notice: they need not even be read.
            if !wantsText, tokens.keep(digest: summary.sourceDigest) { return "" }
            if let stored = previousTokens.tokens(for: summary.sourceDigest) {
                tokens.add(stored, digest: summary.sourceDigest)
                return wantsText ? renderer.plainText(of: try source.notice(for: summary)) : ""
            }
            let made = renderer.text(of: try source.notice(for: summary))
            tokens.add(made.tokens, digest: summary.sourceDigest)
            return wantsText ? made.plainText : ""
        }
        let page = renderer.renderNotice(try source.notice(for: summary), at: index)
        try write(path, page.html, key: key)
        tokens.add(page.tokens, digest: summary.sourceDigest)
        return wantsText ? page.plainText : ""
    }
}

/// How many notice pages are made, counted from every thread: reports progress in order and, now and then, hands the
/// freed page texts and contexts scattered over the heap back to the system.
private final class PageCount: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private var anyFailed = false
    let total: Int
    let progress: (@Sendable (Int, Int) -> Void)?
    init(total: Int, progress: (@Sendable (Int, Int) -> Void)?) { self.total = total; self.progress = progress }

    var failed: Bool { lock.withLock { anyFailed } }

    func finished(failed: Bool) {
        let count = lock.withLock {
            done += 1
            anyFailed = anyFailed || failed
            progress?(done, total)
            return done
        }
        if count % 8192 == 0 { StageClock.releaseFreeMemory() }
    }
}

/// Page records written from several threads.
private final class RecordBook: @unchecked Sendable {
    private var records: [String: PageRecord] = [:]
    private let lock = NSLock()
    func set(_ path: String, _ record: PageRecord) { lock.withLock { records[path] = record } }
    var all: [String: PageRecord] { lock.withLock { records } }
}
