import CAtomicSwap
import Foundation

/// What a build asks for.
public struct BuildOptions: Sendable {
    /// The site folder (holds content/ and optionally templates/).
    public var site: URL
    /// Where the site is written; default `<site>/public`.
    public var output: URL?
    public var maxFileSize: Int
    /// Overrides site.yaml's baseURL (for previews on another address).
    public var baseURL: String?
    /// Skip the build when no input changed since the last successful build into the same output.
    public var reuseUnchangedOutput = true
    /// Called after each notice page is rendered with (pages done, pages in all).
    public var progress: (@Sendable (Int, Int) -> Void)?

    public init(site: URL, output: URL? = nil, maxFileSize: Int = SiteLoader.defaultMaxFileSize, baseURL: String? = nil) {
        self.site = site
        self.output = output
        self.maxFileSize = maxFileSize
        self.baseURL = baseURL
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    public var output: URL
    public var noticeCount: Int
    public var filesWritten: Int
    /// Of those, files whose bytes did not change (left as they were, modification time kept).
    public var filesUnchanged: Int = 0
    /// Of those, pages kept without rendering them again: nothing they are made from had changed.
    public var pagesReused: Int = 0
    /// Warnings (a successful build has no errors).
    public var diagnostics: [Diagnostic]
    /// Nothing had changed since the last build, so nothing was written.
    public var upToDate = false
}

/// The whole pipeline: load → validate → site model → render → write.
public enum SiteBuilder {
    /// Load and validate only: every diagnostic for the site, and the content when there were no errors (notices
    /// without their texts: `NoticeLoader.withTexts` reads them).
    public static func check(_ layout: SiteLayout, maxFileSize: Int = SiteLoader.defaultMaxFileSize) -> (LoadedContent?, TemplateSet?, [Diagnostic]) {
        var clock = StageClock()
        let result = check(layout, maxFileSize: maxFileSize, cache: BuildCache(), clock: &clock)
        return (result.content, result.templates, result.diagnostics)
    }

    struct Checked {
        var content: LoadedContent?
        var templates: TemplateSet?
        var diagnostics: [Diagnostic]
        /// What a new build cache keeps of each notice (in `content.notices` order).
        var entries: [BuildCache.NoticeEntry] = []
    }

    /// Load and validate, reusing what `cache` knows about unchanged files.
    static func check(_ layout: SiteLayout, maxFileSize: Int, cache: BuildCache, clock: inout StageClock) -> Checked {
        var (content, diagnostics) = SiteLoader.load(layout, maxFileSize: maxFileSize, cache: cache, keepTexts: false)
        clock.lap("load")
        var entries: [BuildCache.NoticeEntry] = []
        if let loaded = content {
            let root = layout.root, defaultColumn = loaded.config.defaultColumn
            // Texts are read again for the notices checked again; a notice from the cache is decoded again.
            let (found, checks) = Validator.validate(loaded, cache: cache, reload: { notice in
                notice.hasDetails ? try NoticeLoader.withTexts(notice, root: root)
                    : try NoticeLoader.reload(notice, root: root, defaultColumn: defaultColumn)
            })
            let loadDiagnostics = Dictionary(grouping: diagnostics, by: \.file)
            entries = zip(loaded.notices, checks).map { notice, checks in
                var stored = notice
                stored.dropTexts()
                return BuildCache.NoticeEntry(notice: stored, loadDiagnostics: loadDiagnostics[notice.sourcePath] ?? [],
                                              checkKey: checks.key, checkDiagnostics: checks.diagnostics, links: checks.links,
                                              file: loaded.fileStamps[notice.sourcePath])
            }
            diagnostics += found
        }
        clock.lap("validate")
        let hasSiteTemplates = FileManager.default.fileExists(atPath: layout.templates.path)
        let (templates, templateDiagnostics) = TemplateSet.load(siteTemplates: hasSiteTemplates ? layout.templates : nil)
        diagnostics += templateDiagnostics
        if diagnostics.hasErrors { content = nil }
        return Checked(content: content, templates: templates, diagnostics: diagnostics, entries: entries)
    }

