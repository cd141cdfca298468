import Foundation
import GongshiContent
import GongshiCore
import GongshiOutput
import GongshiRender

/// What the load-and-check step hands on: summaries for the model, the front matter this build decoded (for the
/// pages), what the next cache keeps, the templates and every diagnostic. Field positions and texts are gone.
struct CheckedSite: Sendable {
    var config: SiteConfig?
    /// Every notice's summary, in load order, until the model is made (the entries hold them too).
    var notices: [NoticeSummary] = []
    var decoded: [String: PackedFields] = [:]
    var entries: [BuildCache.NoticeEntry] = []
    var attachments: [String] = []
    var loadStarted: Int64 = 0
    var templates: TemplateSet?
    var diagnostics: [Diagnostic] = []

    /// Each notice's body links, by source path.
    var links: [String: [String]] = [:]
}

/// The render stage's inputs for one build: the renderer, the page keys and where whole notices come from.
struct ModelledSite: Sendable {
    let model: SiteModel
    let renderer: SiteRenderer
    let keys: PageKeys
    let source: BuildNoticeSource
    let attachments: [(path: String, source: URL)]
    /// The notice count and the span of time the output holds for (see `BuildStamp`), without its fingerprint.
    let span: BuildStamp
}

/// One build's steps (see `SiteBuilder.build`), with what they share: the site, the output and the options.
final class BuildRun: @unchecked Sendable {
    let options: BuildOptions
    let layout: SiteLayout
    let output: URL
    let fingerprint: String
    /// The last build's cache, read while the fingerprint is taken: an edit needs both, one after the other they were
    /// a fifth of its time (10,000 notices). A build with nothing to do returns without waiting for it.
    private let cache: Prefetched<BuildCache>
    private var clock = StageClock()

    init(_ options: BuildOptions) {
        self.options = options
        layout = SiteLayout(root: options.site)
        let output = (options.output ?? layout.root.appendingPathComponent("public")).standardizedFileURL
        self.output = output
        cache = Prefetched { options.reuseUnchangedOutput ? BuildCache.read(for: output) : BuildCache() }
        fingerprint = layout.inputFingerprint(extra: "\(output.path)|\(options.baseURL ?? "")|\(options.maxFileSize)|\(options.preview)|\(BuildCache.program)")
        clock.lap("input fingerprint")
    }