    /// Builds the site. Throws BuildFailure with every diagnostic when anything is wrong; the output
    /// folder is then left exactly as it was.
    @discardableResult
    public static func build(_ options: BuildOptions) throws -> BuildReport {
        let layout = SiteLayout(root: options.site)
        let output = (options.output ?? layout.root.appendingPathComponent("public")).standardizedFileURL
        // Nothing changed since the last successful build into this folder, by this same program: the output is
        // already right. (A new gongshi may render differently, so it builds again.)
        var clock = StageClock()
        let fingerprint = layout.inputFingerprint(extra: "\(output.path)|\(options.baseURL ?? "")|\(options.maxFileSize)|\(BuildCache.program)")
        clock.lap("input fingerprint")
        if options.reuseUnchangedOutput, let stamp = BuildStamp.read(for: output),
           stamp.fingerprint == fingerprint + "|" + BuildStamp.outputIdentity(output),
           FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path) {
            return BuildReport(output: output, noticeCount: stamp.noticeCount, filesWritten: 0, diagnostics: [], upToDate: true)
        }
        try? FileManager.default.removeItem(at: BuildStamp.url(for: output))
        // What the last build into this folder knew: unchanged files are not decoded, unchanged pages not rendered.
        let cache = options.reuseUnchangedOutput ? BuildCache.read(for: output) : BuildCache()
        clock.lap("read build cache")
        var checked = check(layout, maxFileSize: options.maxFileSize, cache: cache, clock: &clock)
        var (content, templates, diagnostics) = (checked.content, checked.templates, checked.diagnostics)
        checked.content = nil // so the notices' field positions can be let go below
        if let override = options.baseURL, SiteConfig.normalizedBaseURL(override) == nil {
            diagnostics.append(.error("--base-url 的值“\(override)”不是 http:// 或 https:// 开头的完整地址", file: "--base-url",
                                      hint: "例如 --base-url http://127.0.0.1:8000/dwgk/xczg/"))
        }
        if let loaded = content, options.baseURL == nil, loaded.config.baseURL == nil {
            diagnostics.append(.warning("site.yaml 没有设置 baseURL：不生成订阅源和站点地图，页面也没有规范链接",
                                        file: layout.displayPath(layout.configFile), hint: "加一行 baseURL: https://网站地址/栏目路径/"))
        }
        guard content != nil, let templates, !diagnostics.hasErrors else { throw BuildFailure(diagnostics) }
        var site = content!
        content = nil // the only copy left is `site`, so dropping its field positions below frees them
        // Texts and field positions were only needed for the checks; each body is read again when its page is made.
        for i in site.notices.indices { site.notices[i].dropTexts() }
        gongshi_release_free_memory() // glibc keeps freed memory otherwise; peak memory is what large sites run into

        let model = SiteModel(content: site)
        clock.lap("site model")
        let attachments = site.attachments.map { ($0, layout.attachmentsFolder.appendingPathComponent($0)) }
        var renderer = SiteRenderer(model: model, templates: templates, baseURL: options.baseURL, attachments: attachments)
        renderer.progress = options.progress
        renderer.previousTokens = cache.tokens
        let root = layout.root
        let defaultColumn = site.config.defaultColumn
        renderer.bodySource = { try NoticeLoader.body(of: $0, root: root) }
        renderer.detailsSource = { notice in
            if notice.hasDetails { return notice }
            guard let details = cache.details(for: notice) else {
                return try NoticeLoader.reload(notice, root: root, defaultColumn: defaultColumn) // not in the cache's files
            }
            var full = notice
            full.fill(details)
            return full
        }
        renderer.links = Dictionary(checked.entries.map { ($0.notice.sourcePath, $0.links) }, uniquingKeysWith: { a, _ in a })
        let staged = try StagedOutput(output: output, site: layout, reuse: options.reuseUnchangedOutput)
        staged.previous = cache.pages
        // The old cache describes the old output: it goes before anything is replaced; the new one is written
        // (tokens as pages are made, the index after the swap) only for an output this build completed.
        BuildCache.remove(for: output)
        let tokens = TokenStore.Writer(for: output, previous: cache.tokens)
        renderer.tokensRendered = { tokens.add($0, digest: $1) }
        do {
            try renderer.render(into: staged)
            tokens.close()
            clock.lap("render and write")
            try staged.commit()
            clock.lap("swap in")
        } catch let failure as BuildFailure {
            staged.abandon()
            throw BuildFailure(diagnostics + failure.diagnostics)
        } catch {
            staged.abandon()
            throw BuildFailure(diagnostics + [.error("写入输出文件夹失败：\(error.localizedDescription)", file: output.path,
                                                     hint: "请检查磁盘空间和文件夹权限；原有的输出没有改动")])
        }
        BuildStamp(fingerprint: fingerprint + "|" + BuildStamp.outputIdentity(output), noticeCount: model.notices.count).write(for: output)
        var next = BuildCache()
        next.settings = site.config.digest
        next.loadStarted = site.loadStarted
        for entry in checked.entries { next.notices[entry.notice.sourcePath] = entry }
        next.pages = staged.records
        next.writeIndex(for: output, previous: cache)
        clock.lap("write build cache")
        var report = BuildReport(output: output, noticeCount: model.notices.count, filesWritten: staged.filesWritten,
                                 filesUnchanged: staged.filesUnchanged, diagnostics: diagnostics)
        report.pagesReused = staged.pagesReused
        return report
    }
}