    /// Nothing changed since the last successful build into this folder, by this same program: the output is
    /// already right. (A new gongshi may render differently, so it builds again.)
    func upToDate() -> BuildReport? {
        guard options.reuseUnchangedOutput, let stamp = BuildStamp.read(for: output),
              stamp.fingerprint == fingerprint + "|" + OutputFolders.identity(output), stamp.holds(at: options.now),
              FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path) else { return nil }
        return BuildReport(output: output, noticeCount: stamp.noticeCount, filesWritten: 0, diagnostics: [], upToDate: true,
                           nextChange: stamp.validUntil)
    }

    /// What the last build into this folder knew: unchanged files are not decoded, unchanged pages not rendered.
    func readCache() -> BuildCache {
        try? FileManager.default.removeItem(at: BuildStamp.url(for: output))
        let cache = cache.value
        clock.lap("read build cache")
        return cache
    }

    func loadAndCheck(_ cache: BuildCache) throws -> CheckedSite {
        var checked = BuildRun.check(layout, maxFileSize: options.maxFileSize, cache: cache)
        StageClock.releaseFreeMemory()
        clock.lap("load and check")
        if let override = options.baseURL, SiteConfig.normalizedBaseURL(override) == nil {
            checked.diagnostics.append(.error("--base-url 的值“\(override)”不是 http:// 或 https:// 开头的完整地址", file: "--base-url",
                                              hint: "例如 --base-url http://127.0.0.1:8000/dwgk/xczg/"))
        }
        if let config = checked.config, options.baseURL == nil, config.baseURL == nil {
            checked.diagnostics.append(.warning("site.yaml 没有设置 baseURL：不生成订阅源和站点地图，页面也没有规范链接",
                                                file: layout.displayPath(layout.configFile), hint: "加一行 baseURL: https://网站地址/栏目路径/"))
        }
        guard checked.config != nil, checked.templates != nil, !checked.diagnostics.hasErrors else { throw BuildFailure(checked.diagnostics) }
        checked.diagnostics += TimeChecks(notices: checked.notices, links: checked.links, now: options.now,
                                           publishWithinDays: checked.config!.publishWithinDays).run()
        return checked
    }

    /// Load, validate and read the templates, reusing what `cache` knows.
    static func check(_ layout: SiteLayout, maxFileSize: Int, cache: BuildCache) -> CheckedSite {
        var clock = StageClock()
        // The templates are parsed beside the notices (an edit's load leaves a core idle, and parsing them is the
        // same 30 ms whatever the site's size).
        let siteTemplates = FileManager.default.fileExists(atPath: layout.templates.path) ? layout.templates : nil
        let (loaded, (templates, templateDiagnostics)) = concurrently({ LoadStep(layout: layout, maxFileSize: maxFileSize, cache: cache).run() },
                                                                      alongside: { TemplateSet.load(siteTemplates: siteTemplates) })
        clock.lap("  load")
        var checked = CheckedSite(config: loaded.config, attachments: loaded.attachments, loadStarted: loaded.started,
                                  diagnostics: loaded.diagnostics)
        checked.notices = loaded.notices.map(\.summary)
        for case .decoded(let summary, let packed, _, _) in loaded.notices { checked.decoded[summary.sourcePath] = packed }
        if let config = loaded.config {
            let found = CheckStep(layout: layout, config: config, cache: cache).run(loaded, summaries: checked.notices)
            checked.diagnostics += found.diagnostics
            checked.entries = found.entries
            checked.links = Dictionary(found.entries.map { ($0.summary.sourcePath, $0.links) }, uniquingKeysWith: { a, _ in a })
            clock.lap("  check")
        }
        checked.templates = templates
        checked.diagnostics += templateDiagnostics
        return checked
    }

    /// Writes the checked notices' front matter and cache entries into the cache folder (see `DetailParts`): pages
    /// read the front matter from there, so neither need stay in memory.
    func keepDetails(_ checked: inout CheckedSite, _ cache: BuildCache) -> DetailParts {
        let details = DetailParts(folder: BuildCache.folder(for: output), entries: checked.entries, settings: checked.config!.digest,
                                  previous: cache, decoded: checked.decoded)
        checked.decoded = [:]
        checked.entries = []
        StageClock.releaseFreeMemory()
        clock.lap("keep front matter")
        return details
    }

    /// The site model, and the span of time its output holds for; the checked list of summaries goes (the model has
    /// its own).
    func model(_ checked: inout CheckedSite, _ details: DetailParts, _ cache: BuildCache) -> ModelledSite {
        let config = checked.config!
        let model = SiteModel(config: config, notices: checked.notices, now: options.now, preview: options.preview)
        let span = BuildStamp(fingerprint: "", noticeCount: model.notices.count, notices: checked.notices,
                              publishWithinDays: config.publishWithinDays, now: options.now)
        checked.notices = []
        let renderer = SiteRenderer(model: model, templates: checked.templates!, baseURL: options.baseURL, attachments: checked.attachments)
        let links = checked.links
        let source = BuildNoticeSource(root: layout.root, defaultColumn: config.defaultColumn, details: details.store)
        let attachments = checked.attachments.map { ($0, layout.attachmentsFolder.appendingPathComponent($0)) }
        clock.lap("site model")
        return ModelledSite(model: model, renderer: renderer, keys: PageKeys(renderer: renderer, links: links), source: source,
                            attachments: attachments, span: span)
    }

    /// Renders into the staging folder. The old cache describes the old output: it goes before anything is
    /// replaced; the new one is written (tokens as pages are made, the rest after the swap) only for an output this
    /// build completed.
    func renderAndWrite(_ site: ModelledSite, into staged: StagedOutput, cache: BuildCache,
                        diagnostics: [Diagnostic]) throws -> (pages: [String: PageRecord], search: SearchState) {
        BuildCache.remove(for: output)
        let tokens = TokenStore.Writer(for: output, previous: cache.tokens)
        defer { tokens.close() }
        let step = RenderStep(renderer: site.renderer, keys: site.keys, output: staged, source: site.source, cache: cache,
                              tokens: tokens, progress: options.progress)
        do {
            let made = try step.run(attachments: site.attachments)
            StageClock.releaseFreeMemory()
            clock.lap("render and write")
            return made
        } catch {
            staged.abandon()
            throw failure(error, diagnostics)
        }
    }

    func commit(_ staged: StagedOutput, diagnostics: [Diagnostic]) throws {
        do { try staged.commit() } catch {
            staged.abandon()
            throw failure(error, diagnostics)
        }
        clock.lap("swap in")
    }

    private func failure(_ error: Error, _ diagnostics: [Diagnostic]) -> BuildFailure {
        if let failure = error as? BuildFailure { return BuildFailure(diagnostics + failure.diagnostics) }
        return BuildFailure(diagnostics + [.error("写入输出文件夹失败：\(error.localizedDescription)", file: output.path,
                                                  hint: "请检查磁盘空间和文件夹权限；原有的输出没有改动")])
    }

    /// Records what this build was made from (for the no-op check) and what the next build can reuse.
    func record(_ checked: CheckedSite, _ site: ModelledSite, made: (pages: [String: PageRecord], search: SearchState), details: DetailParts) {
        BuildStamp(fingerprint: fingerprint + "|" + OutputFolders.identity(output), noticeCount: site.span.noticeCount,
                   validFrom: site.span.validFrom, validUntil: site.span.validUntil).write(for: output)
        var next = BuildCache()
        next.settings = checked.config!.digest
        next.loadStarted = checked.loadStarted
        next.pages = made.pages
        next.search = made.search
        next.writeIndex(for: output, details: details)
        clock.lap("write build cache")
    }
}

/// Whole notices for the pages a build makes: the front matter kept in the cache folder (see `DetailParts`), with the
/// body read again from the file (digest-checked); a notice it does not hold is decoded from its file.
struct BuildNoticeSource: NoticeSource {
    let root: URL
    let defaultColumn: String
    let details: DetailStore

    func notice(for summary: NoticeSummary) throws -> Notice {
        guard let fields = details.fields(for: summary.sourcePath, digest: summary.sourceDigest) else {
            return try NoticeFiles(root: root, defaultColumn: defaultColumn).notice(for: summary)
        }
        let texts = try NoticeLoader.texts(of: summary, root: root)
        return Notice(sourcePath: summary.sourcePath, sourceDigest: summary.sourceDigest, fields: fields,
                      defaultColumn: defaultColumn, body: texts.body, bodyStartLine: texts.bodyFirstLine)
    }
}
